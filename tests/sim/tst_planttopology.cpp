// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <map>
#include <set>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "sim/planttopology.h"

using namespace faultline;

namespace
{

// A valid three-service plant, a -> b -> c, which the rejection rows break one field at a time.
QByteArray smallPlant(const QString &servicesJson = {}, const QString &edgesJson = {}, const QString &entriesJson = {})
{
    const QString services = servicesJson.isEmpty()
        ? QStringLiteral(R"([{"name":"a","criticality":"core"},{"name":"b","criticality":"important"},)"
                         R"({"name":"c","criticality":"minor"}])")
        : servicesJson;
    const QString edges = edgesJson.isEmpty()
        ? QStringLiteral(R"([{"caller":"a","callee":"b"},{"caller":"b","callee":"c"}])")
        : edgesJson;
    const QString entries = entriesJson.isEmpty() ? QStringLiteral(R"([{"service":"a","share":1}])") : entriesJson;
    return QStringLiteral(R"({"services":%1,"edges":%2,"entry_points":%3})").arg(services, edges, entries).toUtf8();
}

std::set<std::pair<std::string, std::string>> edgeSet(const PlantTopology &topology)
{
    std::set<std::pair<std::string, std::string>> edges;
    for (const auto &edge : topology.edges())
        edges.emplace(edge.caller, edge.callee);
    return edges;
}

} // namespace

class TestPlantTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInPlantServices();
    void builtInPlantEdges();
    void builtInPlantDepth();
    void builtInEdgesBusyAtDefaultRate();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void saveLoadRoundTrip();
    void loadMissingFile();
    void loadHugePlant();
    void rejectsTooManyServices();
    void summaryJsonShape();
};

void TestPlantTopology::builtInPlantServices()
{
    const auto topology = PlantTopology::builtIn();
    QCOMPARE(topology.validate().has_value(), false);
    QCOMPARE(topology.services().size(), std::size_t(14));

    const std::map<std::string, std::pair<Criticality, int>> expected = {
        { "line-controller", { Criticality::Core, 1 } },
        { "order-gateway", { Criticality::Important, 1 } },
        { "mes-scheduler", { Criticality::Core, 1 } },
        { "recipe-service", { Criticality::Important, 1 } },
        { "plc-gateway", { Criticality::Core, 2 } },
        { "servo-controller", { Criticality::Core, 3 } },
        { "robot-arm", { Criticality::Core, 2 } },
        { "vision-inspection", { Criticality::Important, 2 } },
        { "conveyor", { Criticality::Core, 1 } },
        { "historian", { Criticality::Minor, 1 } },
        { "analytics", { Criticality::Minor, 1 } },
        { "alarm-service", { Criticality::Important, 1 } },
        { "inventory", { Criticality::Important, 1 } },
        { "quality-db", { Criticality::Important, 1 } },
    };
    for (const auto &[name, properties] : expected) {
        const PlantService *service = topology.service(name);
        QVERIFY2(service, name.c_str());
        QCOMPARE(service->criticality, properties.first);
        QCOMPARE(service->instances, properties.second);
        QVERIFY(service->capacity >= 1);
        QVERIFY(service->baseLatencyMs > 0);
    }
}

void TestPlantTopology::builtInPlantEdges()
{
    const std::set<std::pair<std::string, std::string>> expected = {
        { "order-gateway", "mes-scheduler" },
        { "order-gateway", "inventory" },
        { "line-controller", "mes-scheduler" },
        { "line-controller", "plc-gateway" },
        { "line-controller", "vision-inspection" },
        { "line-controller", "alarm-service" },
        { "mes-scheduler", "recipe-service" },
        { "mes-scheduler", "inventory" },
        { "mes-scheduler", "historian" },
        { "recipe-service", "quality-db" },
        { "plc-gateway", "servo-controller" },
        { "plc-gateway", "conveyor" },
        { "plc-gateway", "robot-arm" },
        { "robot-arm", "servo-controller" },
        { "vision-inspection", "quality-db" },
        { "vision-inspection", "analytics" },
        { "historian", "analytics" },
        { "alarm-service", "historian" },
        { "conveyor", "alarm-service" },
    };
    QCOMPARE(edgeSet(PlantTopology::builtIn()), expected);
}

void TestPlantTopology::builtInPlantDepth()
{
    // Levels of the longest chain from an entry point: line-controller is level 1.
    const auto topology = PlantTopology::builtIn();
    std::map<std::string, int> level;
    for (const auto &entry : topology.entryPoints())
        level[entry.service] = 1;
    for (std::size_t round = 0; round < topology.services().size(); ++round) {
        for (const auto &edge : topology.edges()) {
            if (level.count(edge.caller))
                level[edge.callee] = std::max(level[edge.callee], level[edge.caller] + 1);
        }
    }
    int deepest = 0;
    for (const auto &[name, value] : level)
        deepest = std::max(deepest, value);
    QVERIFY2(deepest >= 4, qPrintable(QStringLiteral("deepest level %1").arg(deepest)));
    QCOMPARE(level.size(), topology.services().size());
}

