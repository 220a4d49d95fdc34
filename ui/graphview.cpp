// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphview.h"

#include <algorithm>
#include <cmath>

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include "edgeitem.h"
#include "graphexport.h"
#include "graphlayoutworker.h"
#include "graphminimap.h"
#include "servicenodeitem.h"
#include "topology/livetopology.h"
#include "uilogging.h"

namespace faultline
{
namespace
{

constexpr double minimumZoom = 0.02;
constexpr double maximumZoom = 4.0;
// Fitting never enlarges past this, so that a plant of three services does not fill the screen.
constexpr double maximumFitZoom = 1.25;
constexpr double zoomStep = 1.25;
constexpr double sceneMargin = 48;
// The minimap appears once a graph no longer fits the window readably.
constexpr int minimapNodeThreshold = 40;
constexpr int typeAheadResetMs = 1000;
// Height in pixels kept free above the graph for the summary of the highlighted impact.
constexpr double overlayReserve = 96;

} // namespace

GraphView::GraphView(LiveTopology *topology, QWidget *parent)
    : QGraphicsView(parent)
    , m_topology(topology)
    , m_scene(new QGraphicsScene(this))
    , m_layoutWorker(new GraphLayoutWorker(this))
    , m_minimap(new GraphMinimap(this))
{
    // Edges span large areas and move with every layout, which makes a BSP index slower than a linear
    // scan: applying a 1,238-node layout took minutes with it.
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Service dependency graph"));
    m_minimap->hide();

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
    connect(m_layoutWorker, &GraphLayoutWorker::finished, this, &GraphView::onLayoutFinished);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, m_minimap, qOverload<>(&QWidget::update));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_minimap, qOverload<>(&QWidget::update));
    connect(topology, &LiveTopology::changed, this, &GraphView::updateFromTopology);
    if (!topology->services().empty() || !topology->edges().empty())
        updateFromTopology({}, true);
}

GraphView::~GraphView()
{
    // The scene clears its selection while it is destroyed; this view must not hear of it any more.
    disconnect(m_scene, nullptr, this, nullptr);
}

ServiceNodeItem *GraphView::nodeItem(const QString &name) const
{
    const auto it = m_nodes.find(name);
    return it == m_nodes.end() ? nullptr : it->second;
}

EdgeItem *GraphView::edgeItem(const QString &caller, const QString &callee) const
{
    const auto it = m_edges.find({ caller, callee });
    return it == m_edges.end() ? nullptr : it->second;
}

QStringList GraphView::serviceNames() const
{
    QStringList names;
    names.reserve(qsizetype(m_nodes.size()));
    for (const auto &[name, node] : m_nodes)
        names.append(name);
    return names;
}

LiveTopology *GraphView::topology() const
{
    return m_topology;
}

QString GraphView::selectedService() const
{
    return m_selected;
}

double GraphView::zoomFactor() const
{
    return transform().m11();
}

bool GraphView::isLayoutPending() const
{
    return m_layoutWorker->isBusy();
}

bool GraphView::isNodeShown(const QString &name) const
{
    const ServiceNodeItem *node = nodeItem(name);
    return node && node->isVisible();
}

QStringList GraphView::matchingServices(const QString &text, int limit) const
{
    QStringList prefixed;
    QStringList containing;
    const QString needle = text.trimmed();
    if (needle.isEmpty())
        return prefixed;
    for (const auto &[name, node] : m_nodes) {
        if (name.startsWith(needle, Qt::CaseInsensitive))
            prefixed.append(name);
        else if (name.contains(needle, Qt::CaseInsensitive))
            containing.append(name);
    }
    prefixed += containing;
    return prefixed.mid(0, limit);
}

void GraphView::selectService(const QString &name)
{
    ServiceNodeItem *node = nodeItem(name);
    m_scene->clearSelection();
    if (!node)
        return;
    node->setSelected(true);
    if (node->isVisible())
        centerOn(node);
}

void GraphView::fitToWindow()
{
    m_followLayout = true;
    fitContents();
}

void GraphView::zoomIn()
{
    zoomBy(zoomStep);
}

void GraphView::zoomOut()
{
    zoomBy(1.0 / zoomStep);
}

