// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace faultline
{

enum class Criticality : std::uint8_t { Minor, Important, Core };

/** The operating mode a service reports; docs/protocol.md lists the wire names. */
enum class ServiceMode : std::uint8_t { Normal, Isolated, Degraded, Ramping, Shedding };

enum class BreakerState : std::uint8_t { Closed, Open, HalfOpen };

std::string_view criticalityName(Criticality criticality);
std::optional<Criticality> criticalityFromName(std::string_view name);
std::string_view modeName(ServiceMode mode);
std::optional<ServiceMode> modeFromName(std::string_view name);
std::string_view breakerStateName(BreakerState state);
std::optional<BreakerState> breakerStateFromName(std::string_view name);

/** The circuit breaker that a service keeps in front of one dependency. */
struct BreakerReport {
    std::string callee;
    BreakerState state = BreakerState::Closed;
};

/** One heartbeat of one service instance: the body of a `health.<service>` message. */
struct HealthReport {
    std::string service;
    std::string instance;
    Criticality criticality = Criticality::Important;
    std::int64_t timestampUnixNs = 0;
    std::int64_t intervalMs = 1000;
    ServiceMode mode = ServiceMode::Normal;
    std::optional<double> rampPercent; // 0..100, with mode Ramping
    std::optional<double> shedCapacity; // in-flight requests, with mode Shedding
    double rps = 0; // requests served per second over the last interval
    double errorRate = 0; // 0..1, failed share of requests served
    double latencyP50Ms = 0;
    double latencyP95Ms = 0;
    double latencyP99Ms = 0;
    double inFlight = 0;
    double capacity = 0; // 0 when the service states none
    std::uint64_t fallbacks = 0; // calls answered with fallback data over the last interval
    std::uint64_t shed = 0; // requests rejected by load shedding over the last interval
    std::optional<double> cacheAgeMs; // age of the result served while degraded
    std::vector<BreakerReport> breakers;
};

} // namespace faultline
