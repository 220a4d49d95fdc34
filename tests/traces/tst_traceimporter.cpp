// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QBuffer>
#include <QTest>

#include "traces/jsonstreamsplitter.h"
#include "traces/nezhacsvreader.h"
#include "traces/spanfields.h"
#include "traces/traceimporter.h"

using namespace faultline;

namespace
{

struct Imported {
    std::optional<ImportSummary> summary;
    std::optional<Error> error;
    std::vector<Span> spans;
    std::vector<DependencyLink> links;
};

Imported importBytes(const QByteArray &bytes, TraceImporter *configured = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    Imported imported;
    TraceImporter::Handlers handlers;
    handlers.spans = [&](std::vector<Span> &batch) {
        for (auto &span : batch)
            imported.spans.push_back(std::move(span));
    };
    handlers.links = [&](const DependencyLink &link) { imported.links.push_back(link); };
    TraceImporter importer;
    auto result = (configured ? *configured : importer).importDevice(buffer, QStringLiteral("test.json"), handlers);
    if (result)
        imported.summary = result.value();
    else
        imported.error = result.error();
    return imported;
}

const Span *findSpan(const std::vector<Span> &spans, std::string_view id)
{
    for (const Span &span : spans) {
        if (span.spanId.ends_with(id))
            return &span;
    }
    return nullptr;
}

QByteArray zipkinSpan(int index)
{
    return QStringLiteral(
        "{\"traceId\":\"%1\",\"id\":\"%2\",\"kind\":\"CLIENT\",\"name\":\"get /x\",\"timestamp\":%3,"
        "\"duration\":150,\"localEndpoint\":{\"serviceName\":\"svc%4\"},\"tags\":{\"note\":\"a \\\"quoted\\\" "
        "] value\"}}")
        .arg(index / 10 + 1, 16, 16, QLatin1Char('0'))
        .arg(index + 1, 16, 16, QLatin1Char('0'))
        .arg(1'700'000'000'000'000LL + index)
        .arg(index % 7)
        .toUtf8();
}

} // namespace

class TestTraceImporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsFormat_data();
    void detectsFormat();
    void rejectsMalformedFile_data();
    void rejectsMalformedFile();
    void zipkinFields();
    void jaegerProcessesAfterSpans();
    void jaegerApiAndUiWrapper();
    void jaegerElasticsearchTagMap();
    void otlpResourcesStreamed();
    void dataPrepperFlatAndNested();
    void ndjsonBadLinesByNumber();
    void csvPodNames_data();
    void csvPodNames();
    void csvBadLines();
    void splitterAnyChunking();
    void largeArrayStreams();
    void progressAndCancel();
    void rfc3339Times_data();
    void rfc3339Times();
};

void TestTraceImporter::detectsFormat_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("format");

    QTest::newRow("zipkin array") << QByteArray("[{\"traceId\":\"1\",\"id\":\"2\"}]") << int(TraceFormat::ZipkinV2);
    QTest::newRow("empty array is zipkin") << QByteArray("  [ ]\n") << int(TraceFormat::ZipkinV2);
    QTest::newRow("dependencies array") << QByteArray("[{\"parent\":\"a\",\"child\":\"b\",\"callCount\":3}]")
                                        << int(TraceFormat::JaegerDependencies);
    QTest::newRow("jaeger api with data array")
        << QByteArray("{\"data\":[{\"traceID\":\"1\",\"spans\":[]}],\"total\":0}") << int(TraceFormat::JaegerApi);
    QTest::newRow("jaeger ui wrapper with data object")
        << QByteArray("{\"data\":{\"traceID\":\"1\",\"spans\":[]},\"id\":\"1\"}") << int(TraceFormat::JaegerTrace);
    QTest::newRow("bare jaeger trace") << QByteArray("{\"traceID\":\"1\",\"spans\":[],\"processes\":{}}")
                                       << int(TraceFormat::JaegerTrace);
    QTest::newRow("otlp document") << QByteArray("{\"resourceSpans\":[]}") << int(TraceFormat::Otlp);
    QTest::newRow("tempo batches") << QByteArray("\xEF\xBB\xBF{\"batches\":[]}") << int(TraceFormat::Otlp);
    QTest::newRow("otlp lines") << QByteArray("{\"resourceSpans\":[]}\n{\"resourceSpans\":[]}\n")
                                << int(TraceFormat::OtlpNdjson);
    QTest::newRow("jaeger elasticsearch bulk")
        << QByteArray("{\"index\":{}}\n{\"traceID\":\"1\",\"spanID\":\"2\",\"process\":{}}\n")
        << int(TraceFormat::JaegerElasticsearch);
    QTest::newRow("data prepper spans") << QByteArray(
        "{\"index\":{\"_id\":\"x\"}}\n{\"traceId\":\"1\",\"spanId\":\"2\"}\n")
                                        << int(TraceFormat::DataPrepperSpans);
    QTest::newRow("data prepper service map")
        << QByteArray("{\"serviceName\":\"a\",\"destination\":null,\"target\":{}}\n{\"serviceName\":\"b\"}\n")
        << int(TraceFormat::DataPrepperServiceMap);
    QTest::newRow("nezha csv") << QByteArray("TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,"
                                             "EndTimeUnixNano,Duration\n")
                               << int(TraceFormat::NezhaCsv);
}

