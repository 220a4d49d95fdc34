// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <QMetaType>
#include <QString>

#include "health/healthcondition.h"
#include "health/healthdelta.h"
#include "topology/servicestate.h"
#include "traces/span.h"
#include "wire/healthreport.h"

namespace faultline {

struct InstanceSnapshot {
    std::string name;
    ServiceState state = ServiceState::Unknown;
    double rps = 0;
    double errorRate = 0;
    double latencyP99Ms = 0;
    std::int64_t lastSeenMs = 0; // monotonic ms of the last heartbeat
};

/** Everything the console shows of one service at one moment. */
struct ServiceSnapshot {
    std::string name;
    NodeKind kind = NodeKind::Service;
    Criticality criticality = Criticality::Important;
    bool criticalityKnown = false; // false until a heartbeat states it
    ServiceState state = ServiceState::Unknown;
    ServiceMode mode = ServiceMode::Normal;
    std::optional<double> rampPercent;
    std::optional<double> cacheAgeMs;
    double rps = 0;
    double errorRate = 0;
    double latencyP50Ms = 0;
    double latencyP99Ms = 0;
    double inFlight = 0;
    double capacity = 0;
    std::uint64_t fallbacks = 0;
    std::uint64_t shed = 0;
    std::vector<BreakerReport> breakers;
    std::vector<InstanceSnapshot> instances;
    std::int64_t lastHeartbeatMs = 0; // monotonic ms; 0 before the first
    ConditionStatuses conditions {}; // debounced level of each health condition, from which state follows
    std::optional<std::int64_t> symptomSinceMs; // monotonic ms when the earliest current symptom began
};

/** One caller-to-callee edge over the recent window (the last 10 s for the rates). */
struct EdgeSnapshot {
    std::string caller;
    std::string callee;
    NodeKind calleeKind = NodeKind::Service;
    double rps = 0;
    double errorRate = 0;
    double latencyP50Ms = 0;
    double latencyP99Ms = 0;
    std::uint64_t totalCalls = 0;  // since the console started
    std::uint64_t totalErrors = 0;
};

/** Per-publisher bookkeeping for the status bar and faultlinectl. */
struct PublisherSnapshot {
    std::string publisher;
    std::string endpoint;
    std::uint64_t messages = 0;
    std::uint64_t malformed = 0;
    std::uint64_t gaps = 0;         // messages lost, from holes in the sequence numbers
    std::uint64_t restarts = 0;     // sessions after the first
    double messagesPerSecond = 0;
    std::int64_t lastSeenMs = 0;    // monotonic ms
    QString lastError;
};

/** Totals of the stream as a whole, including what no publisher could be named for. */
struct StreamCounters {
    std::uint64_t messages = 0;
    std::uint64_t malformed = 0;   // includes messages whose envelope could not be read
    std::uint64_t spans = 0;
    std::uint64_t spansSkipped = 0;
    std::uint64_t linkerDropped = 0;
    QString lastError;
};

/**
 * What changed since the previous delta, handed from the ingest thread to the GUI thread at most
 * every 100 ms. Services and edges carry their whole current snapshot, so applying a delta is a
 * replace per key.
 */
struct TopologyDelta {
    std::int64_t nowMs = 0; // monotonic ms on the ingest thread's clock (QDeadlineTimer-compatible)
    std::vector<ServiceSnapshot> services;
    std::vector<EdgeSnapshot> edges;
    std::vector<PublisherSnapshot> publishers;
    StreamCounters counters;
    std::vector<std::string> warnings;
    HealthDelta health; // alarm changes and, once a second during trouble, the root-cause suspects
};

} // namespace faultline

Q_DECLARE_METATYPE(faultline::TopologyDelta)
