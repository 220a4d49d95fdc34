// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "thresholdsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

#include "health/healthconfig.h"

namespace faultline
{

namespace
{

QDoubleSpinBox *spinBox(QWidget *parent, double maximum, int decimals, const QString &suffix)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, maximum);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}

} // namespace

ThresholdsDialog::ThresholdsDialog(const QString &service, const HealthThresholds &current, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_base(current)
    , m_errorWarning(spinBox(this, 100, 1, QStringLiteral(" %")))
    , m_errorCritical(spinBox(this, 100, 1, QStringLiteral(" %")))
    , m_p99Warning(spinBox(this, 3'600'000, 0, QStringLiteral(" ms")))
    , m_p99Critical(spinBox(this, 3'600'000, 0, QStringLiteral(" ms")))
    , m_saturationWarning(spinBox(this, 1000, 0, QStringLiteral(" %")))
    , m_saturationCritical(spinBox(this, 1000, 0, QStringLiteral(" %")))
    , m_lateIntervals(spinBox(this, 1000, 1, {}))
    , m_staleIntervals(spinBox(this, 1000, 1, {}))
    , m_clearDelay(spinBox(this, 3600, 1, QStringLiteral(" s")))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("thresholdsDialog"));
    setWindowTitle(tr("Alarm thresholds of %1").arg(service));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Error rate, warning at:"), m_errorWarning);
    form->addRow(tr("Error rate, critical at:"), m_errorCritical);
    form->addRow(tr("p99 latency, warning at:"), m_p99Warning);
    form->addRow(tr("p99 latency, critical at:"), m_p99Critical);
    form->addRow(tr("Capacity in use, warning at:"), m_saturationWarning);
    form->addRow(tr("Capacity in use, critical at:"), m_saturationCritical);
    form->addRow(tr("Heartbeat late after (intervals):"), m_lateIntervals);
    form->addRow(tr("Stale after (intervals):"), m_staleIntervals);
    form->addRow(tr("Clear after staying below for:"), m_clearDelay);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b71c1c"));
    form->addRow(m_problem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *defaults = buttons->addButton(tr("Back to &defaults"), QDialogButtonBox::ResetRole);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ThresholdsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(defaults, &QPushButton::clicked, this, [this] { done(ResetToDefaults); });
    setThresholds(current);
}

void ThresholdsDialog::setThresholds(const HealthThresholds &thresholds)
{
    m_errorWarning->setValue(thresholds.errorRateWarning * 100);
    m_errorCritical->setValue(thresholds.errorRateCritical * 100);
    m_p99Warning->setValue(thresholds.p99WarningMs);
    m_p99Critical->setValue(thresholds.p99CriticalMs);
    m_saturationWarning->setValue(thresholds.saturationWarning * 100);
    m_saturationCritical->setValue(thresholds.saturationCritical * 100);
    m_lateIntervals->setValue(thresholds.heartbeatLateIntervals);
    m_staleIntervals->setValue(thresholds.staleIntervals);
    m_clearDelay->setValue(double(thresholds.clearDelayMs) / 1000.0);
}

HealthThresholds ThresholdsDialog::thresholds() const
{
    // Fields the dialog does not show (raise delay, deadband) keep the service's current values.
    HealthThresholds thresholds = m_base;
    thresholds.errorRateWarning = m_errorWarning->value() / 100;
    thresholds.errorRateCritical = m_errorCritical->value() / 100;
    thresholds.p99WarningMs = m_p99Warning->value();
    thresholds.p99CriticalMs = m_p99Critical->value();
    thresholds.saturationWarning = m_saturationWarning->value() / 100;
    thresholds.saturationCritical = m_saturationCritical->value() / 100;
    thresholds.heartbeatLateIntervals = m_lateIntervals->value();
    thresholds.staleIntervals = m_staleIntervals->value();
    thresholds.clearDelayMs = std::int64_t(m_clearDelay->value() * 1000);
    return thresholds;
}

QString ThresholdsDialog::problem() const
{
    return m_problem->text();
}

void ThresholdsDialog::accept()
{
    if (auto error = HealthConfig::validate(thresholds(), m_service)) {
        m_problem->setText(error->message);
        return;
    }
    m_problem->clear();
    QDialog::accept();
}

} // namespace faultline
