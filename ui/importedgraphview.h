// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <utility>

#include <QGraphicsView>

namespace faultline
{

class DependencyGraph;
class EdgeItem;
class ServiceNodeItem;

/**
 * A read-only view of a dependency graph imported from trace files, drawn with the items of the live
 * graph and placed by GraphLayout. Nodes carry no health, because trace files contain no heartbeats.
 */
class ImportedGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit ImportedGraphView(QWidget *parent = nullptr);

    /** Replaces what the view shows with @p graph. */
    void setGraph(const DependencyGraph &graph);

    ServiceNodeItem *nodeItem(const QString &name) const;
    EdgeItem *edgeItem(const QString &caller, const QString &callee) const;
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    QStringList nodeNames() const;

public Q_SLOTS:
    void fitToWindow();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void clear();
    void relayout();

    QGraphicsScene *m_scene;
    std::map<QString, ServiceNodeItem *> m_nodes;
    std::map<std::pair<QString, QString>, EdgeItem *> m_edges;
    bool m_hasGraph = false;
    // Refit on resize until the operator zooms.
    bool m_followResize = true;
};

} // namespace faultline
