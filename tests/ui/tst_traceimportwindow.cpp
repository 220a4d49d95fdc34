// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QDeadlineTimer>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "edgeitem.h"
#include "graphview.h"
#include "importedgraphview.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "servicenodeitem.h"
#include "topology/livetopology.h"
#include "traceimportwindow.h"

using namespace faultline;

namespace
{

// frontend calls cart over HTTP, and cart calls a Redis database that sends no spans of its own.
const char zipkinTrace[] = R"([
  {"traceId":"463ac35c9f6413ad","id":"a000000000000001","name":"get /","kind":"SERVER",
   "timestamp":1000000,"duration":9000,"localEndpoint":{"serviceName":"frontend"}},
  {"traceId":"463ac35c9f6413ad","parentId":"a000000000000001","id":"a000000000000002","name":"get /cart",
   "kind":"CLIENT","timestamp":1001000,"duration":6000,"localEndpoint":{"serviceName":"frontend"},
   "remoteEndpoint":{"serviceName":"cart"}},
  {"traceId":"463ac35c9f6413ad","parentId":"a000000000000002","id":"a000000000000003","name":"get /cart",
   "kind":"SERVER","timestamp":1001500,"duration":5000,"localEndpoint":{"serviceName":"cart"}},
  {"traceId":"463ac35c9f6413ad","parentId":"a000000000000003","id":"a000000000000004","name":"hget",
   "kind":"CLIENT","timestamp":1002000,"duration":1000,"localEndpoint":{"serviceName":"cart"},
   "remoteEndpoint":{"serviceName":"redis"},"tags":{"db.system":"redis"}}
])";

QByteArray otlpResource(const char *service, const char *spans)
{
    return QByteArray(R"({"resource":{"attributes":[{"key":"service.name","value":{"stringValue":")") + service
        + R"("}}]},"scopeSpans":[{"spans":[)" + spans + "]}]}";
}

// checkout's client span is the parent of payment's server span in the same trace.
QByteArray otlpDocument(const char *traceId)
{
    const QByteArray trace(traceId);
    const QByteArray checkoutSpans = R"({"traceId":")" + trace
        + R"(","spanId":"b000000000000001","name":"POST /checkout","kind":2,"startTimeUnixNano":"1000",)"
          R"("endTimeUnixNano":"9000"},{"traceId":")"
        + trace
        + R"(","spanId":"b000000000000002","parentSpanId":"b000000000000001","name":"charge","kind":3,)"
          R"("startTimeUnixNano":"2000","endTimeUnixNano":"8000"})";
    const QByteArray paymentSpans = R"({"traceId":")" + trace
        + R"(","spanId":"b000000000000003","parentSpanId":"b000000000000002","name":"charge","kind":2,)"
          R"("startTimeUnixNano":"2500","endTimeUnixNano":"7500","status":{"code":2}})";
    return R"({"resourceSpans":[)" + otlpResource("checkout", checkoutSpans.constData()) + ","
        + otlpResource("payment", paymentSpans.constData()) + "]}";
}

QStringList words(const char *commaSeparated)
{
    return QString::fromLatin1(commaSeparated).split(QLatin1Char(','));
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

/** Imports @p path into a new window and waits for the worker to finish. */
std::unique_ptr<TraceImportWindow> importAndWait(const QString &path, bool *succeeded)
{
    auto window = std::make_unique<TraceImportWindow>();
    QSignalSpy finished(window.get(), &TraceImportWindow::importFinished);
    window->startImport({ path });
    if (!finished.wait(30000) || finished.size() != 1)
        return nullptr;
    *succeeded = finished.at(0).at(0).toBool();
    return window;
}

} // namespace

class TestTraceImportWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void importsGraph_data();
    void importsGraph();
    void rejectsFile_data();
    void rejectsFile();
    void badNdjsonLineIsListed();
    void importLeavesLiveViewAlone();
    void dropOffersLocalFilesOnly();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTraceImportWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTraceImportWindow::importsGraph_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");

    QTest::newRow("zipkin array of one trace") << QByteArray(zipkinTrace) << QStringLiteral("zipkin")
                                               << words("cart,frontend,redis") << words("cart>redis,frontend>cart");
    QTest::newRow("otlp request of two services")
        << otlpDocument("5b8efff798038103d269b633813fc60c") << QStringLiteral("otlp") << words("checkout,payment")
        << words("checkout>payment");
}