void TestTraceImporter::detectsFormat()
{
    QFETCH(QByteArray, content);
    QFETCH(int, format);

    const FormatGuess guess = detectTraceFormat(std::string_view(content.constData(), std::size_t(content.size())));
    QVERIFY2(guess.format.has_value(), guess.problem.c_str());
    QCOMPARE(int(*guess.format), format);
}

void TestTraceImporter::rejectsMalformedFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");

    QTest::newRow("empty file") << QByteArray("") << QStringLiteral("byte 0");
    QTest::newRow("plain text") << QByteArray("hello, world\n") << QStringLiteral("byte 0");
    QTest::newRow("array of numbers") << QByteArray("[1,2,3]") << QStringLiteral("byte 0");
    QTest::newRow("cut-off zipkin array")
        << QByteArray("[{\"traceId\":\"1\",\"id\":\"2\"},{\"traceId\":\"1\",\"id\":\"3\"") << QStringLiteral("byte 49");
    QTest::newRow("broken zipkin element")
        << QByteArray("[{\"traceId\":\"1\",\"id\":\"2\"},{\"traceId\":\"1\" \"id\":\"3\"}]")
        << QStringLiteral("byte 26");
    QTest::newRow("garbage after the array")
        << QByteArray("[{\"traceId\":\"1\",\"id\":\"2\"}] x") << QStringLiteral("byte 27");
    QTest::newRow("csv without the needed columns")
        << QByteArray("TraceID,SpanID,ParentID,PodName\n1,2,root,p\n") << QStringLiteral("line 1");
}

void TestTraceImporter::rejectsMalformedFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, where);

    const Imported imported = importBytes(content);
    QVERIFY(imported.error.has_value());
    QCOMPARE(imported.error->where, where);
    QVERIFY2(imported.error->message.startsWith(QStringLiteral("test.json: ")), qPrintable(imported.error->message));
}

void TestTraceImporter::zipkinFields()
{
    const Imported imported = importBytes(R"([
      {"traceId":"ABC","id":"1","kind":"SERVER","timestamp":1000,"duration":50,"localEndpoint":{"serviceName":"api"},
       "remoteEndpoint":{"serviceName":"browser"}},
      {"traceId":"abc","parentId":"1","id":"2","kind":"CLIENT","timestamp":1010,"duration":20,
       "localEndpoint":{"serviceName":"api"},"remoteEndpoint":{"serviceName":"app_db"},"tags":{"sql.query":"select 1"}},
      {"traceId":"abc","parentId":"1","id":"3","timestamp":1012,"localEndpoint":{"serviceName":"api"},
       "remoteEndpoint":{"serviceName":"cache"},"tags":{"error":""}},
      {"traceId":"abc","parentId":"1","id":"2","kind":"SERVER","shared":true,"localEndpoint":{"serviceName":"db"}},
      {"traceId":"abc","id":"","kind":"SERVER"}
    ])");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->spans, std::uint64_t(4));
    QCOMPARE(imported.summary->skippedSpanCount, std::uint64_t(1));
    QCOMPARE(imported.summary->traces, std::uint64_t(1));
    QCOMPARE(imported.summary->services, std::uint64_t(2));

    const Span &server = imported.spans[0];
    QCOMPARE(server.traceId, std::string(29, '0') + "abc");
    QCOMPARE(server.kind, SpanKind::Server);
    QVERIFY2(server.peerName.empty(), "a server's remoteEndpoint is its caller, not a callee");
    QCOMPARE(*server.startUnixNs, std::int64_t(1'000'000));
    QCOMPARE(*server.endUnixNs, std::int64_t(1'050'000));

    const Span &database = imported.spans[1];
    QCOMPARE(database.parentSpanId, std::string("0000000000000001"));
    QCOMPARE(database.peerName, std::string("app_db"));
    QCOMPARE(database.peerKind, NodeKind::Database);

    const Span &kindless = imported.spans[2];
    QCOMPARE(kindless.kind, SpanKind::Client);
    QVERIFY(kindless.error);
    QVERIFY(!kindless.endUnixNs.has_value());

    QVERIFY(imported.spans[3].shared);
    QCOMPARE(imported.spans[3].spanId, database.spanId);
}

