// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Health evaluation, alarms and suspects together, fed through the TopologyStore as the ingest thread feeds it.
#include <QTest>

#include "health/healthmonitor.h"
#include "topology/topologystore.h"

using namespace faultline;

namespace
{

HealthReport heartbeat(
    const std::string &service, double p99 = 20, double errorRate = 0, Criticality criticality = Criticality::Important)
{
    HealthReport report;
    report.service = service;
    report.instance = service + "-1";
    report.intervalMs = 1000;
    report.rps = 100;
    report.errorRate = errorRate;
    report.latencyP50Ms = p99 / 2;
    report.latencyP99Ms = p99;
    report.criticality = criticality;
    return report;
}

CallRecord call(const std::string &caller, const std::string &callee, double ms = 10, bool error = false)
{
    CallRecord record;
    record.caller = caller;
    record.callee = callee;
    record.durationNs = std::int64_t(ms * 1e6);
    record.error = error;
    return record;
}

// A store and a monitor on a hand-driven clock, ticking every 100 ms as the ingest thread does.
struct Plant {
    TopologyStore store;
    HealthMonitor monitor;
    std::int64_t nowMs = 0;

    // Advances to @p untilMs: heartbeats from @p reporting every second, calls on the edges every 10 ms.
    void run(std::int64_t untilMs, const std::vector<HealthReport> &reporting,
        const std::vector<std::pair<std::string, std::string>> &edges, double callMs = 10)
    {
        while (nowMs < untilMs) {
            nowMs += 100;
            if (nowMs % 1000 == 0) {
                for (const auto &report : reporting)
                    store.applyHealth(report, nowMs);
            }
            for (const auto &[caller, callee] : edges) {
                for (int i = 0; i < 10; ++i)
                    store.applyCall(call(caller, callee, callMs), nowMs - 100 + i * 10);
            }
            store.tick(nowMs);
            monitor.update(store, nowMs);
        }
    }

    HealthDelta take()
    {
        HealthDelta delta;
        monitor.takeChanges(delta);
        return delta;
    }

    const Alarm *alarmOn(const std::string &service, HealthCondition condition)
    {
        for (const auto &alarm : monitor.alarms().alarms()) {
            if (alarm.service == service && alarm.condition == condition) {
                m_found = alarm;
                return &m_found;
            }
        }
        return nullptr;
    }

    Alarm m_found;
};

const std::vector<std::pair<std::string, std::string>> chain = { { "front", "middle" }, { "middle", "leaf" } };

} // namespace

class TestHealthMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void slowLeafRaisesAlarmAndLeadsSuspects()
    {
        Plant plant;
        plant.run(10'000, { heartbeat("front"), heartbeat("middle"), heartbeat("leaf") }, chain);
        QVERIFY(plant.monitor.alarms().alarms().empty());
        QVERIFY(!plant.take().suspects);

        // The leaf slows down, and its callers carry its latency on top of their own.
        plant.run(16'000, { heartbeat("front", 830), heartbeat("middle", 820), heartbeat("leaf", 800) }, chain, 800);
        const auto *leaf = plant.alarmOn("leaf", HealthCondition::Latency);
        QVERIFY(leaf);
        QVERIFY(leaf->firstOut);
        QCOMPARE(leaf->state, AlarmState::Unacknowledged);
        const auto *front = plant.alarmOn("front", HealthCondition::Latency);
        QVERIFY(front);
        QCOMPARE(front->state, AlarmState::Suppressed);
        QCOMPARE(front->suppressedBy, std::string("leaf"));

        const auto delta = plant.take();
        QVERIFY(delta.suspects);
        QVERIFY(!delta.suspects->empty());
        QCOMPARE(delta.suspects->front().service, std::string("leaf"));
    }

    void silentServiceAlarmsWithinTheLatePeriod()
    {
        Plant plant;
        plant.run(10'000, { heartbeat("front"), heartbeat("middle"), heartbeat("leaf") }, chain);
        // The leaf's last heartbeat came at 10 s, and late means more than 1.5 intervals of silence.
        plant.run(11'500, { heartbeat("front"), heartbeat("middle") }, { { "front", "middle" } });
        QVERIFY(!plant.alarmOn("leaf", HealthCondition::Heartbeat));
        plant.run(11'600, { heartbeat("front"), heartbeat("middle") }, { { "front", "middle" } });
        const auto *late = plant.alarmOn("leaf", HealthCondition::Heartbeat);
        QVERIFY(late);
        QCOMPARE(late->level, HealthLevel::Warning);
        QCOMPARE(late->raisedAtMs, std::int64_t(11'600));

        plant.run(13'100, { heartbeat("front"), heartbeat("middle") }, { { "front", "middle" } });
        QCOMPARE(plant.alarmOn("leaf", HealthCondition::Heartbeat)->level, HealthLevel::Critical);
        plant.run(14'000, { heartbeat("front"), heartbeat("middle") }, { { "front", "middle" } });
        const auto delta = plant.take();
        QVERIFY(delta.suspects);
        QCOMPARE(delta.suspects->front().service, std::string("leaf"));
        QVERIFY2(delta.suspects->front().reason.contains(QLatin1String("heartbeats stopped")),
            qPrintable(delta.suspects->front().reason));
    }

    void commandsReachAlarmsAndThresholds()
    {
        Plant plant;
        plant.run(3000, { heartbeat("leaf", 800) }, {});
        const auto *alarm = plant.alarmOn("leaf", HealthCondition::Latency);
        QVERIFY(alarm);
        const auto id = alarm->id;

        HealthCommand acknowledge;
        acknowledge.kind = HealthCommand::Kind::Acknowledge;
        acknowledge.alarmId = id;
        acknowledge.operatorName = "ana";
        plant.monitor.apply(acknowledge, plant.store, plant.nowMs);
        QCOMPARE(plant.alarmOn("leaf", HealthCondition::Latency)->acknowledgedBy, std::string("ana"));

        // Raising the leaf's threshold at run time clears the alarm once the clear delay has passed.
        HealthCommand thresholds;
        thresholds.kind = HealthCommand::Kind::SetThresholds;
        thresholds.service = "leaf";
        thresholds.thresholds.p99WarningMs = 1000;
        thresholds.thresholds.p99CriticalMs = 3000;
        plant.monitor.apply(thresholds, plant.store, plant.nowMs);
        plant.run(plant.nowMs + 4000, { heartbeat("leaf", 800) }, {});
        QVERIFY(plant.alarmOn("leaf", HealthCondition::Latency));
        plant.run(plant.nowMs + 2000, { heartbeat("leaf", 800) }, {});
        QVERIFY(!plant.alarmOn("leaf", HealthCondition::Latency));

        HealthCommand unknown;
        unknown.kind = HealthCommand::Kind::Shelve;
        unknown.alarmId = 999;
        unknown.durationMs = 1000;
        plant.monitor.apply(unknown, plant.store, plant.nowMs);
        HealthCommand invalid = thresholds;
        invalid.thresholds.errorRateWarning = 2;
        plant.monitor.apply(invalid, plant.store, plant.nowMs);
        const auto delta = plant.take();
        QCOMPARE(int(delta.commandErrors.size()), 2);
    }

    void suspectsClearWhenHealthy()
    {
        Plant plant;
        plant.run(5000, { heartbeat("leaf", 800) }, {});
        auto delta = plant.take();
        QVERIFY(delta.suspects && !delta.suspects->empty());
        plant.run(20'000, { heartbeat("leaf", 20) }, {});
        delta = plant.take();
        // An empty list marks the end of the trouble, and nothing more is sent after it.
        QVERIFY(delta.suspects);
        QVERIFY(delta.suspects->empty());
        plant.run(22'000, { heartbeat("leaf", 20) }, {});
        QVERIFY(!plant.take().suspects);
    }
};

QTEST_GUILESS_MAIN(TestHealthMonitor)
#include "tst_healthmonitor.moc"
