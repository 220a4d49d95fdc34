// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

namespace faultline {

namespace {

int binOf(double latencyMs)
{
    const double micros = latencyMs * 1000.0;
    if (!(micros > 1.0))
        return 0;
    const int bin = int(std::log2(micros) * LatencyHistogram::binsPerOctave) + 1;
    return std::clamp(bin, 0, LatencyHistogram::binCount - 1);
}

// The upper edge of a bin, so that a percentile never reads lower than the samples in it.
double upperEdgeMs(int bin)
{
    if (bin == 0)
        return 0.001;
    return std::exp2(double(bin) / LatencyHistogram::binsPerOctave) / 1000.0;
}

} // namespace

void LatencyHistogram::add(double latencyMs)
{
    auto &bin = m_bins[std::size_t(binOf(latencyMs))];
    if (bin != UINT32_MAX)
        ++bin;
    ++m_count;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (std::size_t i = 0; i < m_bins.size(); ++i)
        m_bins[i] = std::uint32_t(std::min<std::uint64_t>(std::uint64_t(m_bins[i]) + other.m_bins[i], UINT32_MAX));
    m_count += other.m_count;
}

void LatencyHistogram::clear()
{
    m_bins.fill(0);
    m_count = 0;
}

double LatencyHistogram::quantileMs(double quantile) const
{
    if (m_count == 0)
        return 0;
    const auto rank = std::uint64_t(std::ceil(std::clamp(quantile, 0.0, 1.0) * double(m_count)));
    std::uint64_t seen = 0;
    for (int bin = 0; bin < binCount; ++bin) {
        seen += m_bins[std::size_t(bin)];
        if (seen >= std::max<std::uint64_t>(rank, 1))
            return upperEdgeMs(bin);
    }
    return upperEdgeMs(binCount - 1);
}

} // namespace faultline
