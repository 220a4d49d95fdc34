// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QContextMenuEvent>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "edgeitem.h"
#include "graphmetrichistory.h"
#include "graphview.h"
#include "servicenodeitem.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace
{

using Emphasis = ServiceNodeItem::Emphasis;

ServiceSnapshot service(const char *name, ServiceState state = ServiceState::Ok, bool core = false)
{
    ServiceSnapshot snapshot;
    snapshot.name = name;
    snapshot.state = state;
    snapshot.criticalityKnown = true;
    snapshot.criticality = core ? Criticality::Core : Criticality::Important;
    snapshot.rps = 10;
    return snapshot;
}

EdgeSnapshot edge(const char *caller, const char *callee)
{
    EdgeSnapshot snapshot;
    snapshot.caller = caller;
    snapshot.callee = callee;
    snapshot.rps = 5;
    return snapshot;
}

/** hmi -> line -> robot -> servo -> db, scada -> line, robot -> line (a cycle), report alone. */
TopologyDelta plant()
{
    TopologyDelta delta;
    delta.services = { service("hmi", ServiceState::Ok, true), service("scada"),
        service("line", ServiceState::Ok, true), service("robot"), service("servo"), service("report") };
    delta.edges = { edge("hmi", "line"), edge("scada", "line"), edge("line", "robot"), edge("robot", "servo"),
        edge("servo", "db"), edge("robot", "line") };
    delta.edges.back().calleeKind = NodeKind::Service;
    delta.edges[4].calleeKind = NodeKind::Database;
    return delta;
}

bool overlapsAnotherNode(ServiceNodeItem *node)
{
    const QList<QGraphicsItem *> colliding = node->collidingItems(Qt::IntersectsItemShape);
    return std::any_of(
        colliding.begin(), colliding.end(), [](QGraphicsItem *item) { return item->type() == ServiceNodeItem::Type; });
}

} // namespace

class TestGraphView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void selectionHighlightsImpact();
    void blastRadiusWithoutClick();
    void offThreadLayoutKeepsPositions();
    void draggedNodeStays();
    void focusModeShowsDepth_data();
    void focusModeShowsDepth();
    void filterHidesNodesAndEdges();
    void searchPrefersPrefixes();
    void contextMenuNamesService();
    void exportWritesValidFiles();
    void exportOfEmptyGraphFails();
    void historyStaysBounded();

private:
    std::unique_ptr<LiveTopology> m_topology;
    std::unique_ptr<GraphView> m_view;
};

