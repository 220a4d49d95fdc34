// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

#include "topology/topologydelta.h"

namespace faultline
{

class EdgeItem;

/**
 * One service (or a database, broker or external callee) in the graph: a box tinted by state, with
 * the state's symbol, the name, criticality and rates, and a badge for any mode other than normal.
 */
class ServiceNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(faultline::ServiceNodeItem)

public:
    static constexpr double width = 220;
    static constexpr double height = 64;
    enum { Type = UserType + 1 };

    explicit ServiceNodeItem(const QString &name, QGraphicsItem *parent = nullptr);

    /** Takes the health of a service that sends heartbeats. */
    void setSnapshot(const ServiceSnapshot &snapshot);
    /** Marks a callee known only from its callers' traces: no heartbeat, so its state stays unknown. */
    void setTraceOnly(NodeKind kind);

    QString name() const { return m_name; }
    const ServiceSnapshot &snapshot() const { return m_snapshot; }
    bool isTraceOnly() const { return m_traceOnly; }
    /** Text of the mode badge; empty in normal mode. */
    QString modeBadgeText() const;

    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QPainterPath bodyPath() const;
    QString roleLine() const;
    QString metricsLine() const;
    /** Paints the mode badge at the right end of @p line and returns the width it took. */
    double paintModeBadge(QPainter *painter, const QRectF &line) const;
    void updateToolTip();

    QString m_name;
    ServiceSnapshot m_snapshot;
    bool m_traceOnly = false;
    QList<EdgeItem *> m_edges;
};

} // namespace faultline
