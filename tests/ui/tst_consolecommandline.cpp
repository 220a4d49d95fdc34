// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QTest>

namespace
{

const QString consoleProgram = QStringLiteral(FAULTLINE_BINARY_DIR "/app/faultline");

struct Run {
    int exitCode = -1;
    QString standardOutput;
    QString standardError;
};

Run runConsole(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    process.start(consoleProgram, arguments);
    Run run;
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        run.standardError = QStringLiteral("timed out");
        return run;
    }
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.standardOutput = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.standardError = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

} // namespace

class TestConsoleCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void usageError_data();
    void usageError();
    void helpAndVersion_data();
    void helpAndVersion();
};

void TestConsoleCommandLine::initTestCase()
{
    QVERIFY2(QFile::exists(consoleProgram), qPrintable(consoleProgram));
}

void TestConsoleCommandLine::usageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown option") << QStringList { QStringLiteral("--bogus") } << QStringLiteral("bogus");
    QTest::newRow("positional argument") << QStringList { QStringLiteral("extra") }
                                         << QStringLiteral("unexpected argument 'extra'");
    QTest::newRow("rate without demo") << QStringList { QStringLiteral("--rate"), QStringLiteral("5") }
                                       << QStringLiteral("--rate applies to the demo plant");
    QTest::newRow("fault without demo") << QStringList { QStringLiteral("--fault"), QStringLiteral("mes:crash") }
                                        << QStringLiteral("--fault applies to the demo plant");
    QTest::newRow("rate that is no number") << QStringList { QStringLiteral("--demo"), QStringLiteral("--rate"),
        QStringLiteral("fast") } << QStringLiteral("--rate 'fast' is not a number");
    QTest::newRow("rate of zero") << QStringList { QStringLiteral("--demo"), QStringLiteral("--rate"),
        QStringLiteral("0") } << QStringLiteral("--rate '0' is not a number");
    QTest::newRow("infinite rate") << QStringList { QStringLiteral("--demo"), QStringLiteral("--rate"),
        QStringLiteral("inf") } << QStringLiteral("--rate 'inf' is not a number");
    QTest::newRow("fault of an unknown service") << QStringList { QStringLiteral("--demo"), QStringLiteral("--fault"),
        QStringLiteral("no-such-service:crash") } << QStringLiteral("no-such-service");
    QTest::newRow("fault without a kind")
        << QStringList { QStringLiteral("--demo"), QStringLiteral("--fault"), QStringLiteral("servo-controller") }
        << QStringLiteral("servo-controller");
    QTest::newRow("endpoint without a scheme") << QStringList { QStringLiteral("--connect"),
        QStringLiteral("127.0.0.1:5556") } << QStringLiteral("--connect '127.0.0.1:5556' is not a tcp://");
    QTest::newRow("endpoint that is only a scheme") << QStringList { QStringLiteral("--connect"),
        QStringLiteral("tcp://") } << QStringLiteral("--connect 'tcp://'");
    QTest::newRow("control with demo") << QStringList { QStringLiteral("--demo"), QStringLiteral("--control"),
        QStringLiteral("tcp://127.0.0.1:1") }
                                       << QStringLiteral("--control cannot be combined with --demo");
    QTest::newRow("receive hwm that is no number")
        << QStringList { QStringLiteral("--receive-hwm"), QStringLiteral("lots") } << QStringLiteral("--receive-hwm 'lots'");
    QTest::newRow("receive hwm too small")
        << QStringList { QStringLiteral("--receive-hwm"), QStringLiteral("10") } << QStringLiteral("at least 1000");
}

void TestConsoleCommandLine::usageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    const Run run = runConsole(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.standardError.contains(message), qPrintable(run.standardError));
    QVERIFY2(run.standardError.contains(QStringLiteral("faultline --help")), qPrintable(run.standardError));
}

void TestConsoleCommandLine::helpAndVersion_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("expected");

    QTest::newRow("help lists the demo option") << QStringLiteral("--help") << QStringLiteral("--demo");
    QTest::newRow("help lists the fault format")
        << QStringLiteral("--help") << QStringLiteral("SERVICE:KIND[:START_S[:DURATION_S]]");
    QTest::newRow("version") << QStringLiteral("--version") << QStringLiteral("faultline " FAULTLINE_VERSION);
}

void TestConsoleCommandLine::helpAndVersion()
{
    QFETCH(QString, option);
    QFETCH(QString, expected);

    const Run run = runConsole({ option });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.standardOutput.contains(expected), qPrintable(run.standardOutput));
}

QTEST_GUILESS_MAIN(TestConsoleCommandLine)
#include "tst_consolecommandline.moc"
