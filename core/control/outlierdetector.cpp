// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outlierdetector.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("OutlierDetector", text);
}

} // namespace

std::optional<Error> OutlierDetectorConfig::validate() const
{
    if (consecutiveFailures < 1)
        return Error { tr("%1 consecutive failures is invalid; use 1 or more").arg(consecutiveFailures),
            QStringLiteral("consecutiveFailures") };
    if (baseEjectionTime.count() <= 0)
        return Error { tr("the base ejection time must be positive"), QStringLiteral("baseEjectionTime") };
    if (maxEjectionTime < baseEjectionTime)
        return Error { tr("the maximum ejection time must be at least the base ejection time"),
            QStringLiteral("maxEjectionTime") };
    if (interval.count() <= 0)
        return Error { tr("the interval must be positive"), QStringLiteral("interval") };
    if (!std::isfinite(maxEjectionPercent) || maxEjectionPercent < 0 || maxEjectionPercent > 100)
        return Error { tr("a maximum ejection share of %1 % is invalid; use 0 to 100").arg(maxEjectionPercent),
            QStringLiteral("maxEjectionPercent") };
    return std::nullopt;
}

OutlierDetector::OutlierDetector(std::size_t instances, OutlierDetectorConfig config)
    : m_config(config)
    , m_instances(std::max<std::size_t>(1, instances))
{
}

std::size_t OutlierDetector::maxEjected() const
{
    const auto share = std::size_t(std::floor(double(m_instances.size()) * m_config.maxEjectionPercent / 100.0));
    return std::max<std::size_t>(1, share);
}

bool OutlierDetector::isEjected(std::size_t instance, Time now) const
{
    const Instance &state = m_instances[instance];
    return state.ejected && now < state.ejectedUntil;
}

std::size_t OutlierDetector::ejectedCount(Time now) const
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < m_instances.size(); ++i)
        count += isEjected(i, now) ? 1 : 0;
    return count;
}

int OutlierDetector::ejectionCount(std::size_t instance, Time now) const
{
    const Instance &state = m_instances[instance];
    if (state.ejectionCount == 0 || isEjected(instance, now))
        return state.ejectionCount;
    const auto healthyIntervals = (now - state.ejectedUntil) / m_config.interval;
    return int(std::max<std::int64_t>(0, state.ejectionCount - std::int64_t(healthyIntervals)));
}

void OutlierDetector::onResult(std::size_t instance, bool failed, Time now)
{
    Instance &state = m_instances[instance];
    if (!failed) {
        state.consecutiveFailures = 0;
        return;
    }
    // Results of calls that were under way when the instance was ejected change nothing.
    if (isEjected(instance, now))
        return;
    if (++state.consecutiveFailures < m_config.consecutiveFailures)
        return;
    if (ejectedCount(now) >= maxEjected())
        return;

    state.ejectionCount = ejectionCount(instance, now) + 1;
    const auto ejectionTime = std::min(m_config.maxEjectionTime, m_config.baseEjectionTime * state.ejectionCount);
    state.ejected = true;
    state.ejectedUntil = now + ejectionTime;
    state.consecutiveFailures = 0;
    ++m_ejections;
}

std::size_t OutlierDetector::pick(Time now)
{
    const std::size_t count = m_instances.size();
    for (std::size_t tried = 0; tried < count; ++tried) {
        const std::size_t candidate = m_next++ % count;
        if (!isEjected(candidate, now))
            return candidate;
    }
    return m_next++ % count;
}

} // namespace faultline
