// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>

namespace faultline {

/**
 * A fixed ring of per-second buckets: memory never grows, and a bucket older than Seconds is
 * reused. Seconds are absolute indices (monotonic ms / 1000), so gaps in the data leave zeroed
 * buckets behind rather than shifting the history.
 */
template<typename Bucket, std::size_t Seconds>
class SlidingWindow
{
public:
    static constexpr std::size_t capacity = Seconds;

    /** Moves the current second forward to @p second, clearing the buckets it passes over. */
    void advanceTo(std::int64_t second)
    {
        if (!m_started) {
            m_started = true;
            m_current = second;
            return;
        }
        if (second <= m_current)
            return;
        const std::int64_t steps = second - m_current;
        if (steps >= std::int64_t(Seconds)) {
            m_buckets.fill(Bucket {});
        } else {
            for (std::int64_t s = m_current + 1; s <= second; ++s)
                m_buckets[index(s)] = Bucket {};
        }
        m_current = second;
    }

    Bucket &current() { return m_buckets[index(m_current)]; }
    const Bucket &current() const { return m_buckets[index(m_current)]; }

    /** The bucket @p secondsAgo before the current one (0 is the current); empty past the capacity. */
    const Bucket &ago(std::size_t secondsAgo) const
    {
        static const Bucket empty {};
        if (secondsAgo >= Seconds || !m_started)
            return empty;
        return m_buckets[index(m_current - std::int64_t(secondsAgo))];
    }

    std::int64_t currentSecond() const { return m_current; }
    bool started() const { return m_started; }

private:
    static std::size_t index(std::int64_t second)
    {
        const auto modulo = second % std::int64_t(Seconds);
        return std::size_t(modulo < 0 ? modulo + std::int64_t(Seconds) : modulo);
    }

    std::array<Bucket, Seconds> m_buckets {};
    std::int64_t m_current = 0;
    bool m_started = false;
};

/** Fifteen minutes of one-second buckets, the history the console keeps per service and per edge. */
inline constexpr std::size_t historySeconds = 15 * 60;

} // namespace faultline
