// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <map>
#include <thread>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <zmq.hpp>

#include "common/zmqcontext.h"
#include "replaycommand.h"
#include "replayplan.h"
#include "traces/dependencylinker.h"
#include "wire/decoder.h"

using namespace faultline;

namespace
{

// Three traces of web calling api, recorded as Zipkin does with shared client/server span ids.
QByteArray zipkinTraces()
{
    QByteArray json = "[";
    for (int trace = 1; trace <= 3; ++trace) {
        const long long base = 1'700'000'000'000'000LL + trace * 100'000;
        const QByteArray id = QByteArray::number(trace);
        if (trace > 1)
            json += ",";
        json += "{\"traceId\":\"" + id + "\",\"id\":\"a" + id + "\",\"kind\":\"SERVER\",\"timestamp\":"
            + QByteArray::number(base) + ",\"duration\":50000,\"localEndpoint\":{\"serviceName\":\"web\"}},"
            + "{\"traceId\":\"" + id + "\",\"parentId\":\"a" + id + "\",\"id\":\"b" + id
            + "\",\"kind\":\"CLIENT\",\"timestamp\":" + QByteArray::number(base + 5000)
            + ",\"duration\":30000,\"localEndpoint\":{\"serviceName\":\"web\"},\"remoteEndpoint\":{\"serviceName\":"
              "\"api\"}},"
            + "{\"traceId\":\"" + id + "\",\"parentId\":\"a" + id + "\",\"id\":\"b" + id
            + "\",\"kind\":\"SERVER\",\"shared\":true,\"timestamp\":" + QByteArray::number(base + 7000)
            + ",\"duration\":25000,\"localEndpoint\":{\"serviceName\":\"api\"}}," + "{\"traceId\":\"" + id
            + "\",\"parentId\":\"b" + id + "\",\"id\":\"c" + id + "\",\"timestamp\":" + QByteArray::number(base + 8000)
            + ",\"duration\":10000,\"localEndpoint\":{\"serviceName\":\"api\"}}";
    }
    return json + "]";
}

struct Received {
    std::map<std::string, std::vector<std::uint64_t>> sequences; // topic -> sequence numbers in arrival order
    std::vector<Span> spans;
    std::string publisher;
};

// Reads [topic, envelope, body] messages until @p expectedSpans spans came or the time ran out.
Received receive(zmq::socket_t &socket, std::size_t expectedSpans, std::chrono::milliseconds limit)
{
    Received received;
    wire::Decoder decoder;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (received.spans.size() < expectedSpans && std::chrono::steady_clock::now() < deadline) {
        zmq::pollitem_t item { socket.handle(), 0, ZMQ_POLLIN, 0 };
        zmq::poll(&item, 1, std::chrono::milliseconds(100));
        if (!(item.revents & ZMQ_POLLIN))
            continue;
        std::vector<zmq::message_t> frames;
        while (true) {
            zmq::message_t frame;
            if (!socket.recv(frame, zmq::recv_flags::dontwait))
                break;
            const bool more = frame.more();
            frames.push_back(std::move(frame));
            if (!more)
                break;
        }
        if (frames.size() != 3)
            continue;
        const auto envelope = decoder.envelope(frames[1].to_string_view());
        if (!envelope)
            continue;
        received.publisher = envelope->publisher;
        received.sequences[frames[0].to_string()].push_back(envelope->seq);
        auto batch = decoder.traces(frames[2].to_string_view());
        if (batch) {
            for (Span &span : batch.value().spans)
                received.spans.push_back(std::move(span));
        }
    }
    return received;
}

zmq::socket_t makeSubscriber()
{
    zmq::socket_t socket(sharedZmqContext(), zmq::socket_type::sub);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::subscribe, "trace.");
    return socket;
}

} // namespace

class TestReplayCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void usageErrors_data();
    void usageErrors();
    void runtimeFailures_data();
    void runtimeFailures();
    void planSeparatesSharedHalves();
    void planShortensIdleGaps();
    void replayConnectsToSubscriber();
    void replayBindsForSubscriber();

