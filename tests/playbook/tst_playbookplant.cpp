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

// The shipped dependency-down playbook against the real demo plant, over inproc:// sockets: the
// crashed service is suggested, isolated through the command client, and its callers recover.
class TestPlaybookPlant : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dependencyDownIsolatesCrashedService();
};

void TestPlaybookPlant::dependencyDownIsolatesCrashedService()
{
    const QString crashed = QStringLiteral("servo-controller");
    DemoPlant::Options options;
    options.topology = PlantTopology::builtIn();
    options.publishEndpoint = "inproc://tst-playbookplant-streams";
    options.controlEndpoint = "inproc://tst-playbookplant-control";
    options.seed = 11;
    options.faults = { FaultSpec { crashed.toStdString(), FaultKind::Crash, 3, 0 } };
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

    ingest.stop();
    plant.stop();
}

QTEST_GUILESS_MAIN(TestPlaybookPlant)
#include "tst_playbookplant.moc"
