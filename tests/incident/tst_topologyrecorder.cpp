// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// TopologyRecorder: which topology changes become incident events, and how stream problems are
// counted and rate-limited. Deltas go straight into a LiveTopology, without sockets.
#include <QTest>

#include "incident/topologyrecorder.h"

using namespace faultline;

namespace
{

struct RecordingSink : IncidentSink {
    std::vector<IncidentEvent> events;
    int batches = 0;

    void record(const IncidentEvent &event) override { events.push_back(event); }
    void recordBatch(const std::vector<IncidentEvent> &batch) override
    {
        ++batches;
        events.insert(events.end(), batch.begin(), batch.end());
    }
};

ServiceSnapshot service(const char *name, ServiceState state, ServiceMode mode = ServiceMode::Normal)
{
    ServiceSnapshot snapshot;
    snapshot.name = name;
    snapshot.state = state;
    snapshot.mode = mode;
    snapshot.criticality = Criticality::Core;
    snapshot.criticalityKnown = true;
    return snapshot;
}

PublisherSnapshot publisher(std::uint64_t gaps, std::uint64_t malformed, std::int64_t lastSeenMs)
{
    PublisherSnapshot snapshot;
    snapshot.publisher = "plant-sim";
    snapshot.gaps = gaps;
    snapshot.malformed = malformed;
    snapshot.lastSeenMs = lastSeenMs;
    snapshot.lastError = QStringLiteral("rps: not a number");
    return snapshot;
}

struct Fixture {
    LiveTopology topology;
    RecordingSink sink;
    std::int64_t nowMs = 100'000;
    TopologyRecorder recorder { topology, sink, TopologyRecorder::Options {} };

    Fixture()
    {
        recorder.setSteadyClock([this] { return nowMs; });
    }

    void apply(std::vector<ServiceSnapshot> services)
    {
        TopologyDelta delta;
        delta.services = std::move(services);
        topology.apply(delta);
    }

    void applyPublishers(std::vector<PublisherSnapshot> publishers, std::uint64_t totalMalformed = 0)
    {
        TopologyDelta delta;
        delta.publishers = std::move(publishers);
        delta.counters.malformed = totalMalformed;
        topology.apply(delta);
    }
};

} // namespace

class TestTopologyRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discoveryIsNoEvent()
    {
        Fixture fixture;
        fixture.apply({ service("mes", ServiceState::Unknown) });
        fixture.apply({ service("mes", ServiceState::Ok) });
        QVERIFY(fixture.sink.events.empty());
    }

    void stateChanges_data()
    {
        QTest::addColumn<QList<int>>("states"); // ServiceState values, applied in turn
        QTest::addColumn<QStringList>("expected"); // "from>to" of each recorded event
        QTest::addColumn<QList<int>>("severities");

        const auto ok = int(ServiceState::Ok);
        const auto unknown = int(ServiceState::Unknown);
        const auto warning = int(ServiceState::Warning);
        const auto critical = int(ServiceState::Critical);
        const auto stale = int(ServiceState::Stale);
        QTest::newRow("ok to critical and back")
            << QList<int> { ok, critical, ok }
            << QStringList { QStringLiteral("ok>critical"), QStringLiteral("critical>ok") }
            << QList<int> { int(Severity::Critical), int(Severity::Info) };
        QTest::newRow("first seen critical")
            << QList<int> { critical } << QStringList { QStringLiteral("unknown>critical") }
            << QList<int> { int(Severity::Critical) };
        QTest::newRow("stale then unknown after being seen")
            << QList<int> { ok, stale, unknown }
            << QStringList { QStringLiteral("ok>stale"), QStringLiteral("stale>unknown") }
            << QList<int> { int(Severity::Warning), int(Severity::Warning) };
        QTest::newRow("same state twice records once")
            << QList<int> { ok, warning, warning } << QStringList { QStringLiteral("ok>warning") }
            << QList<int> { int(Severity::Warning) };
        QTest::newRow("unknown before the first heartbeat, then warning") << QList<int> { unknown, unknown,
            warning } << QStringList { QStringLiteral("unknown>warning") } << QList<int> { int(Severity::Warning) };
    }

    void stateChanges()
    {
        QFETCH(QList<int>, states);
        QFETCH(QStringList, expected);
        QFETCH(QList<int>, severities);
        Fixture fixture;
        for (const int state : states)
            fixture.apply({ service("plc-gateway", ServiceState(state)) });

        QStringList recorded;
        QList<int> recordedSeverities;
        for (const auto &event : fixture.sink.events) {
            QCOMPARE(event.kind, EventKind::StateChanged);
            QCOMPARE(event.service, QStringLiteral("plc-gateway"));
            QCOMPARE(event.details.value(QStringLiteral("criticality")), QStringLiteral("core"));
            recorded.append(event.details.value(QStringLiteral("from")) + QLatin1Char('>')
                + event.details.value(QStringLiteral("to")));
            recordedSeverities.append(int(event.severity));
        }
        QCOMPARE(recorded, expected);
        QCOMPARE(recordedSeverities, severities);
    }

    void modeChanges()
    {
        Fixture fixture;
        fixture.apply({ service("servo", ServiceState::Ok) });
        fixture.apply({ service("servo", ServiceState::Ok, ServiceMode::Isolated) });
        auto ramping = service("servo", ServiceState::Ok, ServiceMode::Ramping);
        ramping.rampPercent = 25;
        fixture.apply({ ramping });
        QCOMPARE(fixture.sink.events.size(), std::size_t(2));
        QCOMPARE(fixture.sink.events[0].kind, EventKind::ModeChanged);
        QCOMPARE(fixture.sink.events[0].details.value(QStringLiteral("to")), QStringLiteral("isolated"));
        QCOMPARE(fixture.sink.events[1].details.value(QStringLiteral("from")), QStringLiteral("isolated"));
        QCOMPARE(fixture.sink.events[1].details.value(QStringLiteral("ramp_percent")), QStringLiteral("25"));
    }

    void manyChangesInOneBatch()
    {
        Fixture fixture;
        std::vector<ServiceSnapshot> services;
        for (int i = 0; i < 500; ++i)
            services.push_back(service(qPrintable(QStringLiteral("svc-%1").arg(i)), ServiceState::Critical));
        fixture.apply(services);
        QCOMPARE(fixture.sink.events.size(), std::size_t(500));
        QCOMPARE(fixture.sink.batches, 1);
    }

    void messagesLostAreRateLimited()
    {
        Fixture fixture;
        fixture.applyPublishers({ publisher(5, 0, fixture.nowMs) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(1));
        QCOMPARE(fixture.sink.events[0].kind, EventKind::MessagesLost);
        QCOMPARE(fixture.sink.events[0].details.value(QStringLiteral("count")), QStringLiteral("5"));

        fixture.nowMs += 1000;
        fixture.applyPublishers({ publisher(8, 0, fixture.nowMs) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(1));

        fixture.nowMs += 9000;
        fixture.applyPublishers({ publisher(9, 0, fixture.nowMs) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(2));
        QCOMPARE(fixture.sink.events[1].details.value(QStringLiteral("count")), QStringLiteral("4"));
        QCOMPARE(fixture.sink.events[1].details.value(QStringLiteral("total")), QStringLiteral("9"));

        // What was counted but not yet reported goes out on flush.
        fixture.nowMs += 1000;
        fixture.applyPublishers({ publisher(12, 0, fixture.nowMs) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(2));
        fixture.recorder.flush();
        QCOMPARE(fixture.sink.events.size(), std::size_t(3));
        QCOMPARE(fixture.sink.events[2].details.value(QStringLiteral("count")), QStringLiteral("3"));
        fixture.recorder.flush();
        QCOMPARE(fixture.sink.events.size(), std::size_t(3));
    }

    void malformedMessagesWithAndWithoutPublisher()
    {
        Fixture fixture;
        fixture.applyPublishers({ publisher(0, 2, fixture.nowMs) }, 5);
        QCOMPARE(fixture.sink.events.size(), std::size_t(2));
        QCOMPARE(fixture.sink.events[0].kind, EventKind::MessagesMalformed);
        QCOMPARE(fixture.sink.events[0].details.value(QStringLiteral("publisher")), QStringLiteral("plant-sim"));
        QCOMPARE(
            fixture.sink.events[0].details.value(QStringLiteral("last_error")), QStringLiteral("rps: not a number"));
        QCOMPARE(fixture.sink.events[1].details.value(QStringLiteral("count")), QStringLiteral("3"));
        QVERIFY(!fixture.sink.events[1].details.contains(QStringLiteral("publisher")));
    }

    void publisherLostAndReturned()
    {
        Fixture fixture;
        fixture.applyPublishers({ publisher(0, 0, fixture.nowMs) });
        QVERIFY(fixture.sink.events.empty());

        fixture.nowMs += 6000;
        fixture.applyPublishers({ publisher(0, 0, fixture.nowMs - 6000) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(1));
        QCOMPARE(fixture.sink.events[0].kind, EventKind::PublisherLost);
        QCOMPARE(fixture.sink.events[0].severity, Severity::Warning);

        fixture.nowMs += 1000;
        fixture.applyPublishers({ publisher(0, 0, fixture.nowMs - 6000) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(1));

        fixture.applyPublishers({ publisher(0, 0, fixture.nowMs) });
        QCOMPARE(fixture.sink.events.size(), std::size_t(2));
        QCOMPARE(fixture.sink.events[1].kind, EventKind::PublisherReturned);
    }

    void snapshotOfTopology()
    {
        LiveTopology topology;
        TopologyDelta delta;
        delta.services.push_back(service("mes", ServiceState::Critical, ServiceMode::Degraded));
        auto unknown = service("historian", ServiceState::Unknown);
        unknown.criticalityKnown = false;
        unknown.kind = NodeKind::Database;
        delta.services.push_back(unknown);
        EdgeSnapshot edge;
        edge.caller = "mes";
        edge.callee = "historian";
        edge.errorRate = 0.25;
        delta.edges.push_back(edge);
        topology.apply(delta);

        const auto graph = TopologyRecorder::snapshotOf(topology);
        QCOMPARE(graph.nodes.size(), std::size_t(2));
        QCOMPARE(graph.nodes[0].name, QStringLiteral("historian"));
        QCOMPARE(graph.nodes[0].kind, NodeKind::Database);
        QVERIFY(!graph.nodes[0].criticality);
        QCOMPARE(graph.nodes[1].mode, ServiceMode::Degraded);
        QCOMPARE(graph.nodes[1].criticality, std::optional<Criticality>(Criticality::Core));
        QCOMPARE(graph.edges.size(), std::size_t(1));
        QCOMPARE(graph.edges[0].errorRate, 0.25);
    }
};

QTEST_GUILESS_MAIN(TestTopologyRecorder)
#include "tst_topologyrecorder.moc"
