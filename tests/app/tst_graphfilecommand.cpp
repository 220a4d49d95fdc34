// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "graphfilecommand.h"

using namespace faultline;

namespace
{

struct Run {
    int exit = -1;
    QString out;
    QString err;
};

Run runGraph(const QStringList &files, const QString &format)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exit = ctl::runGraphFromFiles(files, format, out, err);
    out.flush();
    err.flush();
    return run;
}

} // namespace

class TestGraphFileCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesEachFormat_data();
    void writesEachFormat();
    void jsonGraphFromTwoFiles();
    void usageAndRuntimeErrors_data();
    void usageAndRuntimeErrors();

private:
    QTemporaryDir m_dir;
    QString m_spans;
    QString m_links;
    QString m_broken;
};

void TestGraphFileCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const auto write = [&](const char *name, const QByteArray &content) {
        const QString path = m_dir.filePath(QString::fromLatin1(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", name);
        file.write(content);
        return path;
    };
    m_spans = write("spans.ndjson",
        "{\"index\":{}}\n"
        "{\"traceId\":\"aa\",\"spanId\":\"01\",\"kind\":\"SPAN_KIND_CLIENT\",\"serviceName\":\"order\","
        "\"startTime\":\"2021-03-25T17:23:30Z\",\"endTime\":\"2021-03-25T17:23:30.020Z\"}\n"
        "{\"traceId\":\"aa\",\"spanId\":\"02\",\"parentSpanId\":\"01\",\"kind\":\"SPAN_KIND_SERVER\",\"serviceName\":"
        "\"billing\",\"status.code\":2,\"startTime\":\"2021-03-25T17:23:30.001Z\",\"endTime\":\"2021-03-25T17:23:30."
        "019Z\"}\n"
        "not json at all\n");
    m_links = write("deps.json", "[{\"parent\":\"gateway\",\"child\":\"order\",\"callCount\":7}]");
    m_broken = write("broken.json", "[{\"traceId\":\"aa\",\"id\":\"01\"");
}

void TestGraphFileCommand::writesEachFormat_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QStringLiteral("text") << QStringLiteral("order -> billing  calls=1 errors=1 p50=20.0ms");
    QTest::newRow("dot") << QStringLiteral("dot") << QStringLiteral("\"order\" -> \"billing\" [label=\"1 (1 failed)\"");
    QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("\"callee\": \"billing\"");
}

void TestGraphFileCommand::writesEachFormat()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const Run run = runGraph({ m_spans }, format);
    QCOMPARE(run.exit, 0);
    QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("line 4 skipped: invalid JSON")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("2 spans in 1 traces, 2 services")), qPrintable(run.err));
}

void TestGraphFileCommand::jsonGraphFromTwoFiles()
{
    const Run run = runGraph({ m_spans, m_links }, QStringLiteral("json"));
    QCOMPARE(run.exit, 0);
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(root.value(QStringLiteral("services")).toArray().size(), 3);
    const QJsonArray edges = root.value(QStringLiteral("edges")).toArray();
    QCOMPARE(edges.size(), 2);
    QCOMPARE(edges[0].toObject().value(QStringLiteral("caller")).toString(), QStringLiteral("gateway"));
    QCOMPARE(edges[0].toObject().value(QStringLiteral("calls")).toInt(), 7);
    QCOMPARE(edges[1].toObject().value(QStringLiteral("errors")).toInt(), 1);
    const QJsonArray warnings = root.value(QStringLiteral("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("BadLine"));
}

void TestGraphFileCommand::usageAndRuntimeErrors_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format") << QStringList { m_spans } << QStringLiteral("png") << 2
                                    << QStringLiteral("--format 'png' is not supported");
    QTest::newRow("no files") << QStringList() << QStringLiteral("text") << 2 << QStringLiteral("at least one");
    QTest::newRow("missing file") << QStringList { m_dir.filePath(QStringLiteral("absent.json")) }
                                  << QStringLiteral("text") << 1 << QStringLiteral("cannot open");
    QTest::newRow("cut-off file") << QStringList { m_spans, m_broken } << QStringLiteral("text") << 1
                                  << QStringLiteral("ends early at byte 26");
}

void TestGraphFileCommand::usageAndRuntimeErrors()
{
    QFETCH(QStringList, files);
    QFETCH(QString, format);
    QFETCH(int, exit);
    QFETCH(QString, message);
    const Run run = runGraph(files, format);
    QCOMPARE(run.exit, exit);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestGraphFileCommand)
#include "tst_graphfilecommand.moc"
