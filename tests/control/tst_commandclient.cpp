// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The command client against a real ROUTER socket that the test drives by hand, and against the demo plant.
#include <atomic>
#include <chrono>
#include <memory>

#include <QDateTime>
#include <QElapsedTimer>
#include <QtTest>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common/zmqcontext.h"
#include "control/commandclient.h"
#include "sim/demoplant.h"
#include "wire/decoder.h"
#include "wire/encoder.h"

using namespace faultline;
using namespace std::chrono_literals;

namespace
{

std::string nextAgentEndpoint()
{
    static std::atomic<int> counter { 0 };
    return "inproc://tst-commandclient-agent-" + std::to_string(++counter);
}

// A hand-driven agent: a ROUTER that receives requests and sends the replies that the test chooses.
class FakeAgent
{
public:
    FakeAgent()
        : m_socket(sharedZmqContext(), zmq::socket_type::router)
    {
        m_socket.set(zmq::sockopt::linger, 0);
        m_socket.bind(nextAgentEndpoint());
        m_endpoint = m_socket.get(zmq::sockopt::last_endpoint);
    }

    const std::string &endpoint() const { return m_endpoint; }

    // Waits up to @p timeoutMs for one request, keeping the Qt event loop running meanwhile.
    std::optional<ControlRequest> receive(int timeoutMs = 3000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            std::vector<zmq::message_t> frames;
            if (zmq::recv_multipart(m_socket, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
                m_routingId = frames.front().to_string();
                auto request = m_decoder.controlRequest(frames.back().to_string_view());
                if (!request)
                    return std::nullopt;
                return request.value();
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QThread::msleep(2);
        }
        return std::nullopt;
    }

    void reply(const std::string &id, ControlStatus status, const std::string &reason = {})
    {
        ControlReply reply;
        reply.id = id;
        reply.status = status;
        reply.reason = reason;
        reply.mode = status == ControlStatus::Applied ? ServiceMode::Isolated : ServiceMode::Normal;
        replyRaw(wire::encodeControlReply(reply));
    }

    void replyRaw(const std::string &body)
    {
        std::array<zmq::const_buffer, 3> frames = { zmq::buffer(m_routingId), zmq::const_buffer(), zmq::buffer(body) };
        QVERIFY(zmq::send_multipart(m_socket, frames, zmq::send_flags::dontwait).has_value());
    }

private:
    zmq::socket_t m_socket;
    std::string m_endpoint;
    std::string m_routingId;
    wire::Decoder m_decoder;
};

ControlRequest isolate(const std::string &service, const std::string &id = {})
{
    ControlRequest request;
    request.id = id;
    request.operation = ControlOperation::Isolate;
    request.service = service;
    request.operatorName = "tester";
    return request;
}

// Where a send() lands, kept alive by the coroutine even if the test has moved on.
struct Landing {
    std::optional<CommandOutcome> outcome;
};

QCoro::Task<> land(QCoro::Task<CommandOutcome> task, std::shared_ptr<Landing> landing)
{
    landing->outcome = co_await std::move(task);
}

std::shared_ptr<Landing> sendAndLand(CommandClient &client, ControlRequest request, std::chrono::milliseconds timeout)
{
    auto landing = std::make_shared<Landing>();
    land(client.send(std::move(request), timeout), landing);
    return landing;
}

} // namespace

class TestCommandClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliedReplyResolves();
    void rejectedReplyCarriesReason();
    void unknownIdIgnored();
    void lateReplyIgnored();
    void retryReusesId();
    void fillsIdAndDeadline();
    void pendingIdRejected();
    void notStartedCancels();
    void badEndpointNamed();
    void destroyCancelsPending();
    void deadlineEndsWaitBeforeTimeout();
    void signalsFollowOutcome();
    void plantAppliesAndRejects_data();
    void plantAppliesAndRejects();
};

void TestCommandClient::appliedReplyResolves()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    QVERIFY(!client.start());

    const auto landing = sendAndLand(client, isolate("mes", "a-1"), 5s);
    const auto request = agent.receive();
    QVERIFY(request.has_value());
    QCOMPARE(request->id, std::string("a-1"));
    agent.reply("a-1", ControlStatus::Applied, "isolated");

    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Applied));
    QCOMPARE(landing->outcome->id, std::string("a-1"));
    QCOMPARE(int(landing->outcome->mode), int(ServiceMode::Isolated));
    QCOMPARE(client.pendingCount(), std::size_t(0));
}

