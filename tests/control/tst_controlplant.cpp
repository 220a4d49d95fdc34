// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The command client acting on the demo plant over loopback TCP, with the effect read back from its heartbeats.
#include <chrono>
#include <functional>
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
#include "wire/protocol.h"

using namespace faultline;
using namespace std::chrono_literals;

namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;

// Reads the plant's heartbeats on a SUB socket, keeping the Qt event loop running for the command client.
class HeartbeatReader
{
public:
    explicit HeartbeatReader(const std::string &endpoint)
        : m_socket(sharedZmqContext(), zmq::socket_type::sub)
    {
        m_socket.set(zmq::sockopt::linger, 0);
        m_socket.set(zmq::sockopt::subscribe, std::string(wire::healthPrefix));
        m_socket.connect(endpoint);
    }

    // Reads until @p done holds for a heartbeat or @p timeoutMs pass; returns that heartbeat.
    std::optional<HealthReport> waitFor(const std::function<bool(const HealthReport &)> &done, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(m_socket, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                QThread::msleep(2);
                continue;
            }
            if (frames.size() != 3)
                continue;
            auto report = m_decoder.health(frames[2].to_string_view());
            if (report && done(report.value()))
                return report.value();
        }
        return std::nullopt;
    }

private:
    zmq::socket_t m_socket;
    wire::Decoder m_decoder;
};

ControlRequest command(ControlOperation operation, const std::string &service)
{
    ControlRequest request;
    request.operation = operation;
    request.service = service;
    request.operatorName = "tester";
    request.reason = "test";
    return request;
}

std::int64_t unixNsNow()
{
    return QDateTime::currentMSecsSinceEpoch() * nsPerMs;
}

} // namespace

class TestControlPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void isolateCrashedCallee();
    void degradeReportsCacheAge();
    void shedBoundsInFlight();
    void twoClientsOneService();
    void breakerOpensOnCrashedCallee();
    void expiredRequestNeverApplied();

private:
    void startPlant(std::vector<FaultSpec> faults = {}, PlantTopology topology = {}, bool resilience = false);

    std::unique_ptr<DemoPlant> m_plant;
    std::unique_ptr<CommandClient> m_client;
    std::unique_ptr<HeartbeatReader> m_reader;
};

void TestControlPlant::startPlant(std::vector<FaultSpec> faults, PlantTopology topology, bool resilience)
{
    DemoPlant::Options options;
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    options.faults = std::move(faults);
    options.topology = std::move(topology);
    options.resilience = resilience;
    m_plant = std::make_unique<DemoPlant>(options);
    QVERIFY(!m_plant->start());
    m_reader = std::make_unique<HeartbeatReader>(m_plant->publishEndpoint());
    m_client = std::make_unique<CommandClient>(std::vector<std::string> { m_plant->controlEndpoint() });
    QVERIFY(!m_client->start());
}

void TestControlPlant::cleanup()
{
    m_client.reset();
    m_reader.reset();
    m_plant.reset();
}