void TestPlantTopology::builtInEdgesBusyAtDefaultRate()
{
    // Each edge must carry several calls per second at 200 requests/s, so a few seconds show all of them.
    const auto topology = PlantTopology::builtIn();
    const auto visits = topology.expectedVisitsPerRequest();
    for (const auto &edge : topology.edges()) {
        const double callsPerSecond = 200 * visits[*topology.indexOf(edge.caller)] * edge.callsPerRequest;
        QVERIFY2(callsPerSecond >= 5,
            qPrintable(QStringLiteral("%1 -> %2: %3 calls/s")
                           .arg(QString::fromStdString(edge.caller), QString::fromStdString(edge.callee))
                           .arg(callsPerSecond)));
    }
}

void TestPlantTopology::rejectsInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("messagePart");

    const auto services = [](const char *json) { return QString::fromLatin1(json); };
    QTest::newRow("text that is not JSON") << QByteArray("{\"services\": [") << QString() << "not valid JSON";
    QTest::newRow("array instead of object") << QByteArray("[]") << QString() << "must contain a JSON object";
    QTest::newRow("services array missing") << QByteArray(R"({"edges":[],"entry_points":[]})") << "services"
                                            << "no \"services\" array";
    QTest::newRow("services not an array") << QByteArray(R"({"services":{},"entry_points":[]})") << "services"
                                           << "must be an array";
    QTest::newRow("service without name") << smallPlant(services(R"([{"criticality":"core"}])")) << "services[0].name"
                                          << "name is missing";
    QTest::newRow("unknown criticality") << smallPlant(services(R"([{"name":"a","criticality":"urgent"}])"))
                                         << "services[0].criticality"
                                         << "services[0] (a): criticality 'urgent'";
    QTest::newRow("fractional instances")
        << smallPlant(services(R"([{"name":"a","criticality":"core","instances":1.5}])")) << "services[0].instances"
        << "services[0] (a): instances must be a whole number";
    QTest::newRow("zero instances") << smallPlant(services(R"([{"name":"a","criticality":"core","instances":0}])"))
                                    << "services[0].instances"
                                    << "from 1 to 1000, not 0";
    QTest::newRow("negative base latency")
        << smallPlant(services(R"([{"name":"a","criticality":"core","base_latency_ms":-2}])"))
        << "services[0].base_latency_ms"
        << "services[0] (a): base_latency_ms must be from 0.01";
    QTest::newRow("capacity given as a string")
        << smallPlant(services(R"([{"name":"a","criticality":"core","capacity":"10"}])")) << "services[0].capacity"
        << "capacity must be a number";
    QTest::newRow("zero timeout") << smallPlant(services(R"([{"name":"a","criticality":"core","timeout_ms":0}])"))
                                  << "services[0].timeout_ms"
                                  << "timeout_ms must be from 1";
    QTest::newRow("misspelt field") << smallPlant(services(R"([{"name":"a","criticality":"core","instnces":2}])"))
                                    << "services[0].instnces"
                                    << "instnces is not a known field";
    QTest::newRow("duplicate service name")
        << smallPlant(services(R"([{"name":"a","criticality":"core"},{"name":"a","criticality":"core"}])"))
        << "services[1].name"
        << "is already used by services[0]";
    QTest::newRow("service name with a space")
        << smallPlant(services(R"([{"name":"robot arm","criticality":"core"}])")) << "services[0].name"
        << "'robot arm' is not a valid service name";
    QTest::newRow("edge to an unknown callee")
        << smallPlant({}, QStringLiteral(R"([{"caller":"a","callee":"b"},{"caller":"b","callee":"zz"}])"))
        << "edges[1].callee"
        << "edges[1] (b -> zz): callee 'zz' is not a service";
    QTest::newRow("edge from an unknown caller")
        << smallPlant({}, QStringLiteral(R"([{"caller":"q","callee":"b"}])")) << "edges[0].caller"
        << "caller 'q' is not a service";
    QTest::newRow("service calling itself")
        << smallPlant({}, QStringLiteral(R"([{"caller":"a","callee":"a"}])")) << "edges[0].callee"
        << "cannot call itself";
    QTest::newRow("same edge twice") << smallPlant(
        {}, QStringLiteral(R"([{"caller":"a","callee":"b"},{"caller":"b","callee":"c"},{"caller":"a","callee":"b"}])"))
                                     << "edges[2].callee"
                                     << "repeats an earlier edge";
    QTest::newRow("zero calls per request") << smallPlant(
        {}, QStringLiteral(R"([{"caller":"a","callee":"b","calls_per_request":0},{"caller":"b","callee":"c"}])"))
                                            << "edges[0].calls_per_request"
                                            << "must be from 0.001 to 20";
    QTest::newRow("fifty calls per request") << smallPlant(
        {}, QStringLiteral(R"([{"caller":"a","callee":"b","calls_per_request":50},{"caller":"b","callee":"c"}])"))
                                             << "edges[0].calls_per_request"
                                             << "not 50";
    QTest::newRow("fallback given as a number")
        << smallPlant({}, QStringLiteral(R"([{"caller":"a","callee":"b","fallback":1},{"caller":"b","callee":"c"}])"))
        << "edges[0].fallback"
        << "fallback must be true or false";
    QTest::newRow("calls forming a cycle") << smallPlant(
        {}, QStringLiteral(R"([{"caller":"a","callee":"b"},{"caller":"b","callee":"c"},{"caller":"c","callee":"b"}])"))
                                           << "edges"
                                           << "cycle (b -> c -> b)";
    QTest::newRow("service no entry point reaches")
        << smallPlant({}, QStringLiteral(R"([{"caller":"a","callee":"b"}])")) << "services[2].name"
        << "services[2] (c): name is not reachable";
    QTest::newRow("no entry points") << smallPlant({}, {}, QStringLiteral("[]")) << "entry_points"
                                     << "no entry points";
    QTest::newRow("entry point of an unknown service")
        << smallPlant({}, {}, QStringLiteral(R"([{"service":"x","share":1}])")) << "entry_points[0].service"
        << "service 'x' is not a service";
    QTest::newRow("entry point listed twice")
        << smallPlant({}, {}, QStringLiteral(R"([{"service":"a"},{"service":"a"}])")) << "entry_points[1].service"
        << "is an entry point twice";
    QTest::newRow("entry share of zero") << smallPlant({}, {}, QStringLiteral(R"([{"service":"a","share":0}])"))
                                         << "entry_points[0].share"
                                         << "share must be a positive number";
    QTest::newRow("unknown top-level field")
        << QByteArray(R"({"services":[],"entry_points":[],"servces":[]})") << "topology.servces"
        << "servces is not a known field";

    // Twenty calls on each of four levels: 20 + 400 + 8000 calls per request.
    QString fanOutServices = QStringLiteral("[");
    QString fanOutEdges = QStringLiteral("[");
    for (int i = 0; i < 5; ++i) {
        fanOutServices
            += QStringLiteral(R"(%1{"name":"s%2","criticality":"core"})").arg(QLatin1String(i ? "," : "")).arg(i);
        if (i > 0)
            fanOutEdges += QStringLiteral(R"(%1{"caller":"s%2","callee":"s%3","calls_per_request":20})")
                               .arg(QLatin1String(i > 1 ? "," : ""))
                               .arg(i - 1)
                               .arg(i);
    }
    QTest::newRow("fan-out that explodes per request") << smallPlant(
        fanOutServices + QLatin1Char(']'), fanOutEdges + QLatin1Char(']'), QStringLiteral(R"([{"service":"s0"}])"))
                                                       << "edges"
                                                       << "calls on average";

    // A chain one level longer than the simulator's bound.
    QJsonArray chainServices;
    QJsonArray chainEdges;
    for (int i = 0; i <= PlantTopology::maxCallDepth; ++i) {
        chainServices.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("c%1").arg(i) },
            { QStringLiteral("criticality"), QStringLiteral("minor") } });
        if (i > 0)
            chainEdges.append(QJsonObject { { QStringLiteral("caller"), QStringLiteral("c%1").arg(i - 1) },
                { QStringLiteral("callee"), QStringLiteral("c%1").arg(i) } });
    }
    const QJsonObject chain { { QStringLiteral("services"), chainServices }, { QStringLiteral("edges"), chainEdges },
        { QStringLiteral("entry_points"),
            QJsonArray { QJsonObject { { QStringLiteral("service"), QStringLiteral("c0") } } } } };
    QTest::newRow("call chain deeper than the bound")
        << QJsonDocument(chain).toJson() << QStringLiteral("services[%1].name").arg(PlantTopology::maxCallDepth)
        << "is 65 calls deep";
}

