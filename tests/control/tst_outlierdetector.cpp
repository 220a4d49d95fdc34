// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Outlier ejection with a fake clock: thresholds, growing ejection times, the maximum share and picking.
#include <QtTest>

#include "control/outlierdetector.h"

using namespace faultline;
using namespace std::chrono_literals;

namespace
{

OutlierDetectorConfig config(int consecutive, double maxPercent)
{
    OutlierDetectorConfig settings;
    settings.consecutiveFailures = consecutive;
    settings.baseEjectionTime = 10s;
    settings.maxEjectionTime = 35s;
    settings.interval = 5s;
    settings.maxEjectionPercent = maxPercent;
    return settings;
}

void fail(OutlierDetector &detector, std::size_t instance, int times, std::chrono::nanoseconds now)
{
    for (int i = 0; i < times; ++i)
        detector.onResult(instance, true, now);
}

} // namespace

class TestOutlierDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ejectsAtConsecutiveFailures_data();
    void ejectsAtConsecutiveFailures();
    void ejectionTimeGrowsAndCaps();
    void healthyIntervalsShortenNextEjection();
    void maxShareLimitsEjections_data();
    void maxShareLimitsEjections();
    void pickSkipsEjectedInstances();
    void pickUsesAllWhenAllEjected();
    void invalidConfigNamed();
};

void TestOutlierDetector::ejectsAtConsecutiveFailures_data()
{
    QTest::addColumn<QString>("results"); // f fails, s succeeds
    QTest::addColumn<bool>("ejected");

    QTest::newRow("one failure short of the threshold") << "ffff" << false;
    QTest::newRow("exactly the threshold") << "fffff" << true;
    QTest::newRow("a success in between resets the count") << "ffffsffff" << false;
    QTest::newRow("threshold after a success") << "ssfffff" << true;
}

void TestOutlierDetector::ejectsAtConsecutiveFailures()
{
    QFETCH(QString, results);
    QFETCH(bool, ejected);

    OutlierDetector detector(4, config(5, 50));
    for (const QChar result : results)
        detector.onResult(1, result == QLatin1Char('f'), 1s);
    QCOMPARE(detector.isEjected(1, 1s), ejected);
    QCOMPARE(detector.isEjected(0, 1s), false);
}

void TestOutlierDetector::ejectionTimeGrowsAndCaps()
{
    OutlierDetector detector(2, config(1, 50));
    std::chrono::nanoseconds now = 100s;

    // The nth ejection lasts n times the base time (10 s), capped at 35 s; each comes right after the last.
    const std::chrono::nanoseconds expected[] = { 10s, 20s, 30s, 35s, 35s };
    for (const auto duration : expected) {
        fail(detector, 0, 1, now);
        QVERIFY(detector.isEjected(0, now));
        QCOMPARE(detector.ejectedUntil(0) - now, duration);
        QVERIFY(detector.isEjected(0, now + duration - 1ns));
        QVERIFY(!detector.isEjected(0, now + duration));
        now += duration;
    }
    QCOMPARE(detector.ejections(), std::uint64_t(5));
}

void TestOutlierDetector::healthyIntervalsShortenNextEjection()
{
    OutlierDetector detector(2, config(1, 50));
    fail(detector, 0, 1, 0s); // out until 10 s
    fail(detector, 0, 1, 10s); // second ejection, out until 30 s
    QCOMPARE(detector.ejectionCount(0, 30s), 2);

    // One full 5 s interval in rotation takes one ejection off the count, so the next lasts 2 x 10 s, not 3 x.
    QCOMPARE(detector.ejectionCount(0, 35s), 1);
    fail(detector, 0, 1, 35s);
    QCOMPARE(detector.ejectedUntil(0), std::chrono::nanoseconds(55s));

    // Long in rotation, the count drops to zero and the next ejection is the base time again.
    QCOMPARE(detector.ejectionCount(0, 200s), 0);
    fail(detector, 0, 1, 200s);
    QCOMPARE(detector.ejectedUntil(0), std::chrono::nanoseconds(210s));
}

void TestOutlierDetector::maxShareLimitsEjections_data()
{
    QTest::addColumn<int>("instances");
    QTest::addColumn<double>("maxPercent");
    QTest::addColumn<int>("maxEjected");

    QTest::newRow("10 % of 3 still allows one") << 3 << 10.0 << 1;
    QTest::newRow("10 % of 20 is two") << 20 << 10.0 << 2;
    QTest::newRow("50 % of 5 rounds down to two") << 5 << 50.0 << 2;
    QTest::newRow("100 % of 4 allows all") << 4 << 100.0 << 4;
    QTest::newRow("0 % still allows one") << 4 << 0.0 << 1;
    QTest::newRow("a single instance") << 1 << 10.0 << 1;
}

void TestOutlierDetector::maxShareLimitsEjections()
{
    QFETCH(int, instances);
    QFETCH(double, maxPercent);
    QFETCH(int, maxEjected);

    OutlierDetector detector(std::size_t(instances), config(2, maxPercent));
    QCOMPARE(int(detector.maxEjected()), maxEjected);
    for (int i = 0; i < instances; ++i)
        fail(detector, std::size_t(i), 2, 1s);
    QCOMPARE(int(detector.ejectedCount(1s)), maxEjected);

    // Once the first ones are back, the instance that was held in is ejected by its next failure.
    if (maxEjected < instances) {
        const auto later = 1s + 10s;
        QCOMPARE(int(detector.ejectedCount(later)), 0);
        fail(detector, std::size_t(instances - 1), 1, later);
        QVERIFY(detector.isEjected(std::size_t(instances - 1), later));
    }
}

void TestOutlierDetector::pickSkipsEjectedInstances()
{
    OutlierDetector detector(3, config(1, 50));
    fail(detector, 1, 1, 0s);
    std::vector<int> picks(3, 0);
    for (int i = 0; i < 300; ++i)
        ++picks[detector.pick(1s)];
    QCOMPARE(picks[1], 0);
    QCOMPARE(picks[0], 150);
    QCOMPARE(picks[2], 150);

    // Back in rotation after its 10 s.
    for (int i = 0; i < 3; ++i)
        ++picks[detector.pick(10s)];
    QCOMPARE(picks[1], 1);
}

void TestOutlierDetector::pickUsesAllWhenAllEjected()
{
    OutlierDetector detector(1, config(1, 10));
    fail(detector, 0, 1, 0s);
    QVERIFY(detector.isEjected(0, 1s));
    QCOMPARE(detector.pick(1s), std::size_t(0));
}

void TestOutlierDetector::invalidConfigNamed()
{
    auto settings = config(0, 10);
    QCOMPARE(settings.validate().value_or(Error {}).where, QStringLiteral("consecutiveFailures"));
    settings = config(5, 120);
    QCOMPARE(settings.validate().value_or(Error {}).where, QStringLiteral("maxEjectionPercent"));
    settings = config(5, 10);
    settings.maxEjectionTime = 1s;
    QCOMPARE(settings.validate().value_or(Error {}).where, QStringLiteral("maxEjectionTime"));
    QVERIFY(!config(5, 10).validate());
}

QTEST_GUILESS_MAIN(TestOutlierDetector)
#include "tst_outlierdetector.moc"
