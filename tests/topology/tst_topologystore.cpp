// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "topology/latencyhistogram.h"
#include "topology/slidingwindow.h"
#include "topology/topologystore.h"

using namespace faultline;

namespace {

HealthReport heartbeat(const std::string &service, const std::string &instance, double rps = 10, double errorRate = 0,
                       double p99 = 20)
{
    HealthReport report;
    report.service = service;
    report.instance = instance;
    report.timestampUnixNs = 1;
    report.intervalMs = 1000;
    report.rps = rps;
    report.errorRate = errorRate;
    report.latencyP50Ms = p99 / 2;
    report.latencyP99Ms = p99;
    report.criticality = Criticality::Core;
    return report;
}

CallRecord call(const std::string &caller, const std::string &callee, bool error = false, double ms = 10)
{
    CallRecord record;
    record.caller = caller;
    record.callee = callee;
    record.error = error;
    record.durationNs = std::int64_t(ms * 1e6);
    return record;
}

const ServiceSnapshot *find(const std::vector<ServiceSnapshot> &services, const std::string &name)
{
    for (const auto &service : services) {
        if (service.name == name)
            return &service;
    }
    return nullptr;
}

} // namespace

class TestTopologyStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowKeepsFifteenMinutes()
    {
        SlidingWindow<int, historySeconds> window;
        window.advanceTo(100);
        window.current() = 7;
        window.advanceTo(100 + historySeconds - 1);
        QCOMPARE(window.ago(historySeconds - 1), 7);
        window.advanceTo(100 + historySeconds);
        // The bucket of second 100 has been reused for the new second, so its value is gone.
        QCOMPARE(window.ago(historySeconds - 1), 0);
        QCOMPARE(window.ago(historySeconds), 0);
    }

    void windowClearsSkippedSeconds()
    {
        SlidingWindow<int, 10> window;
        for (int second = 0; second < 10; ++second) {
            window.advanceTo(second);
            window.current() = second + 1;
        }
        window.advanceTo(13);
        QCOMPARE(window.current(), 0);
        QCOMPARE(window.ago(1), 0);
        QCOMPARE(window.ago(2), 0);
        QCOMPARE(window.ago(4), 10);
        // Going backwards in time changes nothing.
        window.advanceTo(5);
        QCOMPARE(window.currentSecond(), 13);
        window.advanceTo(1000);
        QCOMPARE(window.ago(9), 0);
    }

    void histogramQuantiles()
    {
        LatencyHistogram histogram;
        QCOMPARE(histogram.quantileMs(0.99), 0.0);
        for (int i = 1; i <= 1000; ++i)
            histogram.add(double(i));
        const double p50 = histogram.quantileMs(0.5);
        const double p99 = histogram.quantileMs(0.99);
        QVERIFY2(p50 >= 500 && p50 <= 500 * 1.2, qPrintable(QString::number(p50)));
        QVERIFY2(p99 >= 990 && p99 <= 990 * 1.2, qPrintable(QString::number(p99)));
        histogram.add(-5);
        histogram.add(1e9);
        QCOMPARE(histogram.count(), std::uint64_t(1002));
    }

    void unknownBeforeHeartbeat()
    {
        TopologyStore store;
        store.noteNode("a", NodeKind::Service, 0);
        store.tick(0);
        const auto *a = find(store.services(), "a");
        QVERIFY(a);
        QCOMPARE(a->state, ServiceState::Unknown);
    }

    void staleAfterThreeIntervals_data()
    {
        QTest::addColumn<std::int64_t>("silenceMs");
        QTest::addColumn<ServiceState>("expected");
        QTest::newRow("just heard") << std::int64_t(0) << ServiceState::Ok;
        QTest::newRow("exactly one and a half intervals") << std::int64_t(1500) << ServiceState::Ok;
        // A heartbeat overdue by more than 1.5 intervals makes the service late, a warning short of stale.
        QTest::newRow("one ms past one and a half intervals") << std::int64_t(1501) << ServiceState::Warning;
        QTest::newRow("exactly three intervals") << std::int64_t(3000) << ServiceState::Warning;
        QTest::newRow("one ms past three intervals") << std::int64_t(3001) << ServiceState::Stale;
        QTest::newRow("long silence") << std::int64_t(600000) << ServiceState::Stale;
    }

    void staleAfterThreeIntervals()
    {
        QFETCH(std::int64_t, silenceMs);
        QFETCH(ServiceState, expected);
        TopologyStore store;
        store.applyHealth(heartbeat("a", "a-1"), 10'000);
        store.tick(10'000 + silenceMs);
        QCOMPARE(find(store.services(), "a")->state, expected);
    }

    void partlyStaleIsNeverOk()
    {
        TopologyStore store;
        store.applyHealth(heartbeat("a", "a-1"), 0);
        store.applyHealth(heartbeat("a", "a-2"), 0);
        store.applyHealth(heartbeat("a", "a-1"), 5000);
        store.tick(5000);
        const auto *a = find(store.services(), "a");
        QCOMPARE(a->state, ServiceState::Warning);
        QCOMPARE(a->rps, 10.0);
        QCOMPARE(int(a->instances.size()), 2);
    }

    void stateFromThresholds_data()
    {
        QTest::addColumn<double>("errorRate");
        QTest::addColumn<double>("p99");
        QTest::addColumn<ServiceState>("expected");
        QTest::newRow("healthy") << 0.0 << 20.0 << ServiceState::Ok;
        QTest::newRow("errors just under warning") << 0.0499 << 20.0 << ServiceState::Ok;
        QTest::newRow("errors at warning") << 0.05 << 20.0 << ServiceState::Warning;
        QTest::newRow("errors at critical") << 0.20 << 20.0 << ServiceState::Critical;
        QTest::newRow("slow at warning") << 0.0 << 500.0 << ServiceState::Warning;
        QTest::newRow("slow at critical") << 0.0 << 2000.0 << ServiceState::Critical;
    }

    void stateFromThresholds()
    {
        QFETCH(double, errorRate);
        QFETCH(double, p99);
        QFETCH(ServiceState, expected);
        TopologyStore store;
        store.applyHealth(heartbeat("a", "a-1", 10, errorRate, p99), 0);
        QCOMPARE(find(store.services(), "a")->state, expected);
    }

    void edgeRatesOverTenSeconds()
    {
        TopologyStore store;
        // 20 calls a second for 10 s, a quarter of them failed, at 10 ms, then one second later a tick.
        for (int second = 0; second < 10; ++second) {
            for (int i = 0; i < 20; ++i)
                store.applyCall(call("a", "b", i % 4 == 0, 10), second * 1000 + i * 10);
            store.tick(second * 1000 + 500);
        }
        store.tick(10'000);
        const auto edges = store.edges();
        QCOMPARE(int(edges.size()), 1);
        QCOMPARE(edges[0].rps, 20.0);
        QCOMPARE(edges[0].errorRate, 0.25);
        QCOMPARE(edges[0].totalCalls, std::uint64_t(200));
        QCOMPARE(edges[0].totalErrors, std::uint64_t(50));
        QVERIFY(edges[0].latencyP99Ms >= 10 && edges[0].latencyP99Ms < 12);
        const auto *history = store.edgeHistory("a", "b");
        QVERIFY(history);
        QCOMPARE(history->ago(1).calls, 20u);
        QCOMPARE(history->ago(1).errors, 5u);
        // Both ends became nodes, the callee of its own kind.
        QVERIFY(find(store.services(), "b"));
    }

    void uninstrumentedCalleeKeepsKind()
    {
        TopologyStore store;
        auto record = call("a", "mysql");
        record.calleeKind = NodeKind::Database;
        store.applyCall(record, 0);
        const auto *mysql = find(store.services(), "mysql");
        QVERIFY(mysql);
        QCOMPARE(mysql->kind, NodeKind::Database);
        QCOMPARE(mysql->state, ServiceState::Unknown);
    }

    void changesAreCoalesced()
    {
        TopologyStore store;
        store.applyHealth(heartbeat("a", "a-1"), 0);
        store.applyHealth(heartbeat("a", "a-1"), 10);
        store.applyCall(call("a", "b"), 20);
        TopologyDelta first;
        store.collectChanges(first);
        QCOMPARE(int(first.services.size()), 2);
        QCOMPARE(int(first.edges.size()), 1);
        TopologyDelta second;
        store.collectChanges(second);
        QVERIFY(second.services.empty());
        QVERIFY(second.edges.empty());
    }
};

QTEST_GUILESS_MAIN(TestTopologyStore)
#include "tst_topologystore.moc"
