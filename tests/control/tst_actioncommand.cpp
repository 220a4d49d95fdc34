// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultlinectl's control actions, run in-process against the demo plant on loopback.
#include <QtTest>

#include "actioncommand.h"
#include "ctlcommon.h"
#include "sim/demoplant.h"

using namespace faultline;
using namespace Qt::Literals::StringLiterals;

namespace
{

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runAction(ControlOperation operation, const QStringList &arguments)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = ctl::runAction(
        operation, QStringList { QString::fromLatin1(operationName(operation).data()) } + arguments, out, err);
    out.flush();
    err.flush();
    return run;
}

} // namespace

class TestActionCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void appliedExitsZero_data();
    void appliedExitsZero();
    void rejectedExitsOne_data();
    void rejectedExitsOne();
    void noAgentTimesOut();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();

private:
    std::unique_ptr<DemoPlant> m_plant;
    QString m_control;
};

void TestActionCommand::initTestCase()
{
    DemoPlant::Options options;
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    m_plant = std::make_unique<DemoPlant>(options);
    QVERIFY(!m_plant->start());
    m_control = QString::fromStdString(m_plant->controlEndpoint());
}

void TestActionCommand::cleanupTestCase()
{
    m_plant.reset();
}

void TestActionCommand::appliedExitsZero_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mode");

    QTest::newRow("isolate") << int(ControlOperation::Isolate) << QStringList() << "isolated";
    QTest::newRow("degrade") << int(ControlOperation::Degrade) << QStringList() << "degraded";
    QTest::newRow("shed with a capacity")
        << int(ControlOperation::Shed) << QStringList { u"--capacity"_s, u"40"_s } << "shedding";
    QTest::newRow("ramp with a percent") << int(ControlOperation::Ramp) << QStringList { u"--percent"_s, u"25"_s }
                                         << "ramping";
    QTest::newRow("restore") << int(ControlOperation::Restore) << QStringList() << "normal";
}

void TestActionCommand::appliedExitsZero()
{
    QFETCH(int, operation);
    QFETCH(QStringList, extra);
    QFETCH(QString, mode);

    const auto run = runAction(ControlOperation(operation),
        QStringList {
            u"quality-db"_s, u"--control"_s, m_control, u"--operator"_s, u"tester"_s, u"--reason"_s, u"test"_s }
            + extra);
    QVERIFY2(run.exitCode == ctl::ExitOk, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("applied")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("mode now: ") + mode), qPrintable(run.out));
}

void TestActionCommand::rejectedExitsOne_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("service the plant does not run") << "no-such-service"
                                                    << "unknown service 'no-such-service'";
}

void TestActionCommand::rejectedExitsOne()
{
    QFETCH(QString, service);
    QFETCH(QString, reasonPart);

    const auto run = runAction(ControlOperation::Isolate, { service, u"--control"_s, m_control });
    QCOMPARE(run.exitCode, int(ctl::ExitFailure));
    QVERIFY2(run.err.contains(QStringLiteral("rejected")), qPrintable(run.err));
    QVERIFY2(run.err.contains(reasonPart), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestActionCommand::noAgentTimesOut()
{
    const QStringList arguments { u"quality-db"_s, u"--control"_s, u"inproc://tst-actioncommand-nobody"_s,
        u"--timeout"_s, u"0.3"_s };
    const auto run = runAction(ControlOperation::Isolate, arguments);
    QCOMPARE(run.exitCode, int(ctl::ExitFailure));
    QVERIFY2(run.err.contains(QStringLiteral("timed out")), qPrintable(run.err));
}

void TestActionCommand::badArgumentsExitTwo_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("messagePart");

    const QString control = QStringLiteral("--control");
    const QString endpoint = QStringLiteral("tcp://127.0.0.1:1");
    QTest::newRow("no service") << int(ControlOperation::Isolate) << QStringList { control, endpoint }
                                << "exactly one SERVICE";
    QTest::newRow("two services") << int(ControlOperation::Isolate) << QStringList { u"a"_s, u"b"_s, control, endpoint }
                                  << "exactly one SERVICE";
    QTest::newRow("invalid service name")
        << int(ControlOperation::Isolate) << QStringList { u"has space"_s, control, endpoint } << "not a valid service";
    QTest::newRow("no control endpoint") << int(ControlOperation::Isolate) << QStringList { u"mes"_s }
                                         << "--control ENDPOINT is required";
    QTest::newRow("ramp without percent")
        << int(ControlOperation::Ramp) << QStringList { u"mes"_s, control, endpoint } << "--percent N is required";
    QTest::newRow("percent past 100") << int(ControlOperation::Ramp)
                                      << QStringList { u"mes"_s, control, endpoint, u"--percent"_s, u"150"_s }
                                      << "'150'";
    QTest::newRow("percent not a number")
        << int(ControlOperation::Ramp) << QStringList { u"mes"_s, control, endpoint, u"--percent"_s, u"half"_s }
        << "'half'";
    QTest::newRow("percent on isolate") << int(ControlOperation::Isolate)
                                        << QStringList { u"mes"_s, control, endpoint, u"--percent"_s, u"5"_s }
                                        << "applies to ramp only";
    QTest::newRow("shed without capacity")
        << int(ControlOperation::Shed) << QStringList { u"mes"_s, control, endpoint } << "--capacity N is required";
    QTest::newRow("capacity zero") << int(ControlOperation::Shed)
                                   << QStringList { u"mes"_s, control, endpoint, u"--capacity"_s, u"0"_s } << "'0'";
    QTest::newRow("negative timeout") << int(ControlOperation::Restore)
                                      << QStringList { u"mes"_s, control, endpoint, u"--timeout"_s, u"-1"_s }
                                      << "--timeout";
    QTest::newRow("malformed endpoint") << int(ControlOperation::Restore)
                                        << QStringList { u"mes"_s, control, u"tcp://127.0.0.1:notaport"_s }
                                        << "tcp://127.0.0.1:notaport";
    QTest::newRow("unknown option") << int(ControlOperation::Restore)
                                    << QStringList { u"mes"_s, control, endpoint, u"--force"_s } << "force";
}

void TestActionCommand::badArgumentsExitTwo()
{
    QFETCH(int, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, messagePart);

    const auto run = runAction(ControlOperation(operation), arguments);
    QCOMPARE(run.exitCode, int(ctl::ExitUsage));
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestActionCommand)
#include "tst_actioncommand.moc"
