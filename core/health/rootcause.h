// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "health/healthcondition.h"
#include "health/suspect.h"
#include "topology/servicestate.h"
#include "wire/healthreport.h"

namespace faultline
{

/** What the ranking knows of one service. */
struct ServiceEvidence {
    std::string name;
    bool reportsHealth = false; // false for nodes seen only as callees, such as databases
    ServiceState state = ServiceState::Unknown;
    ServiceMode mode = ServiceMode::Normal;
    ConditionStatuses conditions {};
    std::optional<std::int64_t> symptomSinceMs; // monotonic ms when its earliest current symptom began
    std::int64_t lastHeartbeatMs = 0;
    double rps = 0;
    double errorRate = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    std::optional<double> baselineP50Ms; // typical p50 before the trouble, when history has it
};

/** What the ranking knows of one caller-to-callee edge, over the last few seconds. */
struct EdgeEvidence {
    std::string caller;
    std::string callee;
    double rps = 0;
    double errorRate = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    std::optional<double> baselineP50Ms;
    HealthLevel level = HealthLevel::Ok; // the calls judged by the callee's error-rate and latency thresholds
    std::optional<std::int64_t> symptomSinceMs; // start of the current abnormal stretch
};

struct RootCauseInput {
    std::vector<ServiceEvidence> services;
    std::vector<EdgeEvidence> edges;
    std::int64_t nowMs = 0;
};

struct RootCauseOptions {
    // Symptoms this close together count as simultaneous: heartbeats arrive once a second, in any order.
    std::int64_t slackMs = 2000;
    std::size_t maxSuspects = 5;
    double minScore = 0.02;
};

/**
 * Ranks the services most likely to have started the current trouble, best first. A suspect scores
 * high when its own symptoms are not explained by its callees (by the error rates and latencies of
 * its calls to them, or by a callee that stopped reporting), when the services that depend on it
 * degraded at the same time or after it, and when its symptoms came first. Works with cycles.
 * docs/health-and-alarms.md gives the formula.
 */
std::vector<Suspect> rankRootCauses(const RootCauseInput &input, const RootCauseOptions &options = {});

} // namespace faultline
