// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The four exports: JSON round trips, CSV quoting and formula neutralisation, the Markdown
// post-mortem, the self-contained HTML report, and atomic writes that fail cleanly.
#include <csignal>

#include <sys/resource.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "incident/exporters/csvexporter.h"
#include "incident/exporters/htmlexporter.h"
#include "incident/exporters/incidentexport.h"
#include "incident/exporters/markdownexporter.h"
#include "incident/incidentjson.h"
#include "incidenttestdata.h"

using namespace faultline;
using namespace faultline::testdata;

namespace
{

// Splits RFC 4180 text into rows of fields, so the test reads the CSV the way a spreadsheet does.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Incident openIncidentWithoutEvents()
{
    Incident incident;
    incident.id = QStringLiteral("20260314-100000-0000");
    auto opened = makeEvent(1, EventKind::IncidentOpened, 0);
    opened.details.insert(QStringLiteral("title"), QString());
    incident.apply(opened);
    return incident;
}

} // namespace

class TestIncidentExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data()
    {
        QTest::addColumn<Incident>("incident");
        QTest::newRow("closed incident with every kind of content") << sampleIncident();
        QTest::newRow("open incident with only its opening") << openIncidentWithoutEvents();

        auto awkward = sampleIncident();
        auto note = makeEvent(awkward.events.size() + 1, EventKind::OperatorNote, 5, QStringLiteral("ß€𝄞"),
            QStringLiteral("tab\tnul-free \"quote\" \\ backslash\r\nCRLF"));
        note.details.insert(QStringLiteral("empty"), QString());
        note.details.insert(QStringLiteral("key with spaces"), QStringLiteral("{\"json\":\"inside\"}"));
        awkward.apply(note);
        QTest::newRow("unicode, escapes and empty details") << awkward;

        Incident big = sampleIncident();
        for (int i = 0; i < 5000; ++i) {
            big.apply(makeEvent(
                big.events.size() + 1, EventKind::StateChanged, 1000 + i, QStringLiteral("svc-%1").arg(i % 97)));
        }
        QTest::newRow("five thousand events") << big;
    }

    void jsonRoundTrip()
    {
        QFETCH(Incident, incident);
        const auto json = IncidentJson::exportDocument(incident);
        const auto imported = IncidentJson::importDocument(json);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->id, incident.id);
        QCOMPARE(imported->title, incident.title);
        QCOMPARE(imported->state, incident.state);
        QCOMPARE(imported->openedAt, incident.openedAt);
        QCOMPARE(imported->closedAt, incident.closedAt);
        QCOMPARE(imported->events.size(), incident.events.size());
        for (std::size_t i = 0; i < incident.events.size(); ++i)
            QCOMPARE(imported->events[i], incident.events[i]);
        QVERIFY(imported.value() == incident);
    }

    void jsonDocumentShape()
    {
        const auto document = QJsonDocument::fromJson(IncidentJson::exportDocument(sampleIncident())).object();
        QCOMPARE(document.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(document.value(QStringLiteral("incident")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("20260314-100000-abcd"));
        QCOMPARE(document.value(QStringLiteral("incident")).toObject().value(QStringLiteral("closed")).toString(),
            QStringLiteral("2026-03-14T10:15:00.000+00:00"));
        const auto events = document.value(QStringLiteral("events")).toArray();
        QCOMPARE(events.size(), qsizetype(sampleIncident().events.size()));
        QString previous;
        for (const auto &value : events) {
            const auto time = value.toObject().value(QStringLiteral("time")).toString();
            QVERIFY2(time.endsWith(QLatin1String("+00:00")), qPrintable(time));
            QVERIFY2(previous <= time, qPrintable(previous + QStringLiteral(" before ") + time));
            previous = time;
        }
        QCOMPARE(events.first().toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("service.state_changed"));
    }

    void jsonImportRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("messagePart");
        const auto valid = QJsonDocument::fromJson(IncidentJson::exportDocument(sampleIncident())).object();

        QTest::newRow("not JSON") << QByteArray("{\"version\":1,") << QStringLiteral("not a JSON object");
        QTest::newRow("array at the top") << QByteArray("[]") << QStringLiteral("not a JSON object");
        auto future = valid;
        future.insert(QStringLiteral("version"), 2);
        QTest::newRow("newer version") << QJsonDocument(future).toJson() << QStringLiteral("version 2");
        auto noVersion = valid;
        noVersion.remove(QStringLiteral("version"));
        QTest::newRow("missing version") << QJsonDocument(noVersion).toJson() << QStringLiteral("not supported");
        auto noId = valid;
        auto header = noId.value(QStringLiteral("incident")).toObject();
        header.remove(QStringLiteral("id"));
        noId.insert(QStringLiteral("incident"), header);
        QTest::newRow("missing incident id") << QJsonDocument(noId).toJson() << QStringLiteral("incident.id");

        auto duplicate = valid;
        auto events = duplicate.value(QStringLiteral("events")).toArray();
        events.append(events.at(3));
        duplicate.insert(QStringLiteral("events"), events);
        QTest::newRow("duplicate sequence number") << QJsonDocument(duplicate).toJson() << QStringLiteral("twice");

        auto badSeverity = valid;
        events = badSeverity.value(QStringLiteral("events")).toArray();
        auto event = events.at(2).toObject();
        event.insert(QStringLiteral("severity"), QStringLiteral("catastrophic"));
        events.replace(2, event);
        badSeverity.insert(QStringLiteral("events"), events);
        QTest::newRow("unknown severity names the event")
            << QJsonDocument(badSeverity).toJson() << QStringLiteral("event 3");

        auto badSequence = valid;
        events = badSequence.value(QStringLiteral("events")).toArray();
        event = events.at(0).toObject();
        event.insert(QStringLiteral("seq"), 1.5);
        events.replace(0, event);
        badSequence.insert(QStringLiteral("events"), events);
        QTest::newRow("fractional sequence number") << QJsonDocument(badSequence).toJson() << QStringLiteral("seq");
    }

    void jsonImportRejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, messagePart);
        const auto imported = IncidentJson::importDocument(json);
        QVERIFY(!imported.ok());
        QVERIFY2(imported.error().message.contains(messagePart), qPrintable(imported.error().message));
    }

    void csvField_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain text") << QStringLiteral("plc-gateway") << QStringLiteral("plc-gateway");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("line feed") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("CRLF inside") << QStringLiteral("one\r\ntwo") << QStringLiteral("\"one\r\ntwo\"");
        QTest::newRow("leading equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("leading plus") << QStringLiteral("+49 30 1234") << QStringLiteral("'+49 30 1234");
        QTest::newRow("leading minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::newRow("leading at sign") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("leading tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("leading carriage return is quoted too") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("full-width equals") << QStringLiteral("\uFF1D1+1") << QStringLiteral("'\uFF1D1+1");
        QTest::newRow("formula with comma and quote") << QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")
                                                      << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        QTest::newRow("equals later in the text") << QStringLiteral("rate=5") << QStringLiteral("rate=5");
        QTest::newRow("DDE payload") << QStringLiteral("=cmd|' /C calc'!A0") << QStringLiteral("'=cmd|' /C calc'!A0");
    }

    void csvField()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(CsvExporter::field(value), expected);
    }

    void csvDocumentReadsBack()
    {
        const auto incident = sampleIncident();
        const auto text = QString::fromUtf8(CsvExporter::render(incident));
        QVERIFY(text.endsWith(QLatin1String("\r\n")));
        const auto rows = parseCsv(text);
        QCOMPARE(rows.size(), qsizetype(incident.events.size() + 1));
        QCOMPARE(rows.first().first(), QStringLiteral("incident"));
        for (const auto &row : rows)
            QCOMPARE(row.size(), 11);

        const auto sorted = incident.eventsByTime();
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            const auto &row = rows.at(qsizetype(i) + 1);
            QCOMPARE(row.at(1), QString::number(sorted[i].sequence));
            // Every cell a spreadsheet could evaluate starts with the apostrophe; the rest is unchanged.
            const auto text = row.at(9);
            if (sorted[i].text.startsWith(QLatin1Char('=')))
                QCOMPARE(text, QLatin1Char('\'') + sorted[i].text);
            else
                QCOMPARE(text, sorted[i].text);
        }
        for (const auto &row : rows) {
            for (const auto &cell : row)
                QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.front()), qPrintable(cell));
        }
    }

    void markdownPostMortem()
    {
        const auto md = QString::fromUtf8(MarkdownExporter::render(sampleIncident()));
        for (const char *heading : { "# Post-incident review: plc-gateway: error rate 40 %", "## Summary", "## Impact",
                 "## Key times", "## Timeline", "## Actions taken", "## Notes", "## Stream problems", "## Follow-up",
                 "### Action items" }) {
            QVERIFY2(md.contains(QLatin1String(heading)), heading);
        }
        QVERIFY(md.contains(QLatin1String("| plc-gateway | core | critical | 2026-03-14T10:00:55.000+00:00 | "
                                          "2026-03-14T10:05:00.500+00:00 | 4 min 05 s | 1 |")));
        QVERIFY(md.contains(QLatin1String("| mes | core | warning | 2026-03-14T10:00:00.000+00:00 | "
                                          "2026-03-14T10:05:10.000+00:00 | 5 min 10 s | 0 |")));
        QVERIFY(md.contains(
            QLatin1String("| Time to detect (first alarm) | 2026-03-14T10:01:00.000+00:00 | 1 min 00 s |")));
        QVERIFY(md.contains(
            QLatin1String("| Time to mitigate (first action applied) | 2026-03-14T10:02:00.400+00:00 | 2 min 00 s |")));
        QVERIFY(md.contains(
            QLatin1String("| Time to recover (every service normal) | 2026-03-14T10:05:10.000+00:00 | 5 min 10 s |")));
        QVERIFY(md.contains(QLatin1String("Action rejected: capacity below the minimum")));
        QVERIFY(md.contains(QStringLiteral("Jana Nováková")));

        // Event text cannot break the table or inject markup.
        QVERIFY(md.contains(QLatin1String("shift lead.<br>Second line, with \\| pipe and \\<b\\>tag\\</b\\>")));
        QVERIFY(!md.contains(QLatin1String("<b>")));

        // The timeline lists every event, earliest first.
        const auto timeline = md.mid(md.indexOf(QLatin1String("## Timeline")),
            md.indexOf(QLatin1String("## Actions taken")) - md.indexOf(QLatin1String("## Timeline")));
        const auto lines = timeline.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), qsizetype(1 + 2 + sampleIncident().events.size()));
        QVERIFY(lines.at(3).startsWith(QLatin1String("| 2026-03-14T10:00:00.000+00:00 |")));
    }

    void markdownEscaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pipe") << QStringLiteral("a|b") << QStringLiteral("a\\|b");
        QTest::newRow("heading at the start") << QStringLiteral("# big") << QStringLiteral("\\# big");
        QTest::newRow("list item at the start") << QStringLiteral("- item") << QStringLiteral("\\- item");
        QTest::newRow("numbered item at the start") << QStringLiteral("12. item") << QStringLiteral("12\\. item");
        QTest::newRow("link") << QStringLiteral("[x](http://e)") << QStringLiteral("\\[x\\](http://e)");
        QTest::newRow("html") << QStringLiteral("<img src=x>") << QStringLiteral("\\<img src=x\\>");
        QTest::newRow("emphasis") << QStringLiteral("*a* _b_ `c`") << QStringLiteral("\\*a\\* \\_b\\_ \\`c\\`");
        QTest::newRow("line breaks") << QStringLiteral("a\r\nb\nc\rd") << QStringLiteral("a<br>b<br>c<br>d");
        QTest::newRow("control character dropped") << QStringLiteral("a\x01"
                                                                     "b")
                                                   << QStringLiteral("ab");
    }

    void markdownEscaping()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(MarkdownExporter::escaped(text), expected);
    }

    void htmlIsSelfContained()
    {
        auto incident = sampleIncident();
        for (auto &event : incident.events) {
            if (event.graph)
                event.graph->nodes.push_back({ QStringLiteral("<script>alert(1)</script>\x01"), NodeKind::External,
                    ServiceState::Critical, ServiceMode::Normal, std::nullopt });
        }
        const auto page = QString::fromUtf8(HtmlExporter::render(incident));
        QVERIFY(page.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(page.contains(QLatin1String("Content-Security-Policy")));
        QVERIFY(!page.contains(QLatin1String("<script")));
        QVERIFY(page.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(page.contains(QLatin1String("&lt;b&gt;tag&lt;/b&gt;")));

        // The only URL is the SVG namespace, so nothing is loaded from elsewhere.
        const QRegularExpression url(QStringLiteral("(https?:|src=|href=|@import)"));
        auto match = url.globalMatch(page);
        while (match.hasNext()) {
            const auto found = match.next();
            QCOMPARE(page.mid(found.capturedStart(), 26), QStringLiteral("http://www.w3.org/2000/svg"));
        }

        // The embedded SVG is well-formed XML, so it can also be saved and opened on its own.
        const auto start = page.indexOf(QLatin1String("<svg"));
        const auto end = page.indexOf(QLatin1String("</svg>"));
        QVERIFY(start > 0 && end > start);
        QXmlStreamReader xml(page.mid(start, end + 6 - start));
        int rects = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("rect"))
                ++rects;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(rects, 5 + 5); // five nodes and five legend boxes
        for (const char *name : { "mes", "plc-gateway", "historian", "analytics" })
            QVERIFY2(page.contains(QStringLiteral(">%1<").arg(QLatin1String(name))), name);
    }

    void exportWritesEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        for (const auto &name : IncidentExport::formatNames())
            QTest::newRow(qPrintable(name)) << name;
    }

    void exportWritesEveryFormat()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("report.") + format);
        QVERIFY(writeFile(path, "old contents"));
        const auto parsed = IncidentExport::formatFromName(format);
        QVERIFY(parsed.has_value());
        QVERIFY(!IncidentExport::exportTo(sampleIncident(), *parsed, path));
        QCOMPARE(readAll(path), IncidentExport::render(sampleIncident(), *parsed));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QFileInfo(path).fileName() });
    }

    void failedExportKeepsOldFile_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::newRow("parent of the output is a regular file") << QStringLiteral("parent-is-file");
        QTest::newRow("output is a directory") << QStringLiteral("directory");
        QTest::newRow("file size limit reached, as on a full disk") << QStringLiteral("full");
        QTest::newRow("read-only folder") << QStringLiteral("read-only");
    }

    void failedExportKeepsOldFile()
    {
        // chmod does not stop root, so the rows that must hold for root use a file as the parent
        // folder and RLIMIT_FSIZE (which limits root too) in place of a full disk.
        QFETCH(QString, failure);
        QTemporaryDir dir;
        const QByteArray old("the previous good export\n");
        const auto folder = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(folder));
        QString path = QDir(folder).filePath(QStringLiteral("report.md"));
        QVERIFY(writeFile(path, old));

        std::optional<Error> error;
        if (failure == QLatin1String("parent-is-file")) {
            error = IncidentExport::exportTo(
                sampleIncident(), ExportFormat::Markdown, path + QStringLiteral("/report.md"));
        } else if (failure == QLatin1String("directory")) {
            QVERIFY(QDir().mkpath(folder + QStringLiteral("/subdir")));
            error = IncidentExport::exportTo(
                sampleIncident(), ExportFormat::Markdown, folder + QStringLiteral("/subdir"));
            QVERIFY(QFileInfo(folder + QStringLiteral("/subdir")).isDir());
            QVERIFY(QDir().rmdir(folder + QStringLiteral("/subdir")));
        } else if (failure == QLatin1String("full")) {
            rlimit saved {};
            QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
            const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit limited = saved;
            limited.rlim_cur = 512;
            QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
            error = IncidentExport::exportTo(sampleIncident(), ExportFormat::Html, path);
            setrlimit(RLIMIT_FSIZE, &saved);
            std::signal(SIGXFSZ, previousHandler);
        } else {
            if (geteuid() == 0)
                QSKIP("root writes into a read-only folder; the other rows cover root");
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            error = IncidentExport::exportTo(sampleIncident(), ExportFormat::Markdown, path);
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }

        QVERIFY(error.has_value());
        QVERIFY2(error->message.startsWith(QLatin1String("cannot write")), qPrintable(error->message));
        QCOMPARE(readAll(path), old);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("report.md") });
    }
};

QTEST_GUILESS_MAIN(TestIncidentExport)
#include "tst_incidentexport.moc"