void TestGraphView::init()
{
    m_topology = std::make_unique<LiveTopology>();
    m_view = std::make_unique<GraphView>(m_topology.get());
    m_view->resize(1400, 900);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestGraphView::cleanup()
{
    m_view.reset();
    m_topology.reset();
}

void TestGraphView::selectionHighlightsImpact()
{
    m_topology->apply(plant());
    m_view->selectService(QStringLiteral("robot"));
    QCOMPARE(m_view->selectedService(), QStringLiteral("robot"));

    QCOMPARE(m_view->nodeItem(QStringLiteral("robot"))->emphasis(), Emphasis::Selected);
    // line calls robot and robot calls line, so line is on both sides.
    QCOMPARE(m_view->nodeItem(QStringLiteral("line"))->emphasis(), Emphasis::CallerAndCallee);
    QCOMPARE(m_view->nodeItem(QStringLiteral("hmi"))->emphasis(), Emphasis::Caller);
    QCOMPARE(m_view->nodeItem(QStringLiteral("scada"))->emphasis(), Emphasis::Caller);
    QCOMPARE(m_view->nodeItem(QStringLiteral("servo"))->emphasis(), Emphasis::Callee);
    QCOMPARE(m_view->nodeItem(QStringLiteral("db"))->emphasis(), Emphasis::Callee);
    QCOMPARE(m_view->nodeItem(QStringLiteral("report"))->emphasis(), Emphasis::Dimmed);
    QCOMPARE(m_view->affectedCoreServices(), 2);

    QCOMPARE(m_view->edgeItem(QStringLiteral("hmi"), QStringLiteral("line"))->emphasis(), EdgeItem::Emphasis::Caller);
    QCOMPARE(m_view->edgeItem(QStringLiteral("servo"), QStringLiteral("db"))->emphasis(), EdgeItem::Emphasis::Callee);

    // Selecting an entry point dims the other entry points.
    m_view->selectService(QStringLiteral("hmi"));
    QCOMPARE(m_view->nodeItem(QStringLiteral("scada"))->emphasis(), Emphasis::Dimmed);
    QCOMPARE(m_view->edgeItem(QStringLiteral("scada"), QStringLiteral("line"))->emphasis(), EdgeItem::Emphasis::Dimmed);

    m_view->selectService(QString());
    QCOMPARE(m_view->nodeItem(QStringLiteral("report"))->emphasis(), Emphasis::Normal);
    QCOMPARE(m_view->nodeItem(QStringLiteral("hmi"))->emphasis(), Emphasis::Normal);
}

void TestGraphView::blastRadiusWithoutClick()
{
    m_topology->apply(plant());
    QVERIFY(m_view->failingServices().isEmpty());

    TopologyDelta failure;
    failure.services = { service("servo", ServiceState::Critical) };
    m_topology->apply(failure);
    QCOMPARE(m_view->failingServices(), QStringList { QStringLiteral("servo") });
    QCOMPARE(m_view->nodeItem(QStringLiteral("servo"))->emphasis(), Emphasis::Failing);
    QCOMPARE(m_view->nodeItem(QStringLiteral("robot"))->emphasis(), Emphasis::Caller);
    QCOMPARE(m_view->nodeItem(QStringLiteral("hmi"))->emphasis(), Emphasis::Caller);
    QCOMPARE(m_view->nodeItem(QStringLiteral("db"))->emphasis(), Emphasis::Callee);
    // The rest is not dimmed while nothing is selected.
    QCOMPARE(m_view->nodeItem(QStringLiteral("report"))->emphasis(), Emphasis::Normal);
    QCOMPARE(m_view->affectedCoreServices(), 2);

    TopologyDelta recovery;
    recovery.services = { service("servo") };
    m_topology->apply(recovery);
    QVERIFY(m_view->failingServices().isEmpty());
    QCOMPARE(m_view->nodeItem(QStringLiteral("robot"))->emphasis(), Emphasis::Normal);
}

void TestGraphView::offThreadLayoutKeepsPositions()
{
    m_view->setInlineLayoutLimit(0);
    QSignalSpy applied(m_view.get(), &GraphView::layoutApplied);
    m_topology->apply(plant());
    QVERIFY(m_view->isLayoutPending());
    QTRY_COMPARE(applied.count(), 1);
    QVERIFY(!m_view->isLayoutPending());

    QHash<QString, QPointF> before;
    for (const QString &name : m_view->serviceNames()) {
        QVERIFY2(m_view->isNodeShown(name), qPrintable(name));
        before.insert(name, m_view->nodeItem(name)->pos());
    }
    QVERIFY(m_view->nodeItem(QStringLiteral("hmi"))->pos().y() < m_view->nodeItem(QStringLiteral("line"))->pos().y());

    TopologyDelta added;
    added.services = { service("labeler") };
    added.edges = { edge("line", "labeler"), edge("labeler", "db") };
    m_topology->apply(added);
    // A new node stays hidden until its layout lands, so it never flashes at the origin.
    QVERIFY(!m_view->isNodeShown(QStringLiteral("labeler")));
    QTRY_COMPARE(applied.count(), 2);
    QVERIFY(m_view->isNodeShown(QStringLiteral("labeler")));
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(m_view->nodeItem(it.key())->pos(), it.value());
    QVERIFY(!overlapsAnotherNode(m_view->nodeItem(QStringLiteral("labeler"))));
}

void TestGraphView::draggedNodeStays()
{
    m_topology->apply(plant());
    ServiceNodeItem *report = m_view->nodeItem(QStringLiteral("report"));
    const QPoint start = m_view->mapFromScene(report->pos());
    const QPoint end = start + QPoint(0, 150);

    QTest::mousePress(m_view->viewport(), Qt::LeftButton, {}, start);
    QMouseEvent move(QEvent::MouseMove, QPointF(end), m_view->viewport()->mapToGlobal(QPointF(end)), Qt::NoButton,
        Qt::LeftButton, {});
    QApplication::sendEvent(m_view->viewport(), &move);
    QTest::mouseRelease(m_view->viewport(), Qt::LeftButton, {}, end);
    QVERIFY(report->isPinned());
    const QPointF dragged = report->pos();
    QVERIFY(dragged.y() > m_view->mapToScene(start).y() + 50);

    // A late edge that would move a kept callee leaves the pinned node where it was put.
    TopologyDelta late;
    late.services = { service("newcomer") };
    late.edges = { edge("report", "hmi"), edge("newcomer", "report") };
    m_topology->apply(late);
    QCOMPARE(report->pos(), dragged);

    m_view->rearrange();
    QVERIFY(!report->isPinned());
}

void TestGraphView::focusModeShowsDepth_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QStringList>("shown");

    QTest::newRow("one hop") << 1
                             << QStringList { QStringLiteral("line"), QStringLiteral("robot"),
                                    QStringLiteral("servo") };
    QTest::newRow("two hops") << 2
                              << QStringList { QStringLiteral("hmi"), QStringLiteral("scada"), QStringLiteral("line"),
                                     QStringLiteral("robot"), QStringLiteral("servo"), QStringLiteral("db") };
    QTest::newRow("depth above five is clamped")
        << 9
        << QStringList { QStringLiteral("hmi"), QStringLiteral("scada"), QStringLiteral("line"),
               QStringLiteral("robot"), QStringLiteral("servo"), QStringLiteral("db") };
}

