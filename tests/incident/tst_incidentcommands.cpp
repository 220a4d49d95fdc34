// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultlinectl watch and export: usage errors, recording from a real stream on loopback, and a
// recorder that survives kill -9 and stops cleanly on SIGTERM.
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "common/zmqcontext.h"
#include "exportcommand.h"
#include "incident/exporters/incidentexport.h"
#include "incident/incidentjournal.h"
#include "incident/incidentmanager.h"
#include "ingest/streampublisher.h"
#include "watchcommand.h"

using namespace faultline;

namespace
{

struct CommandResult {
    int exitCode = -1;
    QString out;
    QString err;
};

template<typename Command> CommandResult run(Command command, const QStringList &arguments)
{
    CommandResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.exitCode = command(arguments, out, err);
    out.flush();
    err.flush();
    return result;
}

HealthReport heartbeat(const std::string &service, double errorRate)
{
    HealthReport report;
    report.service = service;
    report.instance = service + "-1";
    report.criticality = Criticality::Core;
    report.timestampUnixNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    report.intervalMs = 100;
    report.rps = 50;
    report.errorRate = errorRate;
    report.latencyP99Ms = 20;
    return report;
}

// A publisher on an ephemeral loopback port that sends a failing "servo" heartbeat every 50 ms.
struct FailingPlant {
    StreamPublisher publisher { sharedZmqContext(), "test-plant" };
    QTimer timer;

    FailingPlant()
    {
        if (auto error = publisher.bind("tcp://127.0.0.1:*"))
            qFatal("bind failed: %s", qPrintable(error->message));
        timer.setInterval(50);
        QObject::connect(&timer, &QTimer::timeout, &timer, [this] {
            publisher.publishHealth(heartbeat("servo", 0.9));
            publisher.publishHealth(heartbeat("mes", 0));
        });
        timer.start();
    }

    QString endpoint() const { return QString::fromStdString(publisher.boundEndpoint()); }
};

QString writeSampleJournal(const QTemporaryDir &dir)
{
    IncidentManager manager;
    manager.setStore(IncidentStore(dir.path()));
    const auto id = manager.openIncident(QStringLiteral("sample"), QStringLiteral("jana"));
    if (!id)
        qFatal("open failed: %s", qPrintable(id.error().message));
    manager.addNote(QStringLiteral("jana"), QStringLiteral("=SUM(1,2)"));
    manager.closeIncident(QStringLiteral("jana"), QStringLiteral("done"));
    return manager.store().pathFor(id.value());
}

bool hasStateChangeTo(const Incident &incident, const QString &service, const QString &state)
{
    return std::any_of(incident.events.begin(), incident.events.end(), [&](const IncidentEvent &event) {
        return event.kind == EventKind::StateChanged && event.service == service
            && event.details.value(QStringLiteral("to")) == state;
    });
}

// Keeps the event loop (and so the plant's timer) running until @p journal shows servo as critical.
bool waitForCriticalServo(const QString &journal, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const auto contents = IncidentJournal::read(journal);
            return contents.ok()
                && hasStateChangeTo(contents->incident, QStringLiteral("servo"), QStringLiteral("critical"));
        },
        timeoutMs);
}

} // namespace

class TestIncidentCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no journal") << QStringList { QStringLiteral("--output"), QStringLiteral("x.md") } << 2
                                    << QStringLiteral("exactly one JOURNAL");
        QTest::newRow("two journals") << QStringList { QStringLiteral("a"), QStringLiteral("b"),
            QStringLiteral("--output"), QStringLiteral("x.md") }
                                      << 2 << QStringLiteral("exactly one JOURNAL");
        QTest::newRow("no output") << QStringList { QStringLiteral("a") } << 2
                                   << QStringLiteral("--output FILE is required");
        QTest::newRow("unknown format") << QStringList { QStringLiteral("a"), QStringLiteral("--format"),
            QStringLiteral("pdf"), QStringLiteral("--output"), QStringLiteral("x.pdf") }
                                        << 2 << QStringLiteral("not supported");
        QTest::newRow("format not given and suffix unknown")
            << QStringList { QStringLiteral("a"), QStringLiteral("--output"), QStringLiteral("report.txt") } << 2
            << QStringLiteral("cannot tell the format");
        QTest::newRow("unknown option") << QStringList { QStringLiteral("a"), QStringLiteral("--colour") } << 2
                                        << QStringLiteral("colour");
        QTest::newRow("journal not found") << QStringList { QStringLiteral("/nonexistent/x.fljournal"),
            QStringLiteral("--output"), QStringLiteral("x.md") }
                                           << 1 << QStringLiteral("not found");
    }

    void exportUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, messagePart);
        const auto result = run(ctl::runExport, QStringList { QStringLiteral("export") } + arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(messagePart), qPrintable(result.err));
    }

    void exportWritesEachFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("markdown named") << QStringLiteral("md") << QStringLiteral("r.out");
        QTest::newRow("json from the suffix") << QString() << QStringLiteral("r.json");
        QTest::newRow("csv named") << QStringLiteral("csv") << QStringLiteral("r.csv");
        QTest::newRow("html from the .htm suffix") << QString() << QStringLiteral("r.htm");
    }

    void exportWritesEachFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, fileName);
        QTemporaryDir dir;
        const auto journal = writeSampleJournal(dir);
        const auto output = dir.filePath(fileName);
        QStringList arguments { QStringLiteral("export"), journal, QStringLiteral("--output"), output };
        if (!format.isEmpty())
            arguments << QStringLiteral("--format") << format;
        const auto result = run(ctl::runExport, arguments);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));

        const auto contents = IncidentJournal::read(journal);
        QVERIFY(contents.ok());
        const auto parsed = IncidentExport::formatFromName(format.isEmpty()
                ? (fileName.endsWith(QLatin1String("json")) ? QStringLiteral("json") : QStringLiteral("html"))
                : format);
        QFile file(output);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), IncidentExport::render(contents->incident, *parsed));
    }

    void exportToStandardOutput()
    {
        QTemporaryDir dir;
        const auto journal = writeSampleJournal(dir);
        const auto result = run(ctl::runExport,
            { QStringLiteral("export"), journal, QStringLiteral("--format"), QStringLiteral("csv"),
                QStringLiteral("--output"), QStringLiteral("-") });
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QLatin1String("incident,seq,time_utc")));
        QVERIFY(result.out.contains(QLatin1String("\"'=SUM(1,2)\"")));
    }

    void exportOfTornJournalWarns()
    {
        QTemporaryDir dir;
        const auto journal = writeSampleJournal(dir);
        QFile file(journal);
        QVERIFY(file.open(QIODevice::Append));
        file.write("1234abcd {\"seq\":");
        file.close();
        const auto result = run(ctl::runExport,
            { QStringLiteral("export"), journal, QStringLiteral("--output"), dir.filePath(QStringLiteral("r.md")) });
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QLatin1String("warning")), qPrintable(result.err));
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("r.md"))));
    }

    void watchUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("no endpoint") << QStringList { QStringLiteral("--journal"), QStringLiteral("j") } << 2
                                     << QStringLiteral("--connect ENDPOINT is required");
        QTest::newRow("no journal") << QStringList { QStringLiteral("--connect"),
            QStringLiteral("inproc://faultline-test-unused") }
                                    << 2 << QStringLiteral("--journal FILE is required");
        QTest::newRow("negative seconds")
            << QStringList { QStringLiteral("--connect"), QStringLiteral("inproc://faultline-test-unused"),
                   QStringLiteral("--journal"), QStringLiteral("j"), QStringLiteral("--seconds"), QStringLiteral("-1") }
            << 2 << QStringLiteral("seconds");
        QTest::newRow("stray argument") << QStringList { QStringLiteral("extra") } << 2
                                        << QStringLiteral("unexpected argument");
    }

    void watchUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, messagePart);
        const auto result = run(ctl::runWatch, QStringList { QStringLiteral("watch") } + arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(messagePart), qPrintable(result.err));
    }

    void watchRejectsBadEndpointAndClosedJournal()
    {
        QTemporaryDir dir;
        const auto journal = dir.filePath(QStringLiteral("bad.fljournal"));
        auto result = run(ctl::runWatch,
            { QStringLiteral("watch"), QStringLiteral("--connect"), QStringLiteral("nonsense://x"),
                QStringLiteral("--journal"), journal, QStringLiteral("--seconds"), QStringLiteral("1") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("nonsense://x")), qPrintable(result.err));

        const auto closed = writeSampleJournal(dir);
        result = run(ctl::runWatch,
            { QStringLiteral("watch"), QStringLiteral("--connect"), QStringLiteral("inproc://faultline-test-unused"),
                QStringLiteral("--journal"), closed, QStringLiteral("--seconds"), QStringLiteral("1") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("closed incident")), qPrintable(result.err));
    }

    void watchRecordsFromStream()
    {
        FailingPlant plant;
        QTemporaryDir dir;
        const auto journal = dir.filePath(QStringLiteral("watch.fljournal"));
        // Garbage from the same publisher must show up as malformed messages.
        QTimer garbage;
        connect(&garbage, &QTimer::timeout, this,
            [&plant] { plant.publisher.publishRaw("health.servo", "{\"service\":"); });
        garbage.start(500);

        const auto result = run(ctl::runWatch,
            { QStringLiteral("watch"), QStringLiteral("--connect"), plant.endpoint(), QStringLiteral("--journal"),
                journal, QStringLiteral("--seconds"), QStringLiteral("4"), QStringLiteral("--title"),
                QStringLiteral("loopback") });
        QCOMPARE(result.exitCode, 0);
        const auto contents = IncidentJournal::read(journal);
        QVERIFY2(contents.ok(), contents.ok() ? "" : qPrintable(contents.error().message));
        const auto &incident = contents->incident;
        QCOMPARE(incident.title, QStringLiteral("loopback"));
        QCOMPARE(incident.state, IncidentState::Closed);
        QCOMPARE(incident.events.front().kind, EventKind::IncidentOpened);
        QCOMPARE(incident.events.back().kind, EventKind::IncidentClosed);
        QVERIFY(incident.events.back().text.contains(QLatin1String("4 s")));
        QVERIFY2(
            hasStateChangeTo(incident, QStringLiteral("servo"), QStringLiteral("critical")), qPrintable(result.out));
        QVERIFY(!hasStateChangeTo(incident, QStringLiteral("mes"), QStringLiteral("ok")));
        QVERIFY2(std::any_of(incident.events.begin(), incident.events.end(),
                     [](const IncidentEvent &event) {
                         return event.kind == EventKind::AlarmRaised && event.service == QLatin1String("servo")
                             && event.severity == Severity::Critical;
                     }),
            qPrintable(result.out));
        QVERIFY(std::any_of(incident.events.begin(), incident.events.end(),
            [](const IncidentEvent &event) { return event.kind == EventKind::MessagesMalformed; }));
        const auto *snapshot = incident.graphAtFirstAlarm();
        QVERIFY(snapshot);
        QVERIFY(std::any_of(snapshot->graph->nodes.begin(), snapshot->graph->nodes.end(),
            [](const GraphNode &node) { return node.name == QLatin1String("servo"); }));
        // Each recorded event was printed as it was written.
        QCOMPARE(result.out.count(QLatin1Char('\n')), qsizetype(incident.events.size()));
    }

    void watchSurvivesKill9AndResumes()
    {
        FailingPlant plant;
        QTemporaryDir dir;
        const auto journal = dir.filePath(QStringLiteral("kill.fljournal"));
        QProcess recorder;
        recorder.start(QStringLiteral(FAULTLINECTL),
            { QStringLiteral("watch"), QStringLiteral("--connect"), plant.endpoint(), QStringLiteral("--journal"),
                journal, QStringLiteral("--quiet") });
        QVERIFY2(recorder.waitForStarted(5000), qPrintable(recorder.errorString()));
        QVERIFY(waitForCriticalServo(journal, 15000));
        recorder.kill();
        QVERIFY(recorder.waitForFinished(5000));

        const auto killed = IncidentJournal::read(journal);
        QVERIFY(killed.ok());
        QCOMPARE(killed->incident.state, IncidentState::Open);
        QCOMPARE(killed->skippedRecords, 0);
        const auto eventsBefore = killed->incident.events.size();

        // The same command picks the journal up again and closes it on SIGTERM.
        QProcess again;
        again.start(QStringLiteral(FAULTLINECTL),
            { QStringLiteral("watch"), QStringLiteral("--connect"), plant.endpoint(), QStringLiteral("--journal"),
                journal, QStringLiteral("--quiet") });
        QVERIFY(again.waitForStarted(5000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return again.readAllStandardError().contains("recording incident")
                    || again.state() != QProcess::Running;
            },
            10000));
        QTest::qWait(500);
        again.terminate();
        QVERIFY(QTest::qWaitFor([&] { return again.state() == QProcess::NotRunning; }, 10000));
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);

        const auto closed = IncidentJournal::read(journal);
        QVERIFY(closed.ok());
        QVERIFY(closed->warnings.isEmpty());
        QCOMPARE(closed->incident.id, killed->incident.id);
        QCOMPARE(closed->incident.state, IncidentState::Closed);
        QVERIFY(closed->incident.events.size() > eventsBefore + 1);
        QCOMPARE(closed->incident.events[eventsBefore].kind, EventKind::IncidentResumed);
        QVERIFY(closed->incident.events.back().text.contains(QLatin1String("SIGTERM")));
        for (std::size_t i = 0; i < eventsBefore; ++i)
            QCOMPARE(closed->incident.events[i], killed->incident.events[i]);
    }
};

QTEST_GUILESS_MAIN(TestIncidentCommands)
#include "tst_incidentcommands.moc"
