// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "conditiontracker.h"

namespace faultline
{

HealthLevel ConditionTracker::update(HealthLevel raw, HealthLevel clear, std::int64_t nowMs, const Delays &delays)
{
    // A clear level below the raw level would make the two rules disagree, so the raw level wins.
    if (clear < raw)
        clear = raw;

    for (const auto level : { HealthLevel::Warning, HealthLevel::Critical }) {
        const auto index = std::size_t(level);
        if (raw >= level) {
            if (!m_aboveSince[index])
                m_aboveSince[index] = nowMs;
        } else {
            m_aboveSince[index].reset();
        }
        if (clear < level) {
            if (!m_belowSince[index])
                m_belowSince[index] = nowMs;
        } else {
            m_belowSince[index].reset();
        }
    }

    auto next = HealthLevel::Ok;
    for (const auto level : { HealthLevel::Warning, HealthLevel::Critical }) {
        const auto index = std::size_t(level);
        const auto clearDelay = level == HealthLevel::Critical ? delays.clearCriticalMs : delays.clearWarningMs;
        const bool held = m_level >= level && !(m_belowSince[index] && nowMs - *m_belowSince[index] >= clearDelay);
        const bool entered = m_level < level && m_aboveSince[index] && nowMs - *m_aboveSince[index] >= delays.raiseMs;
        if (held || entered)
            next = level;
    }

    if (m_level == HealthLevel::Ok && next != HealthLevel::Ok)
        m_onsetMs = m_aboveSince[std::size_t(HealthLevel::Warning)].value_or(nowMs);
    if (next < m_level) {
        // The levels left start afresh, so a later episode is timed from its own readings.
        for (auto index = std::size_t(next) + 1; index < m_belowSince.size(); ++index)
            m_belowSince[index].reset();
    }
    m_level = next;
    if (m_level == HealthLevel::Ok)
        m_onsetMs.reset();
    return m_level;
}

} // namespace faultline
