// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The main window fed by the demo plant through the ingest thread over inproc sockets, as `faultline --demo` runs.
#include <QTest>

#include "graphview.h"
#include "ingest/ingestclient.h"
#include "mainwindow.h"
#include "publisherstatuswidget.h"
#include "servicenodeitem.h"
#include "sim/demoplant.h"
#include "topology/livetopology.h"

using namespace faultline;

class TestDemoConsole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoPlantFillsWindow();
};

void TestDemoConsole::demoPlantFillsWindow()
{
    DemoPlant::Options options;
    options.topology = PlantTopology::builtIn();
    options.publishEndpoint = "inproc://tst-democonsole-pub";
    options.controlEndpoint = "inproc://tst-democonsole-control";
    options.seed = 3;
    options.faults = { { "servo-controller", FaultKind::Crash, 2.0, 0 } };
    const auto serviceCount = int(options.topology.services().size());

    DemoPlant plant(std::move(options));
    LiveTopology topology;
    MainWindow window(&topology);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    IngestClient client;
    connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    const auto plantError = plant.start();
    QVERIFY2(!plantError, plantError ? qPrintable(plantError->message) : "");
    IngestClient::Options ingest;
    ingest.endpoints = { plant.publishEndpoint() };
    const auto ingestError = client.start(ingest);
    QVERIFY2(!ingestError, ingestError ? qPrintable(ingestError->message) : "");

    GraphView *view = window.graphView();
    QTRY_VERIFY_WITH_TIMEOUT(view->nodeCount() >= serviceCount, 15'000);
    QTRY_VERIFY_WITH_TIMEOUT(view->edgeCount() > 0, 15'000);
    QCOMPARE(window.publisherStatus()->streamStatus(), PublisherStatusWidget::StreamStatus::Receiving);
    QCOMPARE(window.publisherStatus()->publisherTexts().size(), 1);

    // The crashed service stops sending heartbeats and must turn stale, never stay ok.
    ServiceNodeItem *crashed = view->nodeItem(QStringLiteral("servo-controller"));
    QVERIFY(crashed);
    QTRY_COMPARE_WITH_TIMEOUT(crashed->snapshot().state, ServiceState::Stale, 20'000);

    client.stop();
    plant.stop();
}

QTEST_MAIN(TestDemoConsole)
#include "tst_democonsole.moc"
