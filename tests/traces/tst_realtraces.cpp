// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Imports the public trace files kept beside the checkout (FAULTLINE_TRACE_DATA) and checks the counts
// and graphs against what their sources state. Skips when the folder is absent.
#include <map>
#include <set>
#include <string>

#include <QDir>
#include <QFile>
#include <QTest>

#include "traces/graphimport.h"

using namespace faultline;

namespace
{

using EdgeCounts = std::map<std::pair<std::string, std::string>, std::uint64_t>;

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(FAULTLINE_TRACE_DATA)).filePath(relative);
}

EdgeCounts edgeCounts(const DependencyGraph &graph)
{
    EdgeCounts out;
    for (const auto &edge : graph.edges())
        out[{ edge.caller, edge.callee }] = edge.calls;
    return out;
}

std::set<std::pair<std::string, std::string>> edgeSet(const DependencyGraph &graph)
{
    std::set<std::pair<std::string, std::string>> out;
    for (const auto &edge : graph.edges())
        out.insert({ edge.caller, edge.callee });
    return out;
}

QString describe(const std::set<std::pair<std::string, std::string>> &edges)
{
    QStringList out;
    for (const auto &[caller, callee] : edges)
        out.append(QString::fromStdString(caller + "->" + callee));
    return out.join(QStringLiteral(", "));
}

GraphImport importOrFail(const QString &relative)
{
    auto imported = importDependencyGraph({ dataPath(relative) });
    if (!imported) {
        qWarning() << imported.error().message;
        return {};
    }
    return std::move(imported).value();
}

} // namespace

class TestRealTraces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fileCounts_data();
    void fileCounts();
    void dataPrepperMatchesServiceMap();
    void deathStarBenchMatchesPairs();
    void hotrodErrorsOnRedis();
    void conversionPairsAgree_data();
    void conversionPairsAgree();
    void largeDependencyFile();
    void dataPrepperBadLines();
    void smartThingsServices();
};

void TestRealTraces::initTestCase()
{
    if (!QFile::exists(dataPath(QStringLiteral("SOURCES.md"))))
        QSKIP("no trace data folder at FAULTLINE_TRACE_DATA; set the CMake cache variable to run these tests");
}

void TestRealTraces::fileCounts_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("spans");
    QTest::addColumn<int>("traces");
    QTest::addColumn<int>("services");

    const auto row = [](const char *file, TraceFormat format, int spans, int traces, int services) {
        QTest::newRow(file) << QString::fromUtf8(file) << int(format) << spans << traces << services;
    };
    const auto zipkin = TraceFormat::ZipkinV2;
    row("zipkin-lens/smartthings-mobile-web-install.json", zipkin, 1041, 1, 16);
    row("zipkin-lens/smartthings-oauth-authorization.json", zipkin, 175, 1, 8);
    row("zipkin-lens/yelp.json", zipkin, 16, 1, 6);
    row("zipkin-lens/ascend.json", zipkin, 8, 1, 3);
    row("zipkin-lens/messaging-kafka.json", zipkin, 28, 1, 2);
    row("zipkin-lens/messaging.json", zipkin, 4, 1, 2);
    row("zipkin-lens/messaging2.json", zipkin, 11, 1, 4);
    row("zipkin-lens/simple-db-p6.json", zipkin, 5, 1, 1);
    row("zipkin-lens/skew.json", zipkin, 4, 1, 2);
    row("zipkin-lens/envoy.json", zipkin, 1, 1, 0);
    row("jaeger-ui/TraceTimelineViewer/genaiTestTrace.json", TraceFormat::JaegerTrace, 57, 1, 10);
    row("jaeger-ui/TraceFlamegraph/testTrace.json", TraceFormat::JaegerTrace, 4, 1, 2);
    row("jaeger-ui/TraceGraph/testTrace.json", TraceFormat::JaegerTrace, 11, 1, 2);
    row("jaeger-ui/fixtures/otlp2jaeger-in.json", TraceFormat::Otlp, 2, 1, 1);
    row("jaeger-ui/fixtures/otlp2jaeger-out.json", TraceFormat::JaegerApi, 2, 1, 1);
    row("jaeger-ui/fixtures/otlp2jaeger-multi-in-combined.json", TraceFormat::Otlp, 4, 1, 1);
    row("jaeger-ui/fixtures/oltp2jaeger-multi-out.json", TraceFormat::JaegerApi, 4, 1, 1);
    row("jaeger-ui/fixtures/otlp2jaeger-in-error.json", TraceFormat::Otlp, 1, 1, 0);
    row("jaeger/ui_01.json", TraceFormat::JaegerTrace, 5, 1, 2);
    row("jaeger/otel_traces_01.json", TraceFormat::Otlp, 4, 2, 1);
    row("opentelemetry-proto/trace.json", TraceFormat::Otlp, 1, 1, 1);
    row("opensearch-dashboards-observability/jaeger-span-2023-01-24.json", TraceFormat::JaegerElasticsearch, 379, 14,
        6);
    row("opensearch-dashboards-observability/otel-v1-apm-span-000001.json", TraceFormat::DataPrepperSpans, 500, 41, 8);
    row("opensearch-dashboards-observability/otel-v1-apm-span-000002.json", TraceFormat::DataPrepperSpans, 474, 68, 8);
    row("opensearch-dashboards-observability/otel_v1_apm_span_explore.data.ndjson", TraceFormat::DataPrepperSpans, 50,
        5, 8);
    row("deathstarbench/traces-1695947455229.json", TraceFormat::JaegerApi, 660, 20, 12);
    row("kiali/responseTrace.json", TraceFormat::Otlp, 8, 1, 5);
    row("nezha/rca_data-2023-01-29/08_43_trace.csv", TraceFormat::NezhaCsv, 4445, 53, 27);
    row("nezha/construct_data-2023-01-29/08_50_trace.csv", TraceFormat::NezhaCsv, 4890, 71, 25);
}