private:
    QTemporaryDir m_dir;
    QString m_file;
};

void TestReplayCommand::init()
{
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("traces.json"));
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(zipkinTraces());
}

void TestReplayCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no file") << QStringList { QStringLiteral("--publish"), QStringLiteral("tcp://127.0.0.1:*") };
    QTest::newRow("no endpoint") << QStringList { QStringLiteral("FILE") };
    QTest::newRow("both endpoints") << QStringList { QStringLiteral("FILE"), QStringLiteral("--publish"),
        QStringLiteral("inproc://a"), QStringLiteral("--connect"), QStringLiteral("inproc://b") };
    QTest::newRow("zero speed") << QStringList { QStringLiteral("FILE"), QStringLiteral("--publish"),
        QStringLiteral("inproc://a"), QStringLiteral("--speed"), QStringLiteral("0") };
    QTest::newRow("speed not a number") << QStringList { QStringLiteral("FILE"), QStringLiteral("--publish"),
        QStringLiteral("inproc://a"), QStringLiteral("--speed"), QStringLiteral("fast") };
    QTest::newRow("unknown option") << QStringList { QStringLiteral("FILE"), QStringLiteral("--publish"),
        QStringLiteral("inproc://a"), QStringLiteral("--rate"), QStringLiteral("3") };
}

void TestReplayCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    arguments.replaceInStrings(QStringLiteral("FILE"), m_file);
    arguments.prepend(QStringLiteral("replay"));
    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    QCOMPARE(ctl::runReplay(arguments, out, err), 2);
    err.flush();
    QVERIFY2(!errors.isEmpty(), "a usage error must say what is wrong");
    QVERIFY(output.isEmpty());
}

void TestReplayCommand::runtimeFailures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringList { m_dir.filePath(QStringLiteral("absent.json")),
        QStringLiteral("--publish"), QStringLiteral("inproc://replay-missing") }
                                  << QStringLiteral("cannot open");
    QTest::newRow("endpoint that cannot be bound") << QStringList { QStringLiteral("FILE"), QStringLiteral("--publish"),
        QStringLiteral("tcp://127.0.0.1:port") } << QStringLiteral("cannot bind");
}

void TestReplayCommand::runtimeFailures()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("FILE"), m_file);
    arguments.prepend(QStringLiteral("replay"));
    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    QCOMPARE(ctl::runReplay(arguments, out, err), 1);
    err.flush();
    QVERIFY2(errors.contains(message), qPrintable(errors));
}

void TestReplayCommand::planSeparatesSharedHalves()
{
    Span client;
    client.traceId = "t-1";
    client.spanId = "b1";
    client.parentSpanId = "a1";
    client.service = "web";
    client.kind = SpanKind::Client;
    Span server = client;
    server.service = "api";
    server.kind = SpanKind::Server;
    server.shared = true;
    Span local = server;
    local.spanId = "c1";
    local.parentSpanId = "b1";
    local.shared = false;
    local.kind = SpanKind::Internal;

    const auto plan = ctl::buildReplayPlan({ client, server, local });
    std::map<std::string, Span> byService;
    for (const auto &batch : plan) {
        for (const auto &span : batch.spans)
            byService[span.service + (span.kind == SpanKind::Internal ? "/local" : "")] = span;
    }
    const Span &outClient = byService.at("web");
    const Span &outServer = byService.at("api");
    const Span &outLocal = byService.at("api/local");
    QCOMPARE(outClient.spanId, std::string("00000000000000b1"));
    QVERIFY(!outServer.shared);
    QVERIFY(outServer.spanId != outClient.spanId);
    QCOMPARE(outServer.parentSpanId, outClient.spanId);
    QCOMPARE(outLocal.parentSpanId, outServer.spanId);
    QCOMPARE(outClient.traceId.size(), std::size_t(32));
    QCOMPARE(outClient.traceId, outServer.traceId);
}