void TestGraphView::focusModeShowsDepth()
{
    QFETCH(int, depth);
    QFETCH(QStringList, shown);

    m_topology->apply(plant());
    const QPointF reportHome = m_view->nodeItem(QStringLiteral("report"))->pos();
    QSignalSpy focus(m_view.get(), &GraphView::focusChanged);
    m_view->focusOn(QStringLiteral("robot"), depth);
    QCOMPARE(m_view->focusedService(), QStringLiteral("robot"));
    QCOMPARE(m_view->focusDepth(), std::min(depth, 5));
    QCOMPARE(focus.count(), 1);
    for (const QString &name : m_view->serviceNames())
        QVERIFY2(m_view->isNodeShown(name) == shown.contains(name), qPrintable(name));

    m_view->clearFocusMode();
    QVERIFY(m_view->focusedService().isEmpty());
    QCOMPARE(m_view->nodeItem(QStringLiteral("report"))->pos(), reportHome);
    for (const QString &name : m_view->serviceNames())
        QVERIFY2(m_view->isNodeShown(name), qPrintable(name));
}

void TestGraphView::filterHidesNodesAndEdges()
{
    TopologyDelta delta = plant();
    delta.services[4].state = ServiceState::Critical; // servo
    m_topology->apply(delta);

    GraphFilter critical;
    critical.states.insert(ServiceState::Critical);
    m_view->setFilter(critical);
    QVERIFY(m_view->isNodeShown(QStringLiteral("servo")));
    QVERIFY(!m_view->isNodeShown(QStringLiteral("robot")));
    QVERIFY(!m_view->edgeItem(QStringLiteral("robot"), QStringLiteral("servo"))->isVisible());

    // The filter follows state changes as they stream in.
    TopologyDelta worse;
    worse.services = { service("robot", ServiceState::Critical) };
    m_topology->apply(worse);
    QVERIFY(m_view->isNodeShown(QStringLiteral("robot")));
    QVERIFY(m_view->edgeItem(QStringLiteral("robot"), QStringLiteral("servo"))->isVisible());

    GraphFilter pattern;
    pattern.setNamePattern(QStringLiteral("s*"));
    m_view->setFilter(pattern);
    QVERIFY(m_view->isNodeShown(QStringLiteral("scada")));
    QVERIFY(m_view->isNodeShown(QStringLiteral("servo")));
    QVERIFY(!m_view->isNodeShown(QStringLiteral("hmi")));

    m_view->setFilter(GraphFilter {});
    for (const QString &name : m_view->serviceNames())
        QVERIFY2(m_view->isNodeShown(name), qPrintable(name));
}

