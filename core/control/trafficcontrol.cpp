// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "trafficcontrol.h"

#include <algorithm>
#include <cmath>

namespace faultline
{
namespace
{

constexpr std::int64_t wholeShare = 100 * 100; // 100 % in hundredths of a percent

} // namespace

ServiceMode TrafficControl::apply(const ControlRequest &request)
{
    switch (request.operation) {
    case ControlOperation::Isolate:
        m_mode = ServiceMode::Isolated;
        break;
    case ControlOperation::Degrade:
        m_mode = ServiceMode::Degraded;
        break;
    case ControlOperation::Ramp:
        m_mode = ServiceMode::Ramping;
        m_rampPercent = std::clamp(request.percent.value_or(100.0), 0.0, 100.0);
        // Each ramp step starts with an empty accumulator, so the first admitted call is the one that completes a
        // share.
        m_rampCredit = 0;
        break;
    case ControlOperation::Shed:
        m_mode = ServiceMode::Shedding;
        m_shedCapacity = std::max(1.0, request.capacity.value_or(1.0));
        break;
    case ControlOperation::Restore:
        m_mode = ServiceMode::Normal;
        m_rampPercent = 100;
        m_shedCapacity = 0;
        break;
    }
    return m_mode;
}

bool TrafficControl::callerMayCall()
{
    if (m_mode == ServiceMode::Isolated)
        return false;
    if (m_mode != ServiceMode::Ramping)
        return true;
    m_rampCredit += std::llround(m_rampPercent * 100.0);
    if (m_rampCredit < wholeShare)
        return false;
    m_rampCredit -= wholeShare;
    return true;
}

bool TrafficControl::shouldShed(double inFlight) const
{
    return m_mode == ServiceMode::Shedding && inFlight >= m_shedCapacity;
}

void TrafficControl::noteFreshResult(Time now)
{
    if (m_mode != ServiceMode::Normal)
        return;
    if (!m_lastFreshResult || now > *m_lastFreshResult)
        m_lastFreshResult = now;
}

std::optional<double> TrafficControl::cacheAgeMs(Time now) const
{
    if (m_mode != ServiceMode::Degraded)
        return std::nullopt;
    const Time since = m_lastFreshResult.value_or(Time::zero());
    // Requests simulated or served before the degrade may end after @p now, hence the clamp.
    return double(std::max<std::int64_t>(0, (now - since).count())) / 1e6;
}

void TrafficControl::fillReport(HealthReport &report, Time now) const
{
    report.mode = m_mode;
    report.rampPercent.reset();
    report.shedCapacity.reset();
    if (m_mode == ServiceMode::Ramping)
        report.rampPercent = m_rampPercent;
    if (m_mode == ServiceMode::Shedding)
        report.shedCapacity = m_shedCapacity;
    report.cacheAgeMs = cacheAgeMs(now);
}

} // namespace faultline