void TestReplayCommand::planShortensIdleGaps()
{
    std::vector<Span> spans(3);
    const std::int64_t second = 1'000'000'000;
    for (int i = 0; i < 3; ++i) {
        spans[i].traceId = "1";
        spans[i].spanId = std::to_string(i + 1);
        spans[i].service = "web";
        spans[i].startUnixNs = 0;
    }
    spans[0].endUnixNs = 10 * second;
    spans[1].endUnixNs = 10 * second + 5'000'000; // 5 ms later: the same message
    spans[2].endUnixNs = 3600 * second; // an hour later: the gap is cut to 5 s
    const auto plan = ctl::buildReplayPlan(spans);
    QCOMPARE(plan.size(), std::size_t(2));
    QCOMPARE(plan[0].spans.size(), std::size_t(2));
    QCOMPARE(plan[0].offsetNs, std::int64_t(0));
    QCOMPARE(plan[1].offsetNs, 5'000'000 + 5 * second);
}

void TestReplayCommand::replayConnectsToSubscriber()
{
    zmq::socket_t subscriber = makeSubscriber();
    subscriber.bind("tcp://127.0.0.1:*");
    const std::string endpoint = subscriber.get(zmq::sockopt::last_endpoint);

    QString output;
    QString errors;
    int exit = -1;
    std::thread replay([&] {
        QTextStream out(&output);
        QTextStream err(&errors);
        exit = ctl::runReplay(
            { QStringLiteral("replay"), m_file, QStringLiteral("--connect"), QString::fromStdString(endpoint),
                QStringLiteral("--speed"), QStringLiteral("20"), QStringLiteral("--settle-ms"), QStringLiteral("300") },
            out, err);
    });
    const Received received = receive(subscriber, 12, std::chrono::seconds(10));
    replay.join();

    QCOMPARE(exit, 0);
    QVERIFY2(errors.isEmpty(), qPrintable(errors));
    QVERIFY2(output.contains(QStringLiteral("replaying 12 spans")), qPrintable(output));
    QCOMPARE(received.spans.size(), std::size_t(12));
    QCOMPARE(received.publisher, std::string("faultlinectl-replay"));
    QCOMPARE(received.sequences.size(), std::size_t(2));
    for (const auto &[topic, sequence] : received.sequences) {
        QVERIFY(topic == "trace.web" || topic == "trace.api");
        for (std::size_t i = 0; i < sequence.size(); ++i)
            QCOMPARE(sequence[i], std::uint64_t(i + 1));
    }

    // The spans still describe three web -> api calls after the trip through OTLP.
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    for (const Span &span : received.spans)
        linker.addSpan(span, 0, calls);
    linker.finish(calls);
    QCOMPARE(calls.size(), std::size_t(3));
    for (const CallRecord &call : calls) {
        QCOMPARE(call.caller, std::string("web"));
        QCOMPARE(call.callee, std::string("api"));
    }
    QVERIFY(linker.takeWarnings().empty());
}

void TestReplayCommand::replayBindsForSubscriber()
{
    // inproc allows the subscriber to connect before the publisher binds.
    zmq::socket_t subscriber = makeSubscriber();
    subscriber.connect("inproc://replay-binds");

    QString output;
    QString errors;
    int exit = -1;
    std::thread replay([&] {
        QTextStream out(&output);
        QTextStream err(&errors);
        exit = ctl::runReplay({ QStringLiteral("replay"), m_file, QStringLiteral("--publish"),
                                  QStringLiteral("inproc://replay-binds"), QStringLiteral("--speed"),
                                  QStringLiteral("1000"), QStringLiteral("--settle-ms"), QStringLiteral("200") },
            out, err);
    });
    const Received received = receive(subscriber, 12, std::chrono::seconds(10));
    replay.join();

    QCOMPARE(exit, 0);
    QCOMPARE(received.spans.size(), std::size_t(12));
    QVERIFY2(output.contains(QStringLiteral("inproc://replay-binds")), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestReplayCommand)
#include "tst_replaycommand.moc"
