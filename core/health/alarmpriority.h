// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

#include "health/alarm.h"
#include "health/impactgraph.h"

namespace faultline
{

/** What an alarm on one service puts at risk: the service and every service that calls it, directly or not. */
struct AlarmImpact {
    Criticality own = Criticality::Important;
    Criticality highest = Criticality::Important; // of the service and its transitive callers
    int affectedServices = 0; // transitive callers
};

/** The impact of a problem on graph node @p service. */
AlarmImpact alarmImpact(const ImpactGraph &graph, std::size_t service);

/**
 * The priority of an alarm at @p level whose impact reaches @p highest criticality. A minor service
 * that a core one calls therefore ranks with core services, above an isolated minor leaf:
 *
 *   level \ impact   minor    important   core
 *   warning          low      medium      high
 *   critical         medium   high        urgent
 */
AlarmPriority alarmPriority(HealthLevel level, Criticality highest);

} // namespace faultline
