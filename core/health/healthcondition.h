// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace faultline
{

/** What a health threshold watches; each service has at most one alarm per condition. */
enum class HealthCondition : std::uint8_t {
    ErrorRate, // failed share of the requests the service served
    Latency, // p99 latency of the requests it served
    Saturation, // in-flight requests / capacity
    Heartbeat, // age of the last heartbeat: late, then stale
};

inline constexpr std::size_t healthConditionCount = 4;

/** Every condition in declaration order, for loops and tables. */
inline constexpr std::array<HealthCondition, healthConditionCount> allHealthConditions
    = { HealthCondition::ErrorRate, HealthCondition::Latency, HealthCondition::Saturation, HealthCondition::Heartbeat };

/** How far a condition is past its thresholds. For Heartbeat, Critical means stale. */
enum class HealthLevel : std::uint8_t { Ok, Warning, Critical };

std::string_view healthConditionName(HealthCondition condition);
std::optional<HealthCondition> healthConditionFromName(std::string_view name);
std::string_view healthLevelName(HealthLevel level);

/** The debounced level of one condition of one service, with the measurement behind it. */
struct ConditionStatus {
    HealthLevel level = HealthLevel::Ok;
    std::int64_t sinceMs = 0; // monotonic ms when the metric first reached Warning; meaningless while Ok
    double value = 0; // the measured value: a share, milliseconds, or heartbeat intervals
    double threshold = 0; // the threshold of the current level; 0 while Ok

    friend bool operator==(const ConditionStatus &, const ConditionStatus &) = default;
};

using ConditionStatuses = std::array<ConditionStatus, healthConditionCount>;

inline std::size_t conditionIndex(HealthCondition condition)
{
    return std::size_t(condition);
}

} // namespace faultline
