// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthevaluator.h"

#include <algorithm>
#include <cmath>

namespace faultline
{

namespace
{

HealthLevel levelAtOrAbove(double value, double warning, double critical)
{
    if (value >= critical)
        return HealthLevel::Critical;
    if (value >= warning)
        return HealthLevel::Warning;
    return HealthLevel::Ok;
}

HealthLevel levelAbove(double value, double warning, double critical)
{
    if (value > critical)
        return HealthLevel::Critical;
    if (value > warning)
        return HealthLevel::Warning;
    return HealthLevel::Ok;
}

} // namespace

HealthEvaluator::HealthEvaluator(HealthConfig config)
    : m_config(std::move(config))
{
}

double HealthEvaluator::thresholdOf(HealthCondition condition, HealthLevel level, const HealthThresholds &t)
{
    const bool critical = level == HealthLevel::Critical;
    switch (condition) {
    case HealthCondition::ErrorRate:
        return critical ? t.errorRateCritical : t.errorRateWarning;
    case HealthCondition::Latency:
        return critical ? t.p99CriticalMs : t.p99WarningMs;
    case HealthCondition::Saturation:
        return critical ? t.saturationCritical : t.saturationWarning;
    case HealthCondition::Heartbeat:
        return critical ? t.staleIntervals : t.heartbeatLateIntervals;
    }
    return 0;
}

ConditionReading HealthEvaluator::read(HealthCondition condition, double value, const HealthThresholds &t)
{
    ConditionReading reading;
    reading.value = std::isfinite(value) ? value : 0;
    const double warning = thresholdOf(condition, HealthLevel::Warning, t);
    const double critical = thresholdOf(condition, HealthLevel::Critical, t);
    if (condition == HealthCondition::Heartbeat) {
        // Age is a duration already, so it needs no deadband: a fresh heartbeat is proof enough.
        reading.raw = levelAbove(reading.value, warning, critical);
        reading.clear = reading.raw;
        return reading;
    }
    const double keep = 1.0 - t.deadband;
    reading.raw = levelAtOrAbove(reading.value, warning, critical);
    reading.clear = levelAtOrAbove(reading.value, warning * keep, critical * keep);
    return reading;
}

ConditionReadings HealthEvaluator::readReport(const HealthReport &report, std::int64_t ageMs, const HealthThresholds &t)
{
    ConditionReadings readings;
    readings[conditionIndex(HealthCondition::ErrorRate)]
        = read(HealthCondition::ErrorRate, std::clamp(report.errorRate, 0.0, 1.0), t);
    readings[conditionIndex(HealthCondition::Latency)] = read(HealthCondition::Latency, report.latencyP99Ms, t);
    if (report.capacity > 0)
        readings[conditionIndex(HealthCondition::Saturation)]
            = read(HealthCondition::Saturation, report.inFlight / report.capacity, t);
    const double interval = double(std::max<std::int64_t>(1, report.intervalMs));
    readings[conditionIndex(HealthCondition::Heartbeat)]
        = read(HealthCondition::Heartbeat, double(std::max<std::int64_t>(0, ageMs)) / interval, t);
    return readings;
}

ConditionStatuses HealthEvaluator::evaluate(
    HealthTrack &track, const ConditionReadings &readings, const HealthThresholds &t, std::int64_t nowMs)
{
    ConditionStatuses statuses;
    for (const auto condition : allHealthConditions) {
        const auto index = conditionIndex(condition);
        ConditionTracker::Delays delays { t.raiseDelayMs, t.clearDelayMs, t.clearDelayMs };
        if (condition == HealthCondition::Heartbeat) {
            // Heartbeat age is a duration already, so it needs no raise delay. A stale service that reports again
            // has data at once, and only the step from late back to Ok waits, so a jittery publisher does not flap.
            delays = { 0, t.clearDelayMs, 0 };
        }
        auto &status = statuses[index];
        status.level = track.trackers[index].update(readings[index].raw, readings[index].clear, nowMs, delays);
        status.value = readings[index].value;
        status.threshold = status.level == HealthLevel::Ok ? 0 : thresholdOf(condition, status.level, t);
        status.sinceMs = track.trackers[index].onsetMs().value_or(0);
    }
    return statuses;
}

ServiceState HealthEvaluator::stateOf(const ConditionStatuses &statuses)
{
    auto worst = HealthLevel::Ok;
    for (const auto &status : statuses)
        worst = std::max(worst, status.level);
    switch (worst) {
    case HealthLevel::Ok:
        return ServiceState::Ok;
    case HealthLevel::Warning:
        return ServiceState::Warning;
    case HealthLevel::Critical:
        return ServiceState::Critical;
    }
    return ServiceState::Ok;
}

std::optional<std::int64_t> HealthEvaluator::symptomSince(const ConditionStatuses &statuses)
{
    std::optional<std::int64_t> earliest;
    for (const auto &status : statuses) {
        if (status.level != HealthLevel::Ok && (!earliest || status.sinceMs < *earliest))
            earliest = status.sinceMs;
    }
    return earliest;
}

} // namespace faultline
