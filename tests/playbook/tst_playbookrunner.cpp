// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include "playbook/playbookloader.h"
#include "playbook/playbookrunner.h"
#include "playbooktestsupport.h"

using namespace faultline;
using namespace faultline::testing;
using Status = PlaybookRunner::Status;
using StepStatus = PlaybookRunner::StepStatus;

namespace
{

// One degrade step whose check on the callers cannot pass while they fail, then a note.
const char *timeoutPlaybook = R"(
name: Timeout test
applies_when: {state: critical}
steps:
  - title: Degrade servo
    instructions: Serve cached data.
    action: degrade
    check: {of: callers, metric: error_rate, below: 5 %, within: 150ms}
    on_failure: POLICY
    retries: 2
  - title: Tell the owners
    instructions: Call them.
    action: note
rollback:
  - title: Isolate servo
    action: isolate
)";

const char *isolatePlaybook = R"(
name: Isolate test
applies_when: {state: critical}
steps:
  - title: Isolate servo
    instructions: Cut it off.
    action: isolate
    check: {of: callers, metric: error_rate, below: 5 %, within: 2s, hold: 60ms}
    on_failure: escalate
  - title: Wait a little
    instructions: Let it settle.
    action: wait
    duration: 30ms
  - title: Tell the owners
    instructions: Call them.
    action: note
)";

} // namespace

class TestPlaybookRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void checkPasses();
    void checkTimeout_data();
    void checkTimeout();
    void recoveryRampRollsBackToIsolate();
    void recoveryRampCompletes();
    void confirmationHoldsTheAction();
    void skipAwaitingConfirmation();
    void retryAfterEscalation();
    void abortWhileChecking();
    void failedCommand_data();
    void failedCommand();
    void everyStepIsJournalled();
    void startWhileActiveIsRefused();
    void callersTargetWithoutCallers();
    void holdNeedsContinuousPass();
    void runnerDestroyedDuringCommand();
    void skipSparesRemainingCallers();
    void withoutSenderActionsFail();
    void confirmEveryStepWaitsOnNotes();

private:
    Playbook parse(const QByteArray &yaml);
    Playbook shippedRecoveryRamp();
    void confirmAutomatically();

    std::unique_ptr<RecordingCommandSender> m_sender;
    std::unique_ptr<ScriptedMetrics> m_metrics;
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<PlaybookRunner> m_runner;
};

Playbook TestPlaybookRunner::parse(const QByteArray &yaml)
{
    auto result = parsePlaybook(yaml, QStringLiteral("test.yaml"));
    if (!result)
        qWarning() << result.error().message;
    Q_ASSERT(result.ok());
    return result.value();
}

