// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
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

// The shipped playbooks against the real demo plant, over inproc:// sockets: the crashed service is
// suggested, isolated through the command client, its callers recover, and once the crash is over
// the recovery ramp brings the service back to normal.
class TestPlaybookPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isolateThenRampBack();
};

void TestPlaybookPlant::isolateThenRampBack()
{
    const QString crashed = QStringLiteral("servo-controller");
    DemoPlant::Options options;
    options.topology = PlantTopology::builtIn();
    options.publishEndpoint = "inproc://tst-playbookplant-streams";
    options.controlEndpoint = "inproc://tst-playbookplant-control";
    options.seed = 11;
    options.faults = { FaultSpec { crashed.toStdString(), FaultKind::Crash, 3, 20 } };
    DemoPlant plant(options);
    const auto plantError = plant.start();
    QVERIFY2(!plantError, plantError ? qPrintable(plantError->message) : "");

    LiveTopology topology;
    IngestClient ingest;
    connect(&ingest, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    IngestClient::Options ingestOptions;
    ingestOptions.endpoints = { plant.publishEndpoint() };
    const auto ingestError = ingest.start(ingestOptions);
    QVERIFY2(!ingestError, ingestError ? qPrintable(ingestError->message) : "");

    CommandClient commands({ plant.controlEndpoint() });
    const auto commandError = commands.start();
    QVERIFY2(!commandError, commandError ? qPrintable(commandError->message) : "");

    const LiveTopologyMetrics metrics(&topology);
    const PlaybookLibrary library = PlaybookLibrary::builtIn();
    const Playbook *dependencyDown = library.find(QStringLiteral("dependency-down"));
    QVERIFY(dependencyDown);

    // The crash starts after 3 s; the playbook applies once heartbeats have been missing for 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(*dependencyDown, crashed, metrics), 30000);
    const auto suggestions = suggestPlaybooks(library, metrics);
    const bool suggested = std::any_of(suggestions.begin(), suggestions.end(),
        [&](const auto &suggestion) { return suggestion.service == crashed && suggestion.playbook == dependencyDown; });
    QVERIFY(suggested);
    const QStringList callers = metrics.callers(crashed);
    QVERIFY2(!callers.isEmpty(), "no callers of the crashed service were seen");

    testing::RecordingSink sink;
    PlaybookRunner runner(&commands, &metrics, &sink);
    runner.setOperatorName(QStringLiteral("tester"));
    connect(&runner, &PlaybookRunner::statusChanged, &runner, [&runner](Status status) {
        if (status == Status::AwaitingConfirmation)
            QTimer::singleShot(0, &runner, &PlaybookRunner::confirm);
    });
    QVERIFY(runner.start(*dependencyDown, crashed));

    // Isolation is applied at once; the callers' error rate then has to stay under 5 % for 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    QVERIFY2(runner.status() == Status::Completed,
        qPrintable(runner.steps()[1].message + QStringLiteral(" / ") + runner.steps()[1].observed));
    QCOMPARE(sink.count(EventKind::ActionApplied), 1);
    QCOMPARE(sink.count(EventKind::PlaybookCheckPassed), 1);
    for (const QString &caller : callers) {
        const auto callerMetrics = metrics.service(caller);
        QVERIFY(callerMetrics);
        QVERIFY2(callerMetrics->errorRate < 0.05, qPrintable(caller));
    }

    // The crash ends after 23 s; the recovery ramp applies once the isolated service is healthy again.
    Playbook ramp = *library.find(QStringLiteral("recovery-ramp"));
    for (auto &step : ramp.steps) {
        if (step.check) {
            step.check->within = std::chrono::seconds(15);
            step.check->hold = std::min(step.check->hold, std::chrono::milliseconds(1500));
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(playbookApplies(ramp, crashed, metrics), 40000);
    QVERIFY(runner.start(ramp, crashed));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isActive(), 70000);
    // On failure, name the step where the run stopped and what its check measured.
    const auto stopped = std::min<std::size_t>(std::size_t(runner.currentStep()), ramp.steps.size() - 1);
    const auto &record = runner.steps()[stopped];
    QVERIFY2(
        runner.status() == Status::Completed, qPrintable(record.message + QStringLiteral(" / ") + record.observed));
    QStringList applied;
    for (const auto &event : sink.events) {
        if (event.kind == EventKind::ActionApplied)
            applied.append(
                event.details.value(QStringLiteral("operation")) + event.details.value(QStringLiteral("percent")));
    }
    QCOMPARE(applied,
        (QStringList { QStringLiteral("isolate"), QStringLiteral("ramp5"), QStringLiteral("ramp25"),
            QStringLiteral("ramp50"), QStringLiteral("ramp100"), QStringLiteral("restore") }));
    QCOMPARE(metrics.service(crashed)->mode, ServiceMode::Normal);

    ingest.stop();
    plant.stop();
}

QTEST_GUILESS_MAIN(TestPlaybookPlant)
#include "tst_playbookplant.moc"