void TestCommandClient::rejectedReplyCarriesReason()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    QVERIFY(!client.start());

    const auto landing = sendAndLand(client, isolate("nope", "r-1"), 5s);
    QVERIFY(agent.receive().has_value());
    agent.reply("r-1", ControlStatus::Rejected, "unknown service 'nope'");

    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Rejected));
    QCOMPARE(landing->outcome->reason, QStringLiteral("unknown service 'nope'"));
}

void TestCommandClient::unknownIdIgnored()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    QVERIFY(!client.start());

    const auto landing = sendAndLand(client, isolate("mes", "u-1"), 5s);
    QVERIFY(agent.receive().has_value());
    agent.reply("someone-else", ControlStatus::Applied);
    agent.replyRaw("{not json");
    QTRY_COMPARE_WITH_TIMEOUT(client.ignoredReplies(), std::uint64_t(2), 5000);
    QVERIFY(!landing->outcome.has_value());
    QCOMPARE(client.pendingCount(), std::size_t(1));

    agent.reply("u-1", ControlStatus::Rejected, "deadline passed");
    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Rejected));
}

void TestCommandClient::lateReplyIgnored()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    client.setRetryInterval(0ms);
    QVERIFY(!client.start());

    const auto landing = sendAndLand(client, isolate("mes", "late-1"), 200ms);
    QVERIFY(agent.receive().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::TimedOut));

    // A second command is pending when the first one's reply finally comes.
    const auto second = sendAndLand(client, isolate("mes", "late-2"), 5s);
    QVERIFY(agent.receive().has_value());
    agent.reply("late-1", ControlStatus::Applied);
    QTRY_COMPARE_WITH_TIMEOUT(client.ignoredReplies(), std::uint64_t(1), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::TimedOut));
    QVERIFY(!second->outcome.has_value());

    agent.reply("late-2", ControlStatus::Applied);
    QTRY_VERIFY_WITH_TIMEOUT(second->outcome.has_value(), 5000);
    QCOMPARE(second->outcome->id, std::string("late-2"));
}

void TestCommandClient::retryReusesId()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    client.setRetryInterval(100ms);
    QVERIFY(!client.start());

    const auto landing = sendAndLand(client, isolate("mes"), 5s);
    const auto first = agent.receive();
    const auto retry = agent.receive();
    QVERIFY(first.has_value());
    QVERIFY(retry.has_value());
    QCOMPARE(retry->id, first->id);
    QCOMPARE(retry->deadlineUnixMs, first->deadlineUnixMs);

    agent.reply(first->id, ControlStatus::Applied);
    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Applied));
}

void TestCommandClient::fillsIdAndDeadline()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    QVERIFY(!client.start());

    const auto before = QDateTime::currentMSecsSinceEpoch();
    const auto one = sendAndLand(client, isolate("mes"), 4s);
    const auto two = sendAndLand(client, isolate("mes"), 4s);
    const auto a = agent.receive();
    const auto b = agent.receive();
    QVERIFY(a.has_value());
    QVERIFY(b.has_value());
    QVERIFY(!a->id.empty());
    QVERIFY(a->id != b->id);
    QVERIFY(a->deadlineUnixMs >= before + 4000);
    QVERIFY(a->deadlineUnixMs <= QDateTime::currentMSecsSinceEpoch() + 4000);
}

void TestCommandClient::pendingIdRejected()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    QVERIFY(!client.start());

    const auto first = sendAndLand(client, isolate("mes", "same"), 5s);
    const auto second = sendAndLand(client, isolate("mes", "same"), 5s);
    QVERIFY(second->outcome.has_value());
    QCOMPARE(int(second->outcome->kind), int(CommandOutcome::Kind::Rejected));
    QVERIFY(second->outcome->reason.contains(QStringLiteral("still pending")));
    QVERIFY(!first->outcome.has_value());
}

void TestCommandClient::notStartedCancels()
{
    CommandClient client({ "inproc://tst-commandclient-nobody" });
    const auto landing = sendAndLand(client, isolate("mes"), 1s);
    QVERIFY(landing->outcome.has_value());
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Cancelled));
}

void TestCommandClient::badEndpointNamed()
{
    CommandClient client({ "tcp://127.0.0.1:notaport" });
    const auto error = client.start();
    QVERIFY(error.has_value());
    QCOMPARE(error->where, QStringLiteral("tcp://127.0.0.1:notaport"));

    CommandClient none({});
    QVERIFY(none.start().has_value());
}