void GraphView::zoomBy(double factor)
{
    const double current = zoomFactor();
    const double target = std::clamp(current * factor, minimumZoom, maximumZoom);
    m_followLayout = false;
    scale(target / current, target / current);
    m_minimap->update();
}

QRectF GraphView::shownBounds() const
{
    QRectF bounds;
    for (const auto &[name, node] : m_nodes) {
        if (node->isVisible())
            bounds = bounds.united(node->sceneBoundingRect());
    }
    return bounds.isEmpty() ? bounds : bounds.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin);
}

void GraphView::fitContents()
{
    const QRectF bounds = shownBounds();
    // The summary box in the top left corner must not cover the top row of nodes.
    const double reserved = overlayText().isEmpty() ? 0.0 : overlayReserve;
    const QRectF available = QRectF(viewport()->rect()).adjusted(0, reserved, 0, 0);
    if (bounds.isEmpty() || available.height() <= 0 || available.width() <= 0)
        return;
    const double factor = std::clamp(std::min(available.width() / bounds.width(), available.height() / bounds.height()),
        minimumZoom, maximumFitZoom);
    setTransform(QTransform::fromScale(factor, factor));
    centerOn(bounds.center() - QPointF(0, reserved / 2 / factor));
    m_minimap->update();
}

void GraphView::setLeftToRight(bool leftToRight)
{
    if (m_leftToRight == leftToRight)
        return;
    m_leftToRight = leftToRight;
    for (const auto &[key, edge] : m_edges)
        edge->setLeftToRight(leftToRight);
    m_homePositions.clear();
    // Positions and pins of the other direction mean nothing in this one.
    rearrange();
}

void GraphView::rearrange()
{
    for (const auto &[name, node] : m_nodes)
        node->setPinned(false);
    m_followLayout = true;
    if (!m_focus.isEmpty()) {
        focusOn(m_focus, m_focusDepth);
        return;
    }
    relayout(false);
}

void GraphView::focusOn(const QString &service, int depth)
{
    if (!nodeItem(service))
        return;
    if (m_focus.isEmpty()) {
        m_homePositions.clear();
        for (const QString &name : m_placed)
            m_homePositions.insert(name, nodeItem(name)->pos());
    }
    const bool refocus = service == m_focus;
    const QSet<QString> previousSet = m_focusSet;
    m_focus = service;
    m_focusDepth = std::clamp(depth, 1, 5);
    m_focusSet = m_impact.neighbourhood(service, m_focusDepth).all();
    m_focusSet.insert(service);
    m_followLayout = true;

    GraphLayoutRequest request;
    for (const QString &name : std::as_const(m_focusSet)) {
        request.nodes.append(name);
        // Focusing the same service again, after new edges or at another depth, keeps the nodes it showed.
        if (refocus && previousSet.contains(name))
            request.previous.insert(name, nodeItem(name)->pos());
    }
    request.nodes.sort();
    for (const auto &[key, edge] : m_edges) {
        if (m_focusSet.contains(key.first) && m_focusSet.contains(key.second))
            request.edges.push_back({ key.first, key.second });
    }
    requestLayout(std::move(request), LayoutTarget::Focus);
    selectService(service);
    Q_EMIT focusChanged(m_focus, m_focusDepth);
}

void GraphView::clearFocusMode()
{
    if (m_focus.isEmpty())
        return;
    m_focus.clear();
    m_focusSet.clear();
    for (auto it = m_homePositions.cbegin(); it != m_homePositions.cend(); ++it) {
        if (ServiceNodeItem *node = nodeItem(it.key()))
            node->setPos(it.value());
    }
    for (auto it = m_placed.begin(); it != m_placed.end();)
        it = m_homePositions.contains(*it) ? std::next(it) : m_placed.erase(it);
    m_homePositions.clear();
    m_followLayout = true;
    // Services that appeared during focus mode have no home position yet.
    relayout();
    updateVisibility();
    fitContents();
    Q_EMIT focusChanged({}, m_focusDepth);
}

void GraphView::setFilter(const GraphFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    updateVisibility();
    if (m_followLayout)
        fitContents();
}

void GraphView::setMinimapVisible(bool visible)
{
    m_minimap->setEnabledByUser(visible);
    placeMinimap();
}