void TestTraceImporter::jaegerProcessesAfterSpans()
{
    const Imported imported = importBytes(R"({"traceID":"t-1","spans":[
      {"traceID":"t-1","spanID":"s-1","operationName":"a","references":[],"startTime":5,"duration":2,"processID":"p1",
       "tags":[{"key":"span.kind","type":"string","value":"server"}]},
      {"traceID":"t-1","spanID":"s-2","operationName":"b","references":[
         {"refType":"FOLLOWS_FROM","traceID":"t-1","spanID":"s-9"},
         {"refType":"CHILD_OF","traceID":"t-1","spanID":"s-1"}],
       "processID":"p2","tags":[{"key":"error","type":"bool","value":true},{"key":"span.kind","type":"string","value":"client"},
       {"key":"peer.service","type":"string","value":"ledger"}]}],
      "processes":{"p1":{"serviceName":"gateway","tags":[]},"p2":{"serviceName":"orders","tags":[{"key":"hostname","type":"string","value":"orders-1"}]}}})");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->format, TraceFormat::JaegerTrace);
    QCOMPARE(imported.spans.size(), std::size_t(2));
    QCOMPARE(imported.spans[0].service, std::string("gateway"));
    const Span &client = imported.spans[1];
    QCOMPARE(client.service, std::string("orders"));
    QCOMPARE(client.instance, std::string("orders-1"));
    QCOMPARE(client.parentSpanId, std::string("s-1"));
    QCOMPARE(client.kind, SpanKind::Client);
    QVERIFY(client.error);
    QCOMPARE(client.peerName, std::string("ledger"));
}

void TestTraceImporter::jaegerApiAndUiWrapper()
{
    // The UI's download embeds a copy of each parent in its reference; only the span's own fields count.
    const QByteArray api = R"({"data":[{"traceID":"1","spans":[
        {"traceID":"1","spanID":"a","references":[],"processID":"p1"},
        {"traceID":"1","spanID":"b","references":[{"refType":"CHILD_OF","traceID":"1","spanID":"a",
          "span":{"traceID":"1","spanID":"a","references":[],"processID":"p9"}}],"processID":"p2"}],
        "processes":{"p1":{"serviceName":"web"},"p2":{"serviceName":"api"}}},
      {"traceID":"2","spans":[{"traceID":"2","spanID":"c","processID":"p1"}],"processes":{"p1":{"serviceName":"web"}}}],
      "total":0,"limit":0,"errors":null})";
    const Imported fromApi = importBytes(api);
    QVERIFY(fromApi.summary);
    QCOMPARE(fromApi.summary->format, TraceFormat::JaegerApi);
    QCOMPARE(fromApi.summary->spans, std::uint64_t(3));
    QCOMPARE(fromApi.summary->traces, std::uint64_t(2));
    QCOMPARE(findSpan(fromApi.spans, "b")->parentSpanId, std::string("000000000000000a"));
    QCOMPARE(findSpan(fromApi.spans, "b")->service, std::string("api"));

    const Imported fromUi
        = importBytes(R"({"data":{"services":[],"spans":[{"traceID":"1","spanID":"a","processID":"p1"}],
        "traceID":"1","processes":{"p1":{"serviceName":"web"}}},"id":"1","state":"FETCHED_DONE"})");
    QVERIFY(fromUi.summary);
    QCOMPARE(fromUi.summary->spans, std::uint64_t(1));
    QCOMPARE(fromUi.spans[0].service, std::string("web"));
}

