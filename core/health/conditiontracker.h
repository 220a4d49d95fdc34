// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "health/healthcondition.h"

namespace faultline
{

/**
 * Hysteresis of one condition of one service or instance. A level is entered once the raw level has
 * been at or above it on every update for the raise delay, and left once the clear level (the level
 * read against the thresholds lowered by the deadband) has been below it on every update for the
 * clear delay. Between updates the last reading is taken to hold.
 */
class ConditionTracker
{
public:
    struct Delays {
        std::int64_t raiseMs = 0;
        std::int64_t clearWarningMs = 0; // how long below before Warning is left
        std::int64_t clearCriticalMs = 0; // how long below before Critical is left (to Warning or Ok)
    };

    /** Feeds one reading taken at @p nowMs and returns the debounced level. */
    HealthLevel update(HealthLevel raw, HealthLevel clear, std::int64_t nowMs, const Delays &delays);

    HealthLevel level() const { return m_level; }
    /** When the raw level first reached Warning in the current episode; nothing while Ok. */
    std::optional<std::int64_t> onsetMs() const { return m_level == HealthLevel::Ok ? std::nullopt : m_onsetMs; }

private:
    HealthLevel m_level = HealthLevel::Ok;
    // Indexed by level (1 = Warning, 2 = Critical): since when the raw level has been at or above it.
    std::array<std::optional<std::int64_t>, 3> m_aboveSince {};
    // Indexed by level: since when the clear level has been below it.
    std::array<std::optional<std::int64_t>, 3> m_belowSince {};
    std::optional<std::int64_t> m_onsetMs;
};

} // namespace faultline
