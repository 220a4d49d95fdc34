// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QCoreApplication>
#include <QString>

namespace faultline
{

/** Locale-aware text for the numbers the console shows: rates, error shares, latencies and ages. */
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::DisplayFormat)

public:
    /** "1,234 req/s", with one decimal below 10. */
    static QString requestRate(double rps);
    /** "2.5 %" for 0.025; "0 %" only for an exact zero, so that a rare error never rounds away. */
    static QString errorRate(double fraction);
    /** "45 ms", "1.2 s". */
    static QString latency(double milliseconds);
    /** "3 s", "4 min 10 s", "2 h 5 min": how long ago or how old. */
    static QString age(double milliseconds);
    static QString count(std::uint64_t value);
};

} // namespace faultline