void TestTraceImporter::jaegerElasticsearchTagMap()
{
    const Imported imported
        = importBytes("{\"index\":{}}\n"
                      "{\"traceID\":\"ab\",\"spanID\":\"01\",\"references\":[{\"refType\":\"CHILD_OF\","
                      "\"traceID\":\"ab\",\"spanID\":\"02\"}],\"startTime\":10,\"duration\":5,\"tags\":[],"
                      "\"tag\":{\"span@kind\":\"client\",\"error\":true,\"db@system\":\"redis\"},"
                      "\"process\":{\"serviceName\":\"driver\",\"tag\":{\"hostname\":\"h1\"}}}\n"
                      "\n"
                      "{\"index\":{}}\n"
                      "{\"traceID\":\"ab\",\"spanID\":\"02\" oops}\n");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->format, TraceFormat::JaegerElasticsearch);
    QCOMPARE(imported.spans.size(), std::size_t(1));
    const Span &span = imported.spans[0];
    QCOMPARE(span.kind, SpanKind::Client);
    QVERIFY(span.error);
    QCOMPARE(span.service, std::string("driver"));
    QCOMPARE(span.instance, std::string("h1"));
    QCOMPARE(span.peerName, std::string("redis"));
    QCOMPARE(span.peerKind, NodeKind::Database);
    QCOMPARE(imported.summary->badLineCount, std::uint64_t(1));
    QCOMPARE(imported.summary->badLines[0].line, std::uint64_t(5));
}

void TestTraceImporter::otlpResourcesStreamed()
{
    const Imported imported = importBytes(R"({"resourceSpans":[
      {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}}]},
       "scopeSpans":[{"spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","name":"x",
         "kind":"SPAN_KIND_CLIENT","startTimeUnixNano":"1000","endTimeUnixNano":"2000",
         "attributes":[{"key":"db.system","value":{"stringValue":"postgresql"}}],"status":{"code":2}}]}]},
      {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
       "scopeSpans":[{"spans":[{"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B175","kind":2},
                               {"traceId":"","spanId":"EEE19B7EC3C1B176"}]}]}]})");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->format, TraceFormat::Otlp);
    QCOMPARE(imported.spans.size(), std::size_t(2));
    QCOMPARE(imported.summary->skippedSpanCount, std::uint64_t(1));
    QCOMPARE(imported.spans[0].service, std::string("cart"));
    QCOMPARE(imported.spans[0].peerKind, NodeKind::Database);
    QVERIFY(imported.spans[0].error);
    QCOMPARE(imported.spans[1].service, std::string("checkout"));
    QCOMPARE(imported.spans[1].kind, SpanKind::Server);
}

void TestTraceImporter::dataPrepperFlatAndNested()
{
    const Imported imported = importBytes(
        "{\"index\":{\"_id\":\"1\"}}\n"
        "{\"traceId\":\"aa\",\"spanId\":\"01\",\"parentSpanId\":\"\",\"kind\":\"SPAN_KIND_CLIENT\",\"serviceName\":"
        "\"order\","
        "\"startTime\":\"2021-03-25T17:23:30.088478464Z\",\"endTime\":\"2021-03-25T17:23:30.100000000Z\",\"status."
        "code\":2,"
        "\"span.attributes.peer@service\":\"billing\"}\n"
        "{\"traceId\":\"aa\",\"spanId\":\"02\",\"parentSpanId\":\"01\",\"kind\":\"SPAN_KIND_SERVER\",\"startTime\":"
        "\"2021-03-25T17:23:30.09Z\",\"durationInNanos\":5000,\"status\":{\"code\":0},\"resource\":{\"attributes\":"
        "{\"service.name\":\"billing\"}}}\n");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->format, TraceFormat::DataPrepperSpans);
    QCOMPARE(imported.spans.size(), std::size_t(2));
    const Span &client = imported.spans[0];
    QVERIFY(client.error);
    QCOMPARE(client.peerName, std::string("billing"));
    QCOMPARE(*client.startUnixNs, std::int64_t(1616693010088478464));
    const Span &server = imported.spans[1];
    QCOMPARE(server.service, std::string("billing"));
    QVERIFY(!server.error);
    QCOMPARE(*server.endUnixNs - *server.startUnixNs, std::int64_t(5000));
}

