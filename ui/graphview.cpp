// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphview.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <QKeyEvent>
#include <QWheelEvent>

#include "edgeitem.h"
#include "graphlayout.h"
#include "servicenodeitem.h"
#include "topology/livetopology.h"
#include "uilogging.h"

namespace faultline
{
namespace
{

constexpr double minimumZoom = 0.1;
constexpr double maximumZoom = 4.0;
// Fitting never enlarges past this, so that a plant of three services does not fill the screen.
constexpr double maximumFitZoom = 1.25;
constexpr double zoomStep = 1.25;
constexpr double sceneMargin = 48;

} // namespace

GraphView::GraphView(LiveTopology *topology, QWidget *parent)
    : QGraphicsView(parent)
    , m_topology(topology)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Service dependency graph"));

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelectionChanged);
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

QString GraphView::selectedService() const
{
    return m_selected;
}

double GraphView::zoomFactor() const
{
    return transform().m11();
}

void GraphView::selectService(const QString &name)
{
    ServiceNodeItem *node = nodeItem(name);
    m_scene->clearSelection();
    if (!node)
        return;
    node->setSelected(true);
    ensureVisible(node);
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
}

void GraphView::fitContents()
{
    if (m_nodes.empty())
        return;
    const QRectF bounds = m_scene->itemsBoundingRect().adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin);
    const QRectF available = viewport()->rect();
    if (bounds.isEmpty() || available.isEmpty())
        return;
    const double factor = std::clamp(std::min(available.width() / bounds.width(), available.height() / bounds.height()),
        minimumZoom, maximumFitZoom);
    setTransform(QTransform::fromScale(factor, factor));
    centerOn(bounds.center());
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
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void GraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_followLayout)
        fitContents();
}

void GraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_nodes.empty())
        return;
    painter->save();
    painter->resetTransform();
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter->setFont(font);
    painter->setPen(QColor(0x61, 0x61, 0x61));
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
        tr("No services yet: waiting for the first health or trace messages."));
    painter->restore();
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
        if (snapshot && node)
            node->setSnapshot(*snapshot);
    }

    // NOTE: every edge is revisited per delta, because `changed` does not name the edges. That is
    // cheap at hundreds of edges; plants of thousands would want a list of changed edges.
    updateEdges();
    if (structureChanged)
        relayout();
}

void GraphView::syncStructure()
{
    std::set<QString> present;
    for (const auto &[name, snapshot] : m_topology->services()) {
        const QString key = QString::fromStdString(name);
        present.insert(key);
        auto [it, inserted] = m_nodes.try_emplace(key, nullptr);
        if (inserted) {
            it->second = new ServiceNodeItem(key);
            m_scene->addItem(it->second);
        }
        it->second->setSnapshot(snapshot);
    }

    // Callees that send no heartbeat (databases, brokers, external APIs) are known only from edges.
    for (const auto &[key, edge] : m_topology->edges()) {
        for (const auto &[name, kind] :
            { std::pair(key.first, NodeKind::Service), std::pair(key.second, edge.calleeKind) }) {
            const QString nodeName = QString::fromStdString(name);
            if (!present.insert(nodeName).second)
                continue;
            auto [it, inserted] = m_nodes.try_emplace(nodeName, nullptr);
            if (inserted) {
                it->second = new ServiceNodeItem(nodeName);
                m_scene->addItem(it->second);
            }
            it->second->setTraceOnly(kind);
        }
    }

    for (auto it = m_edges.begin(); it != m_edges.end();) {
        if (m_topology->edges().count({ it->first.first.toStdString(), it->first.second.toStdString() })) {
            ++it;
            continue;
        }
        it->second->caller()->removeEdge(it->second);
        it->second->callee()->removeEdge(it->second);
        delete it->second;
        it = m_edges.erase(it);
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (present.count(it->first)) {
            ++it;
            continue;
        }
        m_placed.erase(it->first);
        delete it->second;
        it = m_nodes.erase(it);
    }

    for (const auto &[key, edge] : m_topology->edges()) {
        const std::pair names(QString::fromStdString(key.first), QString::fromStdString(key.second));
        if (m_edges.count(names) || names.first == names.second)
            continue;
        auto *item = new EdgeItem(m_nodes.at(names.first), m_nodes.at(names.second));
        m_scene->addItem(item);
        m_edges.emplace(names, item);
    }
    qCDebug(lcUi) << "graph structure synced, nodes" << m_nodes.size() << "edges" << m_edges.size();
}

void GraphView::updateEdges()
{
    for (const auto &[key, snapshot] : m_topology->edges()) {
        if (EdgeItem *item = edgeItem(QString::fromStdString(key.first), QString::fromStdString(key.second)))
            item->setSnapshot(snapshot);
    }
}

void GraphView::relayout()
{
    QStringList names;
    QHash<QString, QPointF> previous;
    for (const auto &[name, node] : m_nodes) {
        names.append(name);
        if (m_placed.count(name))
            previous.insert(name, node->pos());
    }
    std::vector<GraphLayout::Edge> edges;
    edges.reserve(m_edges.size());
    for (const auto &[key, item] : m_edges)
        edges.push_back({ key.first, key.second });

    GraphLayout::Spacing spacing;
    spacing.nodeWidth = ServiceNodeItem::width;
    spacing.nodeHeight = ServiceNodeItem::height;
    const QHash<QString, QPointF> positions = GraphLayout::compute(names, edges, previous, spacing);
    for (const auto &[name, node] : m_nodes) {
        node->setPos(positions.value(name));
        m_placed.insert(name);
    }

    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
    if (m_followLayout)
        fitContents();
    viewport()->update();
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
    Q_EMIT selectedServiceChanged(m_selected);
}

} // namespace faultline
