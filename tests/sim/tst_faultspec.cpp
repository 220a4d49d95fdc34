// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QtTest>

#include "sim/fault.h"
#include "sim/faultscenario.h"
#include "sim/planttopology.h"

using namespace faultline;

class TestFaultSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void activeWindow_data();
    void activeWindow();
    void toStringRoundTrip();
    void unknownServiceRejected();
    void builtInScenariosLoad_data();
    void builtInScenariosLoad();
    void scenarioFromPath();
    void unknownScenarioName();
    void scenarioRejects_data();
    void scenarioRejects();
};

void TestFaultSpec::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("kind");
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("duration");

    QTest::newRow("service and kind only") << "servo-controller:crash"
                                           << "servo-controller" << int(FaultKind::Crash) << 0.0 << 0.0;
    QTest::newRow("with a start time") << "plc-gateway:latency:10"
                                       << "plc-gateway" << int(FaultKind::Latency) << 10.0 << 0.0;
    QTest::newRow("with start and duration") << "historian:errors:2.5:30"
                                             << "historian" << int(FaultKind::Errors) << 2.5 << 30.0;
    QTest::newRow("overload from the start") << "conveyor:overload:0:0"
                                             << "conveyor" << int(FaultKind::Overload) << 0.0 << 0.0;
    QTest::newRow("service name containing colons") << "plant:cell-4:crash:5"
                                                    << "plant:cell-4" << int(FaultKind::Crash) << 5.0 << 0.0;
    QTest::newRow("service named like a kind") << "crash:latency:1:2"
                                               << "crash" << int(FaultKind::Latency) << 1.0 << 2.0;
    QTest::newRow("exponent notation") << "a:errors:1e2:5e-1"
                                       << "a" << int(FaultKind::Errors) << 100.0 << 0.5;
}

void TestFaultSpec::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QString, service);
    QFETCH(int, kind);
    QFETCH(double, start);
    QFETCH(double, duration);

    const auto result = parseFaultSpec(text.toStdString());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(QString::fromStdString(result->service), service);
    QCOMPARE(int(result->kind), kind);
    QCOMPARE(result->startS, start);
    QCOMPARE(result->durationS, duration);
}

void TestFaultSpec::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("empty text") << ""
                                << "kind"
                                << "missing kind";
    QTest::newRow("service without kind") << "servo-controller"
                                          << "kind"
                                          << "missing kind";
    QTest::newRow("unknown kind") << "servo-controller:slow:5"
                                  << "kind"
                                  << "unknown kind 'slow'";
    QTest::newRow("kind in capitals") << "servo-controller:CRASH"
                                      << "kind"
                                      << "unknown kind 'CRASH'";
    QTest::newRow("empty kind") << "servo-controller:"
                                << "kind"
                                << "unknown kind ''";
    QTest::newRow("empty service") << ":crash"
                                   << "service"
                                   << "missing service name";
    QTest::newRow("service with a space") << "robot arm:crash"
                                          << "service"
                                          << "'robot arm' is not a valid service";
    QTest::newRow("start is a word") << "a:crash:soon"
                                     << "start"
                                     << "start 'soon' is not a number";
    QTest::newRow("negative start") << "a:crash:-1"
                                    << "start"
                                    << "start '-1'";
    QTest::newRow("start with a unit") << "a:crash:5s"
                                       << "start"
                                       << "start '5s'";
    QTest::newRow("start with a plus sign") << "a:crash:+5"
                                            << "start"
                                            << "start '+5'";
    QTest::newRow("start with a space") << "a:crash: 5"
                                        << "start"
                                        << "start ' 5'";
    QTest::newRow("infinite start") << "a:crash:inf"
                                    << "start"
                                    << "start 'inf'";
    QTest::newRow("start past one year") << "a:crash:1e12"
                                         << "start"
                                         << "start '1e12'";
    QTest::newRow("empty start") << "a:crash::5"
                                 << "start"
                                 << "start ''";
    QTest::newRow("duration is a word") << "a:crash:1:long"
                                        << "duration"
                                        << "duration 'long'";
    QTest::newRow("nan duration") << "a:crash:1:nan"
                                  << "duration"
                                  << "duration 'nan'";
    QTest::newRow("too many parts") << "a:crash:1:2:3"
                                    << "duration"
                                    << "too many parts";
}

void TestFaultSpec::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, where);
    QFETCH(QString, messagePart);

    const auto result = parseFaultSpec(text.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().where, where);
    QVERIFY2(result.error().message.contains(messagePart), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(QStringLiteral("'%1'").arg(text)), qPrintable(result.error().message));
}

void TestFaultSpec::activeWindow_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("duration");
    QTest::addColumn<double>("at");
    QTest::addColumn<bool>("active");

    QTest::newRow("just before the start") << 5.0 << 10.0 << 4.999 << false;
    QTest::newRow("at the start") << 5.0 << 10.0 << 5.0 << true;
    QTest::newRow("just before the end") << 5.0 << 10.0 << 14.999 << true;
    QTest::newRow("at the end") << 5.0 << 10.0 << 15.0 << false;
    QTest::newRow("zero duration long after the start") << 5.0 << 0.0 << 1e6 << true;
    QTest::newRow("zero duration before the start") << 5.0 << 0.0 << 1.0 << false;
}

