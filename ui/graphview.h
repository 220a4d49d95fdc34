// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include <QElapsedTimer>
#include <QGraphicsView>
#include <QHash>
#include <QPointer>

#include "common/result.h"
#include "graphfilter.h"
#include "graphimpact.h"

namespace faultline
{

class EdgeItem;
class GraphLayoutWorker;
class GraphMinimap;
class LiveTopology;
class ServiceNodeItem;
struct GraphLayoutRequest;

/**
 * The live dependency graph. Items are created once per service and edge and updated in place on
 * each change of the LiveTopology. Only new services and edges trigger a layout, computed on a
 * worker thread, and that layout keeps the nodes already shown (and any the operator dragged) where
 * they are. Selecting a service highlights its transitive callers and callees and dims the rest;
 * without a selection, the blast radius of every critical service is highlighted.
 */
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    /** Graphs up to this many nodes are laid out on the GUI thread; a layout of 150 takes about 1 ms. */
    static constexpr int defaultInlineLayoutLimit = 150;

    explicit GraphView(LiveTopology *topology, QWidget *parent = nullptr);
    ~GraphView() override;

    ServiceNodeItem *nodeItem(const QString &name) const;
    EdgeItem *edgeItem(const QString &caller, const QString &callee) const;
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    QStringList serviceNames() const;
    QString selectedService() const;
    double zoomFactor() const;

    /** Reachability over the edges shown, rebuilt when services or edges appear. */
    const GraphImpact &impact() const { return m_impact; }
    /** The critical services whose blast radius is shown while nothing is selected. */
    QStringList failingServices() const { return m_failing; }
    /** The callers and callees highlighted now, for the selection or else for the failing services. */
    const ImpactSets &highlighted() const { return m_highlighted; }
    /** Core services among highlighted(). */
    int affectedCoreServices() const { return m_affectedCore; }

    bool isLayoutPending() const;
    bool isLeftToRight() const { return m_leftToRight; }
    /** Graphs with more nodes than @p nodes are laid out off the GUI thread; 0 sends every layout there. */
    void setInlineLayoutLimit(int nodes) { m_inlineLayoutLimit = nodes; }
    /**
     * Draws every service as seen in traces only, without health, for graphs built from trace files.
     * Set it before the topology gets its first services.
     */
    void setTraceOnlyGraph(bool traceOnly) { m_traceOnlyGraph = traceOnly; }
    /** The text shown while the graph has no services. */
    void setEmptyText(const QString &text) { m_emptyText = text; }

    QString focusedService() const { return m_focus; }
    int focusDepth() const { return m_focusDepth; }
    const GraphFilter &filter() const { return m_filter; }
    /** True when the node exists, is placed, and passes the focus and the filter. */
    bool isNodeShown(const QString &name) const;
    /** Up to @p limit names that start with @p text, then names that contain it, case-insensitive. */
    QStringList matchingServices(const QString &text, int limit = 20) const;
    GraphMinimap *minimap() const { return m_minimap; }
    /** The scene area of the nodes shown, with a margin. */
    QRectF shownBounds() const;

    Result<QString> exportSvg(const QString &path) const;
    Result<QString> exportPng(const QString &path) const;

public Q_SLOTS:
    void selectService(const QString &name);
    void fitToWindow();
    void zoomIn();
    void zoomOut();
    /** Lays callers out left of their callees instead of above them; lays out afresh. */
    void setLeftToRight(bool leftToRight);
    /** Lays the whole graph out afresh, releasing the nodes the operator dragged. */
    void rearrange();
    /** Shows only @p service and what lies within @p depth hops (1 to 5) up and down from it. */
    void focusOn(const QString &service, int depth);
    void clearFocusMode();
    void setFilter(const faultline::GraphFilter &filter);
    void setMinimapVisible(bool visible);

Q_SIGNALS:
    /** Emitted with an empty name when the selection is cleared. */
    void selectedServiceChanged(const QString &name);
    /** Emitted on a right-click on a node, after the node was selected. */
    void serviceContextMenuRequested(const QString &service, const QPoint &globalPos);
    /** Emitted with an empty service when focus mode ends. */
    void focusChanged(const QString &service, int depth);
    /** Emitted after the positions of a layout were applied. */
    void layoutApplied();

protected:
    LiveTopology *topology() const;

    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    enum class LayoutTarget { Main, Focus };

    void updateFromTopology(const QStringList &changedServices, bool structureChanged);
    ServiceNodeItem *ensureNode(const QString &name);
    void syncStructure();
    void updateEdges();
    void relayout(bool keepPositions = true);
    void requestLayout(GraphLayoutRequest request, LayoutTarget target);
    void applyLayout(const QHash<QString, QPointF> &positions, LayoutTarget target);
    void onLayoutFinished(quint64 generation, const QHash<QString, QPointF> &positions, qint64 elapsedMs);
    void updateFailing(bool force);
    void updateEmphasis();
    void updateVisibility();
    QString overlayText() const;
    void typeAhead(const QString &text);
    void zoomBy(double factor);
    void fitContents();
    void placeMinimap();
    void onSceneSelectionChanged();

    QPointer<LiveTopology> m_topology;
    QGraphicsScene *m_scene;
    GraphLayoutWorker *m_layoutWorker;
    GraphMinimap *m_minimap;
    std::map<QString, ServiceNodeItem *> m_nodes;
    std::map<std::pair<QString, QString>, EdgeItem *> m_edges;
    // The same edges by the topology's keys, so that a delta needs no string conversions.
    std::map<std::pair<std::string, std::string>, EdgeItem *> m_edgesByKey;
    // Nodes that a layout has positioned; the next layout keeps them where they are.
    std::set<QString> m_placed;
    QString m_selected;
    GraphImpact m_impact;
    QStringList m_failing;
    ImpactSets m_highlighted;
    int m_affectedCore = 0;
    QString m_focus;
    int m_focusDepth = 2;
    QSet<QString> m_focusSet;
    // Positions of the whole graph while focus mode shows its own layout of a few nodes.
    QHash<QString, QPointF> m_homePositions;
    GraphFilter m_filter;
    bool m_leftToRight = false;
    bool m_traceOnlyGraph = false;
    QString m_emptyText;
    int m_inlineLayoutLimit = defaultInlineLayoutLimit;
    quint64 m_layoutGeneration = 0;
    LayoutTarget m_layoutTarget = LayoutTarget::Main;
    QString m_typeAheadText;
    QElapsedTimer m_typeAheadTimer;
    // Refit on every layout until the operator zooms or scrolls, so a graph that grows stays in view.
    bool m_followLayout = true;
};

} // namespace faultline
