// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "playbook/livetopologymetrics.h"
#include "playbook/playbooklibrary.h"
#include "playbook/playbookmatcher.h"
#include "playbooktestsupport.h"

using namespace faultline;
using namespace faultline::testing;

class TestPlaybookMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void shippedPlaybooksMatch_data();
    void shippedPlaybooksMatch();
    void unknownServiceMatchesNothing();
    void failingServicesRankByAlarmPriority();
    void liveTopologyAdapter();
    void thousandServicesSuggest();

private:
    PlaybookLibrary m_library;
};

void TestPlaybookMatcher::initTestCase()
{
    m_library = PlaybookLibrary::builtIn();
    QVERIFY(m_library.errors().empty());
    QCOMPARE(m_library.playbooks().size(), std::size_t(4));
}

void TestPlaybookMatcher::shippedPlaybooksMatch_data()
{
    QTest::addColumn<ServiceState>("state");
    QTest::addColumn<ServiceMode>("mode");
    QTest::addColumn<double>("errorRate");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("staleness");
    QTest::addColumn<double>("saturation");
    QTest::addColumn<QStringList>("expected");

    const auto normal = ServiceMode::Normal;
    QTest::newRow("crashed service, heartbeats stopped") << ServiceState::Stale << normal << 0.0 << 0.0 << 8000.0 << 0.0
                                                         << QStringList { QStringLiteral("dependency-down") };
    QTest::newRow("stale for less than 5 s")
        << ServiceState::Stale << normal << 0.0 << 0.0 << 3000.0 << 0.0 << QStringList {};
    QTest::newRow("most calls failing") << ServiceState::Critical << normal << 0.8 << 20.0 << 500.0 << 0.1
                                        << QStringList { QStringLiteral("dependency-down") };
    QTest::newRow("slow service") << ServiceState::Warning << normal << 0.01 << 900.0 << 500.0 << 0.2
                                  << QStringList { QStringLiteral("cascading-latency") };
    QTest::newRow("saturated service") << ServiceState::Warning << normal << 0.02 << 100.0 << 500.0 << 0.95
                                       << QStringList { QStringLiteral("overload") };
    // Both overload clauses and latency match; the more specific overload clause ranks first.
    QTest::newRow("slow, failing and loaded")
        << ServiceState::Critical << normal << 0.2 << 900.0 << 500.0 << 0.5
        << QStringList { QStringLiteral("overload"), QStringLiteral("cascading-latency") };
    QTest::newRow("isolated and healthy again") << ServiceState::Ok << ServiceMode::Isolated << 0.0 << 10.0 << 500.0
                                                << 0.0 << QStringList { QStringLiteral("recovery-ramp") };
    QTest::newRow("isolated and still stale") << ServiceState::Stale << ServiceMode::Isolated << 0.0 << 0.0 << 9000.0
                                              << 0.0 << QStringList { QStringLiteral("dependency-down") };
    QTest::newRow("healthy") << ServiceState::Ok << normal << 0.0 << 10.0 << 500.0 << 0.1 << QStringList {};
    QTest::newRow("no heartbeat yet") << ServiceState::Unknown << normal << 0.0 << 0.0 << -1.0 << 0.0 << QStringList {};
}

void TestPlaybookMatcher::shippedPlaybooksMatch()
{
    QFETCH(ServiceState, state);
    QFETCH(ServiceMode, mode);
    QFETCH(double, errorRate);
    QFETCH(double, p99);
    QFETCH(double, staleness);
    QFETCH(double, saturation);
    QFETCH(QStringList, expected);

    ScriptedMetrics metrics;
    auto &service = metrics.set(QStringLiteral("servo"), state, errorRate, p99);
    service.mode = mode;
    service.stalenessMs = staleness < 0 ? std::nullopt : std::optional<double>(staleness);
    service.saturation = saturation;

    QStringList ids;
    for (const Playbook *playbook : applicablePlaybooks(m_library, QStringLiteral("servo"), metrics))
        ids.append(playbook->id);
    QCOMPARE(ids, expected);
    for (const auto &playbook : m_library.playbooks())
        QCOMPARE(playbookApplies(playbook, QStringLiteral("servo"), metrics), expected.contains(playbook.id));
}

void TestPlaybookMatcher::unknownServiceMatchesNothing()
{
    ScriptedMetrics metrics;
    metrics.set(QStringLiteral("servo"), ServiceState::Critical, 0.9);
    QVERIFY(applicablePlaybooks(m_library, QStringLiteral("ghost"), metrics).empty());
    QVERIFY(!playbookApplies(*m_library.find(QStringLiteral("dependency-down")), QStringLiteral("ghost"), metrics));
}