void TestControlPlant::isolateCrashedCallee()
{
    startPlant({ { "servo-controller", FaultKind::Crash, 0.5, 0 } });

    // servo-controller's callers have no fallback for it, so they fail while it is down.
    for (const char *caller : { "plc-gateway", "robot-arm" }) {
        const auto failing = m_reader->waitFor(
            [&](const HealthReport &report) { return report.service == caller && report.errorRate > 0.5; }, 8000);
        QVERIFY2(failing.has_value(), caller);
    }

    const auto outcome = QCoro::waitFor(m_client->send(command(ControlOperation::Isolate, "servo-controller"), 5s));
    QCOMPARE(int(outcome.kind), int(CommandOutcome::Kind::Applied));
    QCOMPARE(int(outcome.mode), int(ServiceMode::Isolated));
    const auto isolatedAtNs = unixNsNow();

    // Calls under way at the isolate still time out, so look at heartbeats that start a full interval later.
    for (const char *caller : { "plc-gateway", "robot-arm" }) {
        const auto recovered = m_reader->waitFor(
            [&](const HealthReport &report) {
                return report.service == caller && report.timestampUnixNs > isolatedAtNs + 1500 * nsPerMs;
            },
            10'000);
        QVERIFY2(recovered.has_value(), caller);
        QVERIFY2(recovered->errorRate < 0.05,
            qPrintable(QStringLiteral("%1 error rate %2").arg(QLatin1String(caller)).arg(recovered->errorRate)));
        QVERIFY2(recovered->fallbacks > 0, caller);
        QVERIFY(recovered->rps > 0);
    }
}

void TestControlPlant::degradeReportsCacheAge()
{
    startPlant();
    const auto outcome = QCoro::waitFor(m_client->send(command(ControlOperation::Degrade, "quality-db"), 5s));
    QCOMPARE(int(outcome.kind), int(CommandOutcome::Kind::Applied));

    const auto first = m_reader->waitFor(
        [](const HealthReport &report) { return report.service == "quality-db" && report.cacheAgeMs; }, 5000);
    QVERIFY(first.has_value());
    QCOMPARE(int(first->mode), int(ServiceMode::Degraded));
    const auto second = m_reader->waitFor(
        [&](const HealthReport &report) {
            return report.service == "quality-db" && report.timestampUnixNs > first->timestampUnixNs;
        },
        5000);
    QVERIFY(second.has_value());
    QVERIFY(second->cacheAgeMs.has_value());
    // No fresh result comes while degraded, so the cache ages with the clock.
    QVERIFY2(*second->cacheAgeMs > *first->cacheAgeMs, qPrintable(QString::number(*second->cacheAgeMs)));
    QCOMPARE(second->errorRate, 0.0);
}

void TestControlPlant::shedBoundsInFlight()
{
    // A slow service keeps about 20 requests in flight at 100 requests per second (Little's law: 100/s x 0.2 s).
    PlantService front { "front", Criticality::Core, 1, 2, 100, 2000 };
    PlantService slow { "slow", Criticality::Important, 1, 200, 100, 2000 };
    PlantTopology topology({ front, slow }, { { "front", "slow", 1, true } }, { { "front", 1 } });
    QVERIFY(!topology.validate());
    startPlant({}, topology);

    // The first heartbeat covers less than a second of completed requests, so wait for a full one.
    const auto before = m_reader->waitFor(
        [](const HealthReport &report) { return report.service == "slow" && report.inFlight > 10; }, 5000);
    QVERIFY(before.has_value());

    auto shed = command(ControlOperation::Shed, "slow");
    shed.capacity = 5;
    const auto outcome = QCoro::waitFor(m_client->send(shed, 5s));
    QCOMPARE(int(outcome.kind), int(CommandOutcome::Kind::Applied));
    const auto shedAtNs = unixNsNow();

    int checked = 0;
    std::uint64_t totalShed = 0;
    m_reader->waitFor(
        [&](const HealthReport &report) {
            if (report.service != "slow" || report.timestampUnixNs < shedAtNs + 1200 * nsPerMs)
                return false;
            ++checked;
            totalShed += report.shed;
            // Shed requests are no errors, and the requests admitted stay within the capacity of 5.
            [&] {
                QCOMPARE(int(report.mode), int(ServiceMode::Shedding));
                QVERIFY2(report.inFlight <= 5.0, qPrintable(QString::number(report.inFlight)));
                QVERIFY(report.rps > 0);
                QCOMPARE(report.errorRate, before->errorRate);
            }();
            return checked == 3;
        },
        10'000);
    QCOMPARE(checked, 3);
    QVERIFY(totalShed > 0);
}

void TestControlPlant::twoClientsOneService()
{
    startPlant();
    CommandClient other({ m_plant->controlEndpoint() });
    QVERIFY(!other.start());

    // Both commands are in flight at once; the agent applies them one after the other.
    auto ramp = command(ControlOperation::Ramp, "conveyor");
    ramp.percent = 50;
    auto isolateTask = m_client->send(command(ControlOperation::Isolate, "conveyor"), 5s);
    auto rampTask = other.send(ramp, 5s);
    const auto isolated = QCoro::waitFor(isolateTask);
    const auto ramped = QCoro::waitFor(rampTask);
    QCOMPARE(int(isolated.kind), int(CommandOutcome::Kind::Applied));
    QCOMPARE(int(ramped.kind), int(CommandOutcome::Kind::Applied));
    QCOMPARE(int(isolated.mode), int(ServiceMode::Isolated));
    QCOMPARE(int(ramped.mode), int(ServiceMode::Ramping));
    const auto doneAtNs = unixNsNow();

    // The service ends in exactly one of the two states, with that state's parameters and nothing of the other's.
    const auto report = m_reader->waitFor(
        [&](const HealthReport &beat) { return beat.service == "conveyor" && beat.timestampUnixNs > doneAtNs; }, 5000);
    QVERIFY(report.has_value());
    if (report->mode == ServiceMode::Ramping) {
        QCOMPARE(report->rampPercent.value_or(-1), 50.0);
    } else {
        QCOMPARE(int(report->mode), int(ServiceMode::Isolated));
        QVERIFY(!report->rampPercent.has_value());
    }

    // A restore from either client then wins over both.
    const auto restored = QCoro::waitFor(other.send(command(ControlOperation::Restore, "conveyor"), 5s));
    QCOMPARE(int(restored.mode), int(ServiceMode::Normal));
}

void TestControlPlant::breakerOpensOnCrashedCallee()
{
    startPlant({ { "servo-controller", FaultKind::Crash, 0.5, 0 } }, {}, true);

    // plc-gateway's breaker in front of servo-controller opens from its timed-out calls, and the heartbeat says so.
    const auto open = m_reader->waitFor(
        [](const HealthReport &report) {
            return report.service == "plc-gateway"
                && std::any_of(report.breakers.begin(), report.breakers.end(), [](const BreakerReport &breaker) {
                       return breaker.callee == "servo-controller" && breaker.state != BreakerState::Closed;
                   });
        },
        10'000);
    QVERIFY(open.has_value());
    // Its breaker in front of conveyor, which is healthy, stays closed. (robot-arm fails too, as it calls servo.)
    const auto conveyor = std::find_if(open->breakers.begin(), open->breakers.end(),
        [](const BreakerReport &breaker) { return breaker.callee == "conveyor"; });
    QVERIFY(conveyor != open->breakers.end());
    QCOMPARE(int(conveyor->state), int(BreakerState::Closed));
}

void TestControlPlant::expiredRequestNeverApplied()
{
    startPlant();

    // The command client does not send a request past its deadline, so a raw DEALER sends one.
    zmq::socket_t dealer(sharedZmqContext(), zmq::socket_type::dealer);
    dealer.set(zmq::sockopt::linger, 0);
    dealer.connect(m_plant->controlEndpoint());
    auto expired = command(ControlOperation::Isolate, "quality-db");
    expired.id = "expired-1";
    expired.deadlineUnixMs = QDateTime::currentMSecsSinceEpoch() - 1;
    const auto body = wire::encodeControlRequest(expired);
    std::array<zmq::const_buffer, 2> frames = { zmq::const_buffer(), zmq::buffer(body) };
    QVERIFY(zmq::send_multipart(dealer, frames).has_value());

    zmq::pollitem_t item { dealer.handle(), 0, ZMQ_POLLIN, 0 };
    zmq::poll(&item, 1, 5000ms);
    std::vector<zmq::message_t> reply;
    QVERIFY(zmq::recv_multipart(dealer, std::back_inserter(reply), zmq::recv_flags::dontwait).has_value());
    wire::Decoder decoder;
    const auto decoded = decoder.controlReply(reply.back().to_string_view());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->id, std::string("expired-1"));
    QCOMPARE(int(decoded->status), int(ControlStatus::Rejected));
    const auto sentAtNs = unixNsNow();

    // A heartbeat sent after the reply still shows the service in normal mode.
    const auto report = m_reader->waitFor(
        [&](const HealthReport &beat) { return beat.service == "quality-db" && beat.timestampUnixNs > sentAtNs; },
        5000);
    QVERIFY(report.has_value());
    QCOMPARE(int(report->mode), int(ServiceMode::Normal));
}

QTEST_GUILESS_MAIN(TestControlPlant)
#include "tst_controlplant.moc"
