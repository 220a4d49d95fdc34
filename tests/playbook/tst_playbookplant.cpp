// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QTest>
#include <QTimer>

#include "control/commandclient.h"
#include "ingest/ingestclient.h"
#include "playbook/livetopologymetrics.h"
#include "playbook/playbooklibrary.h"
#include "playbook/playbookmatcher.h"
#include "playbook/playbookrunner.h"
#include "playbooktestsupport.h"
#include "sim/demoplant.h"
#include "topology/livetopology.h"

using namespace faultline;
using Status = PlaybookRunner::Status;

namespace
{

const QString servo = QStringLiteral("servo-controller");

// The demo plant with its stream read into a LiveTopology and its control reached by a command client.
struct RunningPlant {
    explicit RunningPlant(std::vector<FaultSpec> faults)
        : plant([&faults] {
            DemoPlant::Options options;
            options.topology = PlantTopology::builtIn();
            options.publishEndpoint = "inproc://tst-playbookplant-streams";
            options.controlEndpoint = "inproc://tst-playbookplant-control";
            options.seed = 11;
            options.faults = std::move(faults);
            return options;
        }())
        , commands({ "inproc://tst-playbookplant-control" })
        , metrics(&topology)
    {
        QObject::connect(&ingest, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    }

    ~RunningPlant()
    {
        ingest.stop();
        plant.stop();
    }

    QString start()
    {
        if (auto error = plant.start())
            return error->message;
        IngestClient::Options options;
        options.endpoints = { plant.publishEndpoint() };
        if (auto error = ingest.start(options))
            return error->message;
        if (auto error = commands.start())
            return error->message;
        return {};
    }

    DemoPlant plant;
    LiveTopology topology;
    IngestClient ingest;
    CommandClient commands;
    LiveTopologyMetrics metrics;
};

void confirmAutomatically(PlaybookRunner &runner)
{
    QObject::connect(&runner, &PlaybookRunner::statusChanged, &runner, [&runner](Status status) {
        if (status == Status::AwaitingConfirmation)
            QTimer::singleShot(0, &runner, &PlaybookRunner::confirm);
    });
}

// The shipped recovery ramp with gates of seconds instead of minutes.
Playbook shortRecoveryRamp(const PlaybookLibrary &library)
{
    Playbook ramp = *library.find(QStringLiteral("recovery-ramp"));
    for (auto &step : ramp.steps) {
        if (step.check) {
            step.check->within = std::chrono::seconds(12);
            step.check->hold = std::min(step.check->hold, std::chrono::milliseconds(3000));
        }
    }
    return ramp;
}

QStringList appliedActions(const testing::RecordingSink &sink)
{
    QStringList applied;
    for (const auto &event : sink.events) {
        if (event.kind == EventKind::ActionApplied)
            applied.append(
                event.details.value(QStringLiteral("operation")) + event.details.value(QStringLiteral("percent")));
    }
    return applied;
}

QString stoppedAt(const PlaybookRunner &runner)
{
    const auto index = std::min<std::size_t>(std::size_t(runner.currentStep()), runner.steps().size() - 1);
    return runner.steps()[index].message + QStringLiteral(" / ") + runner.steps()[index].observed;
}

} // namespace

// The shipped playbooks against the real demo plant, over inproc:// sockets.
class TestPlaybookPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isolateThenRampBack();
    void failedGateIsolatesAgain();
    void cascadingLatencyDegradesTheSlowService();
};

void TestPlaybookPlant::isolateThenRampBack()
{
    // servo-controller is down from 3 s to 23 s.
    RunningPlant running({ FaultSpec { servo.toStdString(), FaultKind::Crash, 3, 20 } });
    const QString startError = running.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const auto &metrics = running.metrics;
    const PlaybookLibrary library = PlaybookLibrary::builtIn();
    const Playbook *dependencyDown = library.find(QStringLiteral("dependency-down"));
    QVERIFY(dependencyDown);

    // The playbook applies once heartbeats have been missing for 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(*dependencyDown, servo, metrics), 30000);
    const auto suggestions = suggestPlaybooks(library, metrics);
    const bool suggested = std::any_of(suggestions.begin(), suggestions.end(),
        [&](const auto &suggestion) { return suggestion.service == servo && suggestion.playbook == dependencyDown; });
    QVERIFY(suggested);
    const QStringList callers = metrics.callers(servo);
    QVERIFY2(!callers.isEmpty(), "no callers of the crashed service were seen");

    testing::RecordingSink sink;
    PlaybookRunner runner(&running.commands, &metrics, &sink);
    runner.setOperatorName(QStringLiteral("tester"));
    confirmAutomatically(runner);
    QVERIFY(runner.start(*dependencyDown, servo));

    // Isolation is applied at once; the callers' error rate then has to stay under 5 % for 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    QVERIFY2(runner.status() == Status::Completed, qPrintable(stoppedAt(runner)));
    QCOMPARE(sink.count(EventKind::ActionApplied), 1);
    QCOMPARE(sink.count(EventKind::PlaybookCheckPassed), 1);
    for (const QString &caller : callers) {
        const auto callerMetrics = metrics.service(caller);
        QVERIFY(callerMetrics);
        QVERIFY2(callerMetrics->errorRate < 0.05, qPrintable(caller));
    }

    // Once the crash is over, the isolated service is healthy and the recovery ramp applies.
    const Playbook ramp = shortRecoveryRamp(library);
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(ramp, servo, metrics), 40000);
    QVERIFY(runner.start(ramp, servo));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    QVERIFY2(runner.status() == Status::Completed, qPrintable(stoppedAt(runner)));
    QCOMPARE(appliedActions(sink),
        (QStringList { QStringLiteral("isolate"), QStringLiteral("ramp5"), QStringLiteral("ramp25"),
            QStringLiteral("ramp50"), QStringLiteral("ramp100"), QStringLiteral("restore") }));
    QCOMPARE(metrics.service(servo)->mode, ServiceMode::Normal);
}

