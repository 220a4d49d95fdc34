// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo plant on real ZeroMQ sockets: a SUB socket reads its streams, DEALER and REQ sockets control it.
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

#include <QDateTime>
#include <QElapsedTimer>
#include <QtTest>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common/zmqcontext.h"
#include "sim/demoplant.h"
#include "wire/decoder.h"
#include "wire/encoder.h"
#include "wire/protocol.h"

using namespace faultline;

namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;

std::int64_t unixMsNow()
{
    return QDateTime::currentMSecsSinceEpoch();
}

struct ReceivedSpan {
    Span span;
    int message; // index of the message that carried it
};

// Everything a SUB socket read from the plant.
struct Streams {
    std::vector<HealthReport> heartbeats;
    std::vector<ReceivedSpan> spans;
    int messages = 0;
    int sequenceGaps = 0;
    int malformed = 0;
    std::map<std::string, std::uint64_t> lastSequence;
};

class Subscriber
{
public:
    explicit Subscriber(const std::string &endpoint)
        : m_socket(sharedZmqContext(), zmq::socket_type::sub)
    {
        m_socket.set(zmq::sockopt::linger, 0);
        m_socket.set(zmq::sockopt::rcvhwm, 1'000'000);
        m_socket.set(zmq::sockopt::subscribe, "");
        m_socket.connect(endpoint);
    }

    // Reads for @p durationMs, or until @p done returns true.
    template<typename Done> void read(Streams &streams, int durationMs, Done done)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < durationMs && !done(streams)) {
            zmq::pollitem_t item { m_socket.handle(), 0, ZMQ_POLLIN, 0 };
            zmq::poll(&item, 1, std::chrono::milliseconds(20));
            std::vector<zmq::message_t> frames;
            while (zmq::recv_multipart(m_socket, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
                take(streams, frames);
                frames.clear();
            }
        }
    }

    void read(Streams &streams, int durationMs)
    {
        read(streams, durationMs, [](const Streams &) { return false; });
    }

private:
    void take(Streams &streams, const std::vector<zmq::message_t> &frames)
    {
        const int message = streams.messages++;
        if (frames.size() != 3) {
            ++streams.malformed;
            return;
        }
        const std::string topic(frames[0].to_string_view());
        const auto envelope = m_decoder.envelope(frames[1].to_string_view());
        const auto parsed = wire::parseTopic(topic);
        if (!envelope.ok() || !parsed) {
            ++streams.malformed;
            return;
        }
        auto &last = streams.lastSequence[topic];
        if (last != 0 && envelope->seq != last + 1)
            ++streams.sequenceGaps;
        last = envelope->seq;

        if (parsed->stream == wire::Stream::Health) {
            auto report = m_decoder.health(frames[2].to_string_view());
            if (report.ok())
                streams.heartbeats.push_back(std::move(report).value());
            else
                ++streams.malformed;
            return;
        }
        auto batch = m_decoder.traces(frames[2].to_string_view());
        if (!batch.ok() || !batch->skipped.empty()) {
            ++streams.malformed;
            return;
        }
        for (auto &span : std::move(batch).value().spans)
            streams.spans.push_back({ std::move(span), message });
    }

    zmq::socket_t m_socket;
    wire::Decoder m_decoder;
};

// A control client: sends one request body, returns the reply frames (empty on timeout).
class ControlClient
{
public:
    ControlClient(const std::string &endpoint, zmq::socket_type type = zmq::socket_type::dealer)
        : m_socket(sharedZmqContext(), type)
        , m_type(type)
    {
        m_socket.set(zmq::sockopt::linger, 0);
        m_socket.connect(endpoint);
    }

