// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "control/circuitbreaker.h"
#include "control/outlierdetector.h"
#include "control/trafficcontrol.h"
#include "wire/decoder.h"

namespace faultline
{

/** One service that an agent runtime controls: its name, the services it calls and its instance count. */
struct AgentServiceSpec {
    std::string name;
    std::vector<std::string> dependencies;
    std::size_t instances = 1;
};

struct AgentRuntimeConfig {
    CircuitBreakerConfig breaker; // one breaker per service and dependency
    OutlierDetectorConfig outlier; // one detector per service, over its instances
    std::size_t maxRememberedReplies = 10'000; // replies kept for retries; the oldest id is forgotten past this
};

/**
 * The decision logic that a service embeds to obey control requests, without sockets or clocks
 * (AgentServer is the socket layer). It keeps, per service, a TrafficControl (the mode), a
 * CircuitBreaker per dependency and an OutlierDetector over the instances, and answers control
 * requests by the rules of docs/protocol.md section 8.3: an invalid request is rejected, a known id
 * gets its stored reply again and is not applied twice, a request past its deadline is rejected and
 * never applied, an unknown service is rejected, anything else is applied.
 *
 * Times are durations since any fixed epoch (the embedder's monotonic clock, or simulated time);
 * deadlines are compared with the unix time passed to handle().
 */
class AgentRuntime
{
public:
    using Time = std::chrono::nanoseconds;

    /** Reply id for a request whose id cannot be read, since a protocol v1 reply must carry one. */
    static constexpr std::string_view unreadableId = "unreadable";

    explicit AgentRuntime(std::vector<AgentServiceSpec> services, AgentRuntimeConfig config = {});

    /** Handles one request body and returns the reply body (protocol v1 ControlReply JSON). */
    std::string handle(std::string_view requestJson, std::int64_t nowUnixMs, Time now);
    /** The reply for a message that carried no request frame, or too many. */
    static std::string malformedReply(std::string_view problem);

    std::size_t serviceCount() const { return m_services.size(); }
    std::optional<std::size_t> indexOf(std::string_view service) const;
    const AgentServiceSpec &spec(std::size_t service) const { return m_services[service].spec; }

    TrafficControl &traffic(std::size_t service) { return m_services[service].traffic; }
    const TrafficControl &traffic(std::size_t service) const { return m_services[service].traffic; }
    /** The breaker of @p service in front of its dependency number @p dependency (index into spec().dependencies). */
    CircuitBreaker &breaker(std::size_t service, std::size_t dependency)
    {
        return m_services[service].breakers[dependency];
    }
    OutlierDetector &outliers(std::size_t service) { return m_services[service].outliers; }
    const OutlierDetector &outliers(std::size_t service) const { return m_services[service].outliers; }

    /** Fills a heartbeat's mode fields (mode, ramp percent, shed capacity, cache age) and breaker states. */
    void fillReport(std::size_t service, HealthReport &report, Time now) const;

    std::uint64_t applied() const { return m_applied; }
    std::uint64_t rejected() const { return m_rejected; }
    std::uint64_t replayed() const { return m_replayed; }

private:
    struct Service {
        AgentServiceSpec spec;
        TrafficControl traffic;
        std::vector<CircuitBreaker> breakers;
        OutlierDetector outliers;
    };

    std::string reject(const std::string &id, const std::string &service, const QString &reason, bool rememberReply);
    void remember(const std::string &id, const std::string &reply);

    AgentRuntimeConfig m_config;
    std::vector<Service> m_services;
    std::unordered_map<std::string, std::size_t> m_indexByName;
    wire::Decoder m_decoder;
    std::unordered_map<std::string, std::string> m_replies;
    std::deque<std::string> m_replyOrder;
    std::uint64_t m_applied = 0;
    std::uint64_t m_rejected = 0;
    std::uint64_t m_replayed = 0;
};

} // namespace faultline