void GraphView::placeMinimap()
{
    const bool wanted = m_minimap->isEnabledByUser() && int(m_nodes.size()) >= minimapNodeThreshold;
    m_minimap->setVisible(wanted);
    if (!wanted)
        return;
    const QRect area = viewport()->geometry();
    const QSize size = m_minimap->sizeHint();
    m_minimap->setGeometry(
        area.right() - size.width() - 12, area.bottom() - size.height() - 12, size.width(), size.height());
    m_minimap->raise();
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch of a common wheel is 120 units; it zooms by about 20 %.
    zoomBy(std::pow(1.0015, event->angleDelta().y()));
    event->accept();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToWindow();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selected.isEmpty())
            focusOn(m_selected, m_focusDepth);
        return;
    case Qt::Key_Escape:
        if (!m_focus.isEmpty())
            clearFocusMode();
        else
            m_scene->clearSelection();
        return;
    default:
        break;
    }
    const QString text = event->text();
    if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace()
        && !(event->modifiers() & Qt::ControlModifier)) {
        typeAhead(text);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::typeAhead(const QString &text)
{
    // Typing a name in the graph selects the first service it starts; a pause starts a new name.
    if (!m_typeAheadTimer.isValid() || m_typeAheadTimer.elapsed() > typeAheadResetMs)
        m_typeAheadText.clear();
    m_typeAheadText += text;
    m_typeAheadTimer.start();
    const QStringList matches = matchingServices(m_typeAheadText, 1);
    if (!matches.isEmpty())
        selectService(matches.first());
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    if (m_followLayout)
        fitContents();
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *node = qgraphicsitem_cast<ServiceNodeItem *>(item)) {
            selectService(node->name());
            Q_EMIT serviceContextMenuRequested(node->name(), event->globalPos());
            event->accept();
            return;
        }
    }
    QGraphicsView::contextMenuEvent(event);
}

void GraphView::mouseDoubleClickEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *node = qgraphicsitem_cast<ServiceNodeItem *>(item)) {
            focusOn(node->name(), m_focusDepth);
            event->accept();
            return;
        }
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

Result<QString> GraphView::exportSvg(const QString &path) const
{
    return GraphExport::writeSvg(m_scene, shownBounds(), path, windowTitle());
}

Result<QString> GraphView::exportPng(const QString &path) const
{
    return GraphExport::writePng(m_scene, shownBounds(), path);
}

void GraphView::updateFromTopology(const QStringList &changedServices, bool structureChanged)
{
    if (!m_topology)
        return;
    if (structureChanged)
        syncStructure();

    for (const QString &name : changedServices) {
        const ServiceSnapshot *snapshot = m_topology->service(name.toStdString());
        ServiceNodeItem *node = nodeItem(name);
        if (snapshot && node && !m_traceOnlyGraph)
            node->setSnapshot(*snapshot);
    }

    // NOTE: every edge is revisited per delta, because `changed` does not name the edges; at 6,000
    // edges that costs a few milliseconds (see docs/benchmarks.md).
    updateEdges();
    updateFailing(structureChanged);
    if (structureChanged || m_filter.isActive())
        updateVisibility();
    if (structureChanged)
        relayout();
    m_minimap->markDirty();
}

ServiceNodeItem *GraphView::ensureNode(const QString &name)
{
    auto [it, inserted] = m_nodes.try_emplace(name, nullptr);
    if (inserted) {
        it->second = new ServiceNodeItem(name);
        // Hidden until a layout places it, so that it never flashes at the origin.
        it->second->setVisible(false);
        m_scene->addItem(it->second);
    }
    return it->second;
}

