// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayformat.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

namespace faultline
{

QString DisplayFormat::requestRate(double rps)
{
    const int decimals = rps < 10 ? 1 : 0;
    return tr("%1 req/s").arg(QLocale().toString(rps, 'f', decimals));
}

QString DisplayFormat::errorRate(double fraction)
{
    const double percent = fraction * 100.0;
    if (percent > 0 && percent < 0.1)
        return tr("< 0.1 %");
    const int decimals = percent < 10 ? 1 : 0;
    return tr("%1 %").arg(QLocale().toString(percent, 'f', percent == 0 ? 0 : decimals));
}

QString DisplayFormat::latency(double milliseconds)
{
    if (milliseconds >= 1000)
        return tr("%1 s").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
    const int decimals = milliseconds < 10 ? 1 : 0;
    return tr("%1 ms").arg(QLocale().toString(milliseconds, 'f', decimals));
}

QString DisplayFormat::age(double milliseconds)
{
    const auto seconds = static_cast<std::int64_t>(std::llround(std::max(0.0, milliseconds) / 1000.0));
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString DisplayFormat::count(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

} // namespace faultline
