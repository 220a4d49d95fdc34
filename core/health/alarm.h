// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <QString>

#include "health/healthcondition.h"
#include "wire/healthreport.h"

namespace faultline
{

/** Alarm priority, lowest first; the alarm list shows the highest first. */
enum class AlarmPriority : std::uint8_t { Low, Medium, High, Urgent };

/**
 * The alarm states of ISA-18.2. Shelved and Suppressed take precedence over the others; Normal
 * rows (cleared and acknowledged) leave the alarm list.
 */
enum class AlarmState : std::uint8_t {
    Unacknowledged, // active, not yet acknowledged
    Acknowledged, // active and acknowledged
    ReturnedUnacknowledged, // cleared before anyone acknowledged it
    Shelved, // hidden by an operator until shelvedUntilMs
    Suppressed, // hidden by design while a service it depends on has an active alarm
    Normal, // cleared and acknowledged
};

std::string_view alarmPriorityName(AlarmPriority priority);
std::string_view alarmStateName(AlarmState state);

/** One row of the alarm list: one (service, condition), however often it was raised. */
struct Alarm {
    std::uint64_t id = 0;
    std::string service;
    HealthCondition condition = HealthCondition::ErrorRate;
    HealthLevel level = HealthLevel::Warning; // current level while active, the last one once cleared
    AlarmPriority priority = AlarmPriority::Low;
    AlarmState state = AlarmState::Unacknowledged;
    bool active = true;
    bool acknowledged = false;
    bool firstOut = false; // the first alarm of its cascade
    std::uint64_t cascadeId = 0; // id of the alarm that opened the cascade
    int count = 1; // times raised while this row existed
    std::int64_t raisedAtMs = 0; // monotonic ms of the first raise of this row
    std::int64_t lastRaisedAtMs = 0; // of the latest raise or escalation
    std::optional<std::int64_t> clearedAtMs; // set while the condition is back to Ok
    std::optional<std::int64_t> shelvedUntilMs;
    std::string suppressedBy; // the service whose alarm suppresses this one
    std::string acknowledgedBy;
    double value = 0; // the measured value, in the unit of the condition
    double threshold = 0; // the threshold of the level
    Criticality criticality = Criticality::Important; // of the service itself
    Criticality impact = Criticality::Important; // highest criticality among it and its transitive callers
    int affectedServices = 0; // transitive callers

    friend bool operator==(const Alarm &, const Alarm &) = default;
};

/** The operator-facing text of an alarm, for example "p99 latency 742 ms (warning at 500 ms)". */
QString alarmText(const Alarm &alarm);

/** Orders the alarm list: higher priority first, then the most recently raised, then the higher id. */
bool alarmListOrder(const Alarm &a, const Alarm &b);

enum class AlarmEventKind : std::uint8_t { Raised, Escalated, Acknowledged, Shelved, Unshelved, Cleared };

/** Something that happened to an alarm, for the incident journal. */
struct AlarmEvent {
    AlarmEventKind kind = AlarmEventKind::Raised;
    Alarm alarm; // the row just after the event
    std::int64_t atMs = 0;
    std::string operatorName; // for acknowledgements and shelving
    QString reason;
};

/**
 * The alarm flood summary. ISA-18.2 calls more than 10 alarms in 10 minutes for one operator a
 * flood; while it lasts the list is summarised instead of scrolled.
 */
struct FloodSummary {
    bool active = false;
    std::int64_t sinceMs = 0; // when the flood began; 0 while none
    int alarmsInWindow = 0; // annunciations within the window, repeats included
    std::array<int, 4> byPriority {}; // of those, indexed by AlarmPriority
    std::vector<std::pair<std::string, int>> topServices; // most annunciations first, at most five
    std::vector<std::string> firstOutServices; // first-out alarms of the active cascades
    int suppressed = 0; // active alarms hidden by suppression
    int shelved = 0;

    friend bool operator==(const FloodSummary &, const FloodSummary &) = default;
};

/** One translated line for a flood banner, for example "Alarm flood: 23 alarms in 10 minutes; ...". */
QString floodSummaryText(const FloodSummary &flood);

} // namespace faultline
