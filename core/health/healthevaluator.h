// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "health/conditiontracker.h"
#include "health/healthcondition.h"
#include "health/healthconfig.h"
#include "topology/servicestate.h"
#include "wire/healthreport.h"

namespace faultline
{

/** One condition read against its thresholds, before hysteresis. */
struct ConditionReading {
    double value = 0;
    HealthLevel raw = HealthLevel::Ok; // the level the value reaches
    HealthLevel clear = HealthLevel::Ok; // the level it reaches against thresholds lowered by the deadband
};

using ConditionReadings = std::array<ConditionReading, healthConditionCount>;

/** The hysteresis state of one service or one instance, one tracker per condition. */
struct HealthTrack {
    std::array<ConditionTracker, healthConditionCount> trackers;
};

/**
 * Turns metrics into debounced condition levels and a ServiceState, with the thresholds of a
 * HealthConfig. Keeps no per-service state itself: callers own one HealthTrack per service and
 * instance. Used on the ingest thread by TopologyStore; docs/health-and-alarms.md states the rules.
 */
class HealthEvaluator
{
public:
    explicit HealthEvaluator(HealthConfig config = HealthConfig::builtIn());

    const HealthConfig &config() const { return m_config; }
    HealthConfig &config() { return m_config; }
    const HealthThresholds &thresholdsFor(std::string_view service) const { return m_config.thresholdsFor(service); }

    /**
     * Reads @p value of @p condition against @p thresholds. Metrics reach a level at or above its
     * threshold; heartbeat age (in intervals) only strictly above, so a heartbeat exactly one
     * stale period old still counts.
     */
    static ConditionReading read(HealthCondition condition, double value, const HealthThresholds &thresholds);

    /**
     * Reads one heartbeat: error rate and p99 as served (sheds and fallbacks are not failures by the
     * protocol's definition), saturation when a capacity is stated, and the heartbeat's age.
     */
    static ConditionReadings readReport(
        const HealthReport &report, std::int64_t ageMs, const HealthThresholds &thresholds);

    /** Feeds @p readings into @p track at @p nowMs and returns each condition's debounced status. */
    static ConditionStatuses evaluate(
        HealthTrack &track, const ConditionReadings &readings, const HealthThresholds &thresholds, std::int64_t nowMs);

    /** The worst level among @p statuses as a ServiceState (Ok, Warning or Critical). */
    static ServiceState stateOf(const ConditionStatuses &statuses);

    /** The earliest onset among the conditions that are not Ok; nothing when all are Ok. */
    static std::optional<std::int64_t> symptomSince(const ConditionStatuses &statuses);

    /** The threshold that @p level of @p condition is judged against. */
    static double thresholdOf(HealthCondition condition, HealthLevel level, const HealthThresholds &thresholds);

private:
    HealthConfig m_config;
};

} // namespace faultline
