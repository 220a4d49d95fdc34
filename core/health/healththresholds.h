// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace faultline
{

/**
 * Limits that turn one service's metrics into warning and critical levels, and the hysteresis that
 * keeps the levels from flapping. docs/health-and-alarms.md states the rule; resources/config/health.json
 * holds the defaults.
 */
struct HealthThresholds {
    double errorRateWarning = 0.05; // failed share of served requests, 0..1
    double errorRateCritical = 0.20;
    double p99WarningMs = 500;
    double p99CriticalMs = 2000;
    double saturationWarning = 0.8; // in-flight requests / capacity
    double saturationCritical = 1.0;
    double heartbeatLateIntervals = 1.5; // warning once the last heartbeat is older than this many intervals
    double staleIntervals = 3; // stale (critical) once it is older than this many intervals
    std::int64_t raiseDelayMs = 0; // a level is entered once the metric has stayed at or above it this long
    std::int64_t clearDelayMs = 5000; // and left once the metric has stayed below its clear line this long
    double deadband = 0.1; // the clear line is the threshold times (1 - deadband)

    friend bool operator==(const HealthThresholds &, const HealthThresholds &) = default;
};

} // namespace faultline
