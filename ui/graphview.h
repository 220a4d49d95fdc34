// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>

#include <QGraphicsView>
#include <QHash>
#include <QPointer>

namespace faultline
{

class EdgeItem;
class LiveTopology;
class ServiceNodeItem;

/**
 * The live dependency graph. Items are created once per service and edge and updated in place on
 * each change of the LiveTopology. Only new services and edges trigger a layout, and that layout
 * keeps the nodes already shown where they are.
 */
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit GraphView(LiveTopology *topology, QWidget *parent = nullptr);
    ~GraphView() override;

    ServiceNodeItem *nodeItem(const QString &name) const;
    EdgeItem *edgeItem(const QString &caller, const QString &callee) const;
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    QString selectedService() const;
    double zoomFactor() const;

public Q_SLOTS:
    void selectService(const QString &name);
    void fitToWindow();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    /** Emitted with an empty name when the selection is cleared. */
    void selectedServiceChanged(const QString &name);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void updateFromTopology(const QStringList &changedServices, bool structureChanged);
    void syncStructure();
    void updateEdges();
    void relayout();
    void zoomBy(double factor);
    void fitContents();
    void onSceneSelectionChanged();

    QPointer<LiveTopology> m_topology;
    QGraphicsScene *m_scene;
    std::map<QString, ServiceNodeItem *> m_nodes;
    std::map<std::pair<QString, QString>, EdgeItem *> m_edges;
    // Nodes that a layout has positioned; the next layout keeps them where they are when it can.
    std::set<QString> m_placed;
    QString m_selected;
    // Refit on every layout until the operator zooms or scrolls, so a graph that grows stays in view.
    bool m_followLayout = true;
};

} // namespace faultline