void GraphView::syncStructure()
{
    std::set<QString> present;
    for (const auto &[name, snapshot] : m_topology->services()) {
        const QString key = QString::fromStdString(name);
        present.insert(key);
        if (m_traceOnlyGraph)
            ensureNode(key)->setTraceOnly(snapshot.kind);
        else
            ensureNode(key)->setSnapshot(snapshot);
    }

    // Callees that send no heartbeat (databases, brokers, external APIs) are known only from edges.
    for (const auto &[key, edge] : m_topology->edges()) {
        for (const auto &[name, kind] :
            { std::pair(key.first, NodeKind::Service), std::pair(key.second, edge.calleeKind) }) {
            const QString nodeName = QString::fromStdString(name);
            if (present.insert(nodeName).second)
                ensureNode(nodeName)->setTraceOnly(kind);
        }
    }

    for (auto it = m_edges.begin(); it != m_edges.end();) {
        const LiveTopology::EdgeKey key(it->first.first.toStdString(), it->first.second.toStdString());
        if (m_topology->edges().count(key)) {
            ++it;
            continue;
        }
        it->second->caller()->removeEdge(it->second);
        it->second->callee()->removeEdge(it->second);
        delete it->second;
        m_edgesByKey.erase(key);
        it = m_edges.erase(it);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (present.count(it->first)) {
            ++it;
            continue;
        }
        m_placed.erase(it->first);
        m_homePositions.remove(it->first);
        delete it->second;
        it = m_nodes.erase(it);
    }

    std::vector<GraphLayout::Edge> impactEdges;
    for (const auto &[key, edge] : m_topology->edges()) {
        const std::pair names(QString::fromStdString(key.first), QString::fromStdString(key.second));
        impactEdges.push_back({ names.first, names.second });
        if (m_edges.count(names) || names.first == names.second)
            continue;
        auto *item = new EdgeItem(m_nodes.at(names.first), m_nodes.at(names.second));
        item->setLeftToRight(m_leftToRight);
        m_scene->addItem(item);
        m_edges.emplace(names, item);
        m_edgesByKey.emplace(key, item);
    }
    m_impact = GraphImpact(serviceNames(), impactEdges);
    if (!m_focus.isEmpty() && !m_nodes.count(m_focus))
        clearFocusMode();
    placeMinimap();
    qCDebug(lcUi) << "graph structure synced, nodes" << m_nodes.size() << "edges" << m_edges.size();
}

void GraphView::updateEdges()
{
    for (const auto &[key, snapshot] : m_topology->edges()) {
        const auto it = m_edgesByKey.find(key);
        if (it != m_edgesByKey.end())
            it->second->setSnapshot(snapshot);
    }
}

void GraphView::relayout(bool keepPositions)
{
    if (!m_focus.isEmpty()) {
        // The whole graph is laid out again when focus mode ends; the focus layout follows new edges now.
        focusOn(m_focus, m_focusDepth);
        return;
    }
    GraphLayoutRequest request;
    for (const auto &[name, node] : m_nodes) {
        request.nodes.append(name);
        if (node->isPinned())
            request.pinned.insert(name);
        if (m_placed.count(name) && (keepPositions || node->isPinned()))
            request.previous.insert(name, node->pos());
    }
    request.edges.reserve(m_edges.size());
    for (const auto &[key, item] : m_edges)
        request.edges.push_back({ key.first, key.second });
    requestLayout(std::move(request), LayoutTarget::Main);
}

void GraphView::requestLayout(GraphLayoutRequest request, LayoutTarget target)
{
    request.spacing.nodeWidth = ServiceNodeItem::width;
    request.spacing.nodeHeight = ServiceNodeItem::height;
    request.leftToRight = m_leftToRight;
    m_layoutTarget = target;
    if (request.nodes.size() <= m_inlineLayoutLimit) {
        // Any layout still running on the worker is older than this one and must not land.
        m_layoutGeneration = 0;
        applyLayout(GraphLayoutWorker::computeNow(request), target);
        return;
    }
    m_layoutGeneration = m_layoutWorker->request(std::move(request));
}

void GraphView::onLayoutFinished(quint64 generation, const QHash<QString, QPointF> &positions, qint64 elapsedMs)
{
    if (generation != m_layoutGeneration)
        return;
    qCDebug(lcUi) << "graph layout applied, nodes" << positions.size() << "computed in ms" << elapsedMs;
    applyLayout(positions, m_layoutTarget);
}