// The shipped recovery ramp with its gates shortened, so the test keeps its structure but not its minutes.
Playbook TestPlaybookRunner::shippedRecoveryRamp()
{
    auto result = loadPlaybookFile(QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/playbooks/recovery-ramp.yaml"));
    Q_ASSERT(result.ok());
    Playbook playbook = result.value();
    for (auto &step : playbook.steps) {
        if (step.check) {
            step.check->within = std::chrono::milliseconds(400);
            step.check->hold = std::min(step.check->hold, std::chrono::milliseconds(60));
        }
    }
    return playbook;
}

void TestPlaybookRunner::confirmAutomatically()
{
    connect(m_runner.get(), &PlaybookRunner::statusChanged, m_runner.get(), [this](Status status) {
        if (status == Status::AwaitingConfirmation)
            QTimer::singleShot(0, m_runner.get(), &PlaybookRunner::confirm);
    });
}

void TestPlaybookRunner::init()
{
    m_sender = std::make_unique<RecordingCommandSender>();
    m_metrics = std::make_unique<ScriptedMetrics>();
    m_sink = std::make_unique<RecordingSink>();
    m_metrics->set(QStringLiteral("servo"), ServiceState::Critical, 0.9);
    m_metrics->set(QStringLiteral("plc"), ServiceState::Critical, 0.4);
    m_metrics->set(QStringLiteral("line"), ServiceState::Warning, 0.2);
    m_metrics->addCall(QStringLiteral("plc"), QStringLiteral("servo"));
    m_metrics->addCall(QStringLiteral("line"), QStringLiteral("servo"));
    m_runner = std::make_unique<PlaybookRunner>(m_sender.get(), m_metrics.get(), m_sink.get());
    m_runner->setPollInterval(std::chrono::milliseconds(10));
    m_runner->setCommandTimeout(std::chrono::milliseconds(100));
    m_runner->setOperatorName(QStringLiteral("tester"));
}

void TestPlaybookRunner::cleanup()
{
    m_runner.reset();
    m_sink.reset();
    m_metrics.reset();
    m_sender.reset();
}

void TestPlaybookRunner::checkPasses()
{
    // Isolating servo makes its callers fall back, as the plant would.
    m_sender->onApplied = [this](const ControlRequest &) {
        m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, 0.01);
        m_metrics->set(QStringLiteral("line"), ServiceState::Ok, 0.0);
    };
    confirmAutomatically();
    QSignalSpy finished(m_runner.get(), &PlaybookRunner::finished);
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
    QCOMPARE(m_runner->status(), Status::Completed);
    QCOMPARE(m_sender->requests.size(), std::size_t(1));
    QCOMPARE(m_sender->requests[0].operation, ControlOperation::Isolate);
    QCOMPARE(m_sender->requests[0].service, std::string("servo"));
    QCOMPARE(m_sender->requests[0].operatorName, std::string("tester"));
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Passed);
    QCOMPARE(m_runner->steps()[0].checkSatisfied, std::optional<bool>(true));
    QVERIFY(m_runner->steps()[0].observed.contains(QStringLiteral("plc 1.0 %")));
    QCOMPARE(m_runner->steps()[1].status, StepStatus::Passed);
    QVERIFY(m_runner->stepElapsedMs(1) > 0);
    QCOMPARE(m_sink->count(EventKind::PlaybookCheckPassed), 1);
    QCOMPARE(m_sink->count(EventKind::ActionSent), 1);
    QCOMPARE(m_sink->count(EventKind::ActionApplied), 1);
}

void TestPlaybookRunner::checkTimeout_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<Status>("status");
    QTest::addColumn<StepStatus>("secondStep");
    QTest::addColumn<QList<int>>("operations");
    QTest::addColumn<int>("attempts");

    const int degrade = int(ControlOperation::Degrade);
    const int isolate = int(ControlOperation::Isolate);
    QTest::newRow("retry twice then escalate") << QStringLiteral("retry") << Status::AwaitingDecision
                                               << StepStatus::Pending << QList<int> { degrade, degrade, degrade } << 3;
    QTest::newRow("go on to the next step")
        << QStringLiteral("continue") << Status::Completed << StepStatus::Passed << QList<int> { degrade } << 1;
    QTest::newRow("roll back to isolate") << QStringLiteral("rollback") << Status::RolledBack << StepStatus::Pending
                                          << QList<int> { degrade, isolate } << 1;
    QTest::newRow("escalate to the operator")
        << QStringLiteral("escalate") << Status::AwaitingDecision << StepStatus::Pending << QList<int> { degrade } << 1;
}

void TestPlaybookRunner::checkTimeout()
{
    QFETCH(QString, policy);
    QFETCH(Status, status);
    QFETCH(StepStatus, secondStep);
    QFETCH(QList<int>, operations);
    QFETCH(int, attempts);

    QByteArray yaml(timeoutPlaybook);
    yaml.replace("POLICY", policy.toUtf8());
    QVERIFY(m_runner->start(parse(yaml), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), status, 5000);
    QCOMPARE(m_sender->requests.size(), std::size_t(operations.size()));
    for (qsizetype i = 0; i < operations.size(); ++i)
        QCOMPARE(int(m_sender->requests[i].operation), operations[i]);
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Failed);
    QCOMPARE(m_runner->steps()[0].attempts, attempts);
    QVERIFY(m_runner->steps()[0].message.contains(QStringLiteral("check failed")));
    QCOMPARE(m_runner->steps()[1].status, secondStep);
    QCOMPARE(m_sink->count(EventKind::PlaybookCheckFailed), attempts);
    QCOMPARE(m_sink->count(EventKind::PlaybookStepStarted),
        attempts + (secondStep == StepStatus::Passed ? 1 : 0) + (status == Status::RolledBack ? 1 : 0));
}

