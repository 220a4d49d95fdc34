// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>
#include <set>

#include <QDeadlineTimer>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSignalSpy>
#include <QStyleOptionGraphicsItem>
#include <QTest>
#include <QTreeWidget>

#include "edgeitem.h"
#include "graphview.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "publisherstatuswidget.h"
#include "servicedetailspanel.h"
#include "servicenodeitem.h"
#include "statestyle.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace
{

ServiceSnapshot service(const std::string &name, ServiceState state = ServiceState::Ok, double rps = 100)
{
    ServiceSnapshot snapshot;
    snapshot.name = name;
    snapshot.state = state;
    snapshot.rps = rps;
    snapshot.errorRate = 0.002;
    snapshot.latencyP50Ms = 4;
    snapshot.latencyP99Ms = 21;
    snapshot.criticality = Criticality::Important;
    snapshot.criticalityKnown = true;
    snapshot.lastHeartbeatMs = QDeadlineTimer::current().deadline();
    return snapshot;
}

EdgeSnapshot edge(const std::string &caller, const std::string &callee, double rps = 50, double errorRate = 0)
{
    EdgeSnapshot snapshot;
    snapshot.caller = caller;
    snapshot.callee = callee;
    snapshot.rps = rps;
    snapshot.errorRate = errorRate;
    snapshot.latencyP99Ms = 35;
    return snapshot;
}

/** A plant of 14 services in five layers, like the demo plant. */
TopologyDelta plantDelta(int round = 0)
{
    static const std::vector<std::pair<std::string, std::string>> calls = {
        { "operator-hmi", "mes" },
        { "operator-hmi", "alarm-service" },
        { "mes", "order-service" },
        { "mes", "quality-service" },
        { "mes", "scheduler" },
        { "scheduler", "robot-arm-1" },
        { "scheduler", "robot-arm-2" },
        { "scheduler", "conveyor" },
        { "robot-arm-1", "servo-controller" },
        { "robot-arm-2", "servo-controller" },
        { "conveyor", "plc-gateway" },
        { "servo-controller", "plc-gateway" },
        { "quality-service", "vision-inspection" },
        { "analytics", "historian" },
        { "mes", "historian" },
        { "alarm-service", "historian" },
    };
    TopologyDelta delta;
    std::set<std::string> names;
    for (const auto &[caller, callee] : calls) {
        names.insert(caller);
        names.insert(callee);
        delta.edges.push_back(edge(caller, callee, 40 + round, round % 7 == 0 ? 0.08 : 0.001));
    }
    for (const std::string &name : names) {
        auto snapshot = service(name, round % 3 == 0 ? ServiceState::Warning : ServiceState::Ok, 100.0 + round);
        if (name == "mes" || name == "plc-gateway")
            snapshot.criticality = Criticality::Core;
        delta.services.push_back(snapshot);
    }
    return delta;
}

/** How many pixels of the item's picture have exactly @p color. */
int pixelsOfColor(QGraphicsItem *item, const QColor &color)
{
    const QRectF bounds = item->boundingRect();
    QImage image(bounds.size().toSize() + QSize(2, 2), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft() + QPointF(1, 1));
    QStyleOptionGraphicsItem option;
    item->paint(&painter, &option, nullptr);
    painter.end();

    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixelColor(x, y).rgb() == color.rgb())
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void nodeAppearsPerService();
    void noDataNeverLooksHealthy_data();
    void noDataNeverLooksHealthy();
    void traceOnlyCalleeIsUnknown();
    void modeBadge_data();
    void modeBadge();
    void edgeStyleFollowsMetrics();
    void clickFillsDetailsPanel();
    void detailsFollowUpdates();
    void statusBarShowsPublisherGaps();
    void streamStatus_data();
    void streamStatus();
    void manyPublishersAreSummed();
    void warningShowsBanner();
    void addedServiceKeepsPositions();
    void lateEdgesLayOutAfresh();
    void edgelessServicesKeepPositions();
    void repeatedDeltasReuseItems();
    void plantFitsWindowReadably();
    void clearRemovesItems();

private:
    std::unique_ptr<LiveTopology> m_topology;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestMainWindow::init()
{
    m_topology = std::make_unique<LiveTopology>();
    m_window = std::make_unique<MainWindow>(m_topology.get());
    m_window->resize(1920, 1080);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_topology.reset();
}

void TestMainWindow::nodeAppearsPerService()
{
    GraphView *view = m_window->graphView();
    QCOMPARE(view->nodeCount(), 0);

    TopologyDelta delta;
    delta.services = { service("mes"), service("scheduler"), service("robot-arm-1") };
    delta.edges = { edge("mes", "scheduler"), edge("scheduler", "robot-arm-1") };
    m_topology->apply(delta);

    QCOMPARE(view->nodeCount(), 3);
    QCOMPARE(view->edgeCount(), 2);
    for (const char *name : { "mes", "scheduler", "robot-arm-1" }) {
        ServiceNodeItem *node = view->nodeItem(QString::fromLatin1(name));
        QVERIFY2(node, name);
        QCOMPARE(node->scene(), view->scene());
    }
    QVERIFY(view->edgeItem(QStringLiteral("mes"), QStringLiteral("scheduler")));
    QVERIFY(!view->edgeItem(QStringLiteral("scheduler"), QStringLiteral("mes")));
}

void TestMainWindow::noDataNeverLooksHealthy_data()
{
    QTest::addColumn<ServiceState>("state");
    QTest::addColumn<bool>("healthy");

    QTest::newRow("ok service looks healthy") << ServiceState::Ok << true;
    QTest::newRow("unknown service before any heartbeat") << ServiceState::Unknown << false;
    QTest::newRow("stale service whose heartbeats stopped") << ServiceState::Stale << false;
    QTest::newRow("critical service") << ServiceState::Critical << false;
}

void TestMainWindow::noDataNeverLooksHealthy()
{
    QFETCH(ServiceState, state);
    QFETCH(bool, healthy);

    TopologyDelta delta;
    delta.services = { service("plc-gateway", state) };
    m_topology->apply(delta);
    ServiceNodeItem *node = m_window->graphView()->nodeItem(QStringLiteral("plc-gateway"));
    QVERIFY(node);

    const QColor okColor = StateStyle::stateColor(ServiceState::Ok);
    const QColor okFill = StateStyle::stateFill(ServiceState::Ok);
    const int okColorPixels = pixelsOfColor(node, okColor);
    const int okFillPixels = pixelsOfColor(node, okFill);
    if (healthy) {
        QVERIFY2(okColorPixels > 50, qPrintable(QString::number(okColorPixels)));
        QVERIFY2(okFillPixels > 1000, qPrintable(QString::number(okFillPixels)));
        QCOMPARE(StateStyle::stateSymbol(state), StateStyle::Symbol::CheckCircle);
    } else {
        QCOMPARE(okColorPixels, 0);
        QCOMPARE(okFillPixels, 0);
        QVERIFY(StateStyle::stateSymbol(state) != StateStyle::Symbol::CheckCircle);
        QVERIFY(StateStyle::stateColor(state) != okColor);
    }
    QCOMPARE(StateStyle::stateOutlineDashed(state), state == ServiceState::Unknown || state == ServiceState::Stale);
}

void TestMainWindow::traceOnlyCalleeIsUnknown()
{
    TopologyDelta delta;
    delta.services = { service("mes") };
    EdgeSnapshot toDatabase = edge("mes", "postgres");
    toDatabase.calleeKind = NodeKind::Database;
    delta.edges = { toDatabase };
    m_topology->apply(delta);

    ServiceNodeItem *node = m_window->graphView()->nodeItem(QStringLiteral("postgres"));
    QVERIFY(node);
    QVERIFY(node->isTraceOnly());
    QCOMPARE(node->snapshot().state, ServiceState::Unknown);
    QCOMPARE(node->snapshot().kind, NodeKind::Database);
    QCOMPARE(pixelsOfColor(node, StateStyle::stateColor(ServiceState::Ok)), 0);

    // Once it sends heartbeats of its own, it is a service like any other.
    TopologyDelta heartbeat;
    heartbeat.services = { service("postgres") };
    heartbeat.services.front().kind = NodeKind::Database;
    m_topology->apply(heartbeat);
    QCOMPARE(m_window->graphView()->nodeItem(QStringLiteral("postgres")), node);
    QVERIFY(!node->isTraceOnly());
    QCOMPARE(node->snapshot().state, ServiceState::Ok);
}

void TestMainWindow::modeBadge_data()
{
    QTest::addColumn<ServiceMode>("mode");
    QTest::addColumn<double>("rampPercent");
    QTest::addColumn<QString>("badge");

    QTest::newRow("normal has no badge") << ServiceMode::Normal << -1.0 << QString();
    QTest::newRow("isolated") << ServiceMode::Isolated << -1.0 << QStringLiteral("ISOLATED");
    QTest::newRow("degraded") << ServiceMode::Degraded << -1.0 << QStringLiteral("DEGRADED");
    QTest::newRow("ramping at 25 percent") << ServiceMode::Ramping << 25.0 << QStringLiteral("RAMPING 25 %");
    QTest::newRow("ramping without a percent") << ServiceMode::Ramping << -1.0 << QStringLiteral("RAMPING");
    QTest::newRow("shedding") << ServiceMode::Shedding << -1.0 << QStringLiteral("SHEDDING");
}

void TestMainWindow::modeBadge()
{
    QFETCH(ServiceMode, mode);
    QFETCH(double, rampPercent);
    QFETCH(QString, badge);

    TopologyDelta delta;
    delta.services = { service("robot-arm-1") };
    delta.services.front().mode = mode;
    if (rampPercent >= 0)
        delta.services.front().rampPercent = rampPercent;
    m_topology->apply(delta);

    ServiceNodeItem *node = m_window->graphView()->nodeItem(QStringLiteral("robot-arm-1"));
    QVERIFY(node);
    QCOMPARE(node->modeBadgeText(), badge);
}

void TestMainWindow::edgeStyleFollowsMetrics()
{
    TopologyDelta delta;
    delta.services = { service("a"), service("b"), service("c") };
    delta.edges = { edge("a", "b", 5, 0), edge("a", "c", 2000, 0.2) };
    m_topology->apply(delta);

    EdgeItem *quiet = m_window->graphView()->edgeItem(QStringLiteral("a"), QStringLiteral("b"));
    EdgeItem *busy = m_window->graphView()->edgeItem(QStringLiteral("a"), QStringLiteral("c"));
    QVERIFY(quiet);
    QVERIFY(busy);
    QVERIFY(EdgeItem::widthForRate(busy->snapshot().rps) > EdgeItem::widthForRate(quiet->snapshot().rps));
    QCOMPARE(StateStyle::errorRateColor(busy->snapshot().errorRate), StateStyle::stateColor(ServiceState::Critical));
    QVERIFY(StateStyle::errorRateColor(quiet->snapshot().errorRate) != StateStyle::stateColor(ServiceState::Critical));
    QVERIFY(busy->toolTip().contains(QStringLiteral("2000 req/s")));
    QVERIFY(busy->toolTip().contains(QStringLiteral("20 %")));
    QVERIFY(busy->toolTip().contains(QStringLiteral("35 ms")));
}

void TestMainWindow::clickFillsDetailsPanel()
{
    TopologyDelta delta;
    delta.services = { service("hmi"), service("mes", ServiceState::Critical, 120), service("db") };
    delta.services[1].capacity = 64;
    delta.services[1].inFlight = 12;
    delta.services[1].breakers = { { "db", BreakerState::Open } };
    delta.services[1].instances = { { "mes-1", ServiceState::Critical, 60, 0.3, 80, delta.services[1].lastHeartbeatMs },
        { "mes-2", ServiceState::Ok, 60, 0.0, 20, delta.services[1].lastHeartbeatMs } };
    delta.edges = { edge("hmi", "mes", 120, 0.1), edge("mes", "db", 80, 0) };
    m_topology->apply(delta);

    GraphView *view = m_window->graphView();
    ServiceNodeItem *node = view->nodeItem(QStringLiteral("mes"));
    QVERIFY(node);
    QSignalSpy selected(view, &GraphView::selectedServiceChanged);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(node->pos()));

    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toString(), QStringLiteral("mes"));
    ServiceDetailsPanel *panel = m_window->detailsPanel();
    QCOMPARE(panel->service(), QStringLiteral("mes"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("title"))->text(), QStringLiteral("mes"));
    QCOMPARE(
        panel->findChild<QLabel *>(QStringLiteral("state"))->text(), StateStyle::stateName(ServiceState::Critical));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("rate"))->text(), QStringLiteral("120 req/s"));
    QCOMPARE(panel->findChild<QLabel *>(QStringLiteral("load"))->text(), QStringLiteral("12 / 64"));

    auto *breakers = panel->findChild<QTreeWidget *>(QStringLiteral("breakers"));
    QCOMPARE(breakers->topLevelItemCount(), 1);
    QCOMPARE(breakers->topLevelItem(0)->text(1), StateStyle::breakerStateName(BreakerState::Open));
    auto *instances = panel->findChild<QTreeWidget *>(QStringLiteral("instances"));
    QCOMPARE(instances->topLevelItemCount(), 2);
    QCOMPARE(instances->topLevelItem(0)->text(0), QStringLiteral("mes-1"));
    auto *callers = panel->findChild<QTreeWidget *>(QStringLiteral("callers"));
    QCOMPARE(callers->topLevelItemCount(), 1);
    QCOMPARE(callers->topLevelItem(0)->text(0), QStringLiteral("hmi"));
    QCOMPARE(callers->topLevelItem(0)->text(2), QStringLiteral("10 %"));
    auto *callees = panel->findChild<QTreeWidget *>(QStringLiteral("callees"));
    QCOMPARE(callees->topLevelItemCount(), 1);
    QCOMPARE(callees->topLevelItem(0)->text(0), QStringLiteral("db"));

    // A click on empty space clears the selection and the panel.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(panel->service(), QString());
}

