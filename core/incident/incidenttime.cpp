// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttime.h"

#include <cstdlib>

#include <QRegularExpression>

namespace faultline
{

QString IncidentTime::toUtcText(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("+00:00");
}

QDateTime IncidentTime::fromUtcText(const QString &text)
{
    // Qt reads text without an offset as local time; such text is rejected instead.
    static const QRegularExpression withOffset(QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"));
    if (!withOffset.match(text).hasMatch())
        return {};
    const auto time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return time.toUTC();
}

QString IncidentTime::offsetText(int offsetSeconds)
{
    const int magnitude = std::abs(offsetSeconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(magnitude / 60, 2, 10, QLatin1Char('0'))
        .arg(magnitude % 60, 2, 10, QLatin1Char('0'));
}

QString IncidentTime::toLocalText(const QDateTime &time, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    const auto local = time.toTimeZone(zone);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz ")) + offsetText(zone.offsetFromUtc(time));
}

QString IncidentTime::toLocalText(const QDateTime &time)
{
    return toLocalText(time, QTimeZone::systemTimeZone());
}

QString IncidentTime::durationText(qint64 milliseconds)
{
    if (milliseconds < 0)
        return QStringLiteral("-") + durationText(-milliseconds);
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const qint64 minutes = seconds / 60;
    if (minutes < 48 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(minutes / 1440).arg((minutes / 60) % 24);
}

} // namespace faultline
