// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace faultline
{

/** Text forms of incident times: ISO-8601 UTC for files, local time with its offset for the screen. */
class IncidentTime final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::IncidentTime)

public:
    /** "2026-03-14T10:15:02.123+00:00": UTC with milliseconds and an explicit offset. */
    static QString toUtcText(const QDateTime &time);

    /**
     * Parses ISO-8601 with milliseconds and an explicit offset ("Z" or "+01:00") into UTC.
     * Returns a null QDateTime for text without an offset, because its meaning would depend on
     * the zone of the machine that reads it.
     */
    static QDateTime fromUtcText(const QString &text);

    /**
     * "2026-03-29 03:00:00.000 +02:00": @p time in @p zone with the offset that applied at that
     * instant, so the repeated hour at the end of daylight saving time reads unambiguously.
     */
    static QString toLocalText(const QDateTime &time, const QTimeZone &zone);
    /** The same in the machine's zone, for the console. */
    static QString toLocalText(const QDateTime &time);

    /** "+02:00", "-05:00", "+05:45" for an offset in seconds east of UTC. */
    static QString offsetText(int offsetSeconds);

    /** "850 ms", "42 s", "3 min 05 s", "2 h 07 min": a duration for reports. */
    static QString durationText(qint64 milliseconds);
};

} // namespace faultline
