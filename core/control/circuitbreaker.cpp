// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "circuitbreaker.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("CircuitBreaker", text);
}

// The window of a time-based breaker is at most a day of one-second buckets.
constexpr int maxWindowSeconds = 86'400;
// Each evaluation sums the window, so a count-based window is kept small enough for that to stay cheap.
constexpr int maxWindowCalls = 10'000;

bool isPercent(double value)
{
    return std::isfinite(value) && value > 0 && value <= 100;
}

std::int64_t secondOf(CircuitBreaker::Time time)
{
    return std::chrono::duration_cast<std::chrono::seconds>(time).count();
}

} // namespace

std::optional<Error> CircuitBreakerConfig::validate() const
{
    const int maxWindow = windowType == WindowType::CountBased ? maxWindowCalls : maxWindowSeconds;
    if (windowSize < 1 || windowSize > maxWindow)
        return Error { tr("a sliding window of %1 is out of range; use 1 to %2").arg(windowSize).arg(maxWindow),
            QStringLiteral("windowSize") };
    if (minimumNumberOfCalls < 1)
        return Error { tr("a minimum of %1 calls is invalid; use 1 or more").arg(minimumNumberOfCalls),
            QStringLiteral("minimumNumberOfCalls") };
    if (!isPercent(failureRateThreshold))
        return Error { tr("a failure rate threshold of %1 % is invalid; use more than 0 and at most 100")
                           .arg(failureRateThreshold),
            QStringLiteral("failureRateThreshold") };
    if (!isPercent(slowCallRateThreshold))
        return Error { tr("a slow-call rate threshold of %1 % is invalid; use more than 0 and at most 100")
                           .arg(slowCallRateThreshold),
            QStringLiteral("slowCallRateThreshold") };
    if (slowCallDurationThreshold.count() <= 0)
        return Error { tr("the slow-call duration threshold must be positive"),
            QStringLiteral("slowCallDurationThreshold") };
    if (waitDurationInOpenState.count() <= 0)
        return Error { tr("the wait in the open state must be positive"), QStringLiteral("waitDurationInOpenState") };
    if (permittedNumberOfCallsInHalfOpenState < 1)
        return Error { tr("%1 half-open probes is invalid; use 1 or more").arg(permittedNumberOfCallsInHalfOpenState),
            QStringLiteral("permittedNumberOfCallsInHalfOpenState") };
    return std::nullopt;
}

CircuitBreaker::CircuitBreaker(CircuitBreakerConfig config)
    : m_config(config)
    , m_window(std::size_t(std::max(1, config.windowSize)))
{
}

bool CircuitBreaker::tryAcquirePermission(Time now)
{
    if (m_state == BreakerState::Open && now - m_openedAt >= m_config.waitDurationInOpenState)
        transitionTo(BreakerState::HalfOpen, now);

    switch (m_state) {
    case BreakerState::Closed:
        return true;
    case BreakerState::HalfOpen:
        if (m_halfOpenPermitted < m_config.permittedNumberOfCallsInHalfOpenState) {
            ++m_halfOpenPermitted;
            return true;
        }
        break;
    case BreakerState::Open:
        break;
    }
    ++m_notPermitted;
    return false;
}

void CircuitBreaker::onResult(Time now, bool failed, Time duration)
{
    const bool slow = duration > m_config.slowCallDurationThreshold;
    switch (m_state) {
    case BreakerState::Closed:
        record(now, failed, slow);
        evaluate(now);
        break;
    case BreakerState::HalfOpen:
        ++m_halfOpen.calls;
        m_halfOpen.failures += failed ? 1 : 0;
        m_halfOpen.slow += slow ? 1 : 0;
        if (m_halfOpen.calls >= m_config.permittedNumberOfCallsInHalfOpenState) {
            const double failureRate = 100.0 * m_halfOpen.failures / m_halfOpen.calls;
            const double slowRate = 100.0 * m_halfOpen.slow / m_halfOpen.calls;
            const bool open
                = failureRate >= m_config.failureRateThreshold || slowRate >= m_config.slowCallRateThreshold;
            transitionTo(open ? BreakerState::Open : BreakerState::Closed, now);
        }
        break;
    case BreakerState::Open:
        // A call permitted before the breaker opened ends now; the open breaker does not look at it.
        break;
    }
}

void CircuitBreaker::record(Time now, bool failed, bool slow)
{
    if (m_config.windowType == CircuitBreakerConfig::WindowType::CountBased) {
        Bucket &slot = m_window[m_next];
        slot = { -1, 1, failed ? 1 : 0, slow ? 1 : 0 };
        m_next = (m_next + 1) % m_window.size();
        return;
    }

    const std::int64_t second = secondOf(now);
    const auto size = std::int64_t(m_window.size());
    // A result older than the window, or older than what its bucket already counts, has nowhere to go.
    if (second <= m_newestSecond - size)
        return;
    Bucket &bucket = m_window[std::size_t(second % size)];
    if (bucket.second < second)
        bucket = { second, 0, 0, 0 };
    else if (bucket.second > second)
        return;
    ++bucket.calls;
    bucket.failures += failed ? 1 : 0;
    bucket.slow += slow ? 1 : 0;
    m_newestSecond = std::max(m_newestSecond, second);
}

CircuitBreaker::Bucket CircuitBreaker::totals() const
{
    Bucket sum;
    const bool timeBased = m_config.windowType == CircuitBreakerConfig::WindowType::TimeBased;
    const auto size = std::int64_t(m_window.size());
    for (const auto &bucket : m_window) {
        if (timeBased && (bucket.second < 0 || bucket.second <= m_newestSecond - size))
            continue;
        sum.calls += bucket.calls;
        sum.failures += bucket.failures;
        sum.slow += bucket.slow;
    }
    return sum;
}

void CircuitBreaker::evaluate(Time now)
{
    const Bucket sum = totals();
    if (sum.calls < minimumCalls())
        return;
    const double failureRate = 100.0 * sum.failures / sum.calls;
    const double slowRate = 100.0 * sum.slow / sum.calls;
    if (failureRate >= m_config.failureRateThreshold || slowRate >= m_config.slowCallRateThreshold)
        transitionTo(BreakerState::Open, now);
}

double CircuitBreaker::failureRate() const
{
    const Bucket sum = totals();
    return sum.calls < minimumCalls() ? -1.0 : 100.0 * sum.failures / sum.calls;
}

double CircuitBreaker::slowCallRate() const
{
    const Bucket sum = totals();
    return sum.calls < minimumCalls() ? -1.0 : 100.0 * sum.slow / sum.calls;
}

int CircuitBreaker::minimumCalls() const
{
    // A count-based window never contains more calls than its size, so the minimum is capped by it.
    if (m_config.windowType == CircuitBreakerConfig::WindowType::CountBased)
        return std::min(m_config.minimumNumberOfCalls, m_config.windowSize);
    return m_config.minimumNumberOfCalls;
}

void CircuitBreaker::transitionTo(BreakerState state, Time now)
{
    m_state = state;
    ++m_transitions;
    m_halfOpenPermitted = 0;
    m_halfOpen = {};
    if (state == BreakerState::Open)
        m_openedAt = now;
    // Like resilience4j, each state starts with an empty window, so old calls cannot reopen a closed breaker.
    resetWindow();
}

void CircuitBreaker::resetWindow()
{
    std::fill(m_window.begin(), m_window.end(), Bucket {});
    m_next = 0;
    m_newestSecond = -1;
}

} // namespace faultline
