// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthcondition.h"

namespace faultline
{

std::string_view healthConditionName(HealthCondition condition)
{
    switch (condition) {
    case HealthCondition::ErrorRate:
        return "error_rate";
    case HealthCondition::Latency:
        return "latency";
    case HealthCondition::Saturation:
        return "saturation";
    case HealthCondition::Heartbeat:
        return "heartbeat";
    }
    return "error_rate";
}

std::optional<HealthCondition> healthConditionFromName(std::string_view name)
{
    for (const auto condition : allHealthConditions) {
        if (healthConditionName(condition) == name)
            return condition;
    }
    return std::nullopt;
}

std::string_view healthLevelName(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok:
        return "ok";
    case HealthLevel::Warning:
        return "warning";
    case HealthLevel::Critical:
        return "critical";
    }
    return "ok";
}

} // namespace faultline
