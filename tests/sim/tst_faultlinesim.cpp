// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The faultline-sim executable: its options, exit codes and signal handling, run as a real process.
#include <csignal>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include "sim/planttopology.h"

using namespace faultline;

namespace
{

const QString program = QStringLiteral(FAULTLINE_BINARY_DIR "/app/faultline-sim");

struct Finished {
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

Finished run(const QStringList &arguments, int timeoutMs = 10'000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestFaultlineSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void printTopologyMatchesBuiltIn();
    void usageErrors_data();
    void usageErrors();
    void durationEndsRun();
    void stopSignals_data();
    void stopSignals();
};

void TestFaultlineSim::initTestCase()
{
    QVERIFY2(QFileInfo::exists(program), qPrintable(program));
}

void TestFaultlineSim::printTopologyMatchesBuiltIn()
{
    const auto finished = run({ QStringLiteral("--print-topology") });
    QCOMPARE(finished.exitCode, 0);
    const auto document = QJsonDocument::fromJson(finished.standardOutput.toUtf8());
    QVERIFY(document.isObject());

    const auto topology = PlantTopology::builtIn();
    const auto services = document.object().value(QLatin1String("services")).toArray();
    const auto edges = document.object().value(QLatin1String("edges")).toArray();
    QCOMPARE(services.size(), qsizetype(topology.services().size()));
    QCOMPARE(edges.size(), qsizetype(topology.edges().size()));
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const auto edge = edges.at(i).toObject();
        QCOMPARE(edge.value(QLatin1String("caller")).toString().toStdString(), topology.edges()[std::size_t(i)].caller);
        QCOMPARE(edge.value(QLatin1String("callee")).toString().toStdString(), topology.edges()[std::size_t(i)].callee);
    }
}

void TestFaultlineSim::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("unknown option") << QStringList { QStringLiteral("--colour") } << "Unknown option 'colour'";
    QTest::newRow("positional argument") << QStringList { QStringLiteral("extra") } << "unexpected argument 'extra'";
    QTest::newRow("fault with an unknown kind")
        << QStringList { QStringLiteral("--fault"), QStringLiteral("conveyor:melt") } << "unknown kind 'melt'";
    QTest::newRow("fault on an unknown service")
        << QStringList { QStringLiteral("--fault"), QStringLiteral("boiler:crash:5") } << "'boiler'";
    QTest::newRow("fault start that is not a number")
        << QStringList { QStringLiteral("--fault"), QStringLiteral("conveyor:crash:soon") } << "start 'soon'";
    QTest::newRow("unknown scenario") << QStringList { QStringLiteral("--scenario"), QStringLiteral("meltdown") }
                                      << "unknown scenario 'meltdown'";
    QTest::newRow("rate of zero") << QStringList { QStringLiteral("--rate"), QStringLiteral("0") } << "--rate '0'";
    QTest::newRow("rate that is a word") << QStringList { QStringLiteral("--rate"), QStringLiteral("fast") }
                                         << "--rate 'fast'";
    QTest::newRow("negative duration") << QStringList { QStringLiteral("--duration=-1") } << "--duration '-1'";
    QTest::newRow("seed that is negative")
        << QStringList { QStringLiteral("--seed"), QStringLiteral("-4") } << "--seed '-4'";
    QTest::newRow("missing topology file")
        << QStringList { QStringLiteral("--topology"), QStringLiteral("/nonexistent/plant.json") }
        << "/nonexistent/plant.json";
    QTest::newRow("endpoint without a scheme")
        << QStringList { QStringLiteral("--publish"), QStringLiteral("127.0.0.1:5556") } << "not a ZeroMQ endpoint";
}

void TestFaultlineSim::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);

    // Port 0 ('*') and a short duration, so that a row that wrongly starts the plant collides with nothing.
    // Later values win, so a row's own --duration replaces this one.
    const auto defaults = QStringList { QStringLiteral("--duration=0.1"), QStringLiteral("--control=tcp://127.0.0.1:*"),
        QStringLiteral("--publish=tcp://127.0.0.1:*") };
    const auto finished = run(defaults + arguments);
    QCOMPARE(finished.exitCode, 2);
    QVERIFY2(finished.standardError.contains(messagePart), qPrintable(finished.standardError));
}

void TestFaultlineSim::durationEndsRun()
{
    const auto finished
        = run({ QStringLiteral("--publish=tcp://127.0.0.1:*"), QStringLiteral("--control=tcp://127.0.0.1:*"),
            QStringLiteral("--duration=0.5"), QStringLiteral("--scenario=overload"), QStringLiteral("--rate=50") });
    QCOMPARE(finished.exitCode, 0);
    QVERIFY2(finished.standardError.contains(
                 QRegularExpression(QStringLiteral("publish endpoint tcp://127\\.0\\.0\\.1:\\d+\n"))),
        qPrintable(finished.standardError));
    QVERIFY(finished.standardError.contains(
        QRegularExpression(QStringLiteral("control endpoint tcp://127\\.0\\.0\\.1:\\d+\n"))));
}

void TestFaultlineSim::stopSignals_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("interrupt") << SIGINT;
    QTest::newRow("terminate") << SIGTERM;
}

void TestFaultlineSim::stopSignals()
{
    QFETCH(int, signal);

    QProcess process;
    process.start(
        program, { QStringLiteral("--publish=tcp://127.0.0.1:*"), QStringLiteral("--control=tcp://127.0.0.1:*") });
    QVERIFY(process.waitForStarted());

    // The signal handlers are in place once the endpoint lines are out.
    QByteArray standardError;
    QTRY_VERIFY_WITH_TIMEOUT((standardError += process.readAllStandardError()).contains("control endpoint"), 5000);
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    standardError += process.readAllStandardError();
    QVERIFY2(standardError.contains("stopped by signal"), standardError.constData());
}

QTEST_GUILESS_MAIN(TestFaultlineSim)
#include "tst_faultlinesim.moc"