    std::vector<std::string> send(const std::string &body, bool withDelimiter = true)
    {
        if (m_type == zmq::socket_type::dealer && withDelimiter)
            m_socket.send(zmq::message_t(), zmq::send_flags::sndmore);
        m_socket.send(zmq::buffer(body));

        zmq::pollitem_t item { m_socket.handle(), 0, ZMQ_POLLIN, 0 };
        if (zmq::poll(&item, 1, std::chrono::milliseconds(3000)) == 0)
            return {};
        std::vector<zmq::message_t> frames;
        if (!zmq::recv_multipart(m_socket, std::back_inserter(frames)))
            return {};
        std::vector<std::string> out;
        for (const auto &frame : frames)
            out.emplace_back(frame.to_string_view());
        return out;
    }

private:
    zmq::socket_t m_socket;
    zmq::socket_type m_type;
};

ControlRequest request(const std::string &id, ControlOperation operation, const std::string &service)
{
    ControlRequest result;
    result.id = id;
    result.operation = operation;
    result.service = service;
    result.operatorName = "tst_demoplant";
    result.reason = "test";
    result.deadlineUnixMs = unixMsNow() + 5000;
    return result;
}

ControlReply decodeReply(const std::vector<std::string> &frames)
{
    // A DEALER receives [empty delimiter, reply].
    if (frames.size() != 2 || !frames[0].empty())
        qFatal("expected [empty, reply], got %d frames", int(frames.size()));
    wire::Decoder decoder;
    auto reply = decoder.controlReply(frames[1]);
    if (!reply.ok())
        qFatal("invalid reply: %s", qPrintable(reply.error().message));
    return std::move(reply).value();
}

DemoPlant::Options loopbackOptions()
{
    DemoPlant::Options options;
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    return options;
}

} // namespace

class TestDemoPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void streamsCoverPlant();
    void crashSilencesService();
    void isolateApplied();
    void duplicateIdAppliedOnce();
    void rejectedRequests_data();
    void rejectedRequests();
    void requestWithoutDelimiter();
    void requestFromReqSocket();
    void inprocEndpoints();
    void durationFinishes();
    void startStopRepeated();
    void invalidOptionsRejected_data();
    void invalidOptionsRejected();
    void boundEndpointConflict();

private:
    // Starts m_plant or fails the test; cleanup() stops it.
    void startPlant(DemoPlant::Options options);
    // Waits up to 3 s for a heartbeat of @p service stamped after @p afterUnixMs.
    std::optional<HealthReport> nextHeartbeat(
        Subscriber &subscriber, const std::string &service, std::int64_t afterUnixMs);

    std::unique_ptr<DemoPlant> m_plant;
};

void TestDemoPlant::startPlant(DemoPlant::Options options)
{
    m_plant = std::make_unique<DemoPlant>(std::move(options));
    const auto error = m_plant->start();
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    QVERIFY(m_plant->isRunning());
}

std::optional<HealthReport> TestDemoPlant::nextHeartbeat(
    Subscriber &subscriber, const std::string &service, std::int64_t afterUnixMs)
{
    Streams streams;
    const auto found = [&](const Streams &received) {
        return std::any_of(received.heartbeats.begin(), received.heartbeats.end(), [&](const HealthReport &report) {
            return report.service == service && report.timestampUnixNs / nsPerMs > afterUnixMs;
        });
    };
    subscriber.read(streams, 3000, found);
    for (const auto &report : streams.heartbeats) {
        if (report.service == service && report.timestampUnixNs / nsPerMs > afterUnixMs)
            return report;
    }
    return std::nullopt;
}

void TestDemoPlant::cleanup()
{
    if (m_plant)
        m_plant->stop();
    m_plant.reset();
}

