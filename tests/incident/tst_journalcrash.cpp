// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a child process records events and is killed with SIGKILL at random moments;
// every event it reported as written must be read back. Set FAULTLINE_TEST_SEED to repeat a run.
#include <set>

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "incident/incidentjournal.h"

using namespace faultline;

class TestJournalCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportedEventsSurviveSigkill()
    {
        const auto seedText = qEnvironmentVariable("FAULTLINE_TEST_SEED");
        const quint32 seed = seedText.isEmpty() ? QRandomGenerator::global()->generate() : seedText.toUInt();
        qInfo("seed %u (set FAULTLINE_TEST_SEED to repeat)", seed);
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        int trialsWithEvents = 0;
        int tornTails = 0;
        std::uint64_t reportedTotal = 0;

        for (int trial = 0; trial < 100; ++trial) {
            const auto path = dir.filePath(QStringLiteral("trial-%1.fljournal").arg(trial));
            QProcess child;
            child.start(QStringLiteral(JOURNAL_WRITER), { path, QString::number(random.generate()) });
            QVERIFY2(child.waitForStarted(5000), qPrintable(child.errorString()));

            // Odd trials wait for the journal to exist, even ones may kill the child while it starts up.
            if (trial % 2 == 1) {
                QByteArray seen;
                while (!seen.contains("ready") && child.waitForReadyRead(5000))
                    seen += child.peek(4096);
            }
            QThread::usleep(random.bounded(80'000));
            child.kill();
            QVERIFY(child.waitForFinished(5000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            std::set<std::uint64_t> reported;
            for (const auto &line : child.readAllStandardOutput().split('\n')) {
                if (line.startsWith("seq "))
                    reported.insert(line.mid(4).toULongLong());
            }
            reportedTotal += reported.size();
            const auto where
                = QStringLiteral("trial %1 (seed %2): %3 events reported").arg(trial).arg(seed).arg(reported.size());

            if (!QFile::exists(path)) {
                QVERIFY2(reported.empty(), qPrintable(where));
                continue;
            }
            const auto contents = IncidentJournal::read(path);
            if (!contents) {
                // Killed between creating the file and syncing its header: nothing was reported yet.
                QVERIFY2(reported.empty(), qPrintable(where + QStringLiteral(": ") + contents.error().message));
                continue;
            }
            QVERIFY2(contents->skippedRecords == 0, qPrintable(where));
            tornTails += contents->tornTail ? 1 : 0;

            std::set<std::uint64_t> stored;
            std::uint64_t expected = 1;
            for (const auto &event : contents->incident.events) {
                QVERIFY2(event.sequence == expected,
                    qPrintable(where + QStringLiteral(": sequence %1").arg(event.sequence)));
                stored.insert(event.sequence);
                ++expected;
            }
            for (const auto sequence : reported)
                QVERIFY2(stored.count(sequence), qPrintable(where + QStringLiteral(": event %1 lost").arg(sequence)));
            trialsWithEvents += reported.empty() ? 0 : 1;
        }

        qInfo("%d of 100 trials had reported events, %llu events in all; %d journals had a torn tail", trialsWithEvents,
            qulonglong(reportedTotal), tornTails);
        // The kills must hit a running writer often enough for the test to mean something.
        QVERIFY2(trialsWithEvents >= 30, qPrintable(QStringLiteral("only %1 trials had events").arg(trialsWithEvents)));
    }
};

QTEST_GUILESS_MAIN(TestJournalCrash)
#include "tst_journalcrash.moc"