void TestPlaybookRunner::recoveryRampRollsBackToIsolate()
{
    m_metrics->set(QStringLiteral("servo"), ServiceState::Ok, 0.0).mode = ServiceMode::Isolated;
    // The service fails again once it takes a quarter of the traffic.
    m_sender->onApplied = [this](const ControlRequest &request) {
        if (request.operation == ControlOperation::Ramp && request.percent.value_or(0) >= 25)
            m_metrics->set(QStringLiteral("servo"), ServiceState::Critical, 0.3);
    };
    confirmAutomatically();
    QVERIFY(m_runner->start(shippedRecoveryRamp(), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::RolledBack, 10000);
    const auto &requests = m_sender->requests;
    QCOMPARE(requests.size(), std::size_t(3));
    QCOMPARE(requests[0].operation, ControlOperation::Ramp);
    QCOMPARE(requests[0].percent, std::optional<double>(5));
    QCOMPARE(requests[1].operation, ControlOperation::Ramp);
    QCOMPARE(requests[1].percent, std::optional<double>(25));
    QCOMPARE(requests[2].operation, ControlOperation::Isolate);
    QCOMPARE(requests[2].service, std::string("servo"));
    QCOMPARE(m_runner->steps()[1].status, StepStatus::Passed);
    QCOMPARE(m_runner->steps()[2].status, StepStatus::Failed);
    QCOMPARE(m_runner->steps()[3].status, StepStatus::Pending);
}

void TestPlaybookRunner::recoveryRampCompletes()
{
    m_metrics->set(QStringLiteral("servo"), ServiceState::Ok, 0.0).mode = ServiceMode::Isolated;
    m_sender->onApplied = [this](const ControlRequest &request) {
        m_metrics->at(QStringLiteral("servo")).mode
            = request.operation == ControlOperation::Restore ? ServiceMode::Normal : ServiceMode::Ramping;
    };
    confirmAutomatically();
    QVERIFY(m_runner->start(shippedRecoveryRamp(), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::Completed, 10000);
    QList<double> percents;
    for (const auto &request : m_sender->requests) {
        if (request.operation == ControlOperation::Ramp)
            percents.append(request.percent.value_or(-1));
    }
    QCOMPARE(percents, (QList<double> { 5, 25, 50, 100 }));
    QCOMPARE(m_sender->requests.back().operation, ControlOperation::Restore);
}

void TestPlaybookRunner::confirmationHoldsTheAction()
{
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));
    QCOMPARE(m_runner->status(), Status::AwaitingConfirmation);
    QCOMPARE(m_runner->steps()[0].status, StepStatus::AwaitingConfirmation);
    QTest::qWait(50);
    QVERIFY(m_sender->requests.empty());

    m_runner->confirm();
    QTRY_COMPARE(m_sender->requests.size(), std::size_t(1));
    const auto sent = std::find_if(m_sink->events.begin(), m_sink->events.end(),
        [](const auto &event) { return event.kind == EventKind::ActionSent; });
    QVERIFY(sent != m_sink->events.end());
    QCOMPARE(sent->details.value(QStringLiteral("confirmed")), QStringLiteral("true"));
    QCOMPARE(sent->operatorName, QStringLiteral("tester"));
}

void TestPlaybookRunner::skipAwaitingConfirmation()
{
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));
    QCOMPARE(m_runner->status(), Status::AwaitingConfirmation);
    m_runner->skip();

    QTRY_COMPARE(m_runner->status(), Status::Completed);
    QVERIFY(m_sender->requests.empty());
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Skipped);
    QCOMPARE(m_sink->count(EventKind::PlaybookStepSkipped), 1);
    const auto skipped = std::find_if(m_sink->events.begin(), m_sink->events.end(),
        [](const auto &event) { return event.kind == EventKind::PlaybookStepSkipped; });
    QCOMPARE(skipped->operatorName, QStringLiteral("tester"));
    QCOMPARE(skipped->details.value(QStringLiteral("step")), QStringLiteral("1"));
}

void TestPlaybookRunner::retryAfterEscalation()
{
    QByteArray yaml(timeoutPlaybook);
    yaml.replace("POLICY", "escalate");
    QVERIFY(m_runner->start(parse(yaml), QStringLiteral("servo")));
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::AwaitingDecision, 5000);

    // The operator fixed the callers by hand; the retry now passes.
    m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, 0.0);
    m_metrics->set(QStringLiteral("line"), ServiceState::Ok, 0.0);
    m_runner->retry();
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::Completed, 5000);
    QCOMPARE(m_sender->requests.size(), std::size_t(2));
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Passed);
    QCOMPARE(m_runner->steps()[0].attempts, 2);
    const auto retried = std::count_if(m_sink->events.begin(), m_sink->events.end(), [](const auto &event) {
        return event.details.value(QStringLiteral("operator_action")) == QStringLiteral("retry");
    });
    QCOMPARE(retried, 1);
}