void TestTraceImportWindow::importsGraph()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);

    const QString path = writeFile(*m_dir, QStringLiteral("traces.json"), content);
    QVERIFY(!path.isEmpty());
    bool succeeded = false;
    const auto window = importAndWait(path, &succeeded);
    QVERIFY(window);
    QVERIFY2(succeeded, qPrintable(window->summaryText()));
    QVERIFY(!window->isImporting());

    const ImportedGraphView *view = window->graphView();
    QCOMPARE(view->nodeNames(), nodes);
    QCOMPARE(view->edgeCount(), int(edges.size()));
    for (const QString &edge : edges) {
        const QStringList ends = edge.split(QLatin1Char('>'));
        QVERIFY2(view->edgeItem(ends[0], ends[1]), qPrintable(edge));
    }

    // Each node is placed by the layout: callers sit above their callees.
    for (const QString &edge : edges) {
        const QStringList ends = edge.split(QLatin1Char('>'));
        QVERIFY2(view->nodeItem(ends[0])->pos().y() < view->nodeItem(ends[1])->pos().y(), qPrintable(edge));
    }

    const QString summary = window->summaryText();
    QVERIFY2(summary.contains(path), qPrintable(summary));
    QVERIFY2(summary.contains(format, Qt::CaseInsensitive), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("traces: 1")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("%1 edges").arg(edges.size())), qPrintable(summary));
    QVERIFY(!window->banner()->isVisible() || window->banner()->level() != MessageBanner::Level::Error);
}

void TestTraceImportWindow::rejectsFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("where");

    QTest::newRow("plain text is no trace format")
        << QStringLiteral("notes.txt") << QByteArray("shift handover: conveyor 3 was slow\n") << QString();
    QTest::newRow("empty file") << QStringLiteral("empty.json") << QByteArray() << QString();
    QTest::newRow("zipkin array cut off mid-span")
        << QStringLiteral("cut.json") << QByteArray(zipkinTrace).left(300) << QStringLiteral("byte");
}

void TestTraceImportWindow::rejectsFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);

    const QString path = writeFile(*m_dir, name, content);
    QVERIFY(!path.isEmpty());
    bool succeeded = true;
    const auto window = importAndWait(path, &succeeded);
    QVERIFY(window);
    QVERIFY(!succeeded);

    const QString message = window->banner()->text();
    QCOMPARE(window->banner()->level(), MessageBanner::Level::Error);
    QVERIFY2(message.contains(name), qPrintable(message));
    if (!where.isEmpty())
        QVERIFY2(message.contains(where), qPrintable(message));
    QCOMPARE(window->graphView()->nodeCount(), 0);
}

void TestTraceImportWindow::badNdjsonLineIsListed()
{
    const QByteArray content = otlpDocument("00000000000000000000000000000001") + "\n"
        + "{\"resourceSpans\":[{\"resource\":\n" + otlpDocument("00000000000000000000000000000002") + "\n";
    const QString path = writeFile(*m_dir, QStringLiteral("collector.jsonl"), content);
    QVERIFY(!path.isEmpty());
    bool succeeded = false;
    const auto window = importAndWait(path, &succeeded);
    QVERIFY(window);
    QVERIFY2(succeeded, qPrintable(window->banner()->text()));

    const QString summary = window->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("line 2 skipped")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("line 1 skipped")), qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("line 3 skipped")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("traces: 2")), qPrintable(summary));
    QVERIFY(window->graphView()->edgeItem(QStringLiteral("checkout"), QStringLiteral("payment")));
    QCOMPARE(window->banner()->level(), MessageBanner::Level::Warning);
}

void TestTraceImportWindow::importLeavesLiveViewAlone()
{
    LiveTopology topology;
    TopologyDelta delta;
    delta.nowMs = QDeadlineTimer::current().deadline();
    ServiceSnapshot mes;
    mes.name = "mes";
    mes.state = ServiceState::Ok;
    delta.services.push_back(mes);
    topology.apply(delta);
    MainWindow mainWindow(&topology);
    QCOMPARE(mainWindow.graphView()->nodeCount(), 1);

    const QString path = writeFile(*m_dir, QStringLiteral("traces.json"), zipkinTrace);
    QVERIFY(!path.isEmpty());
    mainWindow.importTraces({ path });
    const auto windows = mainWindow.findChildren<TraceImportWindow *>();
    QCOMPARE(windows.size(), qsizetype(1));
    QTRY_VERIFY_WITH_TIMEOUT(!windows.first()->isImporting(), 30000);
    QCOMPARE(windows.first()->graphView()->nodeCount(), 3);

    QCOMPARE(topology.services().size(), std::size_t(1));
    QCOMPARE(topology.edges().size(), std::size_t(0));
    QCOMPARE(mainWindow.graphView()->nodeCount(), 1);
    QVERIFY(mainWindow.graphView()->nodeItem(QStringLiteral("mes")));
    QVERIFY(!mainWindow.graphView()->nodeItem(QStringLiteral("frontend")));
    QVERIFY(windows.first()->isWindow());
}

void TestTraceImportWindow::dropOffersLocalFilesOnly()
{
    QMimeData mixed;
    mixed.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/a.json")),
        QUrl(QStringLiteral("https://example.invalid/b")), QUrl::fromLocalFile(QStringLiteral("/tmp/c.ndjson")) });
    QCOMPARE(TraceImportWindow::localFiles(&mixed), (words("/tmp/a.json,/tmp/c.ndjson")));

    QMimeData text;
    text.setText(QStringLiteral("/tmp/a.json"));
    QVERIFY(TraceImportWindow::localFiles(&text).isEmpty());
    QVERIFY(TraceImportWindow::localFiles(nullptr).isEmpty());
}

QTEST_MAIN(TestTraceImportWindow)
#include "tst_traceimportwindow.moc"