void TestMainWindow::detailsFollowUpdates()
{
    TopologyDelta delta;
    delta.services = { service("mes", ServiceState::Ok, 100) };
    m_topology->apply(delta);
    m_window->graphView()->selectService(QStringLiteral("mes"));
    auto *rate = m_window->detailsPanel()->findChild<QLabel *>(QStringLiteral("rate"));
    QCOMPARE(rate->text(), QStringLiteral("100 req/s"));

    delta.services.front().rps = 7.5;
    delta.services.front().state = ServiceState::Stale;
    m_topology->apply(delta);
    QCOMPARE(rate->text(), QStringLiteral("7.5 req/s"));
    QCOMPARE(m_window->detailsPanel()->findChild<QLabel *>(QStringLiteral("state"))->text(),
        StateStyle::stateName(ServiceState::Stale));
    QVERIFY(!m_window->detailsPanel()->findChild<QLabel *>(QStringLiteral("note"))->isHidden());
}

void TestMainWindow::statusBarShowsPublisherGaps()
{
    PublisherSnapshot publisher;
    publisher.publisher = "plant-a";
    publisher.endpoint = "tcp://127.0.0.1:5556";
    publisher.messages = 5000;
    publisher.gaps = 37;
    publisher.malformed = 2;
    publisher.messagesPerSecond = 250;
    publisher.lastSeenMs = QDeadlineTimer::current().deadline();
    publisher.lastError = QStringLiteral("health payload: missing field \"rps\"");
    TopologyDelta delta;
    delta.publishers = { publisher };
    m_topology->apply(delta);

    PublisherStatusWidget *status = m_window->publisherStatus();
    QCOMPARE(status->publisherTexts(), QStringList { QStringLiteral("plant-a: 250 msg/s, 37 gaps, 2 malformed") });
    auto *label = status->findChild<QLabel *>(QStringLiteral("publisher0"));
    QVERIFY(label);
    QVERIFY(label->toolTip().contains(publisher.lastError));
    QVERIFY(label->toolTip().contains(QStringLiteral("tcp://127.0.0.1:5556")));
    QCOMPARE(status->streamStatus(), PublisherStatusWidget::StreamStatus::Receiving);
}