void TestPlaybookRunner::abortWhileChecking()
{
    confirmAutomatically();
    QSignalSpy finished(m_runner.get(), &PlaybookRunner::finished);
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));
    QTRY_COMPARE(m_runner->steps()[0].status, StepStatus::Checking);

    m_runner->abort();
    QCOMPARE(m_runner->status(), Status::Aborted);
    QCOMPARE(finished.size(), 1);
    // The check coroutine must stop: nothing more happens after the abort.
    const auto eventsAtAbort = m_sink->events.size();
    QTest::qWait(100);
    QCOMPARE(m_sink->events.size(), eventsAtAbort);
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Aborted);
    QCOMPARE(m_runner->steps()[1].status, StepStatus::Pending);
    QCOMPARE(m_sink->events.back().details.value(QStringLiteral("operator_action")), QStringLiteral("abort"));
    QVERIFY(!m_runner->isActive());
}

void TestPlaybookRunner::failedCommand_data()
{
    QTest::addColumn<CommandOutcome::Kind>("answer");
    QTest::addColumn<EventKind>("journalled");
    QTest::addColumn<QString>("message");

    QTest::newRow("rejected") << CommandOutcome::Kind::Rejected << EventKind::ActionRejected
                              << QStringLiteral("refused it");
    QTest::newRow("timed out") << CommandOutcome::Kind::TimedOut << EventKind::ActionTimedOut
                               << QStringLiteral("timed out");
    QTest::newRow("cancelled") << CommandOutcome::Kind::Cancelled << EventKind::ActionTimedOut
                               << QStringLiteral("cancelled");
}

void TestPlaybookRunner::failedCommand()
{
    QFETCH(CommandOutcome::Kind, answer);
    QFETCH(EventKind, journalled);
    QFETCH(QString, message);

    m_sender->defaultAnswer = answer;
    confirmAutomatically();
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::AwaitingDecision, 5000);
    QCOMPARE(m_sink->count(journalled), 1);
    QCOMPARE(m_sink->count(EventKind::ActionApplied), 0);
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Failed);
    QVERIFY2(m_runner->steps()[0].message.contains(message), qPrintable(m_runner->steps()[0].message));
    const auto failed = std::find_if(m_sink->events.begin(), m_sink->events.end(),
        [](const auto &event) { return event.kind == EventKind::PlaybookCheckFailed; });
    QVERIFY(failed != m_sink->events.end());
    QCOMPARE(failed->details.value(QStringLiteral("cause")), QStringLiteral("action"));
}

void TestPlaybookRunner::everyStepIsJournalled()
{
    m_sender->onApplied = [this](const ControlRequest &) {
        m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, 0.0);
        m_metrics->set(QStringLiteral("line"), ServiceState::Ok, 0.0);
    };
    confirmAutomatically();
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::Completed, 5000);

    QStringList started;
    for (const auto &event : m_sink->events) {
        QCOMPARE(event.source, QStringLiteral("playbook"));
        QCOMPARE(event.details.value(QStringLiteral("run")), m_runner->runId());
        if (event.kind == EventKind::PlaybookStepStarted)
            started.append(event.details.value(QStringLiteral("step")));
    }
    QCOMPARE(started, (QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3") }));
    QCOMPARE(m_sink->count(EventKind::OperatorNote), 2); // the note step and the completion
    QCOMPARE(m_sink->events.back().details.value(QStringLiteral("outcome")), QStringLiteral("Completed"));
}

void TestPlaybookRunner::startWhileActiveIsRefused()
{
    const Playbook playbook = parse(isolatePlaybook);
    QVERIFY(m_runner->start(playbook, QStringLiteral("servo")));
    const QString runId = m_runner->runId();
    QVERIFY(!m_runner->start(playbook, QStringLiteral("plc")));
    QCOMPARE(m_runner->service(), QStringLiteral("servo"));
    QCOMPARE(m_runner->runId(), runId);
}

void TestPlaybookRunner::callersTargetWithoutCallers()
{
    const char *yaml = R"(
name: Callers test
applies_when: {state: critical}
steps:
  - title: Degrade the callers
    instructions: Serve cached data upstream.
    action: degrade
    target: callers
)";
    QVERIFY(m_runner->start(parse(yaml), QStringLiteral("plc")));
    QTRY_COMPARE(m_runner->status(), Status::AwaitingDecision);
    QVERIFY(m_sender->requests.empty());
    QVERIFY(m_runner->steps()[0].message.contains(QStringLiteral("no callers of plc")));
}

