// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologystore.h"

#include <algorithm>

namespace faultline {

struct TopologyStore::InstanceRecord {
    HealthReport last;
    std::int64_t lastSeenMs = 0;
    HealthTrack track;
    HealthLevel heartbeatLevel = HealthLevel::Ok; // raw heartbeat level at the last evaluation
};

struct TopologyStore::ServiceRecord {
    ServiceSnapshot snapshot;
    std::map<std::string, InstanceRecord> instances;
    SlidingWindow<ServicePoint, historySeconds> history;
    HealthTrack track;
    bool dirty = true;
};

struct TopologyStore::EdgeRecord {
    EdgeSnapshot snapshot;
    SlidingWindow<EdgePoint, historySeconds> history;
    // Histograms of the most recent seconds, indexed by second modulo recentSeconds.
    std::array<LatencyHistogram, recentSeconds> recent;
    std::array<std::int64_t, recentSeconds> recentSecond {};
    std::int64_t lastCallSecond = -1;
    bool dirty = true;
};

namespace {

std::int64_t secondOf(std::int64_t ms)
{
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

// The heartbeat level an instance of age @p ageMs has; compared between ticks to spot a heartbeat turning late.
HealthLevel heartbeatLevelAt(const HealthReport &report, std::int64_t ageMs, const HealthThresholds &thresholds)
{
    const double interval = double(std::max<std::int64_t>(1, report.intervalMs));
    return HealthEvaluator::read(
        HealthCondition::Heartbeat, double(std::max<std::int64_t>(0, ageMs)) / interval, thresholds)
        .raw;
}

} // namespace

TopologyStore::TopologyStore(HealthConfig config)
    : m_evaluator(std::move(config))
{
}

TopologyStore::~TopologyStore() = default;

TopologyStore::ServiceRecord &TopologyStore::serviceRecord(const std::string &name, NodeKind kind, std::int64_t nowMs)
{
    auto &slot = m_services[name];
    if (!slot) {
        slot = std::make_unique<ServiceRecord>();
        slot->snapshot.name = name;
        slot->snapshot.kind = kind;
        slot->history.advanceTo(secondOf(nowMs));
    } else if (slot->snapshot.kind != NodeKind::Service && kind == NodeKind::Service) {
        // A callee first seen from its callers turns out to report spans or heartbeats of its own.
        slot->snapshot.kind = NodeKind::Service;
        slot->dirty = true;
    }
    return *slot;
}

void TopologyStore::noteNode(const std::string &name, NodeKind kind, std::int64_t nowMs)
{
    serviceRecord(name, kind, nowMs);
}

void TopologyStore::applyHealth(const HealthReport &report, std::int64_t nowMs)
{
    auto &record = serviceRecord(report.service, NodeKind::Service, nowMs);
    auto &instance = record.instances[report.instance];
    instance.last = report;
    instance.lastSeenMs = nowMs;
    record.snapshot.criticality = report.criticality;
    record.snapshot.criticalityKnown = true;
    evaluateService(record, nowMs);
}

void TopologyStore::applyCall(const CallRecord &call, std::int64_t nowMs)
{
    if (call.caller.empty() || call.callee.empty())
        return;
    serviceRecord(call.caller, NodeKind::Service, nowMs);
    serviceRecord(call.callee, call.calleeKind, nowMs);

    auto &slot = m_edges[{call.caller, call.callee}];
    if (!slot) {
        slot = std::make_unique<EdgeRecord>();
        slot->snapshot.caller = call.caller;
        slot->snapshot.callee = call.callee;
        slot->snapshot.calleeKind = call.calleeKind;
        slot->recentSecond.fill(-1);
    }
    auto &edge = *slot;
    const auto second = secondOf(nowMs);
    rollEdge(edge, second);

    auto &bucket = edge.history.current();
    ++bucket.calls;
    ++edge.snapshot.totalCalls;
    if (call.error) {
        ++bucket.errors;
        ++edge.snapshot.totalErrors;
    }
    if (call.durationNs && *call.durationNs >= 0)
        edge.recent[std::size_t(second % recentSeconds)].add(double(*call.durationNs) / 1e6);
    edge.lastCallSecond = second;
    edge.dirty = true;
}

void TopologyStore::rollEdge(EdgeRecord &edge, std::int64_t second)
{
    if (edge.history.started() && second > edge.history.currentSecond()) {
        // Close the second that ends: its percentiles come from its own histogram.
        const auto closing = edge.history.currentSecond();
        const auto slot = std::size_t(closing % recentSeconds);
        if (edge.recentSecond[slot] == closing) {
            edge.history.current().p50Ms = float(edge.recent[slot].quantileMs(0.50));
            edge.history.current().p99Ms = float(edge.recent[slot].quantileMs(0.99));
        }
    }
    edge.history.advanceTo(second);
    const auto slot = std::size_t(second % recentSeconds);
    if (edge.recentSecond[slot] != second) {
        edge.recent[slot].clear();
        edge.recentSecond[slot] = second;
    }
}

void TopologyStore::evaluateService(ServiceRecord &record, std::int64_t nowMs)
{
    auto &snapshot = record.snapshot;
    const auto &thresholds = m_evaluator.thresholdsFor(snapshot.name);
    snapshot.instances.clear();
    record.dirty = true;
    if (record.instances.empty()) {
        snapshot.state = ServiceState::Unknown;
        return;
    }

    double rps = 0;
    double weightedErrors = 0;
    double weightedP50 = 0;
    double p99 = 0;
    double inFlight = 0;
    double capacity = 0;
    std::uint64_t fallbacks = 0;
    std::uint64_t shed = 0;
    int fresh = 0;
    std::int64_t lastHeartbeat = 0;
    const InstanceRecord *newest = nullptr;
    // The worst raw and clear levels of single instances, per condition.
    ConditionReadings worstInstance {};

    for (auto &[name, instance] : record.instances) {
        const auto &report = instance.last;
        const auto ageMs = nowMs - instance.lastSeenMs;
        const bool isStale = double(ageMs) > thresholds.staleIntervals * double(report.intervalMs);
        const auto readings = HealthEvaluator::readReport(report, ageMs, thresholds);
        const auto statuses = HealthEvaluator::evaluate(instance.track, readings, thresholds, nowMs);
        instance.heartbeatLevel = readings[conditionIndex(HealthCondition::Heartbeat)].raw;

        InstanceSnapshot view;
        view.name = name;
        view.rps = report.rps;
        view.errorRate = report.errorRate;
        view.latencyP99Ms = report.latencyP99Ms;
        view.lastSeenMs = instance.lastSeenMs;
        view.state = isStale ? ServiceState::Stale : HealthEvaluator::stateOf(statuses);
        snapshot.instances.push_back(view);
        lastHeartbeat = std::max(lastHeartbeat, instance.lastSeenMs);
        if (!newest || instance.lastSeenMs > newest->lastSeenMs)
            newest = &instance;

        for (const auto condition : allHealthConditions) {
            // The metrics of a silent instance are old news; only its silence counts.
            if (isStale && condition != HealthCondition::Heartbeat)
                continue;
            auto &worst = worstInstance[conditionIndex(condition)];
            worst.raw = std::max(worst.raw, readings[conditionIndex(condition)].raw);
            worst.clear = std::max(worst.clear, readings[conditionIndex(condition)].clear);
        }
        if (isStale)
            continue;
        ++fresh;
        rps += report.rps;
        weightedErrors += report.errorRate * report.rps;
        weightedP50 += report.latencyP50Ms * report.rps;
        p99 = std::max(p99, report.latencyP99Ms);
        inFlight += report.inFlight;
        capacity += report.capacity;
        fallbacks += report.fallbacks;
        shed += report.shed;
    }

    snapshot.lastHeartbeatMs = lastHeartbeat;
    snapshot.rps = rps;
    snapshot.errorRate = rps > 0 ? weightedErrors / rps : 0;
    snapshot.latencyP50Ms = rps > 0 ? weightedP50 / rps : 0;
    snapshot.latencyP99Ms = p99;
    snapshot.inFlight = inFlight;
    snapshot.capacity = capacity;
    snapshot.fallbacks = fallbacks;
    snapshot.shed = shed;
    snapshot.mode = newest->last.mode;
    snapshot.rampPercent = newest->last.rampPercent;
    snapshot.cacheAgeMs = newest->last.cacheAgeMs;
    snapshot.breakers = newest->last.breakers;

    // The service as a whole: its aggregate metrics, and its heartbeat as old as its newest instance's.
    ConditionReadings readings {};
    if (fresh > 0) {
        readings[conditionIndex(HealthCondition::ErrorRate)]
            = HealthEvaluator::read(HealthCondition::ErrorRate, snapshot.errorRate, thresholds);
        readings[conditionIndex(HealthCondition::Latency)]
            = HealthEvaluator::read(HealthCondition::Latency, snapshot.latencyP99Ms, thresholds);
        if (capacity > 0)
            readings[conditionIndex(HealthCondition::Saturation)]
                = HealthEvaluator::read(HealthCondition::Saturation, inFlight / capacity, thresholds);
    }
    const double newestInterval = double(std::max<std::int64_t>(1, newest->last.intervalMs));
    readings[conditionIndex(HealthCondition::Heartbeat)] = HealthEvaluator::read(
        HealthCondition::Heartbeat, double(nowMs - newest->lastSeenMs) / newestInterval, thresholds);

    for (const auto condition : allHealthConditions) {
        // One failing instance among several healthy ones degrades the service; it does not fail it. A silent
        // instance beside one that still reports never makes the service stale.
        const bool capped = fresh > 1 || condition == HealthCondition::Heartbeat;
        const auto cap = capped ? HealthLevel::Warning : HealthLevel::Critical;
        auto &reading = readings[conditionIndex(condition)];
        const auto &worst = worstInstance[conditionIndex(condition)];
        reading.raw = std::max(reading.raw, std::min(worst.raw, cap));
        reading.clear = std::max(reading.clear, std::min(worst.clear, cap));
    }
    snapshot.conditions = HealthEvaluator::evaluate(record.track, readings, thresholds, nowMs);
    snapshot.symptomSinceMs = HealthEvaluator::symptomSince(snapshot.conditions);

    if (fresh == 0) {
        snapshot.state = ServiceState::Stale;
        snapshot.rps = 0;
    } else {
        snapshot.state = HealthEvaluator::stateOf(snapshot.conditions);
    }
}

void TopologyStore::tick(std::int64_t nowMs)
{
    const auto second = secondOf(nowMs);
    if (second == m_lastSecond) {
        // Between whole seconds only a heartbeat turning late or stale needs a look, so a crash shows within 100 ms.
        for (auto &[name, record] : m_services) {
            const auto &thresholds = m_evaluator.thresholdsFor(name);
            for (const auto &[instanceName, instance] : record->instances) {
                if (heartbeatLevelAt(instance.last, nowMs - instance.lastSeenMs, thresholds)
                    != instance.heartbeatLevel) {
                    evaluateService(*record, nowMs);
                    break;
                }
            }
        }
        return;
    }
    m_lastSecond = second;

    for (auto &[name, record] : m_services) {
        // Record the second that just ended before moving on.
        if (!record->instances.empty() && record->snapshot.state != ServiceState::Stale) {
            auto &point = record->history.current();
            point.rps = float(record->snapshot.rps);
            point.errorRate = float(record->snapshot.errorRate);
            point.p50Ms = float(record->snapshot.latencyP50Ms);
            point.p99Ms = float(record->snapshot.latencyP99Ms);
            point.present = true;
        }
        record->history.advanceTo(second);
        if (!record->instances.empty())
            evaluateService(*record, nowMs);
    }

    for (auto &[key, edge] : m_edges) {
        rollEdge(*edge, second);
        // Quiet edges keep their last snapshot once their window has emptied.
        if (edge->lastCallSecond < second - recentSeconds - 1 && edge->snapshot.rps == 0)
            continue;
        std::uint64_t calls = 0;
        std::uint64_t errors = 0;
        LatencyHistogram merged;
        for (int ago = 1; ago <= recentSeconds; ++ago) {
            const auto &point = edge->history.ago(std::size_t(ago));
            calls += point.calls;
            errors += point.errors;
        }
        for (std::size_t slot = 0; slot < edge->recent.size(); ++slot) {
            const auto age = second - edge->recentSecond[slot];
            if (age >= 1 && age <= recentSeconds)
                merged.merge(edge->recent[slot]);
        }
        auto &snapshot = edge->snapshot;
        snapshot.rps = double(calls) / recentSeconds;
        snapshot.errorRate = calls > 0 ? double(errors) / double(calls) : 0;
        snapshot.latencyP50Ms = merged.quantileMs(0.50);
        snapshot.latencyP99Ms = merged.quantileMs(0.99);
        edge->dirty = true;
    }
}

void TopologyStore::collectChanges(TopologyDelta &delta)
{
    for (auto &[name, record] : m_services) {
        if (!record->dirty)
            continue;
        delta.services.push_back(record->snapshot);
        record->dirty = false;
    }
    for (auto &[key, edge] : m_edges) {
        if (!edge->dirty)
            continue;
        delta.edges.push_back(edge->snapshot);
        edge->dirty = false;
    }
}

std::vector<ServiceSnapshot> TopologyStore::services() const
{
    std::vector<ServiceSnapshot> result;
    result.reserve(m_services.size());
    for (const auto &[name, record] : m_services)
        result.push_back(record->snapshot);
    return result;
}

std::vector<EdgeSnapshot> TopologyStore::edges() const
{
    std::vector<EdgeSnapshot> result;
    result.reserve(m_edges.size());
    for (const auto &[key, edge] : m_edges)
        result.push_back(edge->snapshot);
    return result;
}

void TopologyStore::forEachService(const std::function<void(const ServiceSnapshot &)> &visit) const
{
    for (const auto &[name, record] : m_services)
        visit(record->snapshot);
}

void TopologyStore::forEachEdge(const std::function<void(const EdgeSnapshot &)> &visit) const
{
    for (const auto &[key, edge] : m_edges)
        visit(edge->snapshot);
}

const SlidingWindow<ServicePoint, historySeconds> *TopologyStore::serviceHistory(const std::string &service) const
{
    const auto it = m_services.find(service);
    return it == m_services.end() ? nullptr : &it->second->history;
}

const SlidingWindow<EdgePoint, historySeconds> *TopologyStore::edgeHistory(const std::string &caller,
                                                                           const std::string &callee) const
{
    const auto it = m_edges.find({caller, callee});
    return it == m_edges.end() ? nullptr : &it->second->history;
}

} // namespace faultline