void GraphView::applyLayout(const QHash<QString, QPointF> &positions, LayoutTarget target)
{
    // Each edge is recomputed once at the end instead of once per moved end.
    for (const auto &[name, node] : m_nodes)
        node->setFlag(QGraphicsItem::ItemSendsGeometryChanges, false);
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        ServiceNodeItem *node = nodeItem(it.key());
        if (!node)
            continue;
        // A node dragged while the layout ran stays where the operator put it.
        if (target == LayoutTarget::Main && node->isPinned() && m_placed.count(it.key()))
            continue;
        node->setPos(it.value());
        if (target == LayoutTarget::Main)
            m_placed.insert(it.key());
    }
    for (const auto &[name, node] : m_nodes)
        node->setFlag(QGraphicsItem::ItemSendsGeometryChanges, true);
    for (const auto &[key, edge] : m_edges)
        edge->adjust();
    if (target == LayoutTarget::Focus) {
        // Services first seen in focus mode get a home on the next whole-graph layout.
        for (auto it = positions.cbegin(); it != positions.cend(); ++it)
            m_placed.insert(it.key());
    }
    updateVisibility();

    const QRectF bounds = m_scene->itemsBoundingRect();
    m_scene->setSceneRect(bounds.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
    if (m_followLayout)
        fitContents();
    m_minimap->markDirty();
    viewport()->update();
    Q_EMIT layoutApplied();
}

void GraphView::updateVisibility()
{
    for (const auto &[name, node] : m_nodes) {
        const bool shown = m_placed.count(name) && (m_focus.isEmpty() || m_focusSet.contains(name))
            && m_filter.accepts(node->snapshot());
        node->setVisible(shown);
    }
    for (const auto &[key, edge] : m_edges)
        edge->setVisible(edge->caller()->isVisible() && edge->callee()->isVisible());
}

void GraphView::updateFailing(bool force)
{
    QStringList failing;
    for (const auto &[name, node] : m_nodes) {
        if (!node->isTraceOnly() && node->snapshot().state == ServiceState::Critical)
            failing.append(name);
    }
    if (!force && failing == m_failing)
        return;
    m_failing = failing;
    updateEmphasis();
}

void GraphView::updateEmphasis()
{
    using NodeEmphasis = ServiceNodeItem::Emphasis;
    using EdgeEmphasis = EdgeItem::Emphasis;
    const bool selection = !m_selected.isEmpty() && m_nodes.count(m_selected);
    const QStringList roots = selection ? QStringList { m_selected } : m_failing;
    const QSet<QString> rootSet(roots.cbegin(), roots.cend());
    m_highlighted = m_impact.impactOf(roots);
    m_affectedCore = 0;
    for (const QString &name : m_highlighted.all()) {
        const ServiceNodeItem *node = nodeItem(name);
        if (node && node->snapshot().criticalityKnown && node->snapshot().criticality == Criticality::Core)
            ++m_affectedCore;
    }

    // A selection dims what it does not touch; a blast radius only marks, so the rest stays readable.
    const bool active = !roots.isEmpty();
    const NodeEmphasis rest = selection ? NodeEmphasis::Dimmed : NodeEmphasis::Normal;
    for (const auto &[name, node] : m_nodes) {
        NodeEmphasis emphasis = NodeEmphasis::Normal;
        const bool caller = m_highlighted.callers.contains(name);
        const bool callee = m_highlighted.callees.contains(name);
        if (!active)
            emphasis = NodeEmphasis::Normal;
        else if (rootSet.contains(name))
            emphasis = selection ? NodeEmphasis::Selected : NodeEmphasis::Failing;
        else if (caller && callee)
            emphasis = NodeEmphasis::CallerAndCallee;
        else if (caller)
            emphasis = NodeEmphasis::Caller;
        else if (callee)
            emphasis = NodeEmphasis::Callee;
        else
            emphasis = rest;
        node->setEmphasis(emphasis);
    }
    for (const auto &[key, edge] : m_edges) {
        const auto &[from, to] = key;
        EdgeEmphasis emphasis = selection ? EdgeEmphasis::Dimmed : EdgeEmphasis::Normal;
        if (!active)
            emphasis = EdgeEmphasis::Normal;
        else if (m_highlighted.callers.contains(from) && (m_highlighted.callers.contains(to) || rootSet.contains(to)))
            emphasis = EdgeEmphasis::Caller;
        else if ((m_highlighted.callees.contains(from) || rootSet.contains(from)) && m_highlighted.callees.contains(to))
            emphasis = EdgeEmphasis::Callee;
        edge->setEmphasis(emphasis);
    }
    viewport()->update();
}

