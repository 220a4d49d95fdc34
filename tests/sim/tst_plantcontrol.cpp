// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The plant's control handling without sockets; tst_demoplant covers the same over ZeroMQ.
#include <QtTest>

#include "sim/plantcontrol.h"
#include "sim/requestsimulator.h"
#include "wire/decoder.h"
#include "wire/encoder.h"

using namespace faultline;

namespace
{

constexpr std::int64_t nowUnixMs = 1'800'000'000'000;

std::string encode(const std::string &id, ControlOperation operation, const std::string &service,
    std::int64_t deadlineUnixMs = nowUnixMs + 1000)
{
    ControlRequest request;
    request.id = id;
    request.operation = operation;
    request.service = service;
    request.deadlineUnixMs = deadlineUnixMs;
    return wire::encodeControlRequest(request);
}

ControlReply decode(const std::string &body)
{
    wire::Decoder decoder;
    auto reply = decoder.controlReply(body);
    if (!reply.ok())
        qFatal("invalid reply: %s", qPrintable(reply.error().message));
    return std::move(reply).value();
}

} // namespace

class TestPlantControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appliedChangesMode();
    void duplicateReplaysReply();
    void rejectionIsRemembered();
    void deadlineAtNowAccepted();
    void oldestIdForgotten();
    void hugeIdRejected();
    void malformedReplyShape();

private:
    std::unique_ptr<RequestSimulator> m_simulator;
    std::unique_ptr<PlantControl> m_control;
};

void TestPlantControl::init()
{
    m_simulator = std::make_unique<RequestSimulator>(
        PlantTopology::builtIn(), std::vector<FaultSpec> {}, RequestSimulator::Settings {});
    m_control = std::make_unique<PlantControl>(*m_simulator);
}

void TestPlantControl::cleanup()
{
    m_control.reset();
    m_simulator.reset();
}

void TestPlantControl::appliedChangesMode()
{
    const auto reply = decode(m_control->handle(encode("a-1", ControlOperation::Degrade, "historian"), nowUnixMs, 0));
    QCOMPARE(int(reply.status), int(ControlStatus::Applied));
    QCOMPARE(int(reply.mode), int(ServiceMode::Degraded));
    QVERIFY(reply.reason.find("historian") != std::string::npos);
    QCOMPARE(int(m_simulator->mode(*m_simulator->topology().indexOf("historian"))), int(ServiceMode::Degraded));
    QCOMPARE(m_control->applied(), std::uint64_t(1));
}

void TestPlantControl::duplicateReplaysReply()
{
    const auto isolate = encode("d-1", ControlOperation::Isolate, "conveyor");
    const auto first = m_control->handle(isolate, nowUnixMs, 0);
    m_control->handle(encode("d-2", ControlOperation::Restore, "conveyor"), nowUnixMs, 0);

    // Even a retry with other content gets the stored reply and is not applied.
    const auto retry = m_control->handle(encode("d-1", ControlOperation::Degrade, "analytics"), nowUnixMs, 0);
    QCOMPARE(retry, first);
    QCOMPARE(m_control->applied(), std::uint64_t(2));
    QCOMPARE(m_control->replayed(), std::uint64_t(1));
    QCOMPARE(int(m_simulator->mode(*m_simulator->topology().indexOf("conveyor"))), int(ServiceMode::Normal));
    QCOMPARE(int(m_simulator->mode(*m_simulator->topology().indexOf("analytics"))), int(ServiceMode::Normal));
}

void TestPlantControl::rejectionIsRemembered()
{
    const auto late = encode("r-1", ControlOperation::Isolate, "conveyor", nowUnixMs - 1);
    const auto first = decode(m_control->handle(late, nowUnixMs, 0));
    QCOMPARE(int(first.status), int(ControlStatus::Rejected));
    QVERIFY(first.reason.find("deadline passed 1 ms ago") != std::string::npos);

    // The same id with a fresh deadline is still the request that was rejected: one id, one outcome.
    const auto retry = decode(m_control->handle(encode("r-1", ControlOperation::Isolate, "conveyor"), nowUnixMs, 0));
    QCOMPARE(int(retry.status), int(ControlStatus::Rejected));
    QCOMPARE(int(m_simulator->mode(*m_simulator->topology().indexOf("conveyor"))), int(ServiceMode::Normal));
}

void TestPlantControl::deadlineAtNowAccepted()
{
    const auto reply
        = decode(m_control->handle(encode("n-1", ControlOperation::Isolate, "conveyor", nowUnixMs), nowUnixMs, 0));
    QCOMPARE(int(reply.status), int(ControlStatus::Applied));
}

void TestPlantControl::oldestIdForgotten()
{
    for (std::size_t i = 0; i <= PlantControl::maxRememberedReplies; ++i)
        m_control->handle(encode("id-" + std::to_string(i), ControlOperation::Restore, "conveyor"), nowUnixMs, 0);
    QCOMPARE(m_control->applied(), std::uint64_t(PlantControl::maxRememberedReplies + 1));

    // id-0 fell out of the store, so it counts as new, and storing it again pushes out id-1. id-2 is still known.
    m_control->handle(encode("id-0", ControlOperation::Restore, "conveyor"), nowUnixMs, 0);
    QCOMPARE(m_control->applied(), std::uint64_t(PlantControl::maxRememberedReplies + 2));
    m_control->handle(encode("id-2", ControlOperation::Restore, "conveyor"), nowUnixMs, 0);
    QCOMPARE(m_control->replayed(), std::uint64_t(1));
}

void TestPlantControl::hugeIdRejected()
{
    const std::string id(5000, 'x');
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid control request")));
    const auto reply = decode(m_control->handle(encode(id, ControlOperation::Isolate, "conveyor"), nowUnixMs, 0));
    QCOMPARE(int(reply.status), int(ControlStatus::Rejected));
    // The reply carries at most 128 characters of an id the decoder refused.
    QCOMPARE(reply.id.size(), std::size_t(128));
    QCOMPARE(m_control->applied(), std::uint64_t(0));
}

void TestPlantControl::malformedReplyShape()
{
    const auto reply = decode(PlantControl::malformedReply("expected one request frame"));
    QCOMPARE(int(reply.status), int(ControlStatus::Rejected));
    QCOMPARE(reply.id, std::string(PlantControl::unreadableId));
    QCOMPARE(reply.reason, std::string("expected one request frame"));
}

QTEST_GUILESS_MAIN(TestPlantControl)
#include "tst_plantcontrol.moc"
