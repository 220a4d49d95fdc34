// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// An incident handled end to end in the console offscreen. The demo plant loses servo-controller and
// the first critical alarm opens an incident. The operator isolates the service from the Service
// menu and notes what was done, the plant recovers, and the closed incident exports to all four
// formats. Real sockets on loopback throughout.
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "control/commandclient.h"
#include "health/livealarms.h"
#include "incident/exporters/incidentexport.h"
#include "incident/incidentmanager.h"
#include "ingest/ingestclient.h"
#include "mainwindow.h"
#include "operationsconsole.h"
#include "serviceactions.h"
#include "sim/demoplant.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace
{

constexpr int openTimeoutMs = 20'000;
constexpr int recoveryTimeoutMs = 20'000;

bool hasEvent(const Incident &incident, EventKind kind, const QString &service = {})
{
    return std::any_of(incident.events.begin(), incident.events.end(), [&](const IncidentEvent &event) {
        return event.kind == kind && (service.isEmpty() || event.service == service);
    });
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestDemoIncident : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashIsolatedAndExported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        DemoPlant::Options plantOptions;
        plantOptions.topology = PlantTopology::builtIn();
        plantOptions.publishEndpoint = "tcp://127.0.0.1:*";
        plantOptions.controlEndpoint = "tcp://127.0.0.1:*";
        plantOptions.seed = 11;
        plantOptions.faults = { FaultSpec { "servo-controller", FaultKind::Crash, 3.0, 120.0 } };
        DemoPlant plant(std::move(plantOptions));
        const auto plantError = plant.start();
        QVERIFY2(!plantError, plantError ? qPrintable(plantError->message) : "");

        CommandClient control({ plant.controlEndpoint() });
        QVERIFY(!control.start());
        LiveTopology topology;
        MainWindow window(&topology);
        OperationsConsole::Options options;
        options.operatorName = QStringLiteral("dana");
        options.store = IncidentStore(dir.path());
        auto *console = new OperationsConsole(&window, &topology, &control, options);
        IngestClient ingest;
        QObject::connect(&ingest, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
        console->connectIngest(&ingest);
        IngestClient::Options ingestOptions;
        ingestOptions.endpoints = { plant.publishEndpoint() };
        QVERIFY(!ingest.start(ingestOptions));

        // The crash raises a critical alarm, which opens the incident by itself.
        auto *incidents = console->incidents();
        QTRY_VERIFY_WITH_TIMEOUT(incidents->hasOpenIncident(), openTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!console->alarms()->alarms().empty(), openTimeoutMs);
        // The ranking settles on the crashed service once its heartbeats are missed.
        QTRY_VERIFY_WITH_TIMEOUT(!console->alarms()->suspects().empty()
                && console->alarms()->suspects().front().service == "servo-controller",
            openTimeoutMs);
        // The cascade reaches the entry point before anyone acts.
        QTRY_VERIFY_WITH_TIMEOUT(
            topology.service("line-controller") && topology.service("line-controller")->errorRate > 0.2, openTimeoutMs);

        // The operator isolates the top suspect from the Service menu and confirms.
        auto *actions = console->actions();
        actions->setConfirmPrompt([](ControlOperation, const QString &) {
            ServiceActions::Confirmation confirmation;
            confirmation.reason = QStringLiteral("servo-controller is down; callers fall back");
            return std::optional(confirmation);
        });
        actions->setCurrentService(QStringLiteral("servo-controller"));
        actions->action(ControlOperation::Isolate)->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            hasEvent(*incidents->currentIncident(), EventKind::ActionApplied, QStringLiteral("servo-controller")),
            10'000);

        // With the callee isolated its callers serve fallback data and stop failing.
        QTRY_VERIFY_WITH_TIMEOUT(topology.service("line-controller")
                && topology.service("line-controller")->errorRate < 0.05
                && topology.service("plc-gateway")->fallbacks > 0,
            recoveryTimeoutMs);

        incidents->addNote(QStringLiteral("dana"), QStringLiteral("servo drive swapped; restore after the test run"),
            QStringLiteral("servo-controller"));
        QVERIFY(!incidents->closeIncident(QStringLiteral("dana"), QStringLiteral("isolated servo-controller")));
        ingest.stop();
        plant.stop();

        const Incident incident = *incidents->currentIncident();
        QCOMPARE(incident.state, IncidentState::Closed);
        QVERIFY(hasEvent(incident, EventKind::AlarmRaised));
        QVERIFY(hasEvent(incident, EventKind::ActionSent, QStringLiteral("servo-controller")));
        QVERIFY(hasEvent(incident, EventKind::OperatorNote));

        const auto markdown = dir.filePath(QStringLiteral("incident.md"));
        const auto json = dir.filePath(QStringLiteral("incident.json"));
        const auto csv = dir.filePath(QStringLiteral("incident.csv"));
        const auto html = dir.filePath(QStringLiteral("incident.html"));
        QVERIFY(!IncidentExport::exportTo(incident, ExportFormat::Markdown, markdown));
        QVERIFY(!IncidentExport::exportTo(incident, ExportFormat::Json, json));
        QVERIFY(!IncidentExport::exportTo(incident, ExportFormat::Csv, csv));
        QVERIFY(!IncidentExport::exportTo(incident, ExportFormat::Html, html));

        const auto markdownText = QString::fromUtf8(readFile(markdown));
        QVERIFY(markdownText.contains(QStringLiteral("servo-controller")));
        QVERIFY(markdownText.contains(QStringLiteral("servo drive swapped")));
        QVERIFY(markdownText.contains(QStringLiteral("isolate")));

        const auto document = QJsonDocument::fromJson(readFile(json)).object();
        QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(document.value(QStringLiteral("events")).toArray().size(), qsizetype(incident.events.size()));

        const auto csvText = QString::fromUtf8(readFile(csv));
        QCOMPARE(csvText.count(QStringLiteral("servo drive swapped")), 1);

        const auto htmlText = QString::fromUtf8(readFile(html));
        QVERIFY(htmlText.contains(QStringLiteral("<svg")));
        QVERIFY(htmlText.contains(QStringLiteral("servo-controller")));
    }
};

QTEST_MAIN(TestDemoIncident)
#include "tst_demoincident.moc"
