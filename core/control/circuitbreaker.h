// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "common/result.h"
#include "wire/healthreport.h"

namespace faultline
{

/**
 * Settings of a CircuitBreaker. The names and defaults are those of resilience4j's
 * CircuitBreakerConfig, so a configuration carries over from a Java service unchanged.
 */
struct CircuitBreakerConfig {
    enum class WindowType : std::uint8_t {
        CountBased, // the last windowSize calls
        TimeBased, // the calls of the last windowSize seconds, in one-second buckets
    };

    WindowType windowType = WindowType::CountBased;
    int windowSize = 100; // calls, or seconds for TimeBased
    int minimumNumberOfCalls = 100; // no rate is computed before the window contains this many calls
    double failureRateThreshold = 50; // percent; a failure rate at or above it opens the breaker
    double slowCallRateThreshold = 100; // percent; a slow-call rate at or above it opens the breaker
    std::chrono::nanoseconds slowCallDurationThreshold = std::chrono::seconds(60); // slower than this is slow
    std::chrono::nanoseconds waitDurationInOpenState = std::chrono::seconds(60);
    int permittedNumberOfCallsInHalfOpenState = 10;

    /** Checks ranges; the Error names the field and the accepted range. */
    std::optional<Error> validate() const;
};

/**
 * A circuit breaker in front of one dependency, with resilience4j's state machine: CLOSED records
 * calls in a sliding window and opens when, with at least minimumNumberOfCalls recorded, the failure
 * rate or the slow-call rate reaches its threshold. OPEN permits no call until waitDurationInOpenState
 * has passed; the next permission request then moves it to HALF_OPEN, which permits
 * permittedNumberOfCallsInHalfOpenState probes and, once all have been recorded, closes or opens again
 * by the same thresholds. Calls that the breaker does not permit are counted in notPermittedCalls()
 * and never recorded as failures of the dependency.
 *
 * Plain class without clocks: every method takes the time as a duration since any fixed epoch, so
 * tests drive it with a fake clock. Times must not go back by more than one window bucket.
 */
class CircuitBreaker
{
public:
    using Time = std::chrono::nanoseconds;

    explicit CircuitBreaker(CircuitBreakerConfig config = {});

    /** Returns whether a call may go out now; in HALF_OPEN each true uses up one probe. */
    bool tryAcquirePermission(Time now);
    /** Records the result of a permitted call that ended at @p now after @p duration. */
    void onResult(Time now, bool failed, Time duration);

    BreakerState state() const { return m_state; }
    const CircuitBreakerConfig &config() const { return m_config; }
    /** Failure rate in percent over the window, or -1 before minimumNumberOfCalls calls are recorded. */
    double failureRate() const;
    double slowCallRate() const;
    std::uint64_t notPermittedCalls() const { return m_notPermitted; }
    std::uint64_t transitions() const { return m_transitions; }

private:
    struct Bucket {
        std::int64_t second = -1; // TimeBased: the second this bucket counts; CountBased: unused
        int calls = 0;
        int failures = 0;
        int slow = 0;
    };

    void record(Time now, bool failed, bool slow);
    void evaluate(Time now);
    int minimumCalls() const;
    void transitionTo(BreakerState state, Time now);
    void resetWindow();
    // Calls, failures and slow calls currently in the window; TimeBased drops buckets older than the window.
    Bucket totals() const;

    CircuitBreakerConfig m_config;
    BreakerState m_state = BreakerState::Closed;
    std::vector<Bucket> m_window; // a ring: one bucket per call (CountBased) or per second (TimeBased)
    std::size_t m_next = 0; // CountBased: the ring slot the next call overwrites
    std::int64_t m_newestSecond = -1; // TimeBased: the latest second recorded
    Time m_openedAt {};
    int m_halfOpenPermitted = 0;
    Bucket m_halfOpen; // the probes recorded in HALF_OPEN
    std::uint64_t m_notPermitted = 0;
    std::uint64_t m_transitions = 0;
};

} // namespace faultline