void TestCommandClient::destroyCancelsPending()
{
    FakeAgent agent;
    auto client = std::make_unique<CommandClient>(std::vector<std::string> { agent.endpoint() });
    QVERIFY(!client->start());
    std::vector<std::shared_ptr<Landing>> landings;
    for (int i = 0; i < 20; ++i)
        landings.push_back(sendAndLand(*client, isolate("mes"), 60s));
    QVERIFY(agent.receive().has_value());

    QElapsedTimer timer;
    timer.start();
    client.reset();
    // Generous, because this checks that nothing waits for the 60 s timeouts, not how fast it is.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    for (const auto &landing : landings) {
        QVERIFY(landing->outcome.has_value());
        QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::Cancelled));
    }

    // A reply to the cancelled commands reaches no one.
    agent.reply("whatever", ControlStatus::Applied);
    QCoreApplication::processEvents();
}

void TestCommandClient::deadlineEndsWaitBeforeTimeout()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    client.setRetryInterval(50ms);
    QVERIFY(!client.start());

    auto request = isolate("mes", "d-1");
    request.deadlineUnixMs = QDateTime::currentMSecsSinceEpoch() + 300;
    const auto landing = sendAndLand(client, request, 60s);
    QVERIFY(agent.receive().has_value());
    QTRY_VERIFY_WITH_TIMEOUT(landing->outcome.has_value(), 5000);
    QCOMPARE(int(landing->outcome->kind), int(CommandOutcome::Kind::TimedOut));

    // Nothing is resent after the deadline: drain what came before it, then expect silence.
    while (agent.receive(100).has_value()) { }
    QVERIFY(!agent.receive(300).has_value());
}

void TestCommandClient::signalsFollowOutcome()
{
    FakeAgent agent;
    CommandClient client({ agent.endpoint() });
    client.setRetryInterval(0ms);
    QVERIFY(!client.start());
    std::vector<std::string> sent;
    std::vector<std::pair<std::string, CommandOutcome::Kind>> finished;
    connect(
        &client, &CommandClient::commandSent, this, [&](const ControlRequest &request) { sent.push_back(request.id); });
    connect(&client, &CommandClient::commandFinished, this,
        [&](const ControlRequest &request, const CommandOutcome &outcome) {
            finished.emplace_back(request.id, outcome.kind);
        });

    const auto applied = sendAndLand(client, isolate("mes", "s-1"), 5s);
    const auto timedOut = sendAndLand(client, isolate("mes", "s-2"), 100ms);
    QVERIFY(agent.receive().has_value());
    agent.reply("s-1", ControlStatus::Applied);
    QTRY_VERIFY_WITH_TIMEOUT(applied->outcome.has_value() && timedOut->outcome.has_value(), 5000);

    QCOMPARE(sent, (std::vector<std::string> { "s-1", "s-2" }));
    QCOMPARE(finished.size(), std::size_t(2));
    for (const auto &[id, kind] : finished) {
        if (id == "s-1")
            QCOMPARE(int(kind), int(CommandOutcome::Kind::Applied));
        else
            QCOMPARE(int(kind), int(CommandOutcome::Kind::TimedOut));
    }
}

void TestCommandClient::plantAppliesAndRejects_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<qint64>("deadlineOffsetMs");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("known service") << QStringLiteral("quality-db") << qint64(5000) << int(CommandOutcome::Kind::Applied)
                                   << QStringLiteral("isolated");
    QTest::newRow("unknown service") << QStringLiteral("no-such-service") << qint64(5000)
                                     << int(CommandOutcome::Kind::Rejected) << QStringLiteral("unknown service");
    QTest::newRow("deadline already passed") << QStringLiteral("quality-db") << qint64(-1000)
                                             << int(CommandOutcome::Kind::TimedOut) << QStringLiteral("not sent");
}

void TestCommandClient::plantAppliesAndRejects()
{
    QFETCH(QString, service);
    QFETCH(qint64, deadlineOffsetMs);
    QFETCH(int, expected);
    QFETCH(QString, reasonPart);

    DemoPlant::Options options;
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    DemoPlant plant(options);
    QVERIFY(!plant.start());
    CommandClient client({ plant.controlEndpoint() });
    QVERIFY(!client.start());

    auto request = isolate(service.toStdString());
    request.deadlineUnixMs = QDateTime::currentMSecsSinceEpoch() + deadlineOffsetMs;
    const auto outcome = QCoro::waitFor(client.send(request, 5s));
    QCOMPARE(int(outcome.kind), expected);
    QVERIFY2(outcome.reason.contains(reasonPart), qPrintable(outcome.reason));
}

QTEST_GUILESS_MAIN(TestCommandClient)
#include "tst_commandclient.moc"
