// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "control/agentruntime.h"
#include "sim/fault.h"
#include "sim/intervalstats.h"
#include "sim/planttopology.h"
#include "traces/span.h"
#include "wire/controlmessages.h"
#include "wire/healthreport.h"

namespace faultline
{

/**
 * The model behind the demo plant, without sockets or threads. Requests arrive as a Poisson process
 * at the entry points and walk the call tree at once. Their spans are handed out only after their end
 * time has passed, as a real exporter sends a span only after it ends. All times are nanoseconds
 * since the start of the plant, and spans and heartbeats carry unix times.
 *
 * Random draws come from one std::mt19937_64, so the same seed gives the same requests, as long as
 * advanceTo() keeps up with the arrivals and the same control requests come at the same times.
 */
class RequestSimulator
{
public:
    struct Settings {
        double requestsPerSecond = 200;
        std::uint64_t seed = 1;
        std::int64_t startUnixNs = 0; // wall-clock time at elapsed time 0
        std::size_t maxPendingSpans = 2'000'000; // past it new spans are dropped and counted
        // Callers keep a circuit breaker per callee and eject failing callee instances. Off by default, because
        // breakers that stop calling a faulty service also hide its faults from its own heartbeats.
        bool resilience = false;
        AgentRuntimeConfig agent = plantAgentConfig();
    };

    /** The breaker and ejection settings of the demo plant: resilience4j's and Envoy's, scaled to seconds. */
    static AgentRuntimeConfig plantAgentConfig();

    static constexpr std::int64_t heartbeatIntervalNs = 1'000'000'000;

    RequestSimulator(PlantTopology topology, std::vector<FaultSpec> faults, Settings settings);
    RequestSimulator(const RequestSimulator &) = delete;
    RequestSimulator &operator=(const RequestSimulator &) = delete;

    /** Starts the requests that arrive up to @p elapsedNs and completes the spans that ended by then. */
    void advanceTo(std::int64_t elapsedNs);

    /** Moves out the finished spans of service @p service that were not taken yet. */
    std::vector<Span> takeSpans(std::size_t service);

    /** Appends the heartbeats due by @p elapsedNs; a crashed service sends none. */
    void collectHeartbeats(std::int64_t elapsedNs, std::vector<HealthReport> &out);

    /** Applies a control operation to @p service and returns its mode afterwards. */
    ServiceMode apply(std::size_t service, const ControlRequest &request, std::int64_t elapsedNs);
    /** Handles a control request body through the plant's agent runtime and returns the reply body. */
    std::string handleControl(std::string_view requestJson, std::int64_t nowUnixMs, std::int64_t elapsedNs);

    ServiceMode mode(std::size_t service) const { return m_agent.traffic(service).mode(); }
    /** The agent runtime behind every simulated service: modes, breakers per call edge, ejection per service. */
    AgentRuntime &agent() { return m_agent; }
    const AgentRuntime &agent() const { return m_agent; }
    bool isCrashed(std::size_t service, std::int64_t elapsedNs) const;
    const PlantTopology &topology() const { return m_topology; }

    std::uint64_t requestsStarted() const { return m_requestsStarted; }
    std::uint64_t droppedSpans() const { return m_droppedSpans; }
    /** Arrivals skipped because advanceTo() fell more than a second behind. */
    std::uint64_t skippedArrivals() const { return m_skippedArrivals; }

private:
    struct Call {
        std::size_t callee;
        double callsPerRequest;
        bool fallback;
    };

    struct Instance {
        std::string name;
        double rateEwma = 0; // requests per second, decayed over rateWindowS
        double latencyEwmaMs = 0; // mean time to serve one request, callees included
        std::int64_t lastArrivalNs = 0;
        IntervalStats interval;
        std::int64_t intervalStartNs = 0;
        std::int64_t nextHeartbeatNs = 0;
        std::vector<std::int64_t> inFlightEnds; // a min-heap of the end times of admitted requests
    };

    struct Service {
        const PlantService *spec = nullptr;
        std::string operation; // span name on both sides of a call to this service
        std::vector<Call> calls;
        std::vector<const FaultSpec *> faults;
        std::vector<Instance> instances;
        std::size_t nextInstance = 0;
        std::vector<Span> finished;
    };

    // A span whose end lies in the future, with what the heartbeat of its instance must count.
    struct Pending {
        std::int64_t endNs;
        std::uint64_t order; // keeps equal end times in creation order
        std::size_t service;
        std::size_t instance;
        bool countsAsRequest; // a SERVER span: one request served by the instance
        std::uint32_t fallbacks;
        Span span;
    };

    struct Outcome {
        bool answered = true; // false when the callee is down and the caller waits for its timeout
        bool error = false;
        std::int64_t durationNs = 0;
        std::size_t instance = 0; // the instance that the request reached
        bool shed = false; // rejected by load shedding, which is no failure of the service
    };

    Outcome serve(
        std::size_t serviceIndex, std::int64_t startNs, const std::string &traceId, const std::string &parentSpanId);
    bool faultActive(const Service &service, FaultKind kind, std::int64_t elapsedNs) const;
    double overloadSurge(const Service &service, std::int64_t elapsedNs) const;
    std::size_t pickInstance(std::size_t serviceIndex, std::int64_t startNs);
    bool callPermitted(std::size_t serviceIndex, std::size_t callIndex, std::int64_t startNs);
    void noteCallResult(std::size_t serviceIndex, std::size_t callIndex, const Outcome &outcome, bool failed,
        std::int64_t endNs, std::int64_t durationNs);
    void noteArrival(Instance &instance, std::int64_t startNs);
    void noteLatency(Instance &instance, double latencyMs);
    void completeUntil(std::int64_t elapsedNs);
    void logFaultChanges(std::int64_t elapsedNs);
    HealthReport heartbeat(Service &service, Instance &instance, std::int64_t elapsedNs);

    void scheduleSpan(std::size_t serviceIndex, std::size_t instanceIndex, SpanKind kind, const std::string &name,
        const std::string &traceId, std::string spanId, const std::string &parentSpanId, std::int64_t startNs,
        std::int64_t endNs, bool error, std::uint32_t fallbacks = 0, const std::string &peer = {});
    std::string randomHex(int bytes);
    double jitter(double sigma);

    PlantTopology m_topology;
    std::vector<FaultSpec> m_faults;
    std::vector<bool> m_faultWasActive;
    Settings m_settings;
    std::mt19937_64 m_random;
    // Apart from m_random, because samples are drawn as spans complete, which depends on the caller's timing.
    std::mt19937_64 m_sampleRandom;
    std::vector<Service> m_services;
    AgentRuntime m_agent;
    std::vector<std::size_t> m_entryServices;
    std::discrete_distribution<std::size_t> m_entryChoice;
    std::vector<Pending> m_pending; // a min-heap on endNs
    std::int64_t m_nextArrivalNs = 0;
    std::uint64_t m_order = 0;
    std::uint64_t m_requestsStarted = 0;
    std::uint64_t m_droppedSpans = 0;
    std::uint64_t m_skippedArrivals = 0;
};

} // namespace faultline
