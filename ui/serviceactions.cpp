// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serviceactions.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QUuid>

#include "incident/incidentsink.h"

namespace faultline
{

namespace
{

QString operationLabel(ControlOperation operation)
{
    switch (operation) {
    case ControlOperation::Isolate:
        return ServiceActions::tr("&Isolate");
    case ControlOperation::Degrade:
        return ServiceActions::tr("&Degrade (serve cached results)");
    case ControlOperation::Shed:
        return ServiceActions::tr("&Shed load...");
    case ControlOperation::Ramp:
        return ServiceActions::tr("Ra&mp traffic...");
    case ControlOperation::Restore:
        break;
    }
    return ServiceActions::tr("&Restore");
}

QString operationVerb(ControlOperation operation)
{
    switch (operation) {
    case ControlOperation::Isolate:
        return ServiceActions::tr("isolate");
    case ControlOperation::Degrade:
        return ServiceActions::tr("degrade");
    case ControlOperation::Shed:
        return ServiceActions::tr("shed load on");
    case ControlOperation::Ramp:
        return ServiceActions::tr("ramp");
    case ControlOperation::Restore:
        break;
    }
    return ServiceActions::tr("restore");
}

// Ctrl+Alt keeps clear of the graph's own shortcuts and of text editing.
QKeySequence operationShortcut(ControlOperation operation)
{
    switch (operation) {
    case ControlOperation::Isolate:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I);
    case ControlOperation::Degrade:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D);
    case ControlOperation::Shed:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S);
    case ControlOperation::Ramp:
        return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M);
    case ControlOperation::Restore:
        break;
    }
    return QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R);
}

QString consequence(ControlOperation operation, const QString &service)
{
    switch (operation) {
    case ControlOperation::Isolate:
        return ServiceActions::tr("No calls will reach %1. Its callers get fallback data until it is restored.")
            .arg(service);
    case ControlOperation::Shed:
        return ServiceActions::tr("%1 will reject, at once, the requests above the capacity below.").arg(service);
    case ControlOperation::Ramp:
        return ServiceActions::tr("Only the share of traffic below will reach %1; callers get fallback data for the "
                                  "rest.")
            .arg(service);
    case ControlOperation::Degrade:
        return ServiceActions::tr("%1 will serve its last cached result.").arg(service);
    case ControlOperation::Restore:
        break;
    }
    return ServiceActions::tr("%1 goes back to normal operation.").arg(service);
}

} // namespace