void TestDemoPlant::streamsCoverPlant()
{
    startPlant(loopbackOptions());
    QVERIFY(m_plant->publishEndpoint().starts_with("tcp://127.0.0.1:"));
    QVERIFY(!m_plant->publishEndpoint().ends_with(":*"));
    Subscriber subscriber(m_plant->publishEndpoint());
    Streams streams;
    subscriber.read(streams, 2500);

    QCOMPARE(streams.malformed, 0);
    QCOMPARE(streams.sequenceGaps, 0);
    const auto &topology = m_plant->topology();

    // Heartbeats from every instance.
    std::set<std::string> instances;
    for (const auto &report : streams.heartbeats) {
        instances.insert(report.instance);
        QCOMPARE(report.intervalMs, std::int64_t(1000));
        QVERIFY(report.capacity > 0);
    }
    for (const auto &service : topology.services()) {
        for (int k = 1; k <= service.instances; ++k) {
            const std::string name = service.name + '-' + std::to_string(k);
            QVERIFY2(instances.count(name), name.c_str());
        }
    }

    // Spans from every service, and every edge as a CLIENT span that is the parent of a SERVER span.
    std::set<std::string> services;
    std::unordered_map<std::string, const ReceivedSpan *> clients;
    for (const auto &received : streams.spans) {
        services.insert(received.span.service);
        if (received.span.kind == SpanKind::Client)
            clients.emplace(received.span.spanId, &received);
    }
    QCOMPARE(services.size(), topology.services().size());

    std::set<std::pair<std::string, std::string>> linked;
    int acrossMessages = 0;
    for (const auto &received : streams.spans) {
        const Span &span = received.span;
        if (span.kind != SpanKind::Server || span.parentSpanId.empty())
            continue;
        const auto client = clients.find(span.parentSpanId);
        if (client == clients.end())
            continue;
        QCOMPARE(client->second->span.traceId, span.traceId);
        linked.emplace(client->second->span.service, span.service);
        acrossMessages += client->second->message != received.message ? 1 : 0;
    }
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto &edge : topology.edges())
        expected.emplace(edge.caller, edge.callee);
    QCOMPARE(linked, expected);
    // Parents and children travel in different messages, as with real exporters.
    QVERIFY(acrossMessages > 100);
}

void TestDemoPlant::crashSilencesService()
{
    auto options = loopbackOptions();
    options.faults = { { "servo-controller", FaultKind::Crash, 1.0, 0 } };
    const auto startedUnixMs = unixMsNow();
    startPlant(std::move(options));
    Subscriber subscriber(m_plant->publishEndpoint());
    Streams streams;
    subscriber.read(streams, 3300);

    // Heartbeats stamped by the plant's clock, which started at or just after startedUnixMs.
    std::vector<std::int64_t> servoBeats;
    double plcErrorsBefore = 0;
    double plcErrorsAfter = 0;
    for (const auto &report : streams.heartbeats) {
        const auto atMs = report.timestampUnixNs / nsPerMs - startedUnixMs;
        if (report.service == "servo-controller")
            servoBeats.push_back(atMs);
        if (report.service == "plc-gateway" && atMs < 1000)
            plcErrorsBefore = std::max(plcErrorsBefore, report.errorRate);
        if (report.service == "plc-gateway" && atMs > 2000)
            plcErrorsAfter = std::max(plcErrorsAfter, report.errorRate);
    }
    QVERIFY(!servoBeats.empty());
    for (const auto atMs : servoBeats)
        QVERIFY2(atMs < 1100, qPrintable(QStringLiteral("servo-controller heartbeat at %1 ms").arg(atMs)));
    QCOMPARE(plcErrorsBefore, 0.0);
    QVERIFY2(plcErrorsAfter > 0.5, qPrintable(QString::number(plcErrorsAfter)));
}

void TestDemoPlant::isolateApplied()
{
    startPlant(loopbackOptions());
    Subscriber subscriber(m_plant->publishEndpoint());
    ControlClient client(m_plant->controlEndpoint());

    const auto sentUnixMs = unixMsNow();
    const auto reply = decodeReply(
        client.send(wire::encodeControlRequest(request("iso-1", ControlOperation::Isolate, "quality-db"))));
    QCOMPARE(reply.id, std::string("iso-1"));
    QCOMPARE(int(reply.status), int(ControlStatus::Applied));
    QCOMPARE(int(reply.mode), int(ServiceMode::Isolated));
    QCOMPARE(reply.service, std::string("quality-db"));

    // The next heartbeat confirms the new mode.
    const auto heartbeat = nextHeartbeat(subscriber, "quality-db", sentUnixMs);
    QVERIFY(heartbeat.has_value());
    QCOMPARE(int(heartbeat->mode), int(ServiceMode::Isolated));
}

