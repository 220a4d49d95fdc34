// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>

#include "wire/controlmessages.h"
#include "wire/healthreport.h"

namespace faultline
{

/**
 * The operating mode of one service and what it means for the traffic to it, without sockets or clocks:
 * - isolated: callers make no call (callerMayCall() is false) and use fallback data;
 * - degraded: the service serves its last good result (servesCache()), whose age cacheAgeMs() gives;
 * - shedding: a request that arrives with shedCapacity() or more requests in flight is rejected at once;
 * - ramping: callerMayCall() admits rampPercent() % of the calls, spread evenly by an accumulator
 *   rather than drawn at random, so 25 % admits exactly every fourth call;
 * - normal: everything goes through.
 */
class TrafficControl
{
public:
    using Time = std::chrono::nanoseconds;

    /** Applies a request (already validated by the decoder) and returns the mode afterwards. */
    ServiceMode apply(const ControlRequest &request);

    ServiceMode mode() const { return m_mode; }
    double rampPercent() const { return m_rampPercent; }
    double shedCapacity() const { return m_shedCapacity; }

    /** Decides whether a caller makes its next call to this service; false means it uses fallback data. */
    bool callerMayCall();
    /** Whether a request that finds @p inFlight requests already in flight is shed. */
    bool shouldShed(double inFlight) const;
    bool servesCache() const { return m_mode == ServiceMode::Degraded; }

    /** Records that the service produced a fresh, good result at @p now (only counts in normal mode). */
    void noteFreshResult(Time now);
    /** Age of the cached result while degraded: since the last fresh result, or since time zero without one. */
    std::optional<double> cacheAgeMs(Time now) const;

    /** Fills the mode fields of a heartbeat: mode, ramp percent, shed capacity and cache age. */
    void fillReport(HealthReport &report, Time now) const;

private:
    ServiceMode m_mode = ServiceMode::Normal;
    double m_rampPercent = 100;
    double m_shedCapacity = 0;
    // Ramp credit in hundredths of a percent, so that shares such as 33.33 % add up without rounding drift.
    std::int64_t m_rampCredit = 0;
    std::optional<Time> m_lastFreshResult;
};

} // namespace faultline
