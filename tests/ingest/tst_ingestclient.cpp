// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The ingest thread against real ZeroMQ sockets on loopback and inproc.
#include <QElapsedTimer>
#include <QTest>

#include <zmq.hpp>

#include "common/zmqcontext.h"
#include "ingest/ingestclient.h"
#include "ingest/streampublisher.h"
#include "topology/livetopology.h"
#include "wire/encoder.h"

using namespace faultline;

namespace {

HealthReport heartbeat(const std::string &service, double errorRate = 0)
{
    HealthReport report;
    report.service = service;
    report.instance = service + "-1";
    report.timestampUnixNs = 1'700'000'000'000'000'000;
    report.rps = 12;
    report.errorRate = errorRate;
    report.latencyP99Ms = 30;
    return report;
}

Span span(const std::string &service, SpanKind kind, const std::string &id, const std::string &parent)
{
    Span result;
    result.traceId = "0000000000000000000000000000abcd";
    result.spanId = id;
    result.parentSpanId = parent;
    result.service = service;
    result.name = "call";
    result.kind = kind;
    result.startUnixNs = 1'700'000'000'000'000'000;
    result.endUnixNs = *result.startUnixNs + 5'000'000;
    return result;
}

// Repeats @p publish every 50 ms until @p done holds or 5 s pass: PUB drops what it sends before
// the subscription has reached it, so the first messages of a test may be lost by design.
template<typename Publish, typename Done>
bool publishUntil(Publish publish, Done done)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        publish();
        QTest::qWait(50);
        if (done())
            return true;
    }
    return false;
}

struct Fixture {
    IngestClient client;
    LiveTopology topology;
    StreamPublisher publisher {sharedZmqContext(), "test-publisher"};

    explicit Fixture(std::vector<std::string> filter = {})
    {
        QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
        const auto error = publisher.bind("tcp://127.0.0.1:*");
        if (error)
            qFatal("bind failed: %s", qPrintable(error->message));
        IngestClient::Options options;
        options.endpoints = {publisher.boundEndpoint()};
        options.serviceFilter = std::move(filter);
        options.deltaIntervalMs = 20;
        const auto startError = client.start(options);
        if (startError)
            qFatal("start failed: %s", qPrintable(startError->message));
    }
};

} // namespace

class TestIngestClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heartbeatBecomesService()
    {
        Fixture fixture;
        const bool arrived = publishUntil([&] { fixture.publisher.publishHealth(heartbeat("servo")); },
                                          [&] { return fixture.topology.service("servo") != nullptr; });
        QVERIFY(arrived);
        const auto *servo = fixture.topology.service("servo");
        QCOMPARE(servo->state, ServiceState::Ok);
        QCOMPARE(servo->rps, 12.0);
        QVERIFY(!fixture.topology.publishers().empty() || QTest::qWaitFor([&] { return !fixture.topology.publishers().empty(); }));
        QCOMPARE(fixture.topology.publishers().front().publisher, std::string("test-publisher"));
    }

    void malformedBodyIsCountedAndLosesNothing()
    {
        Fixture fixture;
        QVERIFY(publishUntil([&] { fixture.publisher.publishHealth(heartbeat("a")); },
                             [&] { return fixture.topology.service("a") != nullptr; }));
        fixture.publisher.publishRaw("health.a", "{\"service\":\"a\",\"instance\":");
        fixture.publisher.publishRaw("health.a", "{\"service\":\"a\",\"instance\":\"a-1\",\"timestamp_unix_ns\":1,\"rps\":\"fast\"}");
        fixture.publisher.publishHealth(heartbeat("a", 0.5));
        QVERIFY(QTest::qWaitFor([&] { return fixture.topology.counters().malformed >= 2; }, 5000));
        QVERIFY(QTest::qWaitFor([&] { return fixture.topology.service("a")->errorRate == 0.5; }, 5000));
        QVERIFY2(fixture.topology.counters().lastError.contains(QLatin1String("rps")),
                 qPrintable(fixture.topology.counters().lastError));
        QVERIFY(QTest::qWaitFor([&] {
            const auto &publishers = fixture.topology.publishers();
            return !publishers.empty() && publishers.front().malformed == 2;
        }, 5000));
        QVERIFY(fixture.topology.publishers().front().lastError.contains(QLatin1String("rps")));
    }

    void topicForAnotherServiceIsMalformed()
    {
        Fixture fixture;
        QVERIFY(publishUntil([&] { fixture.publisher.publishRaw("health.a", wire::encodeHealth(heartbeat("b"))); },
                             [&] { return fixture.topology.counters().malformed > 0; }));
        QVERIFY(!fixture.topology.service("a"));
        QVERIFY(!fixture.topology.service("b"));
    }

    void filterMatchesExactService()
    {
        Fixture fixture({"a"});
        QVERIFY(publishUntil(
            [&] {
                fixture.publisher.publishHealth(heartbeat("ab"));
                fixture.publisher.publishHealth(heartbeat("a"));
            },
            [&] { return fixture.topology.service("a") != nullptr; }));
        QTest::qWait(100);
        QVERIFY(!fixture.topology.service("ab"));
    }

    void sequenceGapsAreCounted()
    {
        // A hand-made publisher, so that sequence numbers can skip.
        zmq::socket_t pub(sharedZmqContext(), zmq::socket_type::pub);
        pub.set(zmq::sockopt::linger, 0);
        pub.bind("tcp://127.0.0.1:*");
        IngestClient client;
        LiveTopology topology;
        QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
        IngestClient::Options options;
        options.endpoints = {pub.get(zmq::sockopt::last_endpoint)};
        options.deltaIntervalMs = 20;
        QVERIFY(!client.start(options));

        std::uint64_t seq = 0;
        auto send = [&](std::uint64_t number) {
            wire::Envelope envelope;
            envelope.publisher = "gappy";
            envelope.session = "one";
            envelope.seq = number;
            const auto header = wire::encodeEnvelope(envelope);
            const auto body = wire::encodeHealth(heartbeat("g"));
            pub.send(zmq::str_buffer("health.g"), zmq::send_flags::sndmore);
            pub.send(zmq::buffer(header), zmq::send_flags::sndmore);
            pub.send(zmq::buffer(body));
        };
        QVERIFY(publishUntil([&] { send(++seq); }, [&] { return topology.service("g") != nullptr; }));
        // Skip four numbers, then send one twice: four lost, the repeat is not counted again.
        seq += 5;
        send(seq);
        send(seq);
        send(++seq);
        QVERIFY(QTest::qWaitFor([&] {
            return !topology.publishers().empty() && topology.publishers().front().messages >= seq - 4;
        }, 5000));
        QTest::qWait(100);
        QCOMPARE(topology.publishers().front().gaps, std::uint64_t(4));
    }

    void wrongFrameCountIsMalformed()
    {
        zmq::socket_t pub(sharedZmqContext(), zmq::socket_type::pub);
        pub.set(zmq::sockopt::linger, 0);
        pub.bind("inproc://tst-ingest-frames");
        IngestClient client;
        LiveTopology topology;
        QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
        IngestClient::Options options;
        options.endpoints = {"inproc://tst-ingest-frames"};
        options.deltaIntervalMs = 20;
        QVERIFY(!client.start(options));
        QVERIFY(publishUntil(
            [&] {
                pub.send(zmq::str_buffer("health.x"), zmq::send_flags::sndmore);
                pub.send(zmq::str_buffer("{}"));
            },
            [&] { return topology.counters().malformed > 0; }));
        QVERIFY(topology.counters().lastError.contains(QLatin1String("3 frames")));
    }

    void childBeforeParentStillLinks()
    {
        Fixture fixture;
        const auto client = span("caller", SpanKind::Client, "00000000000000a1", "");
        const auto server = span("callee", SpanKind::Server, "00000000000000b2", "00000000000000a1");
        QVERIFY(publishUntil([&] { fixture.publisher.publishHealth(heartbeat("caller")); },
                             [&] { return fixture.topology.service("caller") != nullptr; }));
        fixture.publisher.publishSpans("callee", std::span(&server, 1));
        QTest::qWait(200);
        fixture.publisher.publishSpans("caller", std::span(&client, 1));
        QVERIFY(QTest::qWaitFor([&] { return !fixture.topology.edges().empty(); }, 5000));
        const auto &edge = fixture.topology.edges().begin()->second;
        QCOMPARE(edge.caller, std::string("caller"));
        QCOMPARE(edge.callee, std::string("callee"));
        QCOMPARE(edge.totalCalls, std::uint64_t(1));
    }

    void badEndpointIsAnError()
    {
        IngestClient client;
        IngestClient::Options options;
        options.endpoints = {"nonsense://here"};
        const auto error = client.start(options);
        QVERIFY(error);
        QVERIFY(error->message.contains(QLatin1String("nonsense://here")));
        QVERIFY(!client.isRunning());
        options.endpoints.clear();
        QVERIFY(client.start(options));
    }

    void stopNeverHangs()
    {
        // Nothing is bound at this endpoint, so the subscriber waits forever unless woken.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 20; ++i) {
            IngestClient client;
            IngestClient::Options options;
            options.endpoints = {"inproc://tst-ingest-nobody"};
            QVERIFY(!client.start(options));
            client.stop();
            QVERIFY(!client.isRunning());
        }
        // A generous bound that only a hang would cross; speed is measured by benchmarks, not here.
        QVERIFY(timer.elapsed() < 20000);
    }
};

QTEST_GUILESS_MAIN(TestIngestClient)
#include "tst_ingestclient.moc"
