// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>

namespace faultline {

/**
 * A log-scale latency histogram of fixed size: four bins per power of two from 1 µs to about
 * 134 s, so a percentile read from it is within about 9 % of the true value.
 */
class LatencyHistogram
{
public:
    static constexpr int binsPerOctave = 4;
    static constexpr int octaves = 27;
    static constexpr int binCount = binsPerOctave * octaves + 1;

    void add(double latencyMs);
    void merge(const LatencyHistogram &other);
    void clear();

    std::uint64_t count() const { return m_count; }
    /** The latency below which @p quantile (0..1) of the samples fall; 0 when empty. */
    double quantileMs(double quantile) const;

private:
    std::array<std::uint32_t, binCount> m_bins {};
    std::uint64_t m_count = 0;
};

} // namespace faultline