void TestPlantTopology::rejectsInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, messagePart);

    const auto result = PlantTopology::fromJson(json, QStringLiteral("plant.json"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    QVERIFY2(result.error().message.startsWith(QLatin1String("plant.json")), qPrintable(result.error().message));
    if (!where.isEmpty())
        QCOMPARE(result.error().where, where);
}

void TestPlantTopology::saveLoadRoundTrip()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("plant.json"));

    const auto original = PlantTopology::builtIn();
    QCOMPARE(original.save(path).has_value(), false);
    const auto loaded = PlantTopology::load(path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));

    QCOMPARE(loaded->services().size(), original.services().size());
    for (std::size_t i = 0; i < original.services().size(); ++i) {
        const auto &a = original.services()[i];
        const auto &b = loaded->services()[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.criticality, a.criticality);
        QCOMPARE(b.instances, a.instances);
        QCOMPARE(b.baseLatencyMs, a.baseLatencyMs);
        QCOMPARE(b.capacity, a.capacity);
        QCOMPARE(b.timeoutMs, a.timeoutMs);
    }
    QCOMPARE(loaded->edges().size(), original.edges().size());
    for (std::size_t i = 0; i < original.edges().size(); ++i) {
        QCOMPARE(loaded->edges()[i].caller, original.edges()[i].caller);
        QCOMPARE(loaded->edges()[i].callee, original.edges()[i].callee);
        QCOMPARE(loaded->edges()[i].callsPerRequest, original.edges()[i].callsPerRequest);
        QCOMPARE(loaded->edges()[i].fallback, original.edges()[i].fallback);
    }
    QCOMPARE(loaded->entryPoints().size(), original.entryPoints().size());
}