ServiceActions::ServiceActions(CommandSender *sender, IncidentSink *sink, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_sender(sender)
    , m_sink(sink)
    , m_dialogParent(dialogParent)
{
    m_prompt = [this](ControlOperation operation, const QString &service) { return askOperator(operation, service); };
    for (auto operation : { ControlOperation::Isolate, ControlOperation::Degrade, ControlOperation::Shed,
             ControlOperation::Ramp, ControlOperation::Restore }) {
        auto *action = new QAction(operationLabel(operation), this);
        action->setShortcut(operationShortcut(operation));
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setEnabled(false);
        connect(action, &QAction::triggered, this, [this, operation] { trigger(operation, m_service); });
        m_actions.emplace_back(operation, action);
    }
}

QAction *ServiceActions::action(ControlOperation operation) const
{
    for (const auto &[op, action] : m_actions) {
        if (op == operation)
            return action;
    }
    return nullptr;
}

void ServiceActions::addTo(QMenu *menu) const
{
    for (const auto &[operation, action] : m_actions) {
        if (operation == ControlOperation::Restore)
            menu->addSeparator();
        menu->addAction(action);
    }
}

bool ServiceActions::cutsTraffic(ControlOperation operation, std::optional<double> percent)
{
    switch (operation) {
    case ControlOperation::Isolate:
    case ControlOperation::Shed:
        return true;
    case ControlOperation::Ramp:
        return !percent || *percent < 100;
    case ControlOperation::Degrade:
    case ControlOperation::Restore:
        break;
    }
    return false;
}

void ServiceActions::setCurrentService(const QString &service)
{
    m_service = service;
    const bool usable = !service.isEmpty() && m_sender;
    for (const auto &[operation, action] : m_actions) {
        action->setEnabled(usable);
        action->setText(
            service.isEmpty() ? operationLabel(operation) : tr("%1 %2").arg(operationLabel(operation), service));
    }
}

void ServiceActions::trigger(ControlOperation operation, const QString &service)
{
    if (service.isEmpty() || !m_sender)
        return;
    // The ramp's share is picked in the dialog, so every ramp is confirmed.
    Confirmation confirmation;
    if (cutsTraffic(operation, std::nullopt)) {
        auto answer = m_prompt(operation, service);
        if (!answer)
            return;
        confirmation = *answer;
    }
    send(operation, service, confirmation);
}

std::optional<ServiceActions::Confirmation> ServiceActions::askOperator(
    ControlOperation operation, const QString &service)
{
    QDialog dialog(m_dialogParent);
    dialog.setObjectName(QStringLiteral("confirmActionDialog"));
    dialog.setWindowTitle(tr("Confirm: %1 %2").arg(operationVerb(operation), service));
    auto *form = new QFormLayout(&dialog);
    auto *text = new QLabel(consequence(operation, service), &dialog);
    text->setWordWrap(true);
    form->addRow(text);

    QSpinBox *percent = nullptr;
    QDoubleSpinBox *capacity = nullptr;
    if (operation == ControlOperation::Ramp) {
        percent = new QSpinBox(&dialog);
        percent->setRange(1, 100);
        percent->setValue(5);
        percent->setSuffix(QStringLiteral(" %"));
        form->addRow(tr("Share of traffic admitted:"), percent);
    } else if (operation == ControlOperation::Shed) {
        capacity = new QDoubleSpinBox(&dialog);
        capacity->setRange(1, 1'000'000);
        capacity->setDecimals(0);
        capacity->setValue(50);
        form->addRow(tr("In-flight requests admitted:"), capacity);
    }
    auto *reason = new QLineEdit(&dialog);
    reason->setPlaceholderText(tr("For the incident timeline"));
    form->addRow(tr("Reason:"), reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("%1 %2").arg(operationVerb(operation), service));
    // A default button would let a stray Enter cut traffic, so the operator must pick OK.
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;

    Confirmation confirmation;
    confirmation.reason = reason->text().trimmed();
    if (percent)
        confirmation.percent = percent->value();
    if (capacity)
        confirmation.capacity = capacity->value();
    return confirmation;
}

void ServiceActions::send(ControlOperation operation, const QString &service, const Confirmation &confirmation)
{
    ControlRequest request;
    request.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    request.operation = operation;
    request.service = service.toStdString();
    request.percent = confirmation.percent;
    request.capacity = confirmation.capacity;
    request.operatorName = m_operatorName.toStdString();
    request.reason = confirmation.reason.toStdString();
    request.deadlineUnixMs = QDateTime::currentMSecsSinceEpoch() + m_timeout.count();

    IncidentEvent sent;
    sent.kind = EventKind::ActionSent;
    sent.severity = Severity::Info;
    sent.service = service;
    sent.source = QStringLiteral("console");
    sent.operatorName = m_operatorName;
    sent.correlationId = QString::fromStdString(request.id);
    sent.text = confirmation.reason;
    sent.details.insert(QStringLiteral("operation"), QString::fromLatin1(operationName(operation)));
    if (confirmation.percent)
        sent.details.insert(QStringLiteral("percent"), QString::number(*confirmation.percent));
    if (confirmation.capacity)
        sent.details.insert(QStringLiteral("capacity"), QString::number(*confirmation.capacity));
    if (m_sink)
        m_sink->record(sent);

    QCoro::connect(m_sender->send(request, m_timeout), this, [this, sent](const CommandOutcome &outcome) {
        IncidentEvent event = sent;
        event.time = {};
        event.text = outcome.reason;
        QString summary;
        const auto verb = sent.details.value(QStringLiteral("operation"));
        switch (outcome.kind) {
        case CommandOutcome::Kind::Applied:
            event.kind = EventKind::ActionApplied;
            event.details.insert(QStringLiteral("mode"), QString::fromLatin1(modeName(outcome.mode)));
            summary = tr("%1 on %2 applied; the service is now %3.")
                          .arg(verb, sent.service, QString::fromLatin1(modeName(outcome.mode)));
            break;
        case CommandOutcome::Kind::Rejected:
            event.kind = EventKind::ActionRejected;
            event.severity = Severity::Warning;
            summary = tr("%1 on %2 rejected: %3").arg(verb, sent.service, outcome.reason);
            break;
        case CommandOutcome::Kind::TimedOut:
        case CommandOutcome::Kind::Cancelled:
            event.kind = EventKind::ActionTimedOut;
            event.severity = Severity::Warning;
            summary = tr("%1 on %2: no reply in %3 s; check the service's mode in the graph before retrying.")
                          .arg(verb, sent.service)
                          .arg(double(m_timeout.count()) / 1000.0);
            break;
        }
        if (m_sink)
            m_sink->record(event);
        Q_EMIT finished(outcome, summary);
    });
}

} // namespace faultline
