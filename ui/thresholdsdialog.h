// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "health/healththresholds.h"

class QDoubleSpinBox;
class QLabel;

namespace faultline
{

/**
 * Edits the alarm thresholds of one service. Percentages are shown as percent and stored as shares;
 * OK is accepted only for thresholds that HealthConfig::validate() accepts, and the reason is shown
 * otherwise. "Defaults" requests that the console drop the override.
 */
class ThresholdsDialog : public QDialog
{
    Q_OBJECT

public:
    /** The done() codes beyond Accepted and Rejected. */
    enum Result { ResetToDefaults = 2 };

    ThresholdsDialog(const QString &service, const HealthThresholds &current, QWidget *parent = nullptr);

    HealthThresholds thresholds() const;
    /** Sets the fields from @p thresholds. */
    void setThresholds(const HealthThresholds &thresholds);
    /** The validation error shown, empty when the values are valid. */
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    QString m_service;
    HealthThresholds m_base;
    QDoubleSpinBox *m_errorWarning;
    QDoubleSpinBox *m_errorCritical;
    QDoubleSpinBox *m_p99Warning;
    QDoubleSpinBox *m_p99Critical;
    QDoubleSpinBox *m_saturationWarning;
    QDoubleSpinBox *m_saturationCritical;
    QDoubleSpinBox *m_lateIntervals;
    QDoubleSpinBox *m_staleIntervals;
    QDoubleSpinBox *m_clearDelay;
    QLabel *m_problem;
};

} // namespace faultline
