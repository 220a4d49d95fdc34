// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One service's mode: what callers may call, what is shed, the cache age and the heartbeat fields.
#include <cmath>

#include <QtTest>

#include "control/trafficcontrol.h"

using namespace faultline;
using namespace std::chrono_literals;

namespace
{

ControlRequest request(
    ControlOperation operation, std::optional<double> percent = {}, std::optional<double> capacity = {})
{
    ControlRequest result;
    result.id = "t";
    result.operation = operation;
    result.service = "mes";
    result.percent = percent;
    result.capacity = capacity;
    return result;
}

} // namespace

class TestTrafficControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rampSpreadsEvenly_data();
    void rampSpreadsEvenly();
    void isolateStopsCalls();
    void restoreAdmitsEverything();
    void shedAtCapacityBoundary_data();
    void shedAtCapacityBoundary();
    void degradeReportsCacheAge();
    void reportCarriesModeFields();
};

void TestTrafficControl::rampSpreadsEvenly_data()
{
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("calls");
    QTest::addColumn<int>("admitted");
    QTest::addColumn<int>("maxGap"); // the maximum run of calls without an admitted one

    QTest::newRow("5 %") << 5.0 << 1000 << 50 << 19;
    QTest::newRow("25 %") << 25.0 << 1000 << 250 << 3;
    QTest::newRow("33.33 %") << 33.33 << 3000 << 999 << 3;
    QTest::newRow("50 %") << 50.0 << 1000 << 500 << 1;
    QTest::newRow("100 %") << 100.0 << 1000 << 1000 << 0;
    QTest::newRow("0 %") << 0.0 << 1000 << 0 << 1000;
}

void TestTrafficControl::rampSpreadsEvenly()
{
    QFETCH(double, percent);
    QFETCH(int, calls);
    QFETCH(int, admitted);
    QFETCH(int, maxGap);

    TrafficControl traffic;
    QCOMPARE(int(traffic.apply(request(ControlOperation::Ramp, percent))), int(ServiceMode::Ramping));
    int count = 0;
    int gap = 0;
    int longestGap = 0;
    for (int i = 0; i < calls; ++i) {
        if (traffic.callerMayCall()) {
            ++count;
            gap = 0;
        } else {
            longestGap = std::max(longestGap, ++gap);
        }
    }
    QCOMPARE(count, admitted);
    QCOMPARE(longestGap, maxGap);
}

void TestTrafficControl::isolateStopsCalls()
{
    TrafficControl traffic;
    QCOMPARE(int(traffic.apply(request(ControlOperation::Isolate))), int(ServiceMode::Isolated));
    for (int i = 0; i < 100; ++i)
        QVERIFY(!traffic.callerMayCall());
    QVERIFY(!traffic.shouldShed(1e9));
}

void TestTrafficControl::restoreAdmitsEverything()
{
    TrafficControl traffic;
    traffic.apply(request(ControlOperation::Ramp, 10.0));
    QCOMPARE(int(traffic.apply(request(ControlOperation::Restore))), int(ServiceMode::Normal));
    for (int i = 0; i < 100; ++i)
        QVERIFY(traffic.callerMayCall());
    QCOMPARE(traffic.rampPercent(), 100.0);
}

void TestTrafficControl::shedAtCapacityBoundary_data()
{
    QTest::addColumn<double>("inFlight");
    QTest::addColumn<bool>("shed");

    QTest::newRow("empty") << 0.0 << false;
    QTest::newRow("one below capacity") << 7.0 << false;
    QTest::newRow("at capacity") << 8.0 << true;
    QTest::newRow("far past capacity") << 1e6 << true;
}

void TestTrafficControl::shedAtCapacityBoundary()
{
    QFETCH(double, inFlight);
    QFETCH(bool, shed);

    TrafficControl traffic;
    QVERIFY(!traffic.shouldShed(inFlight));
    traffic.apply(request(ControlOperation::Shed, {}, 8.0));
    QCOMPARE(traffic.shouldShed(inFlight), shed);
    // Shedding limits the load; the callers still call.
    QVERIFY(traffic.callerMayCall());
}

void TestTrafficControl::degradeReportsCacheAge()
{
    TrafficControl traffic;
    QVERIFY(!traffic.cacheAgeMs(1s).has_value());
    traffic.noteFreshResult(2s);
    traffic.apply(request(ControlOperation::Degrade));
    QCOMPARE(traffic.cacheAgeMs(5s).value_or(-1), 3000.0);

    // Results while degraded come from the cache, so they do not refresh it.
    traffic.noteFreshResult(6s);
    QCOMPARE(traffic.cacheAgeMs(7s).value_or(-1), 5000.0);
    // A request that ended after the clock reading cannot make the age negative.
    QCOMPARE(traffic.cacheAgeMs(1s).value_or(-1), 0.0);

    traffic.apply(request(ControlOperation::Restore));
    QVERIFY(!traffic.cacheAgeMs(8s).has_value());
}

void TestTrafficControl::reportCarriesModeFields()
{
    TrafficControl traffic;
    HealthReport report;
    traffic.apply(request(ControlOperation::Ramp, 25.0));
    traffic.fillReport(report, 1s);
    QCOMPARE(int(report.mode), int(ServiceMode::Ramping));
    QCOMPARE(report.rampPercent.value_or(-1), 25.0);
    QVERIFY(!report.shedCapacity.has_value());

    traffic.apply(request(ControlOperation::Shed, {}, 12.0));
    traffic.fillReport(report, 1s);
    QCOMPARE(int(report.mode), int(ServiceMode::Shedding));
    QVERIFY(!report.rampPercent.has_value());
    QCOMPARE(report.shedCapacity.value_or(-1), 12.0);
    QVERIFY(!report.cacheAgeMs.has_value());
}

QTEST_GUILESS_MAIN(TestTrafficControl)
#include "tst_trafficcontrol.moc"
