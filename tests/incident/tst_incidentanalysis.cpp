// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// What the post-mortem derives: impact per service, the key times, action outcomes, and the SVG
// drawing of the graph snapshot.
#include <QTest>
#include <QXmlStreamReader>

#include "incident/exporters/svggraphwriter.h"
#include "incident/incidentanalysis.h"
#include "incidenttestdata.h"

using namespace faultline;
using namespace faultline::testdata;

namespace
{

Incident incidentOf(std::vector<IncidentEvent> events)
{
    Incident incident;
    incident.id = QStringLiteral("t");
    auto opened = makeEvent(1, EventKind::IncidentOpened, 0);
    incident.apply(opened);
    std::uint64_t sequence = 1;
    for (auto &event : events) {
        event.sequence = ++sequence;
        incident.apply(event);
    }
    return incident;
}

IncidentEvent action(EventKind kind, qint64 ms, const QString &requestId)
{
    auto event = makeEvent(0, kind, ms, QStringLiteral("servo"));
    event.correlationId = requestId;
    event.details.insert(QStringLiteral("operation"), QStringLiteral("isolate"));
    return event;
}

bool isWellFormed(const QString &svg)
{
    QXmlStreamReader xml(svg);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

} // namespace

class TestIncidentAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleKeyTimes()
    {
        const auto analysis = IncidentAnalysis::of(sampleIncident());
        QCOMPARE(analysis.impactStart, at(0));
        QCOMPARE(analysis.detected, at(60'000));
        QCOMPARE(analysis.mitigated, at(120'400));
        QCOMPARE(analysis.recovered, at(310'000));
        QCOMPARE(analysis.end, at(900'000));
        QCOMPARE(analysis.sinceImpactStart(analysis.recovered), std::optional<qint64>(310'000));
        QCOMPARE(analysis.alarmsRaised, 1);
        QCOMPARE(analysis.notes.size(), std::size_t(1));
        QCOMPARE(analysis.streamProblems.size(), std::size_t(1));
        QCOMPARE(analysis.timeline.size(), sampleIncident().events.size());
        QCOMPARE(analysis.impacts.size(), std::size_t(2));
    }

    void serviceNeverRecovers()
    {
        auto incident = incidentOf({ stateChange(0, 1000, QStringLiteral("servo"), "ok", "critical"),
            makeEvent(0, EventKind::OperatorNote, 61'000) });
        const auto analysis = IncidentAnalysis::of(incident);
        QCOMPARE(analysis.impacts.size(), std::size_t(1));
        QVERIFY(!analysis.impacts[0].lastRecovered.isValid());
        QCOMPARE(analysis.impacts[0].impairedMs, qint64(60'000));
        QVERIFY(!analysis.recovered.isValid());
    }

    void unknownStateKeepsImpairment()
    {
        // No data after a failure is not a recovery; only ok ends the impairment.
        auto incident = incidentOf({ stateChange(0, 1000, QStringLiteral("servo"), "ok", "critical"),
            stateChange(0, 2000, QStringLiteral("servo"), "critical", "unknown"),
            stateChange(0, 5000, QStringLiteral("servo"), "unknown", "ok") });
        const auto analysis = IncidentAnalysis::of(incident);
        QCOMPARE(analysis.impacts[0].impairedMs, qint64(4000));
        QCOMPARE(analysis.impacts[0].worstState, ServiceState::Critical);
        QCOMPARE(analysis.recovered, at(5000));
    }

    void repeatedImpairmentsAddUp()
    {
        auto incident = incidentOf({ stateChange(0, 1000, QStringLiteral("servo"), "ok", "warning"),
            stateChange(0, 3000, QStringLiteral("servo"), "warning", "ok"),
            stateChange(0, 10'000, QStringLiteral("servo"), "ok", "stale"),
            stateChange(0, 15'000, QStringLiteral("servo"), "stale", "ok") });
        const auto analysis = IncidentAnalysis::of(incident);
        QCOMPARE(analysis.impacts[0].impairedMs, qint64(7000));
        QCOMPARE(analysis.impacts[0].firstImpaired, at(1000));
        QCOMPARE(analysis.impacts[0].lastRecovered, at(15'000));
        QCOMPARE(analysis.impacts[0].worstState, ServiceState::Stale);
    }

    void alarmAloneImpairsAService()
    {
        auto raised = makeEvent(0, EventKind::AlarmRaised, 2000, QStringLiteral("mes"));
        raised.severity = Severity::Critical;
        raised.correlationId = QStringLiteral("9");
        auto cleared = makeEvent(0, EventKind::AlarmCleared, 9000, QStringLiteral("mes"));
        cleared.correlationId = QStringLiteral("9");
        const auto analysis = IncidentAnalysis::of(incidentOf({ raised, cleared }));
        QCOMPARE(analysis.impacts.size(), std::size_t(1));
        QCOMPARE(analysis.impacts[0].impairedMs, qint64(7000));
        QCOMPARE(analysis.impacts[0].worstState, ServiceState::Critical);
        QCOMPARE(analysis.impactStart, at(2000));
        QCOMPARE(analysis.detected, at(2000));
        QCOMPARE(analysis.recovered, at(9000));
    }

    void handOpenedIncidentWithoutAlarms()
    {
        const auto analysis = IncidentAnalysis::of(incidentOf({ makeEvent(0, EventKind::OperatorNote, 5000) }));
        QVERIFY(analysis.impacts.empty());
        QCOMPARE(analysis.impactStart, at(0));
        QCOMPARE(analysis.detected, at(0));
        QVERIFY(!analysis.mitigated.isValid());
        QVERIFY(!analysis.recovered.isValid());
    }

    void mitigationFromModeChange()
    {
        auto isolated = makeEvent(0, EventKind::ModeChanged, 4000, QStringLiteral("servo"));
        isolated.details.insert(QStringLiteral("to"), QStringLiteral("isolated"));
        auto ramping = makeEvent(0, EventKind::ModeChanged, 3000, QStringLiteral("servo"));
        ramping.details.insert(QStringLiteral("to"), QStringLiteral("ramping"));
        const auto analysis = IncidentAnalysis::of(incidentOf({ ramping, isolated }));
        QCOMPARE(analysis.mitigated, at(4000));
    }

    void actionOutcomes()
    {
        const auto analysis = IncidentAnalysis::of(incidentOf({
            action(EventKind::ActionSent, 1000, QStringLiteral("r1")),
            action(EventKind::ActionRejected, 1200, QStringLiteral("r1")),
            action(EventKind::ActionApplied, 1300, QStringLiteral("r1")), // a late second reply
            action(EventKind::ActionSent, 2000, QStringLiteral("r2")),
            action(EventKind::ActionApplied, 2500, QStringLiteral("r3")), // reply without a recorded request
            action(EventKind::ActionSent, 3000, QStringLiteral("r4")),
        }));
        QCOMPARE(analysis.actions.size(), std::size_t(4));
        QCOMPARE(analysis.actions[0].outcome->kind, EventKind::ActionRejected);
        QVERIFY(!analysis.actions[1].outcome);
        QVERIFY(!analysis.actions[2].request);
        QCOMPARE(analysis.actions[2].outcome->correlationId, QStringLiteral("r3"));
        QCOMPARE(analysis.actions[3].request->correlationId, QStringLiteral("r4"));
        QCOMPARE(analysis.mitigated, at(1300));
    }

    void svgOfSmallGraph()
    {
        const auto svg = SvgGraphWriter::write(smallGraph());
        QVERIFY(isWellFormed(svg));
        QCOMPARE(svg.count(QLatin1String("marker-end=")), 3);
        QVERIFY(svg.contains(QLatin1String("stroke=\"#c62828\" stroke-width=\"2\""))); // the failing edge
        for (const char *name : { "mes", "plc-gateway", "historian", "analytics" })
            QVERIFY2(svg.contains(QStringLiteral(">%1<").arg(QLatin1String(name))), name);
    }

    void svgHostileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("markup") << QStringLiteral("<script>alert('x')</script>");
        QTest::newRow("quotes and ampersand") << QStringLiteral("a\"b'c&d");
        QTest::newRow("control characters") << QStringLiteral("bell\x07"
                                                              "and\x1b"
                                                              "escape");
        QTest::newRow("placeholders") << QStringLiteral("%1 %2 %9");
        QTest::newRow("very long") << QString(5000, QLatin1Char('w'));
    }

    void svgHostileNames()
    {
        QFETCH(QString, name);
        GraphSnapshot graph = smallGraph();
        graph.nodes.push_back({ name, NodeKind::Service, ServiceState::Critical, ServiceMode::Normal, std::nullopt });
        graph.edges.push_back({ QStringLiteral("mes"), name, 1.0 });
        const auto svg = SvgGraphWriter::write(graph);
        QVERIFY(isWellFormed(svg));
        QVERIFY(!svg.contains(QLatin1String("<script")));
        QVERIFY(svg.contains(SvgGraphWriter::escaped(name.left(5))));
    }

    void svgCyclesAndMissingNodes()
    {
        GraphSnapshot graph;
        graph.edges.push_back({ QStringLiteral("a"), QStringLiteral("b"), 0 });
        graph.edges.push_back({ QStringLiteral("b"), QStringLiteral("c"), 0 });
        graph.edges.push_back({ QStringLiteral("c"), QStringLiteral("a"), 0 });
        graph.edges.push_back({ QStringLiteral("a"), QStringLiteral("a"), 0 });
        graph.edges.push_back({ QStringLiteral("a"), QStringLiteral("b"), 0 });
        const auto svg = SvgGraphWriter::write(graph);
        QVERIFY(isWellFormed(svg));
        // Nodes only named by edges are drawn; the self-call and the duplicate edge are dropped.
        QCOMPARE(svg.count(QLatin1String("marker-end=")), 3);
        QCOMPARE(svg.count(QLatin1String("stroke-dasharray=\"5 3\"")), 3);
        QVERIFY(isWellFormed(SvgGraphWriter::write({})));
    }

    void focusKeepsImpairedServices()
    {
        GraphSnapshot graph;
        for (int i = 0; i < 2000; ++i) {
            const auto state = i % 400 == 7 ? ServiceState::Critical : ServiceState::Ok;
            graph.nodes.push_back({ QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0')), NodeKind::Service, state,
                ServiceMode::Normal, std::nullopt });
            if (i > 0)
                graph.edges.push_back({ QStringLiteral("svc-%1").arg(i - 1, 4, 10, QLatin1Char('0')),
                    QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0')), 0 });
        }
        const auto focused = SvgGraphWriter::focus(graph, 120);
        QCOMPARE(focused.nodes.size(), std::size_t(120));
        int critical = 0;
        for (const auto &node : focused.nodes)
            critical += node.state == ServiceState::Critical ? 1 : 0;
        QCOMPARE(critical, 5);
        for (const auto &edge : focused.edges) {
            QVERIFY(std::any_of(
                focused.nodes.begin(), focused.nodes.end(), [&](const GraphNode &n) { return n.name == edge.caller; }));
            QVERIFY(std::any_of(
                focused.nodes.begin(), focused.nodes.end(), [&](const GraphNode &n) { return n.name == edge.callee; }));
        }
        QVERIFY(isWellFormed(SvgGraphWriter::write(focused)));
        QCOMPARE(SvgGraphWriter::focus(smallGraph(), 120), smallGraph());
    }
};

QTEST_GUILESS_MAIN(TestIncidentAnalysis)
#include "tst_incidentanalysis.moc"