void TestMainWindow::streamStatus_data()
{
    QTest::addColumn<bool>("sendDelta");
    QTest::addColumn<qint64>("lastSeenAgoMs");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("textStart");

    using Status = PublisherStatusWidget::StreamStatus;
    QTest::newRow("nothing received") << false << qint64(0) << int(Status::NoData) << QStringLiteral("No data yet");
    QTest::newRow("publisher seen just now")
        << true << qint64(0) << int(Status::Receiving) << QStringLiteral("Receiving");
    QTest::newRow("publisher silent for 20 s")
        << true << qint64(20'000) << int(Status::Silent) << QStringLiteral("Stream silent for 20 s");
}

void TestMainWindow::streamStatus()
{
    QFETCH(bool, sendDelta);
    QFETCH(qint64, lastSeenAgoMs);
    QFETCH(int, expected);
    QFETCH(QString, textStart);

    if (sendDelta) {
        PublisherSnapshot publisher;
        publisher.publisher = "plant-a";
        publisher.lastSeenMs = QDeadlineTimer::current().deadline() - lastSeenAgoMs;
        TopologyDelta delta;
        delta.publishers = { publisher };
        m_topology->apply(delta);
    }

    PublisherStatusWidget *status = m_window->publisherStatus();
    QCOMPARE(int(status->streamStatus()), expected);
    QVERIFY2(status->streamText().startsWith(textStart), qPrintable(status->streamText()));
}

void TestMainWindow::manyPublishersAreSummed()
{
    TopologyDelta delta;
    for (int i = 0; i < 10; ++i) {
        PublisherSnapshot publisher;
        publisher.publisher = "plant-" + std::to_string(i);
        publisher.lastSeenMs = QDeadlineTimer::current().deadline();
        delta.publishers.push_back(publisher);
    }
    m_topology->apply(delta);

    PublisherStatusWidget *status = m_window->publisherStatus();
    QCOMPARE(status->publisherTexts().size(), PublisherStatusWidget::maxPublisherLabels);
    // Fewer publishers later hide the labels that are no longer needed.
    delta.publishers.resize(1);
    m_topology->apply(delta);
    QCOMPARE(status->publisherTexts().size(), 1);
}

void TestMainWindow::warningShowsBanner()
{
    MessageBanner *banner = m_window->banner();
    QVERIFY(banner->isHidden());

    TopologyDelta delta;
    delta.warnings = { "trace 4bf9: span names a parent that never arrived",
        "trace 4bf9: span names a parent that never arrived" };
    m_topology->apply(delta);
    QVERIFY(!banner->isHidden());
    QCOMPARE(banner->level(), MessageBanner::Level::Warning);
    QCOMPARE(banner->repeatCount(), 2);
    QVERIFY(banner->text().startsWith(QStringLiteral("trace 4bf9")));

    // An error is not hidden by a later warning.
    m_window->showProblem(QStringLiteral("Could not connect to tcp://127.0.0.1:1: connection refused."));
    m_topology->apply(delta);
    QCOMPARE(banner->level(), MessageBanner::Level::Error);
    QVERIFY(banner->text().startsWith(QStringLiteral("Could not connect")));

    banner->dismiss();
    QVERIFY(banner->isHidden());
}

void TestMainWindow::addedServiceKeepsPositions()
{
    m_topology->apply(plantDelta());
    GraphView *view = m_window->graphView();
    QHash<QString, QPointF> before;
    for (const auto &[name, snapshot] : m_topology->services())
        before.insert(QString::fromStdString(name), view->nodeItem(QString::fromStdString(name))->pos());

    TopologyDelta added;
    added.services = { service("energy-monitor"), service("label-printer") };
    added.edges = { edge("mes", "label-printer"), edge("energy-monitor", "plc-gateway") };
    m_topology->apply(added);

    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(view->nodeItem(it.key())->pos(), it.value());
    for (const char *name : { "energy-monitor", "label-printer" }) {
        ServiceNodeItem *node = view->nodeItem(QString::fromLatin1(name));
        QVERIFY(node);
        const QList<QGraphicsItem *> colliding = node->collidingItems(Qt::IntersectsItemShape);
        for (QGraphicsItem *other : colliding)
            QVERIFY2(other->type() != ServiceNodeItem::Type, name);
    }
}

void TestMainWindow::lateEdgesLayOutAfresh()
{
    // Heartbeats usually arrive before the traces that reveal the edges.
    TopologyDelta services = plantDelta();
    services.edges.clear();
    m_topology->apply(services);
    GraphView *view = m_window->graphView();
    QCOMPARE(view->edgeCount(), 0);

    m_topology->apply(plantDelta());
    QCOMPARE(view->edgeCount(), 16);
    for (const auto &[key, snapshot] : m_topology->edges()) {
        const QPointF caller = view->nodeItem(QString::fromStdString(key.first))->pos();
        const QPointF callee = view->nodeItem(QString::fromStdString(key.second))->pos();
        QVERIFY2(caller.y() < callee.y(), (key.first + " is not above " + key.second).c_str());
    }
}

void TestMainWindow::edgelessServicesKeepPositions()
{
    TopologyDelta first;
    first.services = { service("m-service"), service("x-service") };
    m_topology->apply(first);
    GraphView *view = m_window->graphView();
    const QPointF m = view->nodeItem(QStringLiteral("m-service"))->pos();
    const QPointF x = view->nodeItem(QStringLiteral("x-service"))->pos();

    // A name that sorts first must not push the others along its row.
    TopologyDelta second;
    second.services = { service("a-service") };
    m_topology->apply(second);
    QCOMPARE(view->nodeItem(QStringLiteral("m-service"))->pos(), m);
    QCOMPARE(view->nodeItem(QStringLiteral("x-service"))->pos(), x);
    QVERIFY(view->nodeItem(QStringLiteral("a-service"))->pos() != m);
    QVERIFY(view->nodeItem(QStringLiteral("a-service"))->pos() != x);
}

void TestMainWindow::repeatedDeltasReuseItems()
{
    GraphView *view = m_window->graphView();
    m_topology->apply(plantDelta(0));
    QCOMPARE(view->nodeCount(), 14);
    const QList<QGraphicsItem *> itemsBefore = view->scene()->items();
    const std::set<QGraphicsItem *> identities(itemsBefore.begin(), itemsBefore.end());
    const QPointF mesPosition = view->nodeItem(QStringLiteral("mes"))->pos();

    for (int round = 1; round <= 100; ++round)
        m_topology->apply(plantDelta(round));

    const QList<QGraphicsItem *> itemsAfter = view->scene()->items();
    QCOMPARE(itemsAfter.size(), itemsBefore.size());
    QCOMPARE(std::set<QGraphicsItem *>(itemsAfter.begin(), itemsAfter.end()), identities);
    QCOMPARE(view->nodeItem(QStringLiteral("mes"))->pos(), mesPosition);
    // The items took the values of round 100 in place (round 0 was a warning).
    QCOMPARE(view->nodeItem(QStringLiteral("mes"))->snapshot().rps, 200.0);
    QCOMPARE(view->nodeItem(QStringLiteral("mes"))->snapshot().state, ServiceState::Ok);
    QCOMPARE(view->edgeItem(QStringLiteral("mes"), QStringLiteral("scheduler"))->snapshot().rps, 140.0);
}

void TestMainWindow::plantFitsWindowReadably()
{
    m_topology->apply(plantDelta());
    GraphView *view = m_window->graphView();
    const QRect visible = view->viewport()->rect();
    for (const auto &[name, snapshot] : m_topology->services()) {
        ServiceNodeItem *node = view->nodeItem(QString::fromStdString(name));
        const QRect onScreen = view->mapFromScene(node->sceneBoundingRect()).boundingRect();
        QVERIFY2(visible.contains(onScreen), name.c_str());
    }
    // Names are drawn 14 px high at zoom 1; below 0.75 they would shrink under 11 px.
    QVERIFY2(view->zoomFactor() >= 0.75, qPrintable(QString::number(view->zoomFactor())));

    // Zooming by hand stops the view from refitting on the next layout.
    view->zoomIn();
    const double zoomed = view->zoomFactor();
    TopologyDelta added;
    added.services = { service("energy-monitor") };
    m_topology->apply(added);
    QCOMPARE(view->zoomFactor(), zoomed);
    view->fitToWindow();
    QVERIFY(view->zoomFactor() < zoomed);
}

void TestMainWindow::clearRemovesItems()
{
    m_topology->apply(plantDelta());
    GraphView *view = m_window->graphView();
    view->selectService(QStringLiteral("mes"));
    QCOMPARE(m_window->detailsPanel()->service(), QStringLiteral("mes"));

    m_topology->clear();
    QCOMPARE(view->nodeCount(), 0);
    QCOMPARE(view->edgeCount(), 0);
    QVERIFY(view->scene()->items().isEmpty());
    QCOMPARE(m_window->detailsPanel()->service(), QString());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