void TestDemoPlant::duplicateIdAppliedOnce()
{
    startPlant(loopbackOptions());
    Subscriber subscriber(m_plant->publishEndpoint());
    ControlClient client(m_plant->controlEndpoint());

    const auto isolate = wire::encodeControlRequest(request("dup-1", ControlOperation::Isolate, "conveyor"));
    const auto first = client.send(isolate);
    QCOMPARE(int(decodeReply(first).status), int(ControlStatus::Applied));
    const auto restore = decodeReply(
        client.send(wire::encodeControlRequest(request("restore-1", ControlOperation::Restore, "conveyor"))));
    QCOMPARE(int(restore.mode), int(ServiceMode::Normal));

    // The retry gets the stored reply, word for word, and conveyor stays restored.
    const auto retriedUnixMs = unixMsNow();
    const auto retry = client.send(isolate);
    QCOMPARE(retry, first);
    const auto heartbeat = nextHeartbeat(subscriber, "conveyor", retriedUnixMs);
    QVERIFY(heartbeat.has_value());
    QCOMPARE(int(heartbeat->mode), int(ServiceMode::Normal));
}

void TestDemoPlant::rejectedRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("reasonPart");

    auto expired = request("late-1", ControlOperation::Isolate, "quality-db");
    expired.deadlineUnixMs = unixMsNow() - 1000;
    QTest::newRow("deadline already passed")
        << QByteArray::fromStdString(wire::encodeControlRequest(expired)) << "late-1"
        << "deadline passed";
    QTest::newRow("unknown service") << QByteArray::fromStdString(
        wire::encodeControlRequest(request("who-1", ControlOperation::Isolate, "nope")))
                                     << "who-1"
                                     << "unknown service 'nope'";
    QTest::newRow("text that is not JSON") << QByteArray("{\"id\":") << "unreadable"
                                           << "invalid request";
    QTest::newRow("ramp without a percent") << QByteArray::fromStdString(
        wire::encodeControlRequest(request("ramp-1", ControlOperation::Ramp, "quality-db")))
                                            << "ramp-1"
                                            << "params.percent";
    QTest::newRow("unknown operation") << QByteArray(
        R"({"v":1,"id":"op-1","op":"reboot","service":"conveyor","deadline_unix_ms":1})")
                                       << "op-1"
                                       << "unknown operation 'reboot'";
    QTest::newRow("empty body") << QByteArray() << "unreadable"
                                << "invalid request";
}

void TestDemoPlant::rejectedRequests()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, id);
    QFETCH(QString, reasonPart);

    startPlant(loopbackOptions());
    ControlClient client(m_plant->controlEndpoint());
    const auto reply = decodeReply(client.send(body.toStdString()));
    QCOMPARE(QString::fromStdString(reply.id), id);
    QCOMPARE(int(reply.status), int(ControlStatus::Rejected));
    QVERIFY2(QString::fromStdString(reply.reason).contains(reasonPart), reply.reason.c_str());
    // Nothing was applied: the service the request named is still in its normal mode.
    QCOMPARE(int(reply.mode), int(ServiceMode::Normal));
}

void TestDemoPlant::requestWithoutDelimiter()
{
    startPlant(loopbackOptions());
    ControlClient client(m_plant->controlEndpoint());
    const auto frames
        = client.send(wire::encodeControlRequest(request("bare-1", ControlOperation::Degrade, "historian")), false);
    const auto reply = decodeReply(frames);
    QCOMPARE(reply.id, std::string("bare-1"));
    QCOMPARE(int(reply.status), int(ControlStatus::Applied));
    QCOMPARE(int(reply.mode), int(ServiceMode::Degraded));
}

