// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The agent runtime's request rules (invalid, duplicate, expired, unknown service) and its heartbeat fields.
#include <QtTest>

#include "control/agentruntime.h"
#include "wire/encoder.h"

using namespace faultline;
using namespace std::chrono_literals;

namespace
{

constexpr std::int64_t nowUnixMs = 1'767'225'600'000;

std::string encode(const std::string &id, ControlOperation operation, const std::string &service,
    std::int64_t deadlineUnixMs = nowUnixMs + 5000)
{
    ControlRequest request;
    request.id = id;
    request.operation = operation;
    request.service = service;
    request.deadlineUnixMs = deadlineUnixMs;
    if (operation == ControlOperation::Ramp)
        request.percent = 25;
    if (operation == ControlOperation::Shed)
        request.capacity = 10;
    return wire::encodeControlRequest(request);
}

ControlReply decode(const std::string &body)
{
    wire::Decoder decoder;
    auto reply = decoder.controlReply(body);
    if (!reply)
        qFatal("reply does not decode: %s", qPrintable(reply.error().message));
    return reply.value();
}

std::vector<AgentServiceSpec> plant()
{
    return { { "mes", { "inventory", "historian" }, 2 }, { "inventory", {}, 3 }, { "historian", {}, 1 } };
}

} // namespace

class TestAgentRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestRules_data();
    void requestRules();
    void duplicateIdAppliedOnce();
    void expiredNeverApplied();
    void invalidRequestNotRemembered();
    void oldestReplyForgotten();
    void reportListsBreakers();
};

void TestAgentRuntime::requestRules_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<int>("mesMode");

    QTest::newRow("isolate a known service") << QByteArray::fromStdString(encode("a", ControlOperation::Isolate, "mes"))
                                             << "a" << true << "isolated" << int(ServiceMode::Isolated);
    QTest::newRow("deadline exactly now")
        << QByteArray::fromStdString(encode("b", ControlOperation::Degrade, "mes", nowUnixMs)) << "b" << true
        << "degraded" << int(ServiceMode::Degraded);
    QTest::newRow("deadline one millisecond ago")
        << QByteArray::fromStdString(encode("c", ControlOperation::Isolate, "mes", nowUnixMs - 1)) << "c" << false
        << "deadline passed 1 ms ago" << int(ServiceMode::Normal);
    QTest::newRow("unknown service") << QByteArray::fromStdString(encode("d", ControlOperation::Isolate, "nope")) << "d"
                                     << false << "unknown service 'nope'" << int(ServiceMode::Normal);
    QTest::newRow("malformed JSON keeps no id")
        << QByteArray("{\"id\":") << "unreadable" << false << "invalid request" << int(ServiceMode::Normal);
    QTest::newRow("missing deadline keeps its id") << QByteArray(R"({"v":1,"id":"e","op":"isolate","service":"mes"})")
                                                   << "e" << false << "deadline_unix_ms" << int(ServiceMode::Normal);
    QTest::newRow("unknown operation") << QByteArray(
        R"({"v":1,"id":"f","op":"reboot","service":"mes","deadline_unix_ms":1767225605000})")
                                       << "f" << false << "reboot" << int(ServiceMode::Normal);
}

void TestAgentRuntime::requestRules()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, id);
    QFETCH(bool, applied);
    QFETCH(QString, reasonPart);
    QFETCH(int, mesMode);

    AgentRuntime runtime(plant());
    const auto reply = decode(runtime.handle(body.toStdString(), nowUnixMs, 1s));
    QCOMPARE(QString::fromStdString(reply.id), id);
    QCOMPARE(reply.status == ControlStatus::Applied, applied);
    QVERIFY2(QString::fromStdString(reply.reason).contains(reasonPart), reply.reason.c_str());
    QCOMPARE(int(runtime.traffic(*runtime.indexOf("mes")).mode()), mesMode);
    QCOMPARE(runtime.applied() + runtime.rejected(), std::uint64_t(1));
}

