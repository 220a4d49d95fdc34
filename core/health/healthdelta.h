// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <QString>

#include "health/alarm.h"
#include "health/healththresholds.h"
#include "health/suspect.h"

namespace faultline
{

/**
 * What changed in the alarms since the previous delta, from the ingest thread to the GUI thread.
 * Rows carry their whole current state, so applying is a replace per id.
 */
struct HealthDelta {
    std::vector<Alarm> alarms; // rows added or changed
    std::vector<std::uint64_t> removedAlarms; // rows that returned to Normal
    std::vector<AlarmEvent> events; // in the order they happened
    std::optional<FloodSummary> flood; // set when the summary changed
    std::optional<std::vector<Suspect>> suspects; // set when the ranking was recomputed; best first
    std::vector<QString> commandErrors; // operator commands that could not be applied, and why

    bool empty() const
    {
        return alarms.empty() && removedAlarms.empty() && events.empty() && !flood && !suspects
            && commandErrors.empty();
    }
};

/** An operator's request to the health evaluation on the ingest thread. */
struct HealthCommand {
    enum class Kind : std::uint8_t {
        Acknowledge, // alarmId
        AcknowledgeAll, // every unacknowledged alarm in the list
        Shelve, // alarmId for durationMs
        Unshelve, // alarmId
        SetThresholds, // service and thresholds, overriding its config
        ClearThresholds, // service, back to its config
    };

    Kind kind = Kind::Acknowledge;
    std::uint64_t alarmId = 0;
    std::int64_t durationMs = 0;
    std::string service;
    HealthThresholds thresholds;
    std::string operatorName;
    QString reason;
};

} // namespace faultline