void TestRealTraces::fileCounts()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    QFETCH(int, spans);
    QFETCH(int, traces);
    QFETCH(int, services);

    auto imported = importDependencyGraph({ dataPath(file) });
    QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
    QCOMPARE(imported->files.size(), std::size_t(1));
    const ImportSummary &summary = imported->files[0];
    QCOMPARE(int(summary.format), format);
    QCOMPARE(summary.spans, std::uint64_t(spans));
    QCOMPARE(summary.traces, std::uint64_t(traces));
    QCOMPARE(summary.services, std::uint64_t(services));
    QCOMPARE(summary.skippedSpanCount, std::uint64_t(0));
}

void TestRealTraces::dataPrepperMatchesServiceMap()
{
    const GraphImport fromSpans
        = importOrFail(QStringLiteral("opensearch-dashboards-observability/otel-v1-apm-span-000001.json"));
    const GraphImport fromMap
        = importOrFail(QStringLiteral("opensearch-dashboards-observability/otel-v1-apm-service-map.json"));
    const auto spanEdges = edgeSet(fromSpans.graph);
    const auto mapEdges = edgeSet(fromMap.graph);
    QCOMPARE(mapEdges.size(), std::size_t(13));
    QVERIFY2(spanEdges == mapEdges,
        qPrintable(QStringLiteral("spans: %1\nmap: %2").arg(describe(spanEdges), describe(mapEdges))));
}

void TestRealTraces::deathStarBenchMatchesPairs()
{
    // The pair table lists each parent/child span pair with its services; the cross-service ones are calls.
    QFile pairs(dataPath(QStringLiteral("deathstarbench/trace.csv")));
    QVERIFY(pairs.open(QIODevice::ReadOnly | QIODevice::Text));
    const QList<QByteArray> header = pairs.readLine().trimmed().split(',');
    const auto parentColumn = header.indexOf("parentMS");
    const auto childColumn = header.indexOf("childMS");
    QVERIFY(parentColumn >= 0 && childColumn >= 0);
    EdgeCounts expected;
    while (!pairs.atEnd()) {
        const QList<QByteArray> fields = pairs.readLine().trimmed().split(',');
        if (fields.size() <= std::max(parentColumn, childColumn))
            continue;
        if (fields[parentColumn] != fields[childColumn])
            ++expected[{ fields[parentColumn].toStdString(), fields[childColumn].toStdString() }];
    }
    QCOMPARE(expected.size(), std::size_t(11));

    const GraphImport imported = importOrFail(QStringLiteral("deathstarbench/traces-1695947455229.json"));
    QCOMPARE(edgeCounts(imported.graph), expected);
    QVERIFY(imported.linkWarnings.empty());
}

void TestRealTraces::hotrodErrorsOnRedis()
{
    const GraphImport imported
        = importOrFail(QStringLiteral("opensearch-dashboards-observability/jaeger-span-2023-01-24.json"));
    std::uint64_t errors = 0;
    for (const auto &edge : imported.graph.edges()) {
        errors += edge.errors;
        if (edge.errors > 0) {
            QCOMPARE(edge.caller, std::string("driver"));
            QCOMPARE(edge.callee, std::string("redis"));
        }
    }
    QCOMPARE(errors, std::uint64_t(18));
    const EdgeCounts expected { { { "customer", "mysql" }, 7 }, { { "driver", "redis" }, 95 },
        { { "frontend", "customer" }, 7 }, { { "frontend", "driver" }, 7 }, { { "frontend", "route" }, 76 } };
    QCOMPARE(edgeCounts(imported.graph), expected);
}