void TestPlaybookMatcher::failingServicesRankByAlarmPriority()
{
    // line (core) calls servo (minor, critical); hist (minor, critical) has no callers; mes (core) is
    // only slow; arm (minor) is isolated and recovering.
    ScriptedMetrics metrics;
    metrics.set(QStringLiteral("line"), ServiceState::Warning, 0.03, 40).criticality = Criticality::Core;
    metrics.set(QStringLiteral("servo"), ServiceState::Critical, 0.9, 10).criticality = Criticality::Minor;
    metrics.set(QStringLiteral("hist"), ServiceState::Critical, 0.9, 10).criticality = Criticality::Minor;
    metrics.set(QStringLiteral("mes"), ServiceState::Warning, 0.0, 800).criticality = Criticality::Core;
    auto &arm = metrics.set(QStringLiteral("arm"), ServiceState::Ok, 0.0, 10);
    arm.criticality = Criticality::Minor;
    arm.mode = ServiceMode::Isolated;
    metrics.set(QStringLiteral("ok"), ServiceState::Ok, 0.0, 10);
    metrics.addCall(QStringLiteral("line"), QStringLiteral("servo"));

    const auto suggestions = suggestPlaybooks(m_library, metrics);
    QStringList order;
    for (const auto &suggestion : suggestions)
        order.append(suggestion.service + QLatin1Char('/') + suggestion.playbook->id);
    QCOMPARE(order,
        (QStringList { QStringLiteral("servo/dependency-down"), QStringLiteral("mes/cascading-latency"),
            QStringLiteral("hist/dependency-down"), QStringLiteral("arm/recovery-ramp") }));
    QCOMPARE(suggestions[0].priority, AlarmPriority::Urgent);
    QCOMPARE(suggestions[1].priority, AlarmPriority::High);
    QCOMPARE(suggestions[2].priority, AlarmPriority::Medium);
    QVERIFY(suggestions[0].failing);
    QVERIFY(!suggestions[3].failing);
    QCOMPARE(suggestions[3].priority, AlarmPriority::Low);
}

void TestPlaybookMatcher::liveTopologyAdapter()
{
    LiveTopology topology;
    TopologyDelta delta;
    ServiceSnapshot servo;
    servo.name = "servo";
    servo.state = ServiceState::Critical;
    servo.mode = ServiceMode::Degraded;
    servo.criticality = Criticality::Core;
    servo.errorRate = 0.25;
    servo.latencyP99Ms = 420;
    servo.inFlight = 30;
    servo.capacity = 40;
    servo.lastHeartbeatMs = 10000;
    ServiceSnapshot line;
    line.name = "line";
    delta.services = { servo, line };
    EdgeSnapshot call;
    call.caller = "line";
    call.callee = "servo";
    EdgeSnapshot self;
    self.caller = "servo";
    self.callee = "servo";
    delta.edges = { call, self };
    topology.apply(delta);

    LiveTopologyMetrics metrics(&topology, [] { return qint64(12500); });
    const auto read = metrics.service(QStringLiteral("servo"));
    QVERIFY(read.has_value());
    QCOMPARE(read->state, ServiceState::Critical);
    QCOMPARE(read->mode, ServiceMode::Degraded);
    QCOMPARE(read->criticality, Criticality::Core);
    QCOMPARE(read->errorRate, 0.25);
    QCOMPARE(read->latencyP99Ms, 420.0);
    QCOMPARE(read->stalenessMs, std::optional<double>(2500));
    QCOMPARE(read->saturation, std::optional<double>(0.75));
    QCOMPARE(metrics.callers(QStringLiteral("servo")), QStringList { QStringLiteral("line") });
    QCOMPARE(metrics.services(), (QStringList { QStringLiteral("line"), QStringLiteral("servo") }));

    // No heartbeat and no capacity yet: both stay empty rather than reading as fresh or idle.
    const auto fresh = metrics.service(QStringLiteral("line"));
    QVERIFY(fresh.has_value());
    QVERIFY(!fresh->stalenessMs);
    QVERIFY(!fresh->saturation);
    QVERIFY(!metrics.service(QStringLiteral("ghost")));

    // The callers index follows edges that arrive after the first lookup, and a cleared topology.
    TopologyDelta later;
    EdgeSnapshot newCall;
    newCall.caller = "mes";
    newCall.callee = "servo";
    later.edges = { newCall };
    topology.apply(later);
    QCOMPARE(metrics.callers(QStringLiteral("servo")), (QStringList { QStringLiteral("line"), QStringLiteral("mes") }));
    topology.clear();
    QVERIFY(metrics.callers(QStringLiteral("servo")).isEmpty());
    QVERIFY(!metrics.service(QStringLiteral("servo")));
}

void TestPlaybookMatcher::thousandServicesSuggest()
{
    // 1,000 services in layers of 100, each calling three services of the next layer; every tenth fails.
    LiveTopology topology;
    TopologyDelta delta;
    const int count = 1000;
    for (int i = 0; i < count; ++i) {
        ServiceSnapshot service;
        service.name = "svc-" + std::to_string(i);
        service.state = i % 10 == 0 ? ServiceState::Critical : ServiceState::Ok;
        service.errorRate = i % 10 == 0 ? 0.9 : 0.0;
        service.criticality = i < 100 ? Criticality::Core : Criticality::Minor;
        service.lastHeartbeatMs = 1;
        delta.services.push_back(service);
        for (int k = 1; k <= 3 && i + 100 < count; ++k) {
            EdgeSnapshot edge;
            edge.caller = service.name;
            edge.callee = "svc-" + std::to_string(std::min(count - 1, (i / 100 + 1) * 100 + (i * 7 + k * 13) % 100));
            delta.edges.push_back(edge);
        }
    }
    topology.apply(delta);
    const LiveTopologyMetrics metrics(&topology, [] { return qint64(1000); });

    std::vector<PlaybookSuggestion> suggestions;
    QBENCHMARK
    {
        suggestions = suggestPlaybooks(m_library, metrics);
    }
    QCOMPARE(suggestions.size(), std::size_t(count / 10));
    QCOMPARE(suggestions.front().priority, AlarmPriority::Urgent);
    for (std::size_t i = 1; i < suggestions.size(); ++i)
        QVERIFY(suggestions[i - 1].priority >= suggestions[i].priority);
}

QTEST_GUILESS_MAIN(TestPlaybookMatcher)
#include "tst_playbookmatcher.moc"
