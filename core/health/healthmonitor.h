// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "health/alarmmanager.h"
#include "health/healthdelta.h"
#include "health/impactgraph.h"
#include "health/rootcause.h"

namespace faultline
{

class TopologyStore;

/**
 * Alarms and root-cause suspects on the ingest thread, fed from the TopologyStore after each tick.
 * Alarms follow the store's debounced conditions at every update; the dependency graph is rebuilt
 * and the suspects re-ranked once a second while any service is unhealthy or any alarm is listed.
 */
class HealthMonitor
{
public:
    HealthMonitor();
    explicit HealthMonitor(AlarmManager::Options options);
    // The alarm manager's clock refers to this object, so it stays where it was made.
    HealthMonitor(const HealthMonitor &) = delete;
    HealthMonitor &operator=(const HealthMonitor &) = delete;

    void update(const TopologyStore &store, std::int64_t nowMs);
    /** Applies an operator command at @p nowMs; thresholds go to @p store. Failures land in the next delta. */
    void apply(const HealthCommand &command, TopologyStore &store, std::int64_t nowMs);
    void takeChanges(HealthDelta &delta);

    const AlarmManager &alarms() const { return m_alarms; }
    const ImpactGraph &graph() const { return m_graph; }

private:
    void rebuildGraph(const TopologyStore &store);

    std::int64_t m_nowMs = 0;
    AlarmManager m_alarms;
    ImpactGraph m_graph;
    std::int64_t m_lastSecond = std::numeric_limits<std::int64_t>::min();
    std::optional<std::vector<Suspect>> m_pendingSuspects;
    std::vector<Suspect> m_lastSuspects;
    std::vector<QString> m_commandErrors;
};

} // namespace faultline
