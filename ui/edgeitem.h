// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QPainterPath>

#include "topology/topologydelta.h"

namespace faultline
{

class ServiceNodeItem;

/**
 * A caller-to-callee arrow: its width grows with the request rate, its colour with the error rate,
 * and its tooltip gives the p99 latency. Edges into databases, brokers and external callees are
 * dashed, since no heartbeat of their own backs them.
 */
class EdgeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(faultline::EdgeItem)

public:
    enum { Type = UserType + 2 };

    /** How impact highlighting shows the edge: on a caller path, on a callee path, or receding. */
    enum class Emphasis : std::uint8_t { Normal, Caller, Callee, Dimmed };

    EdgeItem(ServiceNodeItem *caller, ServiceNodeItem *callee, QGraphicsItem *parent = nullptr);

    void setSnapshot(const EdgeSnapshot &snapshot);
    const EdgeSnapshot &snapshot() const { return m_snapshot; }
    ServiceNodeItem *caller() const { return m_caller; }
    ServiceNodeItem *callee() const { return m_callee; }

    /** Stroke width in scene units for @p rps requests per second. */
    static double widthForRate(double rps);

    /** Recomputes the path after either end moved. */
    void adjust();

    Emphasis emphasis() const { return m_emphasis; }
    void setEmphasis(Emphasis emphasis);
    /** Left-to-right graphs leave a caller's right side and enter a callee's left side. */
    void setLeftToRight(bool leftToRight);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void updateToolTip();

    ServiceNodeItem *m_caller;
    ServiceNodeItem *m_callee;
    EdgeSnapshot m_snapshot;
    QPainterPath m_path;
    QPolygonF m_arrowHead;
    Emphasis m_emphasis = Emphasis::Normal;
    bool m_leftToRight = false;
};

} // namespace faultline
