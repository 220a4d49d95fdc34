// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "intervalstats.h"

#include <algorithm>
#include <cmath>

namespace faultline
{

void IntervalStats::addRequest(double latencyMs, bool error, std::uint64_t fallbacks, std::mt19937_64 &random)
{
    ++m_requests;
    m_errors += error ? 1 : 0;
    m_fallbacks += fallbacks;
    m_latencySumMs += latencyMs;
    m_sorted = false;

    if (m_latenciesMs.size() < maxLatencySamples) {
        m_latenciesMs.push_back(float(latencyMs));
        return;
    }
    // Reservoir sampling: the n-th request replaces a kept one with probability maxLatencySamples / n.
    const auto slot = std::uniform_int_distribution<std::uint64_t>(0, m_requests - 1)(random);
    if (slot < maxLatencySamples)
        m_latenciesMs[slot] = float(latencyMs);
}

double IntervalStats::percentileMs(double q)
{
    if (m_latenciesMs.empty())
        return 0;
    if (!m_sorted) {
        std::sort(m_latenciesMs.begin(), m_latenciesMs.end());
        m_sorted = true;
    }
    const auto rank = std::size_t(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_latenciesMs.size())));
    return m_latenciesMs[std::clamp<std::size_t>(rank, 1, m_latenciesMs.size()) - 1];
}

void IntervalStats::clear()
{
    m_latenciesMs.clear();
    m_sorted = true;
    m_requests = 0;
    m_errors = 0;
    m_fallbacks = 0;
    m_shed = 0;
    m_latencySumMs = 0;
}

} // namespace faultline
