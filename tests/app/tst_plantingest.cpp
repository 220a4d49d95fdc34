// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The demo plant and the ingest thread together, over real loopback sockets.
#include <set>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "ingest/ingestclient.h"
#include "sim/demoplant.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace {

using EdgeSet = std::set<std::pair<std::string, std::string>>;

EdgeSet edgesOf(const LiveTopology &topology)
{
    EdgeSet edges;
    for (const auto &[key, edge] : topology.edges())
        edges.insert(key);
    return edges;
}

// The edges as the faultline-sim executable prints them, so the test also checks its output.
EdgeSet printedTopologyEdges()
{
    QProcess sim;
    sim.start(QStringLiteral(FAULTLINE_BINARY_DIR "/app/faultline-sim"), {QStringLiteral("--print-topology")});
    if (!sim.waitForFinished(10000) || sim.exitCode() != 0)
        return {};
    const auto document = QJsonDocument::fromJson(sim.readAllStandardOutput());
    EdgeSet edges;
    for (const auto &value : document.object().value(QLatin1String("edges")).toArray()) {
        const auto edge = value.toObject();
        edges.insert({edge.value(QLatin1String("caller")).toString().toStdString(),
                      edge.value(QLatin1String("callee")).toString().toStdString()});
    }
    return edges;
}

struct Running {
    DemoPlant plant;
    IngestClient client;
    LiveTopology topology;

    explicit Running(DemoPlant::Options options)
        : plant(std::move(options))
    {
        QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    }

    bool start()
    {
        if (auto error = plant.start()) {
            qWarning() << "plant:" << error->message;
            return false;
        }
        IngestClient::Options options;
        options.endpoints = {plant.publishEndpoint()};
        if (auto error = client.start(options)) {
            qWarning() << "ingest:" << error->message;
            return false;
        }
        return true;
    }
};

DemoPlant::Options loopbackOptions()
{
    DemoPlant::Options options;
    options.topology = PlantTopology::builtIn();
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    options.seed = 7;
    return options;
}

} // namespace

class TestPlantIngest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivedEdgesEqualPrintedTopology()
    {
        const auto expected = printedTopologyEdges();
        QCOMPARE(int(expected.size()), int(PlantTopology::builtIn().edges().size()));
        QVERIFY(expected.size() >= 14);

        Running running(loopbackOptions());
        QVERIFY(running.start());
        QVERIFY(QTest::qWaitFor([&] { return edgesOf(running.topology) == expected; }, 15000));
        // A few more seconds of traffic must not add an edge that the plant does not have.
        QTest::qWait(2000);
        QCOMPARE(edgesOf(running.topology), expected);

        QCOMPARE(int(running.topology.services().size()), 14);
        QVERIFY(QTest::qWaitFor([&] {
            for (const auto &[name, service] : running.topology.services()) {
                if (service.state != ServiceState::Ok)
                    return false;
            }
            return true;
        }, 10000));
        const auto &publishers = running.topology.publishers();
        QVERIFY(!publishers.empty());
        for (const auto &publisher : publishers)
            QCOMPARE(publisher.malformed, std::uint64_t(0));
    }

    void crashedServiceTurnsStale()
    {
        auto options = loopbackOptions();
        FaultSpec crash;
        crash.service = "servo-controller";
        crash.kind = FaultKind::Crash;
        crash.startS = 4;
        options.faults = {crash};
        Running running(options);
        QVERIFY(running.start());

        const auto errorRate = [&](const char *name) {
            const auto *service = running.topology.service(name);
            return service ? service->errorRate : -1.0;
        };
        QVERIFY(QTest::qWaitFor([&] {
            const auto *servo = running.topology.service("servo-controller");
            return servo && servo->state == ServiceState::Ok;
        }, 4000));
        const double plcBefore = errorRate("plc-gateway");
        QVERIFY(plcBefore >= 0 && plcBefore < 0.05);

        // The crash starts 4 s after the plant; staleness must follow within three heartbeat intervals
        // of the last heartbeat, plus one delta interval for the console to hear of it.
        QVERIFY(QTest::qWaitFor([&] {
            return running.topology.service("servo-controller")->state == ServiceState::Stale;
        }, 10000));
        const auto *servo = running.topology.service("servo-controller");
        QVERIFY(servo->lastHeartbeatMs > 0);
        QCOMPARE(servo->rps, 0.0);

        // Its direct caller fails the requests that time out on it, and so does the caller above that.
        QVERIFY(QTest::qWaitFor([&] { return errorRate("plc-gateway") > plcBefore + 0.05; }, 8000));
        QVERIFY(QTest::qWaitFor([&] { return errorRate("line-controller") > 0.05; }, 8000));
        QVERIFY(running.topology.service("plc-gateway")->state != ServiceState::Ok);
    }
};

QTEST_GUILESS_MAIN(TestPlantIngest)
#include "tst_plantingest.moc"
