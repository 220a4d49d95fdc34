// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importedgraphview.h"

#include <algorithm>
#include <cmath>

#include <QGraphicsScene>
#include <QPainter>
#include <QWheelEvent>

#include "edgeitem.h"
#include "graphlayout.h"
#include "servicenodeitem.h"
#include "traces/dependencygraph.h"

namespace faultline
{

namespace
{

constexpr double sceneMargin = 40;
constexpr double minimumZoom = 0.05;
constexpr double maximumZoom = 4.0;
// A small graph is not blown up past its natural size when fitted.
constexpr double maximumFitZoom = 1.0;

} // namespace

ImportedGraphView::ImportedGraphView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(QColor(0xfa, 0xfa, 0xfa));
}

void ImportedGraphView::setGraph(const DependencyGraph &graph)
{
    clear();
    m_hasGraph = true;

    // Nodes that reported spans are services, and the others are callees seen only from their callers.
    for (const DependencyGraph::Node &node : graph.nodes()) {
        const QString name = QString::fromStdString(node.name);
        auto *item = new ServiceNodeItem(name);
        item->setTraceOnly(node.kind);
        m_scene->addItem(item);
        m_nodes.emplace(name, item);
    }

    for (const DependencyGraph::Edge &edge : graph.edges()) {
        const std::pair names(QString::fromStdString(edge.caller), QString::fromStdString(edge.callee));
        const auto caller = m_nodes.find(names.first);
        const auto callee = m_nodes.find(names.second);
        if (caller == m_nodes.end() || callee == m_nodes.end() || names.first == names.second)
            continue;
        auto *item = new EdgeItem(caller->second, callee->second);
        EdgeSnapshot snapshot;
        snapshot.caller = edge.caller;
        snapshot.callee = edge.callee;
        snapshot.calleeKind = callee->second->snapshot().kind;
        snapshot.totalCalls = edge.calls;
        snapshot.totalErrors = edge.errors;
        snapshot.errorRate = edge.calls == 0 ? 0.0 : double(edge.errors) / double(edge.calls);
        snapshot.latencyP50Ms = edge.p50Ms.value_or(0.0);
        snapshot.latencyP99Ms = edge.p99Ms.value_or(0.0);
        // NOTE: a file has no time base for a rate, so rps stays 0 and every edge is drawn at the thinnest width.
        item->setSnapshot(snapshot);
        m_scene->addItem(item);
        m_edges.emplace(names, item);
    }

    relayout();
}

ServiceNodeItem *ImportedGraphView::nodeItem(const QString &name) const
{
    const auto it = m_nodes.find(name);
    return it == m_nodes.end() ? nullptr : it->second;
}

EdgeItem *ImportedGraphView::edgeItem(const QString &caller, const QString &callee) const
{
    const auto it = m_edges.find({ caller, callee });
    return it == m_edges.end() ? nullptr : it->second;
}

QStringList ImportedGraphView::nodeNames() const
{
    QStringList names;
    for (const auto &[name, item] : m_nodes)
        names.append(name);
    return names;
}

void ImportedGraphView::fitToWindow()
{
    m_followResize = true;
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

void ImportedGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch of a common wheel is 120 units and zooms by 20 %.
    const double current = transform().m11();
    const double target
        = std::clamp(current * std::pow(1.2, event->angleDelta().y() / 120.0), minimumZoom, maximumZoom);
    m_followResize = false;
    scale(target / current, target / current);
    event->accept();
}

void ImportedGraphView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_followResize)
        fitToWindow();
}

void ImportedGraphView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_nodes.empty() || !m_hasGraph)
        return;
    painter->save();
    painter->resetTransform();
    painter->setPen(QColor(0x61, 0x61, 0x61));
    painter->drawText(viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
        tr("The imported files contain no services."));
    painter->restore();
}

void ImportedGraphView::clear()
{
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
}

void ImportedGraphView::relayout()
{
    QStringList names = nodeNames();
    std::vector<GraphLayout::Edge> edges;
    edges.reserve(m_edges.size());
    for (const auto &[key, item] : m_edges)
        edges.push_back({ key.first, key.second });

    GraphLayout::Spacing spacing;
    spacing.nodeWidth = ServiceNodeItem::width;
    spacing.nodeHeight = ServiceNodeItem::height;
    const QHash<QString, QPointF> positions = GraphLayout::compute(names, edges, {}, spacing);
    for (const auto &[name, node] : m_nodes)
        node->setPos(positions.value(name));

    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
    fitToWindow();
}

} // namespace faultline