void TestAgentRuntime::duplicateIdAppliedOnce()
{
    AgentRuntime runtime(plant());
    const auto first = runtime.handle(encode("dup", ControlOperation::Isolate, "mes"), nowUnixMs, 1s);
    runtime.handle(encode("next", ControlOperation::Restore, "mes"), nowUnixMs, 1s);

    // The retry, even with another operation in it, gets the first reply and changes nothing.
    const auto retry = runtime.handle(encode("dup", ControlOperation::Isolate, "mes"), nowUnixMs, 2s);
    QCOMPARE(retry, first);
    const auto other = runtime.handle(encode("dup", ControlOperation::Shed, "inventory"), nowUnixMs, 2s);
    QCOMPARE(other, first);
    QCOMPARE(int(runtime.traffic(0).mode()), int(ServiceMode::Normal));
    QCOMPARE(int(runtime.traffic(1).mode()), int(ServiceMode::Normal));
    QCOMPARE(runtime.applied(), std::uint64_t(2));
    QCOMPARE(runtime.replayed(), std::uint64_t(2));
}

void TestAgentRuntime::expiredNeverApplied()
{
    AgentRuntime runtime(plant());
    const auto late
        = decode(runtime.handle(encode("late", ControlOperation::Isolate, "mes", nowUnixMs - 10), nowUnixMs, 1s));
    QCOMPARE(int(late.status), int(ControlStatus::Rejected));

    // A retry of the same id, even with a fresh deadline, stays rejected.
    const auto retry = decode(runtime.handle(encode("late", ControlOperation::Isolate, "mes"), nowUnixMs, 1s));
    QCOMPARE(int(retry.status), int(ControlStatus::Rejected));
    QCOMPARE(int(runtime.traffic(0).mode()), int(ServiceMode::Normal));
    QCOMPARE(runtime.applied(), std::uint64_t(0));
}

void TestAgentRuntime::invalidRequestNotRemembered()
{
    AgentRuntime runtime(plant());
    const auto invalid = decode(runtime.handle(
        R"({"v":1,"id":"fix","op":"ramp","service":"mes","deadline_unix_ms":1767225605000})", nowUnixMs, 1s));
    QCOMPARE(int(invalid.status), int(ControlStatus::Rejected));
    QVERIFY(invalid.reason.find("percent") != std::string::npos);

    // The corrected request with the same id is applied, because an invalid one is not remembered.
    const auto fixed = decode(runtime.handle(encode("fix", ControlOperation::Ramp, "mes"), nowUnixMs, 1s));
    QCOMPARE(int(fixed.status), int(ControlStatus::Applied));
    QCOMPARE(int(fixed.mode), int(ServiceMode::Ramping));
}

void TestAgentRuntime::oldestReplyForgotten()
{
    AgentRuntimeConfig config;
    config.maxRememberedReplies = 3;
    AgentRuntime runtime(plant(), config);
    for (int i = 0; i < 4; ++i)
        runtime.handle(encode("id-" + std::to_string(i), ControlOperation::Isolate, "mes"), nowUnixMs, 1s);
    QCOMPARE(runtime.applied(), std::uint64_t(4));

    runtime.handle(encode("id-3", ControlOperation::Isolate, "mes"), nowUnixMs, 1s);
    QCOMPARE(runtime.replayed(), std::uint64_t(1));
    runtime.handle(encode("id-0", ControlOperation::Isolate, "mes"), nowUnixMs, 1s);
    QCOMPARE(runtime.applied(), std::uint64_t(5));
}

void TestAgentRuntime::reportListsBreakers()
{
    AgentRuntimeConfig config;
    config.breaker.windowSize = 2;
    config.breaker.minimumNumberOfCalls = 2;
    AgentRuntime runtime(plant(), config);
    runtime.handle(encode("d", ControlOperation::Degrade, "mes"), nowUnixMs, 1s);

    auto &breaker = runtime.breaker(0, 1);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(breaker.tryAcquirePermission(2s));
        breaker.onResult(2s, true, 1ms);
    }

    HealthReport report;
    runtime.fillReport(0, report, 4s);
    QCOMPARE(int(report.mode), int(ServiceMode::Degraded));
    QCOMPARE(report.cacheAgeMs.value_or(-1), 4000.0);
    QCOMPARE(report.breakers.size(), std::size_t(2));
    QCOMPARE(report.breakers[0].callee, std::string("inventory"));
    QCOMPARE(int(report.breakers[0].state), int(BreakerState::Closed));
    QCOMPARE(report.breakers[1].callee, std::string("historian"));
    QCOMPARE(int(report.breakers[1].state), int(BreakerState::Open));
    QCOMPARE(runtime.outliers(1).instanceCount(), std::size_t(3));
}

QTEST_GUILESS_MAIN(TestAgentRuntime)
#include "tst_agentruntime.moc"