void TestTraceImporter::ndjsonBadLinesByNumber()
{
    QByteArray content;
    for (int i = 1; i <= 40; ++i) {
        content += "{\"index\":{}}\n";
        if (i % 10 == 0)
            content
                += "{\"traceId\":\"aa\",\"spanId\":\"" + QByteArray::number(i) + "\",\"note\":\"\"\"triple\"\"\"}\n";
        else
            content += "{\"traceId\":\"aa\",\"spanId\":\"" + QByteArray::number(i) + "\",\"serviceName\":\"s\"}\r\n";
    }
    const Imported imported = importBytes(content);
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->spans, std::uint64_t(36));
    QCOMPARE(imported.summary->badLineCount, std::uint64_t(4));
    QCOMPARE(imported.summary->badLines.size(), std::size_t(4));
    const std::vector<std::uint64_t> expected { 20, 40, 60, 80 };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(imported.summary->badLines[i].line, expected[i]);
        QVERIFY(imported.summary->badLines[i].reason.startsWith(QStringLiteral("invalid JSON")));
    }
}

void TestTraceImporter::csvPodNames_data()
{
    QTest::addColumn<QString>("pod");
    QTest::addColumn<QString>("service");
    QTest::newRow("deployment pod") << "ts-order-service-5b67c48447-mv5hb"
                                    << "ts-order-service";
    QTest::newRow("short template hash") << "ts-station-food-service-dc4d75dd-fw6ft"
                                         << "ts-station-food-service";
    QTest::newRow("statefulset pod") << "kafka-0"
                                     << "kafka";
    QTest::newRow("no suffix") << "mysql"
                               << "mysql";
    QTest::newRow("name ending in a word") << "ts-order-service"
                                           << "ts-order-service";
}

void TestTraceImporter::csvPodNames()
{
    QFETCH(QString, pod);
    QFETCH(QString, service);
    QCOMPARE(QString::fromStdString(NezhaCsvReader::serviceFromPod(pod.toStdString())), service);
}

void TestTraceImporter::csvBadLines()
{
    const Imported imported = importBytes(
        "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration\n"
        "b0103bb0161ad7fa352fe1828eeb643a,520b067330e3ede5,root,ts-gateway-service-6f6cfc45b-h5m2n,/*,10,20,10\n"
        "b0103bb0161ad7fa352fe1828eeb643a,a4424f20bffee416,520b067330e3ede5,ts-order-service-5b67c48447-mv5hb,"
        "\"get, with comma\",11,19,8\n"
        "only,three,fields\n"
        "b0103bb0161ad7fa352fe1828eeb643a,a4424f20bffee417,,ts-order-service-5b67c48447-mv5hb,x,11,19,8");
    QVERIFY(imported.summary);
    QCOMPARE(imported.summary->format, TraceFormat::NezhaCsv);
    QCOMPARE(imported.spans.size(), std::size_t(3));
    QCOMPARE(imported.spans[1].name, std::string("get, with comma"));
    QCOMPARE(imported.spans[1].service, std::string("ts-order-service"));
    QCOMPARE(imported.spans[1].parentSpanId, std::string("520b067330e3ede5"));
    QVERIFY(imported.spans[0].parentSpanId.empty());
    QCOMPARE(imported.summary->badLineCount, std::uint64_t(1));
    QCOMPARE(imported.summary->badLines[0].line, std::uint64_t(4));
}

void TestTraceImporter::splitterAnyChunking()
{
    const std::string document = R"( {"total": 2, "data": [ {"a": "x]}\"y"}, [1, {"b": [2]}], "s\\", 17, null ],
        "processes": {"p1": {"serviceName": "web"}}, "flag": true } )";
    std::vector<std::string> expected;
    {
        JsonStreamSplitter whole({ "data" });
        QVERIFY(!whole.feed(document, [&](const JsonStreamSplitter::Piece &piece) {
            expected.push_back(std::string(piece.key) + "=" + std::string(piece.json));
        }));
        QVERIFY(!whole.finish());
    }
    const std::vector<std::string> wanted { "total=2", R"(data={"a": "x]}\"y"})", R"(data=[1, {"b": [2]}])",
        R"(data="s\\")", "data=17", "data=null", R"(processes={"p1": {"serviceName": "web"}})", "flag=true" };
    QCOMPARE(expected, wanted);

    // The same pieces whatever the chunk size, down to one byte at a time.
    for (std::size_t chunk : { std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(7), std::size_t(64) }) {
        JsonStreamSplitter splitter({ "data" });
        std::vector<std::string> pieces;
        for (std::size_t offset = 0; offset < document.size(); offset += chunk) {
            QVERIFY(!splitter.feed(
                std::string_view(document).substr(offset, chunk), [&](const JsonStreamSplitter::Piece &piece) {
                    pieces.push_back(std::string(piece.key) + "=" + std::string(piece.json));
                }));
        }
        QVERIFY(!splitter.finish());
        QCOMPARE(pieces, wanted);
    }
}