QString GraphView::overlayText() const
{
    QStringList lines;
    if (!m_focus.isEmpty())
        lines << tr("Focus on %1, %n hop(s) each way; Esc shows the whole graph.", nullptr, m_focusDepth).arg(m_focus);
    if (m_filter.isActive()) {
        const auto shown = std::count_if(
            m_nodes.begin(), m_nodes.end(), [](const auto &entry) { return entry.second->isVisible(); });
        lines << tr("Filter: %1 of %n service(s) shown.", nullptr, int(m_nodes.size())).arg(shown);
    }
    if (!m_selected.isEmpty() && m_nodes.count(m_selected)) {
        lines
            << tr("%1: %n caller(s) suffer when it fails", nullptr, int(m_highlighted.callers.size())).arg(m_selected);
        lines << tr("%n callee(s) it may starve", nullptr, int(m_highlighted.callees.size()));
        lines << tr("%n core service(s) affected", nullptr, m_affectedCore);
    } else if (!m_failing.isEmpty()) {
        QStringList names = m_failing.mid(0, 3);
        if (m_failing.size() > 3)
            names << QStringLiteral("…");
        lines << tr("%n service(s) critical: %1", nullptr, int(m_failing.size())).arg(names.join(QStringLiteral(", ")));
        lines << tr("Blast radius: %n service(s)", nullptr, int(m_highlighted.all().size()));
        lines << tr("%n core service(s) affected", nullptr, m_affectedCore);
    }
    return lines.join(QLatin1Char('\n'));
}

void GraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    painter->save();
    painter->resetTransform();
    if (m_nodes.empty()) {
        QFont font = painter->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        painter->setFont(font);
        painter->setPen(QColor(0x61, 0x61, 0x61));
        painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
            m_emptyText.isNull() ? tr("No services yet: waiting for the first health or trace messages.")
                                 : m_emptyText);
        painter->restore();
        return;
    }

    const QString text = overlayText();
    if (!text.isEmpty()) {
        const bool legend = !m_highlighted.callers.isEmpty() || !m_highlighted.callees.isEmpty();
        const QFontMetrics metrics(painter->font());
        QRect box = metrics.boundingRect(QRect(0, 0, 480, 400), Qt::TextWordWrap, text);
        box.setWidth(std::max(box.width(), legend ? 300 : 0));
        box.moveTopLeft(QPoint(20, 20));
        const int legendHeight = legend ? metrics.height() + 6 : 0;
        painter->setPen(QColor(0xbd, 0xbd, 0xbd));
        painter->setBrush(QColor(255, 255, 255, 230));
        painter->drawRoundedRect(box.adjusted(-10, -8, 10, 8 + legendHeight), 6, 6);
        painter->setPen(QColor(0x21, 0x21, 0x21));
        painter->drawText(box, Qt::TextWordWrap, text);
        if (legend) {
            // The same solid and dashed strokes as the rings, so the legend reads without colour too.
            const int y = box.bottom() + 6 + metrics.height() / 2;
            painter->setPen(QPen(QColor(0xd8, 0x43, 0x15), 3));
            painter->drawLine(box.left(), y, box.left() + 24, y);
            painter->setPen(QColor(0x21, 0x21, 0x21));
            painter->drawText(box.left() + 30, y + metrics.ascent() / 2 - 1, tr("callers"));
            const int second = box.left() + 150;
            painter->setPen(QPen(QColor(0x00, 0x83, 0x8f), 3, Qt::DashLine));
            painter->drawLine(second, y, second + 24, y);
            painter->setPen(QColor(0x21, 0x21, 0x21));
            painter->drawText(second + 30, y + metrics.ascent() / 2 - 1, tr("callees"));
        }
    }
    painter->restore();
}

void GraphView::onSceneSelectionChanged()
{
    QString selected;
    const auto items = m_scene->selectedItems();
    for (QGraphicsItem *item : items) {
        if (auto *node = qgraphicsitem_cast<ServiceNodeItem *>(item)) {
            selected = node->name();
            break;
        }
    }
    if (selected == m_selected)
        return;
    m_selected = selected;
    updateEmphasis();
    Q_EMIT selectedServiceChanged(m_selected);
}

} // namespace faultline
