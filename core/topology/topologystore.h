// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "health/healthevaluator.h"
#include "topology/latencyhistogram.h"
#include "topology/slidingwindow.h"
#include "topology/topologydelta.h"
#include "traces/dependencylinker.h"
#include "wire/healthreport.h"

namespace faultline {

/** One second of a service's history, as its heartbeats reported it. */
struct ServicePoint {
    float rps = 0;
    float errorRate = 0;
    float p50Ms = 0;
    float p99Ms = 0;
    bool present = false; // false for seconds with no heartbeat
};

/** One second of an edge's history, from the calls linked in that second. */
struct EdgePoint {
    std::uint32_t calls = 0;
    std::uint32_t errors = 0;
    float p50Ms = 0;
    float p99Ms = 0;
};

/**
 * Per-service and per-edge state and 15-minute windows, fed by heartbeats and linked calls on the
 * ingest thread. Not thread-safe. Times are monotonic milliseconds passed in by the caller, so
 * tests drive the clock.
 */
class TopologyStore
{
public:
    /** Seconds over which edge rates and percentiles are computed. */
    static constexpr int recentSeconds = 10;

    explicit TopologyStore(HealthConfig config = HealthConfig::builtIn());
    ~TopologyStore();

    /** The thresholds and hysteresis rules; changes apply from the next heartbeat or tick. */
    HealthEvaluator &healthEvaluator() { return m_evaluator; }
    const HealthEvaluator &healthEvaluator() const { return m_evaluator; }

    void applyHealth(const HealthReport &report, std::int64_t nowMs);
    void applyCall(const CallRecord &call, std::int64_t nowMs);
    /** Makes a node known before any heartbeat, e.g. the service of a span or an uninstrumented callee. */
    void noteNode(const std::string &name, NodeKind kind, std::int64_t nowMs);

    /**
     * Rolls the windows forward and re-evaluates every service once a second; between whole seconds
     * it re-evaluates only services whose heartbeat turned late or stale. Call it every 100 ms or so.
     */
    void tick(std::int64_t nowMs);

    /** Appends snapshots of what changed since the last call to @p delta. */
    void collectChanges(TopologyDelta &delta);

    std::vector<ServiceSnapshot> services() const;
    std::vector<EdgeSnapshot> edges() const;
    /** Visits each service or edge snapshot in name order, without the copies that services() and edges() make. */
    void forEachService(const std::function<void(const ServiceSnapshot &)> &visit) const;
    void forEachEdge(const std::function<void(const EdgeSnapshot &)> &visit) const;
    const SlidingWindow<ServicePoint, historySeconds> *serviceHistory(const std::string &service) const;
    const SlidingWindow<EdgePoint, historySeconds> *edgeHistory(const std::string &caller, const std::string &callee) const;

private:
    struct InstanceRecord;
    struct ServiceRecord;
    struct EdgeRecord;

    ServiceRecord &serviceRecord(const std::string &name, NodeKind kind, std::int64_t nowMs);
    void evaluateService(ServiceRecord &record, std::int64_t nowMs);
    void rollEdge(EdgeRecord &record, std::int64_t second);

    HealthEvaluator m_evaluator;
    std::map<std::string, std::unique_ptr<ServiceRecord>> m_services;
    std::map<std::pair<std::string, std::string>, std::unique_ptr<EdgeRecord>> m_edges;
    std::int64_t m_lastSecond = -1;
};

} // namespace faultline