void TestPlaybookPlant::failedGateIsolatesAgain()
{
    // servo-controller fails most of its requests throughout; isolated, it serves none and looks healthy.
    RunningPlant running({ FaultSpec { servo.toStdString(), FaultKind::Errors, 0, 0 } });
    const QString startError = running.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const auto &metrics = running.metrics;

    const PlaybookLibrary library = PlaybookLibrary::builtIn();
    const Playbook *dependencyDown = library.find(QStringLiteral("dependency-down"));
    QVERIFY(dependencyDown);
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(*dependencyDown, servo, metrics), 30000);

    testing::RecordingSink sink;
    PlaybookRunner runner(&running.commands, &metrics, &sink);
    confirmAutomatically(runner);
    QVERIFY(runner.start(*dependencyDown, servo));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    QVERIFY2(runner.status() == Status::Completed, qPrintable(stoppedAt(runner)));

    // At 5 % of the traffic the errors return, so the first gate fails and the roll-back isolates it.
    const Playbook ramp = shortRecoveryRamp(library);
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(ramp, servo, metrics), 30000);
    QVERIFY(runner.start(ramp, servo));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    QVERIFY2(runner.status() == Status::RolledBack, qPrintable(stoppedAt(runner)));
    QCOMPARE(appliedActions(sink),
        (QStringList { QStringLiteral("isolate"), QStringLiteral("ramp5"), QStringLiteral("isolate") }));
    QTRY_COMPARE_WITH_TIMEOUT(metrics.service(servo)->mode, ServiceMode::Isolated, 5000);
}

void TestPlaybookPlant::cascadingLatencyDegradesTheSlowService()
{
    // servo-controller turns slow at 3 s and stays slow, so its callers wait on it.
    RunningPlant running({ FaultSpec { servo.toStdString(), FaultKind::Latency, 3, 0 } });
    const QString startError = running.start();
    QVERIFY2(startError.isEmpty(), qPrintable(startError));
    const auto &metrics = running.metrics;
    const PlaybookLibrary library = PlaybookLibrary::builtIn();
    const Playbook *cascading = library.find(QStringLiteral("cascading-latency"));
    QVERIFY(cascading);
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(*cascading, servo, metrics), 30000);
    const QStringList callers = metrics.callers(servo);
    QVERIFY2(!callers.isEmpty(), "no callers of the slow service were seen");
    const auto slowest = [&] {
        double p99 = 0;
        for (const QString &caller : callers)
            p99 = std::max(p99, metrics.service(caller) ? metrics.service(caller)->latencyP99Ms : 0.0);
        return p99;
    };
    QTRY_VERIFY_WITH_TIMEOUT(slowest() > 500, 20000);

    testing::RecordingSink sink;
    PlaybookRunner runner(&running.commands, &metrics, &sink);
    confirmAutomatically(runner);
    QVERIFY(runner.start(*cascading, servo));

    // Degrading the slow service is enough: its callers' p99 falls under 500 ms and stays there.
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 60000);
    QVERIFY2(runner.status() == Status::Completed, qPrintable(stoppedAt(runner)));
    QCOMPARE(appliedActions(sink), QStringList { QStringLiteral("degrade") });
    QCOMPARE(sink.count(EventKind::PlaybookCheckPassed), 1);
    QCOMPARE(metrics.service(servo)->mode, ServiceMode::Degraded);
    const auto *reported = running.topology.service(servo.toStdString());
    QVERIFY(reported);
    QVERIFY(reported->cacheAgeMs.has_value());
    QVERIFY2(slowest() < 500, qPrintable(QString::number(slowest())));
}

QTEST_GUILESS_MAIN(TestPlaybookPlant)
#include "tst_playbookplant.moc"