void TestGraphView::searchPrefersPrefixes()
{
    m_topology->apply(plant());
    QCOMPARE(m_view->matchingServices(QStringLiteral("R")),
        (QStringList { QStringLiteral("report"), QStringLiteral("robot"), QStringLiteral("servo") }));
    QCOMPARE(m_view->matchingServices(QStringLiteral("r"), 1), QStringList { QStringLiteral("report") });
    QVERIFY(m_view->matchingServices(QStringLiteral("  ")).isEmpty());

    // Typing in the graph selects by type-ahead.
    m_view->setFocus();
    QTest::keyClicks(m_view.get(), QStringLiteral("ro"));
    QCOMPARE(m_view->selectedService(), QStringLiteral("robot"));
}

void TestGraphView::contextMenuNamesService()
{
    m_topology->apply(plant());
    QSignalSpy spy(m_view.get(), &GraphView::serviceContextMenuRequested);
    const QPoint at = m_view->mapFromScene(m_view->nodeItem(QStringLiteral("servo"))->pos());
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_view->viewport(), &event);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(0).toString(), QStringLiteral("servo"));
    QCOMPARE(spy.first().at(1).toPoint(), m_view->viewport()->mapToGlobal(at));
    QCOMPARE(m_view->selectedService(), QStringLiteral("servo"));

    // A right-click on empty space names no service.
    QContextMenuEvent empty(QContextMenuEvent::Mouse, QPoint(2, 2), m_view->viewport()->mapToGlobal(QPoint(2, 2)));
    QApplication::sendEvent(m_view->viewport(), &empty);
    QCOMPARE(spy.count(), 1);
}

void TestGraphView::exportWritesValidFiles()
{
    m_topology->apply(plant());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const auto svg = m_view->exportSvg(dir.filePath(QStringLiteral("graph.svg")));
    QVERIFY2(svg.ok(), svg.ok() ? "" : qPrintable(svg.error().message));
    QFile file(svg.value());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
    QString text;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::Characters)
            text += xml.text();
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(text.contains(QStringLiteral("servo")));
    QVERIFY(text.contains(QStringLiteral("scada")));

    const auto png = m_view->exportPng(dir.filePath(QStringLiteral("graph.png")));
    QVERIFY(png.ok());
    const QImage image(png.value());
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 220);
    QVERIFY(image.height() > 64);

    const auto unwritable = m_view->exportPng(dir.filePath(QStringLiteral("missing/graph.png")));
    QVERIFY(!unwritable.ok());
    QVERIFY(unwritable.error().message.contains(QStringLiteral("missing/graph.png")));
}

void TestGraphView::exportOfEmptyGraphFails()
{
    QTemporaryDir dir;
    const auto svg = m_view->exportSvg(dir.filePath(QStringLiteral("graph.svg")));
    QVERIFY(!svg.ok());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("graph.svg"))));
}

void TestGraphView::historyStaysBounded()
{
    GraphMetricHistory history(m_topology.get());
    ServiceSnapshot snapshot = service("servo");
    const qint64 start = 1'000'000'000;
    // An hour of one sample per second keeps at most one point per 5 s bucket for 15 minutes.
    for (int second = 0; second < 3600; ++second) {
        snapshot.rps = second;
        history.record(QStringLiteral("servo"), start + second * 1000, snapshot);
    }
    const auto samples = history.samples(QStringLiteral("servo"));
    QVERIFY(int(samples.size()) <= GraphMetricHistory::maximumSamples);
    QVERIFY(samples.size() >= 180);
    QVERIFY(samples.front().timeMs >= start + 3599 * 1000 - GraphMetricHistory::windowMs);
    QCOMPARE(samples.back().rps, 3599.0);

    // A sample older than the newest is dropped, and no data is never recorded as a value.
    history.record(QStringLiteral("servo"), start, snapshot);
    QCOMPARE(history.samples(QStringLiteral("servo")).back().timeMs, samples.back().timeMs);
    snapshot.state = ServiceState::Stale;
    history.record(QStringLiteral("servo"), start + 4000 * 1000, snapshot);
    QCOMPARE(history.samples(QStringLiteral("servo")).size(), samples.size());
}

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
