// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

#include "topology/servicestate.h"
#include "traces/span.h"
#include "wire/healthreport.h"

namespace faultline
{

enum class Severity : std::uint8_t { Info, Warning, Critical };

/** What an incident event records. The wire names (eventKindName) are stored in journals and exports. */
enum class EventKind : std::uint8_t {
    AlarmRaised,
    AlarmAcknowledged,
    AlarmShelved,
    AlarmCleared,
    StateChanged,
    ModeChanged,
    ActionSent,
    ActionApplied,
    ActionRejected,
    ActionTimedOut,
    PlaybookStepStarted,
    PlaybookCheckPassed,
    PlaybookCheckFailed,
    PlaybookStepSkipped,
    OperatorNote,
    PublisherLost,
    PublisherReturned,
    MessagesLost,
    MessagesMalformed,
    IncidentOpened,
    IncidentClosed,
    IncidentResumed,
    GraphSnapshot,
};

std::string_view severityName(Severity severity);
std::optional<Severity> severityFromName(std::string_view name);
std::string_view eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(std::string_view name);
/** Every kind in declaration order, for filters and menus. */
const std::vector<EventKind> &allEventKinds();
std::optional<ServiceState> serviceStateFromName(std::string_view name);

/** One service of the dependency graph as it stood when a snapshot was taken. */
struct GraphNode {
    QString name;
    NodeKind kind = NodeKind::Service;
    ServiceState state = ServiceState::Unknown;
    ServiceMode mode = ServiceMode::Normal;
    std::optional<Criticality> criticality; // empty until a heartbeat stated it

    bool operator==(const GraphNode &) const = default;
};

/** One caller-to-callee edge of a graph snapshot, with its recent error share. */
struct GraphEdge {
    QString caller;
    QString callee;
    double errorRate = 0;

    bool operator==(const GraphEdge &) const = default;
};

/** The dependency graph at one moment, kept with the incident for the HTML report. */
struct GraphSnapshot {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;

    bool empty() const { return nodes.empty(); }
    bool operator==(const GraphSnapshot &) const = default;
};

/**
 * One entry of an incident's timeline. The manager assigns the sequence number; callers fill in
 * what they know and may leave the time null to take the moment of recording.
 *
 * Detail keys by kind (all values are strings): StateChanged and ModeChanged carry "from" and
 * "to" (wire names); alarms may carry "criticality"; actions carry "operation" and, when they
 * failed, "error"; MessagesLost and MessagesMalformed carry "count" and "publisher".
 */
struct IncidentEvent {
    std::uint64_t sequence = 0; // 1, 2, 3 ... within one incident; 0 until recorded
    QDateTime time; // UTC with milliseconds
    Severity severity = Severity::Info;
    EventKind kind = EventKind::OperatorNote;
    QString service; // the service the event is about; empty for plant-wide events
    QString source; // the part of Faultline that reported it ("alarms", "control", "faultlinectl watch")
    QString operatorName; // who acted, for actions, acknowledgements and notes
    QString correlationId; // alarm id, control request id or playbook step id that ties events together
    QString text; // the alarm message, the operator's reason or the note
    QMap<QString, QString> details;
    std::optional<GraphSnapshot> graph; // only on GraphSnapshot events

    bool operator==(const IncidentEvent &) const = default;
};

} // namespace faultline

Q_DECLARE_METATYPE(faultline::IncidentEvent)