void TestPlaybookRunner::holdNeedsContinuousPass()
{
    const char *yaml = R"(
name: Hold test
applies_when: {state: critical}
steps:
  - title: Watch plc
    instructions: Its error rate must stay low.
    check: {of: plc, metric: error_rate, below: 5 %, within: 300ms, hold: 200ms}
)";
    // plc flips between good and bad faster than the hold, so the check never passes.
    QTimer flip;
    bool good = false;
    connect(&flip, &QTimer::timeout, this, [&] {
        good = !good;
        m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, good ? 0.0 : 0.5);
    });
    flip.start(40);
    QVERIFY(m_runner->start(parse(yaml), QStringLiteral("servo")));
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::AwaitingDecision, 5000);
    QCOMPARE(m_runner->steps()[0].status, StepStatus::Failed);
}

void TestPlaybookRunner::runnerDestroyedDuringCommand()
{
    m_sender->delay = std::chrono::milliseconds(50);
    confirmAutomatically();
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));
    QTRY_COMPARE(m_sender->requests.size(), std::size_t(1));
    m_runner.reset();
    // The command completes after the runner is gone; the coroutine must notice and record nothing.
    const auto events = m_sink->events.size();
    QTest::qWait(120);
    QCOMPARE(m_sink->events.size(), events);
}

void TestPlaybookRunner::skipSparesRemainingCallers()
{
    const char *yaml = R"(
name: Callers test
applies_when: {state: critical}
steps:
  - title: Degrade the callers
    instructions: Serve cached data upstream.
    action: degrade
    target: callers
)";
    m_sender->delay = std::chrono::milliseconds(80);
    QVERIFY(m_runner->start(parse(yaml), QStringLiteral("servo")));
    QTRY_COMPARE(m_sender->requests.size(), std::size_t(1));
    QCOMPARE(m_sender->requests[0].service, std::string("plc"));

    m_runner->skip();
    QCOMPARE(m_runner->status(), Status::Completed);
    // The command in flight still lands in the journal; line is never sent one.
    QTRY_COMPARE(m_sink->count(EventKind::ActionApplied), 1);
    QTest::qWait(200);
    QCOMPARE(m_sender->requests.size(), std::size_t(1));
}

void TestPlaybookRunner::withoutSenderActionsFail()
{
    PlaybookRunner runner(nullptr, m_metrics.get(), m_sink.get());
    connect(&runner, &PlaybookRunner::statusChanged, &runner, [&runner](Status status) {
        if (status == Status::AwaitingConfirmation)
            QTimer::singleShot(0, &runner, &PlaybookRunner::confirm);
    });
    QVERIFY(runner.start(parse(isolatePlaybook), QStringLiteral("servo")));
    QTRY_COMPARE(runner.status(), Status::AwaitingDecision);
    QVERIFY(runner.steps()[0].message.contains(QStringLiteral("no control endpoint")));
    QCOMPARE(m_sink->count(EventKind::ActionSent), 0);
}

void TestPlaybookRunner::confirmEveryStepWaitsOnNotes()
{
    m_sender->onApplied = [this](const ControlRequest &) {
        m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, 0.0);
        m_metrics->set(QStringLiteral("line"), ServiceState::Ok, 0.0);
    };
    m_runner->setConfirmEveryStep(true);
    QList<int> waitedAt;
    connect(m_runner.get(), &PlaybookRunner::statusChanged, m_runner.get(), [this, &waitedAt](Status status) {
        if (status != Status::AwaitingConfirmation)
            return;
        waitedAt.append(m_runner->currentStep());
        QTimer::singleShot(0, m_runner.get(), &PlaybookRunner::confirm);
    });
    QVERIFY(m_runner->start(parse(isolatePlaybook), QStringLiteral("servo")));

    QTRY_COMPARE_WITH_TIMEOUT(m_runner->status(), Status::Completed, 5000);
    QCOMPARE(waitedAt, (QList<int> { 0, 1, 2 }));
}

QTEST_GUILESS_MAIN(TestPlaybookRunner)
#include "tst_playbookrunner.moc"