void TestPlantTopology::loadMissingFile()
{
    const auto result = PlantTopology::load(QStringLiteral("/nonexistent/plant.json"));
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QLatin1String("/nonexistent/plant.json")));
    QCOMPARE(result.error().where, QStringLiteral("/nonexistent/plant.json"));
}

void TestPlantTopology::loadHugePlant()
{
    // The maximum number of services as a binary tree: 13 levels, 0.2 calls per edge.
    QJsonArray services;
    QJsonArray edges;
    for (int i = 0; i < PlantTopology::maxServices; ++i) {
        services.append(QJsonObject { { QStringLiteral("name"), QStringLiteral("svc-%1").arg(i) },
            { QStringLiteral("criticality"), QStringLiteral("important") }, { QStringLiteral("instances"), 2 } });
        if (i > 0)
            edges.append(QJsonObject { { QStringLiteral("caller"), QStringLiteral("svc-%1").arg((i - 1) / 2) },
                { QStringLiteral("callee"), QStringLiteral("svc-%1").arg(i) },
                { QStringLiteral("calls_per_request"), 0.2 } });
    }
    const QJsonObject root { { QStringLiteral("services"), services }, { QStringLiteral("edges"), edges },
        { QStringLiteral("entry_points"),
            QJsonArray { QJsonObject { { QStringLiteral("service"), QStringLiteral("svc-0") } } } } };
    const auto result = PlantTopology::fromJson(QJsonDocument(root).toJson(QJsonDocument::Compact));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->services().size(), std::size_t(PlantTopology::maxServices));
    QCOMPARE(result->edges().size(), std::size_t(PlantTopology::maxServices - 1));
}

void TestPlantTopology::rejectsTooManyServices()
{
    std::vector<PlantService> services(std::size_t(PlantTopology::maxServices + 1));
    for (std::size_t i = 0; i < services.size(); ++i)
        services[i].name = "s" + std::to_string(i);
    const PlantTopology topology(std::move(services), {}, { { "s0", 1 } });
    const auto error = topology.validate();
    QVERIFY(error.has_value());
    QVERIFY2(error->message.contains(QLatin1String("at most 5000")), qPrintable(error->message));
}

void TestPlantTopology::summaryJsonShape()
{
    const auto topology = PlantTopology::builtIn();
    const auto document = QJsonDocument::fromJson(topology.summaryJson());
    QVERIFY(document.isObject());
    const auto services = document.object().value(QLatin1String("services")).toArray();
    const auto edges = document.object().value(QLatin1String("edges")).toArray();
    QCOMPARE(services.size(), 14);
    QCOMPARE(edges.size(), qsizetype(topology.edges().size()));
    const auto first = services.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("line-controller"));
    QCOMPARE(first.value(QLatin1String("criticality")).toString(), QStringLiteral("core"));
    QCOMPARE(first.size(), 2);
    const auto edge = edges.at(0).toObject();
    QCOMPARE(edge.value(QLatin1String("caller")).toString(), QString::fromStdString(topology.edges()[0].caller));
    QCOMPARE(edge.value(QLatin1String("callee")).toString(), QString::fromStdString(topology.edges()[0].callee));
    QCOMPARE(edge.size(), 2);
}

QTEST_GUILESS_MAIN(TestPlantTopology)
#include "tst_planttopology.moc"
