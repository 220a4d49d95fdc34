// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

#include "topology/topologydelta.h"

namespace faultline
{

class EdgeItem;

/**
 * One service (or a database, broker or external callee) in the graph: a box tinted by state, with
 * the state's symbol, the name, criticality, rates and instances, and badges for any mode other than
 * normal and for open circuit breakers. The operator may drag it; a dragged node is pinned there.
 */
class ServiceNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(faultline::ServiceNodeItem)

public:
    static constexpr double width = 220;
    static constexpr double height = 64;
    enum { Type = UserType + 1 };

    /** How impact highlighting shows the node; Dimmed recedes, the others get a ring of their own. */
    enum class Emphasis : std::uint8_t { Normal, Selected, Failing, Caller, Callee, CallerAndCallee, Dimmed };

    explicit ServiceNodeItem(const QString &name, QGraphicsItem *parent = nullptr);

    /** Takes the health of a service that sends heartbeats. */
    void setSnapshot(const ServiceSnapshot &snapshot);
    /** Marks a callee known only from its callers' traces: no heartbeat, so its state stays unknown. */
    void setTraceOnly(NodeKind kind);

    QString name() const { return m_name; }
    const ServiceSnapshot &snapshot() const { return m_snapshot; }
    bool isTraceOnly() const { return m_traceOnly; }
    /** Text of the mode badge, with the cache age when degraded; empty in normal mode. */
    QString modeBadgeText() const;
    /** Text of the breaker badge: open wins over half-open; empty when every breaker is closed. */
    QString breakerBadgeText() const;
    /** "healthy/total" instances, empty when the heartbeat names none. */
    QString instanceText() const;
    int unhealthyInstanceCount() const;

    Emphasis emphasis() const { return m_emphasis; }
    void setEmphasis(Emphasis emphasis);
    /** True once the operator dragged the node; layouts then leave it where it was put. */
    bool isPinned() const { return m_pinned; }
    void setPinned(bool pinned) { m_pinned = pinned; }

    void addEdge(EdgeItem *edge);
    void removeEdge(EdgeItem *edge);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;

private:
    QPainterPath bodyPath() const;
    QString roleLine() const;
    QString metricsLine() const;
    /** Paints the mode badge at the right end of @p line and returns the width it took. */
    double paintBadge(QPainter *painter, const QRectF &line, const QString &text, const QColor &color) const;
    void paintEmphasis(QPainter *painter, const QRectF &rect) const;
    void paintSimplified(QPainter *painter, bool withSymbol) const;
    void updateToolTip();

    QString m_name;
    ServiceSnapshot m_snapshot;
    bool m_traceOnly = false;
    bool m_pinned = false;
    Emphasis m_emphasis = Emphasis::Normal;
    QPointF m_pressPosition;
    QList<EdgeItem *> m_edges;
};

} // namespace faultline