void TestRealTraces::conversionPairsAgree_data()
{
    QTest::addColumn<QString>("otlp");
    QTest::addColumn<QString>("jaeger");
    QTest::newRow("single resource") << QStringLiteral("jaeger-ui/fixtures/otlp2jaeger-in.json")
                                     << QStringLiteral("jaeger-ui/fixtures/otlp2jaeger-out.json");
    QTest::newRow("several resources") << QStringLiteral("jaeger-ui/fixtures/otlp2jaeger-multi-in-combined.json")
                                       << QStringLiteral("jaeger-ui/fixtures/oltp2jaeger-multi-out.json");
}

void TestRealTraces::conversionPairsAgree()
{
    QFETCH(QString, otlp);
    QFETCH(QString, jaeger);

    const GraphImport fromOtlp = importOrFail(otlp);
    const GraphImport fromJaeger = importOrFail(jaeger);
    QCOMPARE(fromOtlp.files.at(0).spans, fromJaeger.files.at(0).spans);
    const auto otlpNodes = fromOtlp.graph.nodes();
    const auto jaegerNodes = fromJaeger.graph.nodes();
    QCOMPARE(otlpNodes.size(), jaegerNodes.size());
    for (std::size_t i = 0; i < otlpNodes.size(); ++i) {
        QCOMPARE(otlpNodes[i].name, jaegerNodes[i].name);
        QCOMPARE(otlpNodes[i].kind, jaegerNodes[i].kind);
    }
    QCOMPARE(edgeCounts(fromOtlp.graph), edgeCounts(fromJaeger.graph));
    QCOMPARE(fromOtlp.linkWarnings.size(), fromJaeger.linkWarnings.size());
}

void TestRealTraces::largeDependencyFile()
{
    const GraphImport imported = importOrFail(QStringLiteral("jaeger-ui/DependencyGraph/large.json"));
    QCOMPARE(imported.files.at(0).format, TraceFormat::JaegerDependencies);
    QCOMPARE(imported.graph.nodeCount(), std::size_t(1238));
    QCOMPARE(imported.graph.edgeCount(), std::size_t(4271));
    QCOMPARE(imported.files.at(0).links, std::uint64_t(4271));
    for (const auto &edge : imported.graph.edges())
        QVERIFY(edge.caller != edge.callee);
}

void TestRealTraces::dataPrepperBadLines()
{
    const GraphImport imported
        = importOrFail(QStringLiteral("opensearch-dashboards-observability/otel-v1-apm-span-000002.json"));
    const ImportSummary &summary = imported.files.at(0);
    QCOMPARE(summary.badLineCount, std::uint64_t(10));
    std::vector<std::uint64_t> lines;
    for (const BadLine &bad : summary.badLines) {
        lines.push_back(bad.line);
        QVERIFY2(bad.reason.startsWith(QStringLiteral("invalid JSON")), qPrintable(bad.reason));
    }
    const std::vector<std::uint64_t> expected { 108, 126, 130, 262, 264, 542, 818, 820, 836, 872 };
    QCOMPARE(lines, expected);
    QCOMPARE(summary.spans, std::uint64_t(474));

    // 192 spans name parents missing from the file; each IncompleteTrace warning starts with its trace's share.
    std::uint64_t missingParents = 0;
    for (const LinkWarning &warning : imported.linkWarnings) {
        if (warning.kind == LinkWarningKind::IncompleteTrace)
            missingParents += std::stoull(warning.message);
    }
    QCOMPARE(missingParents, std::uint64_t(192));
}

void TestRealTraces::smartThingsServices()
{
    const GraphImport imported = importOrFail(QStringLiteral("zipkin-lens/smartthings-mobile-web-install.json"));
    QCOMPARE(imported.files.at(0).services, std::uint64_t(16));
    QCOMPARE(imported.graph.nodeCount(), std::size_t(16));
    // The file reports many spans twice, so each pair counts half as often as its span reports.
    const EdgeCounts edges = edgeCounts(imported.graph);
    QCOMPARE(edges.size(), std::size_t(28));
    QCOMPARE(edges.at({ "stLogin", "platformapi" }), std::uint64_t(53));
    QCOMPARE(edges.at({ "platformapi", "gizmo" }), std::uint64_t(52));
}

QTEST_GUILESS_MAIN(TestRealTraces)
#include "tst_realtraces.moc"
