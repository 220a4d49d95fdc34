// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "traces/dependencygraph.h"

using namespace faultline;

namespace
{

CallRecord call(const char *caller, const char *callee, NodeKind calleeKind = NodeKind::Service, bool error = false,
    std::optional<std::int64_t> durationMs = std::nullopt)
{
    CallRecord record;
    record.caller = caller;
    record.callee = callee;
    record.calleeKind = calleeKind;
    record.error = error;
    if (durationMs)
        record.durationNs = *durationMs * 1'000'000;
    return record;
}

QJsonObject parse(const std::string &json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(json), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString();
    return document.object();
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsCallsAndErrors();
    void nodeKindsFromSpansWin();
    void percentilesExact();
    void percentilesSampledWhenLarge();
    void linksWithoutCounts();
    void jsonShape();
    void textAndDot();
};

void TestDependencyGraph::countsCallsAndErrors()
{
    DependencyGraph graph;
    graph.addCall(call("a", "b"));
    graph.addCall(call("a", "b", NodeKind::Service, true));
    graph.addCall(call("b", "c"));
    graph.addCall(call("", "c"));
    const auto edges = graph.edges();
    QCOMPARE(edges.size(), std::size_t(2));
    QCOMPARE(edges[0].caller, std::string("a"));
    QCOMPARE(edges[0].callee, std::string("b"));
    QCOMPARE(edges[0].calls, std::uint64_t(2));
    QCOMPARE(edges[0].errors, std::uint64_t(1));
    QVERIFY(!edges[0].p50Ms.has_value());
    QCOMPARE(edges[1].calls, std::uint64_t(1));
    QCOMPARE(graph.nodeCount(), std::size_t(3));
}

void TestDependencyGraph::nodeKindsFromSpansWin()
{
    DependencyGraph graph;
    graph.addCall(call("api", "orders-db", NodeKind::Database));
    graph.addCall(call("api", "search", NodeKind::External));
    graph.addService("search");
    CallRecord fromBroker = call("kafka", "worker");
    fromBroker.callerKind = NodeKind::Broker;
    graph.addCall(fromBroker);
    graph.addPeer("cache", NodeKind::Database);
    graph.addPeer("worker", NodeKind::External);

    const auto nodes = graph.nodes();
    QCOMPARE(nodes.size(), std::size_t(6));
    QCOMPARE(nodes[0].name, std::string("api"));
    QCOMPARE(nodes[1].name, std::string("cache"));
    QCOMPARE(nodes[1].kind, NodeKind::Database);
    QCOMPARE(nodes[2].name, std::string("kafka"));
    QCOMPARE(nodes[2].kind, NodeKind::Broker);
    QCOMPARE(nodes[3].kind, NodeKind::Database);
    QCOMPARE(nodes[4].name, std::string("search"));
    QCOMPARE(nodes[4].kind, NodeKind::Service);
    // The first kind given wins: worker was a callee of kind Service before addPeer() called it External.
    QCOMPARE(nodes[5].kind, NodeKind::Service);
}

void TestDependencyGraph::percentilesExact()
{
    DependencyGraph graph;
    for (int ms = 100; ms >= 1; --ms)
        graph.addCall(call("a", "b", NodeKind::Service, false, ms));
    graph.addCall(call("a", "b"));
    const auto edge = graph.edges().at(0);
    QCOMPARE(edge.calls, std::uint64_t(101));
    QCOMPARE(*edge.p50Ms, 50.0);
    QCOMPARE(*edge.p99Ms, 99.0);
}

void TestDependencyGraph::percentilesSampledWhenLarge()
{
    // 200,000 calls spread evenly over 1..1000 ms: the sample keeps the percentiles within a few per cent.
    DependencyGraph graph;
    for (int i = 0; i < 200'000; ++i)
        graph.addCall(call("a", "b", NodeKind::Service, false, 1 + (i * 7919) % 1000));
    const auto edge = graph.edges().at(0);
    QCOMPARE(edge.calls, std::uint64_t(200'000));
    QVERIFY2(std::abs(*edge.p50Ms - 500.0) < 25.0, qPrintable(QString::number(*edge.p50Ms)));
    QVERIFY2(std::abs(*edge.p99Ms - 990.0) < 10.0, qPrintable(QString::number(*edge.p99Ms)));
}

void TestDependencyGraph::linksWithoutCounts()
{
    DependencyGraph graph;
    graph.addLink({ "a", "b", 30, 2 });
    graph.addLink({ "a", "b", 0, 0 });
    graph.addLink({ "lonely", "", 0, 0 });
    QCOMPARE(graph.edgeCount(), std::size_t(1));
    QCOMPARE(graph.nodeCount(), std::size_t(3));
    QCOMPARE(graph.edges()[0].calls, std::uint64_t(30));
    QCOMPARE(graph.edges()[0].errors, std::uint64_t(2));
}

void TestDependencyGraph::jsonShape()
{
    DependencyGraph graph;
    graph.addCall(call("web", "db", NodeKind::Database, true, 4));
    graph.addService("web");
    graph.addWarning({ "BadLine", "spans.json:7", "invalid JSON" });
    const QJsonObject root = parse(graph.toJson());

    const QJsonArray services = root.value(QStringLiteral("services")).toArray();
    QCOMPARE(services.size(), 2);
    QCOMPARE(services[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("db"));
    QCOMPARE(services[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("database"));
    QCOMPARE(services[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("service"));

    const QJsonArray edges = root.value(QStringLiteral("edges")).toArray();
    QCOMPARE(edges.size(), 1);
    const QJsonObject edge = edges[0].toObject();
    QCOMPARE(edge.value(QStringLiteral("caller")).toString(), QStringLiteral("web"));
    QCOMPARE(edge.value(QStringLiteral("callee")).toString(), QStringLiteral("db"));
    QCOMPARE(edge.value(QStringLiteral("calls")).toInt(), 1);
    QCOMPARE(edge.value(QStringLiteral("errors")).toInt(), 1);
    QCOMPARE(edge.value(QStringLiteral("p99Ms")).toDouble(), 4.0);

    const QJsonArray warnings = root.value(QStringLiteral("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0].toObject().value(QStringLiteral("location")).toString(), QStringLiteral("spans.json:7"));
}

void TestDependencyGraph::textAndDot()
{
    DependencyGraph graph;
    graph.addCall(call("web \"edge\"", "db", NodeKind::Database, true, 12));
    graph.addCall(call("web \"edge\"", "db", NodeKind::Database, false, 2));

    const QString text = QString::fromStdString(graph.toText());
    QVERIFY2(text.contains(QStringLiteral("  db [database]\n")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("web \"edge\" -> db  calls=2 errors=1 p50=2.00ms p99=12.0ms")), qPrintable(text));

    const QString dot = QString::fromStdString(graph.toDot());
    QVERIFY2(dot.startsWith(QStringLiteral("digraph dependencies {")), qPrintable(dot));
    QVERIFY2(dot.contains(QStringLiteral("\"db\" [shape=cylinder];")), qPrintable(dot));
    QVERIFY2(dot.contains(QStringLiteral("\"web \\\"edge\\\"\" -> \"db\" [label=\"2 (1 failed)\", color=red];")),
        qPrintable(dot));
    QVERIFY(dot.trimmed().endsWith(QLatin1Char('}')));
}

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
