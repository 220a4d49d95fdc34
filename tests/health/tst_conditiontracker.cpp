// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "health/conditiontracker.h"
#include "health/healthevaluator.h"

using namespace faultline;

namespace
{

// One reading of the p99 condition: time in ms and the value in ms.
struct Step {
    std::int64_t atMs;
    double p99Ms;
};

using Steps = std::vector<Step>;

HealthThresholds thresholds(std::int64_t raiseDelayMs, std::int64_t clearDelayMs, double deadband = 0.1)
{
    HealthThresholds t;
    t.p99WarningMs = 500;
    t.p99CriticalMs = 2000;
    t.raiseDelayMs = raiseDelayMs;
    t.clearDelayMs = clearDelayMs;
    t.deadband = deadband;
    return t;
}

HealthLevel run(const Steps &steps, const HealthThresholds &t)
{
    ConditionTracker tracker;
    HealthLevel level = HealthLevel::Ok;
    for (const auto &step : steps) {
        const auto reading = HealthEvaluator::read(HealthCondition::Latency, step.p99Ms, t);
        level
            = tracker.update(reading.raw, reading.clear, step.atMs, { t.raiseDelayMs, t.clearDelayMs, t.clearDelayMs });
    }
    return level;
}

} // namespace

Q_DECLARE_METATYPE(Steps)

class TestConditionTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hysteresis_data()
    {
        QTest::addColumn<Steps>("steps");
        QTest::addColumn<qint64>("raiseDelayMs");
        QTest::addColumn<qint64>("clearDelayMs");
        QTest::addColumn<HealthLevel>("expected");

        QTest::newRow("just under warning stays ok")
            << Steps { { 0, 499.9 } } << qint64(0) << qint64(5000) << HealthLevel::Ok;
        QTest::newRow("at warning raises at once without delay")
            << Steps { { 0, 500 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("at critical raises critical")
            << Steps { { 0, 2000 } } << qint64(0) << qint64(5000) << HealthLevel::Critical;
        QTest::newRow("raise delay not yet served")
            << Steps { { 0, 600 }, { 1999, 600 } } << qint64(2000) << qint64(5000) << HealthLevel::Ok;
        QTest::newRow("raise delay served exactly")
            << Steps { { 0, 600 }, { 2000, 600 } } << qint64(2000) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("a dip below restarts the raise delay") << Steps { { 0, 600 }, { 1000, 400 }, { 1500, 600 },
            { 3000, 600 } } << qint64(2000) << qint64(5000) << HealthLevel::Ok;
        QTest::newRow("critical waits for its own raise delay") << Steps { { 0, 600 }, { 2000, 2500 }, { 3000, 2500 } }
                                                                << qint64(2000) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("below threshold but inside deadband holds")
            << Steps { { 0, 600 }, { 1000, 480 }, { 60000, 480 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("exactly on the clear line holds")
            << Steps { { 0, 600 }, { 1000, 450 }, { 60000, 450 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("below the clear line one ms short of the delay holds")
            << Steps { { 0, 600 }, { 1000, 449 }, { 5999, 449 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("below the clear line for the whole delay clears")
            << Steps { { 0, 600 }, { 1000, 449 }, { 6000, 449 } } << qint64(0) << qint64(5000) << HealthLevel::Ok;
        QTest::newRow("a spike during clearing restarts the clear delay")
            << Steps { { 0, 600 }, { 1000, 100 }, { 4000, 600 }, { 5000, 100 }, { 9000, 100 } } << qint64(0)
            << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("flapping around the threshold never clears") << Steps {
            { 0, 510 }, { 1000, 490 }, { 2000, 510 }, { 3000, 490 }, { 4000, 510 }, { 5000, 490 }, { 6000, 510 }
        } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("critical steps down to warning after the delay") << Steps { { 0, 2500 }, { 1000, 1000 },
            { 6000, 1000 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
        QTest::newRow("critical drops straight to ok when the value does")
            << Steps { { 0, 2500 }, { 1000, 10 }, { 6000, 10 } } << qint64(0) << qint64(5000) << HealthLevel::Ok;
        QTest::newRow("no clear delay clears on the next reading")
            << Steps { { 0, 600 }, { 1, 10 } } << qint64(0) << qint64(0) << HealthLevel::Ok;
        QTest::newRow("readings out of order do not clear early")
            << Steps { { 5000, 600 }, { 1000, 10 }, { 5500, 10 } } << qint64(0) << qint64(5000) << HealthLevel::Warning;
    }

    void hysteresis()
    {
        QFETCH(Steps, steps);
        QFETCH(qint64, raiseDelayMs);
        QFETCH(qint64, clearDelayMs);
        QFETCH(HealthLevel, expected);
        QCOMPARE(run(steps, thresholds(raiseDelayMs, clearDelayMs)), expected);
    }

    void onsetIsFirstReadingAbove()
    {
        ConditionTracker tracker;
        const auto t = thresholds(2000, 5000);
        const auto high = HealthEvaluator::read(HealthCondition::Latency, 700, t);
        tracker.update(high.raw, high.clear, 10'000, { 2000, 5000, 5000 });
        QVERIFY(!tracker.onsetMs());
        tracker.update(high.raw, high.clear, 12'000, { 2000, 5000, 5000 });
        QCOMPARE(tracker.level(), HealthLevel::Warning);
        // The symptom began when the metric first crossed, not when the delay was served.
        QCOMPARE(*tracker.onsetMs(), std::int64_t(10'000));
    }

    void heartbeatAgeIsStrictlyAbove_data()
    {
        QTest::addColumn<double>("intervals");
        QTest::addColumn<HealthLevel>("expected");
        QTest::newRow("fresh") << 0.0 << HealthLevel::Ok;
        QTest::newRow("exactly late") << 1.5 << HealthLevel::Ok;
        QTest::newRow("just late") << 1.5001 << HealthLevel::Warning;
        QTest::newRow("exactly stale") << 3.0 << HealthLevel::Warning;
        QTest::newRow("just stale") << 3.0001 << HealthLevel::Critical;
        QTest::newRow("not a number") << std::nan("") << HealthLevel::Ok;
    }

    void heartbeatAgeIsStrictlyAbove()
    {
        QFETCH(double, intervals);
        QFETCH(HealthLevel, expected);
        QCOMPARE(HealthEvaluator::read(HealthCondition::Heartbeat, intervals, HealthThresholds {}).raw, expected);
    }

    void staleClearsAtOnceLateWaits()
    {
        HealthTrack track;
        HealthThresholds t;
        ConditionReadings readings {};
        readings[conditionIndex(HealthCondition::Heartbeat)] = HealthEvaluator::read(HealthCondition::Heartbeat, 5, t);
        auto statuses = HealthEvaluator::evaluate(track, readings, t, 0);
        QCOMPARE(statuses[conditionIndex(HealthCondition::Heartbeat)].level, HealthLevel::Critical);

        // A heartbeat arrives: stale ends at once, but the late warning stays for the clear delay.
        readings[conditionIndex(HealthCondition::Heartbeat)] = HealthEvaluator::read(HealthCondition::Heartbeat, 0, t);
        statuses = HealthEvaluator::evaluate(track, readings, t, 1000);
        QCOMPARE(statuses[conditionIndex(HealthCondition::Heartbeat)].level, HealthLevel::Warning);
        statuses = HealthEvaluator::evaluate(track, readings, t, 1000 + t.clearDelayMs);
        QCOMPARE(statuses[conditionIndex(HealthCondition::Heartbeat)].level, HealthLevel::Ok);
    }
};

QTEST_GUILESS_MAIN(TestConditionTracker)
#include "tst_conditiontracker.moc"
