// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// IncidentManager: opening on the first critical alarm, the backlog, closing by hand and by
// itself, resuming after a restart, listing journals, and what happens when the disk fails.
#include <csignal>

#include <sys/resource.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "incident/incidentjournal.h"
#include "incident/incidentmanager.h"
#include "incidenttestdata.h"

using namespace faultline;
using namespace faultline::testdata;
using namespace std::chrono_literals;

namespace
{

IncidentEvent alarm(const QString &id, Severity severity, const QString &service = QStringLiteral("plc-gateway"))
{
    IncidentEvent event;
    event.kind = EventKind::AlarmRaised;
    event.severity = severity;
    event.service = service;
    event.correlationId = id;
    event.source = QStringLiteral("alarms");
    event.text = QStringLiteral("error rate above 20 %");
    return event;
}

IncidentEvent cleared(const QString &id, const QString &service = QStringLiteral("plc-gateway"))
{
    IncidentEvent event;
    event.kind = EventKind::AlarmCleared;
    event.service = service;
    event.correlationId = id;
    return event;
}

IncidentEvent note(const QString &text)
{
    IncidentEvent event;
    event.kind = EventKind::OperatorNote;
    event.text = text;
    return event;
}

std::vector<EventKind> kindsOf(const Incident &incident)
{
    std::vector<EventKind> kinds;
    for (const auto &event : incident.events)
        kinds.push_back(event.kind);
    return kinds;
}

bool sequencesAreContiguous(const Incident &incident)
{
    for (std::size_t i = 0; i < incident.events.size(); ++i) {
        if (incident.events[i].sequence != i + 1)
            return false;
    }
    return true;
}

struct Fixture {
    QTemporaryDir dir;
    IncidentManager manager;

    Fixture()
    {
        manager.setStore(IncidentStore(dir.filePath(QStringLiteral("incidents"))));
        manager.setGraphSnapshotProvider(smallGraph);
    }
};

} // namespace

class TestIncidentManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void criticalAlarmOpensIncident()
    {
        Fixture fixture;
        QSignalSpy opened(&fixture.manager, &IncidentManager::incidentOpened);
        fixture.manager.record(alarm(QStringLiteral("a1"), Severity::Warning, QStringLiteral("mes")));
        fixture.manager.record(note(QStringLiteral("looks slow")));
        QVERIFY(!fixture.manager.hasOpenIncident());
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(2));

        fixture.manager.record(alarm(QStringLiteral("a2"), Severity::Critical));
        QVERIFY(fixture.manager.hasOpenIncident());
        QCOMPARE(opened.count(), 1);
        const auto *incident = fixture.manager.currentIncident();
        const std::vector<EventKind> expected { EventKind::IncidentOpened, EventKind::AlarmRaised,
            EventKind::OperatorNote, EventKind::AlarmRaised, EventKind::GraphSnapshot };
        QCOMPARE(kindsOf(*incident), expected);
        QVERIFY(sequencesAreContiguous(*incident));
        QCOMPARE(incident->title, QStringLiteral("plc-gateway: error rate above 20 %"));
        QCOMPARE(incident->events.back().graph, std::optional<GraphSnapshot>(smallGraph()));
        QCOMPARE(fixture.manager.activeAlarms(), QStringList({ QStringLiteral("a1"), QStringLiteral("a2") }));
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(0));

        // The incident in memory equals the one read back from the journal.
        const auto onDisk = IncidentJournal::read(fixture.manager.store().pathFor(incident->id));
        QVERIFY(onDisk.ok());
        QCOMPARE(onDisk->incident, *incident);
    }

    void warningsAloneOpenNothing()
    {
        Fixture fixture;
        for (int i = 0; i < 5; ++i)
            fixture.manager.record(alarm(QStringLiteral("w%1").arg(i), Severity::Warning));
        fixture.manager.record(stateChange(0, 0, QStringLiteral("mes"), "ok", "critical"));
        QVERIFY(!fixture.manager.hasOpenIncident());
        QVERIFY(!QFile::exists(fixture.dir.filePath(QStringLiteral("incidents"))));
    }

    void backlogIsBounded()
    {
        Fixture fixture;
        QDateTime now = at(0);
        fixture.manager.setClock([&now] { return now; });
        fixture.manager.setBacklogLimits(3, 60s);
        for (int i = 0; i < 5; ++i)
            fixture.manager.record(note(QStringLiteral("n%1").arg(i)));
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(3));

        now = at(61'000);
        fixture.manager.record(note(QStringLiteral("late")));
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(1));

        fixture.manager.record(alarm(QStringLiteral("c"), Severity::Critical));
        const auto *incident = fixture.manager.currentIncident();
        QCOMPARE(incident->events[1].text, QStringLiteral("late"));
    }

    void everyWrittenEventIsOnDiskWhenSignalled()
    {
        Fixture fixture;
        int checked = 0;
        connect(&fixture.manager, &IncidentManager::eventRecorded, this, [&](const IncidentEvent &event) {
            const auto contents
                = IncidentJournal::read(fixture.manager.store().pathFor(fixture.manager.currentIncident()->id));
            QVERIFY(contents.ok());
            QVERIFY(contents->incident.events.size() >= event.sequence);
            QCOMPARE(contents->incident.events[event.sequence - 1], event);
            ++checked;
        });
        fixture.manager.record(alarm(QStringLiteral("c"), Severity::Critical));
        fixture.manager.recordBatch({ note(QStringLiteral("one")), note(QStringLiteral("two")) });
        QCOMPARE(checked, 5); // opened, alarm, snapshot, two notes
    }

    void closesAfterEveryAlarmIsClear()
    {
        Fixture fixture;
        fixture.manager.setAutoCloseDelay(200ms);
        QSignalSpy closed(&fixture.manager, &IncidentManager::incidentClosed);
        fixture.manager.record(alarm(QStringLiteral("a"), Severity::Critical));
        fixture.manager.record(alarm(QStringLiteral("b"), Severity::Warning, QStringLiteral("mes")));
        fixture.manager.record(cleared(QStringLiteral("a")));
        QTest::qWait(500);
        QVERIFY(fixture.manager.hasOpenIncident());
        QCOMPARE(closed.count(), 0);

        fixture.manager.record(cleared(QStringLiteral("b"), QStringLiteral("mes")));
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
        QVERIFY(!fixture.manager.hasOpenIncident());
        const auto *incident = fixture.manager.currentIncident();
        QCOMPARE(incident->state, IncidentState::Closed);
        QCOMPARE(incident->events.back().kind, EventKind::IncidentClosed);
        QVERIFY(incident->events.back().text.contains(QLatin1String("clear")));
    }

    void alarmRaisedAgainStopsTheClose()
    {
        Fixture fixture;
        fixture.manager.setAutoCloseDelay(300ms);
        QSignalSpy closed(&fixture.manager, &IncidentManager::incidentClosed);
        fixture.manager.record(alarm(QStringLiteral("a"), Severity::Critical));
        fixture.manager.record(cleared(QStringLiteral("a")));
        QTest::qWait(100);
        fixture.manager.record(alarm(QStringLiteral("a"), Severity::Critical));
        QTest::qWait(700);
        QCOMPARE(closed.count(), 0);
        QVERIFY(fixture.manager.hasOpenIncident());
    }

    void closeByHand()
    {
        Fixture fixture;
        QSignalSpy closed(&fixture.manager, &IncidentManager::incidentClosed);
        const auto id = fixture.manager.openIncident(QStringLiteral("Line 2 drill"), QStringLiteral("jana"));
        QVERIFY(id.ok());
        QVERIFY(!fixture.manager.openIncident(QStringLiteral("second"), QStringLiteral("jana")).ok());
        fixture.manager.addNote(QStringLiteral("jana"), QStringLiteral("drill over"));
        QVERIFY(!fixture.manager.closeIncident(QStringLiteral("jana"), QStringLiteral("done")));
        QCOMPARE(closed.count(), 1);
        QCOMPARE(closed.first().first().toString(), id.value());

        // After the close, events wait in the backlog for the next incident.
        fixture.manager.record(note(QStringLiteral("after")));
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(1));
        const auto contents = IncidentJournal::read(fixture.manager.store().pathFor(id.value()));
        QVERIFY(contents.ok());
        QCOMPARE(contents->incident.state, IncidentState::Closed);
        QCOMPARE(contents->incident.events.back().operatorName, QStringLiteral("jana"));
    }

    void reservedKindsAreIgnored()
    {
        Fixture fixture;
        QVERIFY(fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana")).ok());
        const auto before = fixture.manager.currentIncident()->events.size();
        IncidentEvent forged;
        forged.kind = EventKind::IncidentClosed;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("set by the incident manager")));
        fixture.manager.record(forged);
        QVERIFY(fixture.manager.hasOpenIncident());
        QCOMPARE(fixture.manager.currentIncident()->events.size(), before);
    }

    void resumeAfterRestart()
    {
        QTemporaryDir dir;
        const IncidentStore store(dir.filePath(QStringLiteral("incidents")));
        QString id;
        Incident before;
        {
            IncidentManager first;
            first.setStore(store);
            first.record(alarm(QStringLiteral("a"), Severity::Critical));
            first.record(note(QStringLiteral("before the crash")));
            id = first.currentIncident()->id;
            before = *first.currentIncident();
        }
        // A torn record, as a crash in the middle of a write would leave.
        QFile file(store.pathFor(id));
        QVERIFY(file.open(QIODevice::Append));
        const QByteArray torn("0badc0de {\"seq\":9,\"ti");
        file.write(torn);
        file.close();

        IncidentManager second;
        second.setStore(store);
        QSignalSpy opened(&second, &IncidentManager::incidentOpened);
        const auto resumed = second.resume();
        QVERIFY(resumed.ok());
        QCOMPARE(resumed.value(), id);
        QCOMPARE(opened.count(), 1);
        const auto *incident = second.currentIncident();
        QCOMPARE(incident->events.size(), before.events.size() + 1);
        QCOMPARE(incident->events.back().kind, EventKind::IncidentResumed);
        QCOMPARE(incident->events.back().sequence, before.events.back().sequence + 1);
        QCOMPARE(incident->events.back().details.value(QStringLiteral("dropped_bytes")), QString::number(torn.size()));
        QCOMPARE(second.activeAlarms(), QStringList { QStringLiteral("a") });

        second.record(note(QStringLiteral("after the restart")));
        const auto contents = IncidentJournal::read(store.pathFor(id));
        QVERIFY(contents.ok());
        QVERIFY(contents->warnings.isEmpty());
        QVERIFY(sequencesAreContiguous(contents->incident));
        QCOMPARE(contents->incident, *incident);
    }

    void resumeWithNothingOpen()
    {
        Fixture fixture;
        QVERIFY(fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana")).ok());
        QVERIFY(!fixture.manager.closeIncident(QStringLiteral("jana"), {}));

        IncidentManager later;
        later.setStore(fixture.manager.store());
        const auto resumed = later.resume();
        QVERIFY(resumed.ok());
        QVERIFY(resumed.value().isEmpty());
        QVERIFY(!later.hasOpenIncident());
    }

    void listsJournalsNewestFirst()
    {
        Fixture fixture;
        QDateTime now = at(0);
        fixture.manager.setClock([&now] { return now; });
        const auto first = fixture.manager.openIncident(QStringLiteral("first"), QStringLiteral("jana"));
        QVERIFY(first.ok());
        now = at(60'000);
        QVERIFY(!fixture.manager.closeIncident(QStringLiteral("jana"), {}));
        now = at(120'000);
        const auto second = fixture.manager.openIncident(QStringLiteral("second"), QStringLiteral("jana"));
        QVERIFY(second.ok());
        QFile junk(fixture.manager.store().pathFor(QStringLiteral("junk")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a journal\n");
        junk.close();

        const auto journals = fixture.manager.store().list();
        QCOMPARE(journals.size(), std::size_t(3));
        QCOMPARE(journals[0].id, second.value());
        QCOMPARE(journals[0].state, IncidentState::Open);
        QCOMPARE(journals[0].title, QStringLiteral("second"));
        QCOMPARE(journals[1].id, first.value());
        QCOMPARE(journals[1].state, IncidentState::Closed);
        QCOMPARE(journals[1].closedAt, at(60'000));
        QVERIFY(!journals[2].readable);
        QVERIFY(!journals[2].warnings.isEmpty());
        QCOMPARE(fixture.manager.store().newestOpenJournal(), std::optional<QString>(journals[0].path));
    }

    void closedJournalIsNotReopened()
    {
        Fixture fixture;
        const auto path = fixture.dir.filePath(QStringLiteral("recording.fljournal"));
        QVERIFY(fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana"), {}, path).ok());
        QVERIFY(!fixture.manager.closeIncident(QStringLiteral("jana"), {}));
        const auto size = QFileInfo(path).size();

        const auto again = fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana"), {}, path);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QLatin1String("closed")), qPrintable(again.error().message));
        QCOMPARE(QFileInfo(path).size(), size);
        QVERIFY(!fixture.manager.hasOpenIncident());
    }

    void graphSnapshotAtOpeningAndFirstCriticalEvent()
    {
        Fixture fixture;
        QDateTime now = at(0);
        fixture.manager.setClock([&now] { return now; });
        QVERIFY(fixture.manager.openIncident(QStringLiteral("drill"), QStringLiteral("jana")).ok());
        now = at(10'000);
        fixture.manager.record(alarm(QStringLiteral("w"), Severity::Warning));
        now = at(20'000);
        fixture.manager.record(alarm(QStringLiteral("c1"), Severity::Critical));
        now = at(30'000);
        fixture.manager.record(alarm(QStringLiteral("c2"), Severity::Critical));
        int snapshots = 0;
        for (const auto &event : fixture.manager.currentIncident()->events)
            snapshots += event.kind == EventKind::GraphSnapshot ? 1 : 0;
        QCOMPARE(snapshots, 2);
        const auto *atAlarm = fixture.manager.currentIncident()->graphAtFirstAlarm();
        QVERIFY(atAlarm);
        // Opened (1), snapshot (2), warning (3), critical (4), snapshot at the critical alarm (5).
        QCOMPARE(atAlarm->sequence, std::uint64_t(5));
        QCOMPARE(atAlarm->time, at(20'000));
    }

    void unwritableFolderReportsFailure()
    {
        // The store's parent is a regular file, which stops even root from creating the folder.
        Fixture fixture;
        const auto blocker = fixture.dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        fixture.manager.setStore(IncidentStore(blocker + QStringLiteral("/incidents")));
        QSignalSpy failed(&fixture.manager, &IncidentManager::journalFailed);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot open incident")));
        fixture.manager.record(alarm(QStringLiteral("c"), Severity::Critical));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(blocker), qPrintable(failed.first().first().toString()));
        QVERIFY(!fixture.manager.hasOpenIncident());
        QCOMPARE(fixture.manager.backlogSize(), std::size_t(1));

        const auto byHand = fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana"));
        QVERIFY(!byHand.ok());
    }

    void fullDiskDelaysEventsUntilSpaceReturns()
    {
        Fixture fixture;
        QSignalSpy failed(&fixture.manager, &IncidentManager::journalFailed);
        QSignalSpy recorded(&fixture.manager, &IncidentManager::eventRecorded);
        QVERIFY(fixture.manager.openIncident(QStringLiteral("t"), QStringLiteral("jana")).ok());
        const auto path = fixture.manager.store().pathFor(fixture.manager.currentIncident()->id);
        const auto eventsBefore = fixture.manager.currentIncident()->events.size();
        recorded.clear();

        // RLIMIT_FSIZE makes the next write fail as a full disk would, for root too.
        rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = rlim_t(QFileInfo(path).size() + 10);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("journal write failed")));
        fixture.manager.addNote(QStringLiteral("jana"), QStringLiteral("written while the disk is full"));
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QCOMPARE(failed.count(), 1);
        QCOMPARE(recorded.count(), 0);
        QCOMPARE(fixture.manager.pendingEvents(), std::size_t(1));
        QCOMPARE(fixture.manager.currentIncident()->events.size(), eventsBefore);

        // The retry timer writes the waiting event once the write can succeed.
        QTRY_COMPARE_WITH_TIMEOUT(fixture.manager.pendingEvents(), std::size_t(0), 10000);
        QCOMPARE(recorded.count(), 1);
        const auto contents = IncidentJournal::read(path);
        QVERIFY(contents.ok());
        QCOMPARE(contents->incident.events.back().text, QStringLiteral("written while the disk is full"));
        QVERIFY(sequencesAreContiguous(contents->incident));
    }
};

QTEST_GUILESS_MAIN(TestIncidentManager)
#include "tst_incidentmanager.moc"