void TestTraceImporter::largeArrayStreams()
{
    // 60,000 spans (about 14 MB): every one arrives, in batches, and none is lost at a chunk boundary.
    QByteArray content = "[";
    constexpr int count = 60'000;
    for (int i = 0; i < count; ++i) {
        if (i)
            content += ",\n";
        content += zipkinSpan(i);
    }
    content += "]";
    QVERIFY(content.size() > 10 * (1 << 20));

    std::size_t largestBatch = 0;
    std::size_t spans = 0;
    QBuffer buffer(&content);
    buffer.open(QIODevice::ReadOnly);
    TraceImporter::Handlers handlers;
    handlers.spans = [&](std::vector<Span> &batch) {
        largestBatch = std::max(largestBatch, batch.size());
        spans += batch.size();
    };
    auto summary = TraceImporter().importDevice(buffer, QStringLiteral("big.json"), handlers);
    QVERIFY(summary);
    QCOMPARE(spans, std::size_t(count));
    QCOMPARE(summary->spans, std::uint64_t(count));
    QCOMPARE(summary->traces, std::uint64_t(count / 10));
    QCOMPARE(summary->services, std::uint64_t(7));
    QVERIFY(largestBatch <= 1024);
    QCOMPARE(summary->bytes, std::uint64_t(content.size()));
}

void TestTraceImporter::progressAndCancel()
{
    QByteArray content = "[";
    for (int i = 0; i < 20'000; ++i)
        content += (i ? "," : "") + zipkinSpan(i);
    content += "]";

    std::vector<std::uint64_t> reported;
    TraceImporter importer;
    importer.setProgressCallback([&](std::uint64_t read, std::uint64_t total) {
        QCOMPARE(total, std::uint64_t(content.size()));
        reported.push_back(read);
    });
    const Imported whole = importBytes(content, &importer);
    QVERIFY(whole.summary);
    QVERIFY(reported.size() >= 4);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
    QCOMPARE(reported.back(), std::uint64_t(content.size()));

    // Raised after the first chunk, the flag stops the import before the second.
    std::atomic<bool> cancel { false };
    TraceImporter cancelled;
    cancelled.setCancelFlag(&cancel);
    cancelled.setProgressCallback([&](std::uint64_t, std::uint64_t) { cancel = true; });
    const Imported stopped = importBytes(content, &cancelled);
    QVERIFY(stopped.error.has_value());
    QVERIFY(stopped.error->message.contains(QStringLiteral("cancelled")));
    QVERIFY(stopped.spans.size() < 20'000);
}

void TestTraceImporter::rfc3339Times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("nanos");
    QTest::newRow("nanoseconds") << "2021-03-25T17:23:30.088478464Z" << qint64(1616693010088478464);
    QTest::newRow("no fraction") << "1970-01-01T00:00:01Z" << qint64(1'000'000'000);
    QTest::newRow("offset") << "1970-01-01T01:00:00+01:00" << qint64(0);
    QTest::newRow("leap day") << "2024-02-29T00:00:00.5Z" << qint64(1709164800500000000);
    QTest::newRow("missing zone") << "2021-03-25T17:23:30" << qint64(-1);
    QTest::newRow("bad month") << "2021-13-25T17:23:30Z" << qint64(-1);
}

void TestTraceImporter::rfc3339Times()
{
    QFETCH(QString, text);
    QFETCH(qint64, nanos);
    const auto parsed = parseRfc3339Nanos(text.toStdString());
    if (nanos < 0) {
        QVERIFY(!parsed.has_value());
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, nanos);
}

QTEST_GUILESS_MAIN(TestTraceImporter)
#include "tst_traceimporter.moc"