void TestDemoPlant::requestFromReqSocket()
{
    startPlant(loopbackOptions());
    ControlClient client(m_plant->controlEndpoint(), zmq::socket_type::req);
    auto shed = request("shed-1", ControlOperation::Shed, "plc-gateway");
    shed.capacity = 8;
    const auto frames = client.send(wire::encodeControlRequest(shed));
    // REQ strips the delimiter itself, so the one frame left is the reply.
    QCOMPARE(frames.size(), std::size_t(1));
    wire::Decoder decoder;
    const auto reply = decoder.controlReply(frames[0]);
    QVERIFY(reply.ok());
    QCOMPARE(reply->id, std::string("shed-1"));
    QCOMPARE(int(reply->mode), int(ServiceMode::Shedding));
}

void TestDemoPlant::inprocEndpoints()
{
    DemoPlant::Options options;
    options.publishEndpoint = "inproc://tst-demoplant-streams";
    options.controlEndpoint = "inproc://tst-demoplant-control";
    startPlant(std::move(options));
    QCOMPARE(m_plant->publishEndpoint(), std::string("inproc://tst-demoplant-streams"));

    Subscriber subscriber(m_plant->publishEndpoint());
    Streams streams;
    subscriber.read(streams, 3000, [](const Streams &received) { return !received.heartbeats.empty(); });
    QVERIFY(!streams.heartbeats.empty());

    ControlClient client(m_plant->controlEndpoint());
    const auto reply
        = decodeReply(client.send(wire::encodeControlRequest(request("in-1", ControlOperation::Restore, "analytics"))));
    QCOMPARE(int(reply.status), int(ControlStatus::Applied));
}

void TestDemoPlant::durationFinishes()
{
    auto options = loopbackOptions();
    options.durationSeconds = 0.3;
    startPlant(std::move(options));
    QTRY_VERIFY_WITH_TIMEOUT(m_plant->finished(), 5000);
    QVERIFY(!m_plant->isRunning());
    QVERIFY(!m_plant->failure().has_value());
}

void TestDemoPlant::startStopRepeated()
{
    DemoPlant never(loopbackOptions());
    never.stop();
    QVERIFY(!never.isRunning());

    for (int round = 0; round < 5; ++round) {
        startPlant(loopbackOptions());
        const auto again = m_plant->start();
        QVERIFY(again.has_value());
        QVERIFY(again->message.contains(QLatin1String("already running")));
        m_plant->stop();
        QVERIFY(!m_plant->isRunning());
        m_plant->stop();
    }
}

void TestDemoPlant::invalidOptionsRejected_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<QString>("faultService");
    QTest::addColumn<bool>("cyclicTopology");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("zero request rate") << 0.0 << "" << false << "request rate of 0";
    QTest::newRow("infinite request rate") << qInf() << "" << false << "request rate of inf";
    QTest::newRow("fault on an unknown service") << 200.0 << "quality-bd" << false << "'quality-bd'";
    QTest::newRow("topology with a call cycle") << 200.0 << "" << true << "cycle";
}

void TestDemoPlant::invalidOptionsRejected()
{
    QFETCH(double, rate);
    QFETCH(QString, faultService);
    QFETCH(bool, cyclicTopology);
    QFETCH(QString, messagePart);

    auto options = loopbackOptions();
    options.requestsPerSecond = rate;
    if (!faultService.isEmpty())
        options.faults = { { faultService.toStdString(), FaultKind::Crash, 0, 0 } };
    if (cyclicTopology)
        options.topology = PlantTopology({ { "a" }, { "b" } }, { { "a", "b" }, { "b", "a" } }, { { "a", 1 } });

    DemoPlant plant(std::move(options));
    const auto error = plant.start();
    QVERIFY(error.has_value());
    QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
    QVERIFY(!plant.isRunning());
}

void TestDemoPlant::boundEndpointConflict()
{
    startPlant(loopbackOptions());
    auto options = loopbackOptions();
    options.publishEndpoint = m_plant->publishEndpoint();
    DemoPlant second(std::move(options));
    const auto error = second.start();
    QVERIFY(error.has_value());
    QCOMPARE(error->where, QString::fromStdString(m_plant->publishEndpoint()));
    QVERIFY(!second.isRunning());
}

QTEST_GUILESS_MAIN(TestDemoPlant)
#include "tst_demoplant.moc"
