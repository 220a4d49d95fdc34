// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentevent.h"

#include <array>
#include <utility>

namespace faultline
{

namespace
{

constexpr std::array<std::pair<Severity, std::string_view>, 3> severities { {
    { Severity::Info, "info" },
    { Severity::Warning, "warning" },
    { Severity::Critical, "critical" },
} };

constexpr std::array<std::pair<EventKind, std::string_view>, 23> kinds { {
    { EventKind::AlarmRaised, "alarm.raised" },
    { EventKind::AlarmAcknowledged, "alarm.acknowledged" },
    { EventKind::AlarmShelved, "alarm.shelved" },
    { EventKind::AlarmCleared, "alarm.cleared" },
    { EventKind::StateChanged, "service.state_changed" },
    { EventKind::ModeChanged, "service.mode_changed" },
    { EventKind::ActionSent, "action.sent" },
    { EventKind::ActionApplied, "action.applied" },
    { EventKind::ActionRejected, "action.rejected" },
    { EventKind::ActionTimedOut, "action.timed_out" },
    { EventKind::PlaybookStepStarted, "playbook.step_started" },
    { EventKind::PlaybookCheckPassed, "playbook.check_passed" },
    { EventKind::PlaybookCheckFailed, "playbook.check_failed" },
    { EventKind::PlaybookStepSkipped, "playbook.step_skipped" },
    { EventKind::OperatorNote, "note" },
    { EventKind::PublisherLost, "stream.publisher_lost" },
    { EventKind::PublisherReturned, "stream.publisher_returned" },
    { EventKind::MessagesLost, "stream.messages_lost" },
    { EventKind::MessagesMalformed, "stream.messages_malformed" },
    { EventKind::IncidentOpened, "incident.opened" },
    { EventKind::IncidentClosed, "incident.closed" },
    { EventKind::IncidentResumed, "incident.resumed" },
    { EventKind::GraphSnapshot, "graph.snapshot" },
} };

template<typename Enum, std::size_t N>
std::string_view nameIn(const std::array<std::pair<Enum, std::string_view>, N> &table, Enum value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return name;
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueIn(const std::array<std::pair<Enum, std::string_view>, N> &table, std::string_view name)
{
    for (const auto &[entry, entryName] : table) {
        if (entryName == name)
            return entry;
    }
    return std::nullopt;
}

} // namespace

std::string_view severityName(Severity severity)
{
    return nameIn(severities, severity);
}

std::optional<Severity> severityFromName(std::string_view name)
{
    return valueIn(severities, name);
}

std::string_view eventKindName(EventKind kind)
{
    return nameIn(kinds, kind);
}

std::optional<EventKind> eventKindFromName(std::string_view name)
{
    return valueIn(kinds, name);
}

const std::vector<EventKind> &allEventKinds()
{
    static const std::vector<EventKind> list = [] {
        std::vector<EventKind> result;
        for (const auto &entry : kinds)
            result.push_back(entry.first);
        return result;
    }();
    return list;
}

std::optional<ServiceState> serviceStateFromName(std::string_view name)
{
    for (auto state : { ServiceState::Unknown, ServiceState::Ok, ServiceState::Warning, ServiceState::Critical,
             ServiceState::Stale }) {
        if (serviceStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace faultline
