// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Incident times: ISO-8601 UTC for files and local time with its offset for the screen, across
// daylight-saving changes. Every zone is named explicitly, so the machine's own zone never matters.
#include <QTest>
#include <QTimeZone>

#include "incident/incidenttime.h"

using namespace faultline;

namespace
{

QDateTime utc(const char *text)
{
    auto time = QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

} // namespace

class TestIncidentTime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localText_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");

        QTest::newRow("Berlin last millisecond of winter time") << QByteArray(
            "Europe/Berlin") << utc("2026-03-29T00:59:59.999") << QStringLiteral("2026-03-29 01:59:59.999 +01:00");
        QTest::newRow("Berlin first millisecond of summer time skips 02:00") << QByteArray(
            "Europe/Berlin") << utc("2026-03-29T01:00:00.000") << QStringLiteral("2026-03-29 03:00:00.000 +02:00");
        QTest::newRow("Berlin repeated hour, first pass")
            << QByteArray("Europe/Berlin") << utc("2026-10-25T00:30:00.000")
            << QStringLiteral("2026-10-25 02:30:00.000 +02:00");
        QTest::newRow("Berlin repeated hour, second pass")
            << QByteArray("Europe/Berlin") << utc("2026-10-25T01:30:00.000")
            << QStringLiteral("2026-10-25 02:30:00.000 +01:00");
        QTest::newRow("New York before spring forward")
            << QByteArray("America/New_York") << utc("2026-03-08T06:59:59.999")
            << QStringLiteral("2026-03-08 01:59:59.999 -05:00");
        QTest::newRow("New York after spring forward")
            << QByteArray("America/New_York") << utc("2026-03-08T07:00:00.000")
            << QStringLiteral("2026-03-08 03:00:00.000 -04:00");
        QTest::newRow("New York repeated 01:30, daylight time")
            << QByteArray("America/New_York") << utc("2026-11-01T05:30:00.000")
            << QStringLiteral("2026-11-01 01:30:00.000 -04:00");
        QTest::newRow("New York repeated 01:30, standard time")
            << QByteArray("America/New_York") << utc("2026-11-01T06:30:00.000")
            << QStringLiteral("2026-11-01 01:30:00.000 -05:00");
        QTest::newRow("New York local date is the day before the UTC date") << QByteArray(
            "America/New_York") << utc("2026-01-01T03:00:00.000") << QStringLiteral("2025-12-31 22:00:00.000 -05:00");
        QTest::newRow("Kathmandu quarter-hour offset") << QByteArray("Asia/Kathmandu") << utc("2026-06-01T12:00:00.000")
                                                       << QStringLiteral("2026-06-01 17:45:00.000 +05:45");
        QTest::newRow("Lord Howe half-hour daylight saving")
            << QByteArray("Australia/Lord_Howe") << utc("2026-01-15T00:00:00.000")
            << QStringLiteral("2026-01-15 11:00:00.000 +11:00");
        QTest::newRow("Lord Howe standard time") << QByteArray("Australia/Lord_Howe") << utc("2026-07-15T00:00:00.000")
                                                 << QStringLiteral("2026-07-15 10:30:00.000 +10:30");
        QTest::newRow("UTC itself") << QByteArray("UTC") << utc("2026-02-28T23:59:59.999")
                                    << QStringLiteral("2026-02-28 23:59:59.999 +00:00");
    }

    void localText()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        const QTimeZone timeZone(zone);
        if (!timeZone.isValid())
            QSKIP(qPrintable(QStringLiteral("time zone %1 is not installed (tzdata)").arg(QString::fromLatin1(zone))));
        QCOMPARE(IncidentTime::toLocalText(time, timeZone), expected);
    }

    void repeatedHourStaysOrdered()
    {
        // Two instants an hour apart that show the same wall-clock time must still differ on screen.
        const QTimeZone berlin("Europe/Berlin");
        if (!berlin.isValid())
            QSKIP("time zone Europe/Berlin is not installed (tzdata)");
        const auto first = IncidentTime::toLocalText(utc("2026-10-25T00:15:00.000"), berlin);
        const auto second = IncidentTime::toLocalText(utc("2026-10-25T01:15:00.000"), berlin);
        QVERIFY2(first != second, qPrintable(first));
        QCOMPARE(first.left(19), second.left(19));
    }

    void utcTextRoundTrip_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("millisecond precision") << utc("2026-03-14T10:15:02.123");
        QTest::newRow("midnight") << utc("2026-01-01T00:00:00.000");
        QTest::newRow("leap day") << utc("2028-02-29T12:34:56.789");
        QTest::newRow("from a zoned time") << QDateTime(QDate(2026, 3, 29), QTime(3, 30), QTimeZone("Europe/Berlin"));
    }

    void utcTextRoundTrip()
    {
        QFETCH(QDateTime, time);
        const auto text = IncidentTime::toUtcText(time);
        QVERIFY2(text.endsWith(QLatin1String("+00:00")), qPrintable(text));
        QCOMPARE(text.size(), 29);
        const auto parsed = IncidentTime::fromUtcText(text);
        QCOMPARE(parsed, time);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }

    void utcTextParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("Z suffix") << QStringLiteral("2026-03-14T10:15:02.123Z") << utc("2026-03-14T10:15:02.123");
        QTest::newRow("positive offset") << QStringLiteral("2026-03-14T11:15:02.123+01:00")
                                         << utc("2026-03-14T10:15:02.123");
        QTest::newRow("negative offset across midnight")
            << QStringLiteral("2026-03-13T23:15:02.000-11:00") << utc("2026-03-14T10:15:02.000");
        QTest::newRow("no offset is rejected") << QStringLiteral("2026-03-14T10:15:02.123") << QDateTime();
        QTest::newRow("garbage is rejected") << QStringLiteral("yesterday+00:00") << QDateTime();
        QTest::newRow("empty is rejected") << QString() << QDateTime();
        QTest::newRow("month 13 is rejected") << QStringLiteral("2026-13-14T10:15:02.123+00:00") << QDateTime();
    }

    void utcTextParsing()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const auto parsed = IncidentTime::fromUtcText(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed, expected);
    }

    void offsetText_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << 0 << QStringLiteral("+00:00");
        QTest::newRow("one hour east") << 3600 << QStringLiteral("+01:00");
        QTest::newRow("five hours west") << -18000 << QStringLiteral("-05:00");
        QTest::newRow("half an hour west") << -1800 << QStringLiteral("-00:30");
        QTest::newRow("Chatham daylight time") << 13 * 3600 + 45 * 60 << QStringLiteral("+13:45");
    }

    void offsetText()
    {
        QFETCH(int, seconds);
        QFETCH(QString, expected);
        QCOMPARE(IncidentTime::offsetText(seconds), expected);
    }

    void durationText_data()
    {
        QTest::addColumn<qint64>("milliseconds");
        QTest::addColumn<QString>("expected");
        QTest::newRow("milliseconds") << qint64(850) << QStringLiteral("850 ms");
        QTest::newRow("seconds") << qint64(42'000) << QStringLiteral("42 s");
        QTest::newRow("minutes pad seconds") << qint64(185'000) << QStringLiteral("3 min 05 s");
        QTest::newRow("hours pad minutes") << qint64(2 * 3600'000 + 7 * 60'000) << QStringLiteral("2 h 07 min");
        QTest::newRow("days") << qint64(3 * 86400'000LL + 5 * 3600'000) << QStringLiteral("3 d 5 h");
        QTest::newRow("negative") << qint64(-42'000) << QStringLiteral("-42 s");
    }

    void durationText()
    {
        QFETCH(qint64, milliseconds);
        QFETCH(QString, expected);
        QCOMPARE(IncidentTime::durationText(milliseconds), expected);
    }
};

QTEST_GUILESS_MAIN(TestIncidentTime)
#include "tst_incidenttime.moc"