void TestFaultSpec::activeWindow()
{
    QFETCH(double, start);
    QFETCH(double, duration);
    QFETCH(double, at);
    QFETCH(bool, active);

    const FaultSpec fault { "a", FaultKind::Crash, start, duration };
    QCOMPARE(fault.isActiveAt(at), active);
}

void TestFaultSpec::toStringRoundTrip()
{
    const FaultSpec fault { "plant:cell-4", FaultKind::Overload, 2.25, 30 };
    const auto parsed = parseFaultSpec(fault.toString());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value(), fault);
}

void TestFaultSpec::unknownServiceRejected()
{
    const auto topology = PlantTopology::builtIn();
    const std::vector<FaultSpec> faults { { "quality-db", FaultKind::Latency, 0, 0 },
        { "quality-bd", FaultKind::Crash, 1, 0 } };
    const auto error = validateFaults(faults, topology);
    QVERIFY(error.has_value());
    QCOMPARE(error->where, QStringLiteral("quality-bd"));
    QVERIFY2(error->message.contains(QLatin1String("'quality-bd'")), qPrintable(error->message));
    QCOMPARE(validateFaults(std::span(faults).first(1), topology).has_value(), false);
}

void TestFaultSpec::builtInScenariosLoad_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("cascading latency") << "cascading-latency";
    QTest::newRow("dependency down") << "dependency-down";
    QTest::newRow("overload") << "overload";
}

void TestFaultSpec::builtInScenariosLoad()
{
    QFETCH(QString, name);
    QVERIFY(FaultScenario::builtInNames().contains(name));

    const auto scenario = FaultScenario::load(name);
    QVERIFY2(scenario.ok(), scenario.ok() ? "" : qPrintable(scenario.error().message));
    QCOMPARE(QString::fromStdString(scenario->name), name);
    QVERIFY(!scenario->description.empty());
    // Each scenario combines faults over time, so it has at least two, starting at different times.
    QVERIFY(scenario->faults.size() >= 2);
    QVERIFY(scenario->faults[0].startS != scenario->faults[1].startS);
    QCOMPARE(validateFaults(scenario->faults, PlantTopology::builtIn()).has_value(), false);
}

void TestFaultSpec::scenarioFromPath()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(QStringLiteral("night-shift.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"faults":[{"service":"conveyor","kind":"errors","start_s":3}]})");
    file.close();

    const auto scenario = FaultScenario::load(path);
    QVERIFY2(scenario.ok(), scenario.ok() ? "" : qPrintable(scenario.error().message));
    QCOMPARE(scenario->name, std::string("night-shift"));
    QCOMPARE(scenario->faults.size(), std::size_t(1));
    QCOMPARE(scenario->faults[0], (FaultSpec { "conveyor", FaultKind::Errors, 3, 0 }));
}

void TestFaultSpec::unknownScenarioName()
{
    const auto scenario = FaultScenario::load(QStringLiteral("meltdown"));
    QVERIFY(!scenario.ok());
    QVERIFY(scenario.error().message.contains(QLatin1String("'meltdown'")));
    QVERIFY(scenario.error().message.contains(QLatin1String("dependency-down")));
}

void TestFaultSpec::scenarioRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("text that is not JSON") << QByteArray("{") << "s.json"
                                           << "not valid JSON";
    QTest::newRow("faults missing") << QByteArray(R"({"name":"x"})") << "faults"
                                    << "non-empty array";
    QTest::newRow("faults empty") << QByteArray(R"({"faults":[]})") << "faults"
                                  << "non-empty array";
    QTest::newRow("fault that is a string") << QByteArray(R"({"faults":["a:crash"]})") << "faults[0]"
                                            << "must be an object";
    QTest::newRow("unknown kind") << QByteArray(R"({"faults":[{"service":"a","kind":"fire"}]})") << "faults[0].kind"
                                  << "kind 'fire'";
    QTest::newRow("service missing") << QByteArray(R"({"faults":[{"kind":"crash"}]})") << "faults[0].service"
                                     << "service is missing";
    QTest::newRow("negative start") << QByteArray(R"({"faults":[{"service":"a","kind":"crash","start_s":-1}]})")
                                    << "faults[0].start_s"
                                    << "start_s must be a number of seconds";
    QTest::newRow("duration as a string")
        << QByteArray(R"({"faults":[{"service":"a","kind":"crash","duration_s":"5"}]})") << "faults[0].duration_s"
        << "duration_s must be a number";
    QTest::newRow("misspelt field") << QByteArray(R"({"faults":[{"service":"a","kind":"crash","start":5}]})")
                                    << "faults[0].start"
                                    << "start is not a known field";
}

void TestFaultSpec::scenarioRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, messagePart);

    const auto scenario = FaultScenario::fromJson(json, QStringLiteral("s.json"));
    QVERIFY(!scenario.ok());
    QCOMPARE(scenario.error().where, where);
    QVERIFY2(scenario.error().message.contains(messagePart), qPrintable(scenario.error().message));
}

QTEST_GUILESS_MAIN(TestFaultSpec)
#include "tst_faultspec.moc"
