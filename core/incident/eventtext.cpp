// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventtext.h"

namespace faultline
{

QString EventText::kindLabel(EventKind kind)
{
    switch (kind) {
    case EventKind::AlarmRaised:
        return tr("Alarm raised");
    case EventKind::AlarmAcknowledged:
        return tr("Alarm acknowledged");
    case EventKind::AlarmShelved:
        return tr("Alarm shelved");
    case EventKind::AlarmCleared:
        return tr("Alarm cleared");
    case EventKind::StateChanged:
        return tr("State changed");
    case EventKind::ModeChanged:
        return tr("Mode changed");
    case EventKind::ActionSent:
        return tr("Action sent");
    case EventKind::ActionApplied:
        return tr("Action applied");
    case EventKind::ActionRejected:
        return tr("Action rejected");
    case EventKind::ActionTimedOut:
        return tr("Action timed out");
    case EventKind::PlaybookStepStarted:
        return tr("Playbook step started");
    case EventKind::PlaybookCheckPassed:
        return tr("Playbook check passed");
    case EventKind::PlaybookCheckFailed:
        return tr("Playbook check failed");
    case EventKind::PlaybookStepSkipped:
        return tr("Playbook step skipped");
    case EventKind::OperatorNote:
        return tr("Operator note");
    case EventKind::PublisherLost:
        return tr("Publisher lost");
    case EventKind::PublisherReturned:
        return tr("Publisher returned");
    case EventKind::MessagesLost:
        return tr("Messages lost");
    case EventKind::MessagesMalformed:
        return tr("Malformed messages");
    case EventKind::IncidentOpened:
        return tr("Incident opened");
    case EventKind::IncidentClosed:
        return tr("Incident closed");
    case EventKind::IncidentResumed:
        return tr("Journal resumed");
    case EventKind::GraphSnapshot:
        return tr("Graph snapshot");
    }
    return QString::fromLatin1(eventKindName(kind).data());
}

QString EventText::severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return tr("Info");
    case Severity::Warning:
        return tr("Warning");
    case Severity::Critical:
        return tr("Critical");
    }
    return {};
}

QString EventText::stateLabel(ServiceState state)
{
    switch (state) {
    case ServiceState::Unknown:
        return tr("unknown");
    case ServiceState::Ok:
        return tr("ok");
    case ServiceState::Warning:
        return tr("warning");
    case ServiceState::Critical:
        return tr("critical");
    case ServiceState::Stale:
        return tr("stale");
    }
    return {};
}

QString EventText::criticalityLabel(Criticality criticality)
{
    switch (criticality) {
    case Criticality::Minor:
        return tr("minor");
    case Criticality::Important:
        return tr("important");
    case Criticality::Core:
        return tr("core");
    }
    return {};
}

QString EventText::description(const IncidentEvent &event)
{
    if (!event.text.isEmpty())
        return event.text;
    const auto from = event.details.value(QStringLiteral("from"));
    const auto to = event.details.value(QStringLiteral("to"));
    switch (event.kind) {
    case EventKind::StateChanged:
        return tr("state changed from %1 to %2").arg(from, to);
    case EventKind::ModeChanged:
        return tr("mode changed from %1 to %2").arg(from, to);
    case EventKind::MessagesLost:
    case EventKind::MessagesMalformed:
        return tr("%1 messages from %2")
            .arg(event.details.value(QStringLiteral("count")), event.details.value(QStringLiteral("publisher")));
    case EventKind::GraphSnapshot:
        return tr("dependency graph of %n services", nullptr, event.graph ? int(event.graph->nodes.size()) : 0);
    case EventKind::ActionSent:
    case EventKind::ActionApplied:
    case EventKind::ActionRejected:
    case EventKind::ActionTimedOut:
        return event.details.value(QStringLiteral("operation"));
    default:
        return {};
    }
}

} // namespace faultline
