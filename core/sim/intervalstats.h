// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace faultline
{

/** Request counts and a latency sample of one service instance since its last heartbeat. */
class IntervalStats
{
public:
    /** Latencies kept per interval; past it a uniform reservoir sample stands for the rest. */
    static constexpr std::size_t maxLatencySamples = 50'000;

    void addRequest(double latencyMs, bool error, std::uint64_t fallbacks, std::mt19937_64 &random);
    void addShed() { ++m_shed; }

    std::uint64_t requests() const { return m_requests; }
    std::uint64_t errors() const { return m_errors; }
    std::uint64_t fallbacks() const { return m_fallbacks; }
    std::uint64_t shed() const { return m_shed; }
    double meanLatencyMs() const { return m_requests ? m_latencySumMs / double(m_requests) : 0; }

    /** Nearest-rank percentile of the sampled latencies, @p q in 0..1; 0 without requests. Sorts the sample. */
    double percentileMs(double q);

    void clear();

private:
    std::vector<float> m_latenciesMs;
    bool m_sorted = true;
    std::uint64_t m_requests = 0;
    std::uint64_t m_errors = 0;
    std::uint64_t m_fallbacks = 0;
    std::uint64_t m_shed = 0;
    double m_latencySumMs = 0;
};

} // namespace faultline
