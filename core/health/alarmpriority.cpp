// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmpriority.h"

#include <algorithm>

namespace faultline
{

AlarmImpact alarmImpact(const ImpactGraph &graph, std::size_t service)
{
    AlarmImpact impact;
    if (service >= graph.size())
        return impact;
    impact.own = graph.criticality(service);
    impact.highest = impact.own;
    const auto callers = graph.transitiveCallers(service);
    impact.affectedServices = int(callers.size());
    for (const auto caller : callers)
        impact.highest = std::max(impact.highest, graph.criticality(caller));
    return impact;
}

AlarmPriority alarmPriority(HealthLevel level, Criticality highest)
{
    const int step = (level == HealthLevel::Critical ? 1 : 0) + int(highest);
    return AlarmPriority(std::clamp(step, 0, int(AlarmPriority::Urgent)));
}

} // namespace faultline
