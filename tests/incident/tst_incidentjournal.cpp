// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The journal file: round trips, torn tails at every byte offset, damage in the middle, hostile records.
#include <csignal>

#include <sys/resource.h>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "incident/incidentjournal.h"
#include "incident/incidentjson.h"
#include "incidenttestdata.h"

using namespace faultline;
using namespace faultline::testdata;

namespace
{

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

std::vector<IncidentEvent> fiveEvents()
{
    std::vector<IncidentEvent> events;
    auto opened = makeEvent(1, EventKind::IncidentOpened, 0, {}, QStringLiteral("by hand"));
    opened.details.insert(QStringLiteral("title"), QStringLiteral("Line 2 stopped"));
    events.push_back(opened);
    events.push_back(stateChange(2, 1000, QStringLiteral("servo-3"), "ok", "critical", "core"));
    events.push_back(
        makeEvent(3, EventKind::OperatorNote, 2000, {}, QStringLiteral("Ünïcödé, \"quotes\",\nnew line\t tab")));
    auto snapshot = makeEvent(4, EventKind::GraphSnapshot, 3000);
    snapshot.graph = smallGraph();
    events.push_back(snapshot);
    events.push_back(makeEvent(5, EventKind::OperatorNote, 4000, {}, QStringLiteral("last")));
    return events;
}

// Writes a journal with @p events and returns its path.
QString writeJournal(const QTemporaryDir &dir, const std::vector<IncidentEvent> &events,
    const QString &name = QStringLiteral("j.fljournal"))
{
    const auto path = dir.filePath(name);
    auto journal = IncidentJournal::create(path, QStringLiteral("20260314-100000-0001"));
    if (!journal)
        qFatal("create failed: %s", qPrintable(journal.error().message));
    if (auto error = journal.value()->append(events))
        qFatal("append failed: %s", qPrintable(error->message));
    return path;
}

QByteArray headerLine()
{
    QJsonObject header;
    header.insert(QStringLiteral("format"), QStringLiteral("faultline-incident-journal"));
    header.insert(QStringLiteral("version"), 1);
    header.insert(QStringLiteral("id"), QStringLiteral("x"));
    return IncidentJournal::encodeRecord(header);
}

QByteArray eventLine(const IncidentEvent &event)
{
    return IncidentJournal::encodeRecord(IncidentJson::eventToJson(event));
}

} // namespace

class TestIncidentJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripKeepsEveryField()
    {
        QTemporaryDir dir;
        const auto events = fiveEvents();
        const auto path = writeJournal(dir, events);

        const auto contents = IncidentJournal::read(path);
        QVERIFY2(contents.ok(), contents.ok() ? "" : qPrintable(contents.error().message));
        QCOMPARE(contents->incident.id, QStringLiteral("20260314-100000-0001"));
        QCOMPARE(contents->incident.events.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i)
            QCOMPARE(contents->incident.events[i], events[i]);
        QCOMPARE(contents->incident.title, QStringLiteral("Line 2 stopped"));
        QCOMPARE(contents->incident.openedAt, at(0));
        QVERIFY(contents->warnings.isEmpty());
        QVERIFY(!contents->tornTail);
        QCOMPARE(contents->validBytes, contents->fileBytes);
    }

    void recordsAreOneLineEach()
    {
        QTemporaryDir dir;
        const auto path = writeJournal(dir, fiveEvents());
        const auto lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 7); // header, five events, and the empty piece after the last line feed
        QVERIFY(lines.last().isEmpty());
        for (int i = 0; i < 6; ++i)
            QCOMPARE(lines[i].at(8), ' ');
    }

    void tornTailAtEveryByteOffset()
    {
        QTemporaryDir dir;
        const auto events = fiveEvents();
        const auto full = readAll(writeJournal(dir, events));
        const qsizetype lastStart = full.lastIndexOf('\n', full.size() - 2) + 1;
        const auto copy = dir.filePath(QStringLiteral("torn.fljournal"));

        for (qsizetype cut = lastStart; cut < full.size(); ++cut) {
            writeAll(copy, full.left(cut));
            const auto contents = IncidentJournal::read(copy);
            const auto where = QStringLiteral("cut at byte %1 of %2").arg(cut).arg(full.size());
            QVERIFY2(contents.ok(), qPrintable(where));
            QVERIFY2(contents->incident.events.size() == 4, qPrintable(where));
            QVERIFY2(contents->incident.events.back() == events[3], qPrintable(where));
            QVERIFY2(contents->tornTail == (cut > lastStart), qPrintable(where));
            QVERIFY2(contents->warnings.isEmpty() == (cut == lastStart), qPrintable(where));
            QVERIFY2(contents->validBytes == lastStart, qPrintable(where));

            // Appending after the cut continues on a clean line, and nothing is lost or doubled.
            IncidentJournal::Contents resumed;
            auto journal = IncidentJournal::openForAppend(copy, resumed);
            QVERIFY2(journal.ok(), qPrintable(where));
            QVERIFY2(!journal.value()->append({ events[4] }), qPrintable(where));
            journal = Error {};
            const auto again = IncidentJournal::read(copy);
            QVERIFY2(again.ok(), qPrintable(where));
            QVERIFY2(again->incident.events.size() == 5, qPrintable(where));
            QVERIFY2(again->warnings.isEmpty(), qPrintable(where));
            QVERIFY2(readAll(copy) == full, qPrintable(where));
        }
    }

    void tornHeaderIsRejected()
    {
        QTemporaryDir dir;
        const auto full = readAll(writeJournal(dir, {}));
        const auto copy = dir.filePath(QStringLiteral("header.fljournal"));
        for (qsizetype cut = 0; cut < full.size(); ++cut) {
            writeAll(copy, full.left(cut));
            const auto contents = IncidentJournal::read(copy);
            QVERIFY2(!contents.ok(), qPrintable(QStringLiteral("cut at byte %1").arg(cut)));
            QVERIFY(contents.error().message.contains(QLatin1String("header")));
        }
    }

    void damagedRecords_data()
    {
        QTest::addColumn<int>("damagedLine"); // 1 is the first event after the header
        QTest::addColumn<int>("byteInLine");
        QTest::addColumn<QList<int>>("expectedSequences");
        QTest::addColumn<bool>("tornTail");

        QTest::newRow("bit flip in the CRC of the second event") << 2 << 3 << QList<int> { 1, 3, 4, 5 } << false;
        QTest::newRow("bit flip in the JSON of the first event") << 1 << 40 << QList<int> { 2, 3, 4, 5 } << false;
        QTest::newRow("bit flip in the last event") << 5 << 30 << QList<int> { 1, 2, 3, 4 } << true;
        QTest::newRow("line feed of the third event lost") << 3 << -1 << QList<int> { 1, 2, 5 } << false;
    }

    void damagedRecords()
    {
        QFETCH(int, damagedLine);
        QFETCH(int, byteInLine);
        QFETCH(QList<int>, expectedSequences);
        QFETCH(bool, tornTail);

        QTemporaryDir dir;
        const auto path = writeJournal(dir, fiveEvents());
        auto lines = readAll(path).split('\n');
        auto &line = lines[damagedLine];
        if (byteInLine >= 0) {
            line[byteInLine] = char(line[byteInLine] ^ 0x04);
            writeAll(path, lines.join('\n'));
        } else {
            // Joining the damaged line to the next one makes one record that fails its CRC.
            lines[damagedLine] = line + lines[damagedLine + 1];
            lines.removeAt(damagedLine + 1);
            writeAll(path, lines.join('\n'));
        }

        const auto contents = IncidentJournal::read(path);
        QVERIFY(contents.ok());
        QList<int> sequences;
        for (const auto &event : contents->incident.events)
            sequences.append(int(event.sequence));
        QCOMPARE(sequences, expectedSequences);
        QCOMPARE(contents->tornTail, tornTail);
        QVERIFY(!contents->warnings.isEmpty());
        QCOMPARE(contents->skippedRecords, tornTail ? 0 : 1);
    }

    void zeroFilledTailIsDropped()
    {
        // After a power cut a file can end in blocks of zeros that were allocated but never written.
        QTemporaryDir dir;
        const auto path = writeJournal(dir, fiveEvents());
        const auto original = readAll(path);
        writeAll(path, original + QByteArray(4096, '\0'));

        const auto contents = IncidentJournal::read(path);
        QVERIFY(contents.ok());
        QCOMPARE(contents->incident.events.size(), std::size_t(5));
        QVERIFY(contents->tornTail);
        QCOMPARE(contents->validBytes, original.size());

        IncidentJournal::Contents resumed;
        QVERIFY(IncidentJournal::openForAppend(path, resumed).ok());
        QCOMPARE(readAll(path), original);
    }

    void hostileRecords_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<int>>("expectedSequences");
        QTest::addColumn<int>("skipped");

        const auto e1 = eventLine(makeEvent(1, EventKind::OperatorNote, 0));
        const auto e2 = eventLine(makeEvent(2, EventKind::OperatorNote, 1));
        const auto e3 = eventLine(makeEvent(3, EventKind::OperatorNote, 2));
        QTest::newRow("duplicate sequence number") << e1 + e2 + e2 + e3 << QList<int> { 1, 2, 3 } << 1;
        QTest::newRow("sequence going back") << e1 + e3 + e2 << QList<int> { 1, 3 } << 1;
        QTest::newRow("gap in the sequence is kept") << e1 + e3 << QList<int> { 1, 3 } << 0;

        QJsonObject unknownKind = IncidentJson::eventToJson(makeEvent(2, EventKind::OperatorNote, 1));
        unknownKind.insert(QStringLiteral("kind"), QStringLiteral("alarm.exploded"));
        QTest::newRow("unknown kind with a valid CRC")
            << e1 + IncidentJournal::encodeRecord(unknownKind) + e3 << QList<int> { 1, 3 } << 1;

        QJsonObject wrongType = IncidentJson::eventToJson(makeEvent(2, EventKind::OperatorNote, 1));
        wrongType.insert(QStringLiteral("service"), QJsonArray { 1, 2 });
        QTest::newRow("service that is not a string")
            << e1 + IncidentJournal::encodeRecord(wrongType) + e3 << QList<int> { 1, 3 } << 1;

        QJsonObject noTime = IncidentJson::eventToJson(makeEvent(2, EventKind::OperatorNote, 1));
        noTime.insert(QStringLiteral("time"), QStringLiteral("2026-03-14T10:00:00"));
        QTest::newRow("time without offset")
            << e1 + IncidentJournal::encodeRecord(noTime) + e3 << QList<int> { 1, 3 } << 1;

        QTest::newRow("empty line between records") << e1 + "\n" + e2 << QList<int> { 1, 2 } << 1;
        QTest::newRow("CRC of the wrong record at the end") << e1 + e2.left(9) + e3.mid(9) << QList<int> { 1 } << 0;
    }

    void hostileRecords()
    {
        QFETCH(QByteArray, body);
        QFETCH(QList<int>, expectedSequences);
        QFETCH(int, skipped);

        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("hostile.fljournal"));
        writeAll(path, headerLine() + body);
        const auto contents = IncidentJournal::read(path);
        QVERIFY2(contents.ok(), contents.ok() ? "" : qPrintable(contents.error().message));
        QList<int> sequences;
        for (const auto &event : contents->incident.events)
            sequences.append(int(event.sequence));
        QCOMPARE(sequences, expectedSequences);
        QCOMPARE(contents->skippedRecords, skipped);
    }

    void oversizedRecordIsSkipped()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("huge.fljournal"));
        const QByteArray huge(IncidentJournal::MaxRecordBytes + 100, 'x');
        writeAll(path,
            headerLine() + eventLine(makeEvent(1, EventKind::OperatorNote, 0)) + huge + '\n'
                + eventLine(makeEvent(2, EventKind::OperatorNote, 1)));
        const auto contents = IncidentJournal::read(path);
        QVERIFY(contents.ok());
        QCOMPARE(contents->incident.events.size(), std::size_t(2));
        QCOMPARE(contents->skippedRecords, 1);
        QVERIFY(contents->warnings.first().contains(QLatin1String("longer than")));
    }

    void unreadableFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("empty file") << QByteArray() << QStringLiteral("no intact header");
        QTest::newRow("text file") << QByteArray("hello\nworld\n") << QStringLiteral("no intact header");
        QJsonObject other;
        other.insert(QStringLiteral("format"), QStringLiteral("something-else"));
        QTest::newRow("other format") << IncidentJournal::encodeRecord(other) << QStringLiteral("not a Faultline");
        QJsonObject future;
        future.insert(QStringLiteral("format"), QStringLiteral("faultline-incident-journal"));
        future.insert(QStringLiteral("version"), 99);
        future.insert(QStringLiteral("id"), QStringLiteral("x"));
        QTest::newRow("newer format version") << IncidentJournal::encodeRecord(future) << QStringLiteral("version 99");
        QTest::newRow("event before any header")
            << eventLine(makeEvent(1, EventKind::OperatorNote, 0)) << QStringLiteral("not a Faultline");
    }

    void unreadableFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("bad.fljournal"));
        writeAll(path, bytes);
        const auto contents = IncidentJournal::read(path);
        QVERIFY(!contents.ok());
        QVERIFY2(contents.error().message.contains(messagePart), qPrintable(contents.error().message));
        QVERIFY(contents.error().message.contains(path));
    }

    void createRefusesAnExistingFile()
    {
        QTemporaryDir dir;
        const auto path = writeJournal(dir, fiveEvents());
        const auto before = readAll(path);
        const auto again = IncidentJournal::create(path, QStringLiteral("other"));
        QVERIFY(!again.ok());
        QCOMPARE(readAll(path), before);
    }

    void secondWriterIsRejected()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("locked.fljournal"));
        auto first = IncidentJournal::create(path, QStringLiteral("id"));
        QVERIFY(first.ok());
        IncidentJournal::Contents contents;
        const auto second = IncidentJournal::openForAppend(path, contents);
        QVERIFY(!second.ok());
        QVERIFY2(second.error().message.contains(QLatin1String("another Faultline process")),
            qPrintable(second.error().message));

        // Once the first writer is gone, the journal can be taken over.
        first = Error {};
        QVERIFY(IncidentJournal::openForAppend(path, contents).ok());
    }

    void failedAppendLeavesNoPartialRecord()
    {
        // RLIMIT_FSIZE stops a write in the middle, as a full disk would; it applies to root as well.
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("full.fljournal"));
        auto journal = IncidentJournal::create(path, QStringLiteral("id"));
        QVERIFY(journal.ok());
        QVERIFY(!journal.value()->append({ makeEvent(1, EventKind::OperatorNote, 0) }));
        const auto before = readAll(path);

        auto big = makeEvent(2, EventKind::OperatorNote, 1, {}, QString(20000, QLatin1Char('n')));
        rlimit saved {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved;
        limited.rlim_cur = rlim_t(before.size() + 1000);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const auto error = journal.value()->append({ big });
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(error.has_value());
        QVERIFY2(error->message.contains(path), qPrintable(error->message));
        QCOMPARE(readAll(path), before);
        QCOMPARE(journal.value()->size(), before.size());

        // Once space is back, the same events go in whole.
        QVERIFY(!journal.value()->append({ big }));
        const auto contents = IncidentJournal::read(path);
        QVERIFY(contents.ok());
        QCOMPARE(contents->incident.events.size(), std::size_t(2));
        QVERIFY(contents->warnings.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIncidentJournal)
#include "tst_incidentjournal.moc"
