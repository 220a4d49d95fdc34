// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "edgeitem.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include "displayformat.h"
#include "servicenodeitem.h"
#include "statestyle.h"

namespace faultline
{
namespace
{

constexpr double minimumWidth = 1;
constexpr double maximumWidth = 7;
constexpr double arrowLength = 12;
// Width of the band around the line that reacts to the mouse, so that thin edges still get tooltips.
constexpr double hoverWidth = 10;
// Below this scale (pixels per scene unit) edges are drawn without antialiasing, which costs a fraction.
constexpr double detailScale = 0.35;

} // namespace

EdgeItem::EdgeItem(ServiceNodeItem *caller, ServiceNodeItem *callee, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_caller(caller)
    , m_callee(callee)
{
    m_snapshot.caller = caller->name().toStdString();
    m_snapshot.callee = callee->name().toStdString();
    setZValue(0);
    setAcceptHoverEvents(true);
    caller->addEdge(this);
    callee->addEdge(this);
    adjust();
    updateToolTip();
}

double EdgeItem::widthForRate(double rps)
{
    // Logarithmic, so that a 1,000 req/s edge is thicker than a 10 req/s one without hiding its neighbours.
    return std::clamp(minimumWidth + 1.5 * std::log10(1.0 + std::max(0.0, rps)), minimumWidth, maximumWidth);
}

void EdgeItem::setSnapshot(const EdgeSnapshot &snapshot)
{
    const bool repaint = widthForRate(snapshot.rps) != widthForRate(m_snapshot.rps)
        || StateStyle::errorRateColor(snapshot.errorRate) != StateStyle::errorRateColor(m_snapshot.errorRate);
    m_snapshot = snapshot;
    updateToolTip();
    // The arrow head and the bounding rectangle depend on the pen width.
    if (repaint)
        adjust();
}

void EdgeItem::setEmphasis(Emphasis emphasis)
{
    if (m_emphasis == emphasis)
        return;
    m_emphasis = emphasis;
    // Highlighted edges are drawn above the dimmed ones they cross.
    setZValue(emphasis == Emphasis::Normal || emphasis == Emphasis::Dimmed ? 0 : 0.5);
    update();
}

void EdgeItem::setLeftToRight(bool leftToRight)
{
    if (m_leftToRight == leftToRight)
        return;
    m_leftToRight = leftToRight;
    adjust();
}

void EdgeItem::adjust()
{
    // Working in (across, along) coordinates lets one computation serve both directions of flow.
    const auto toFlow = [this](const QPointF &p) { return m_leftToRight ? QPointF(p.y(), p.x()) : p; };
    const QPointF from = toFlow(m_caller->pos());
    const QPointF to = toFlow(m_callee->pos());
    const double halfAcross = (m_leftToRight ? ServiceNodeItem::height : ServiceNodeItem::width) / 2;
    const double halfAlong = (m_leftToRight ? ServiceNodeItem::width : ServiceNodeItem::height) / 2;

    // Ends spread along the node edges towards each other, so arrows into one callee do not meet in one point.
    const double spread = std::clamp((from.x() - to.x()) * 0.25, -halfAcross * 0.6, halfAcross * 0.6);
    const QPointF start(from.x() - spread, from.y() + halfAlong);
    const QPointF end(to.x() + spread, to.y() - halfAlong - arrowLength);
    const double bend = std::max(40.0, std::abs(end.y() - start.y()) / 2);
    const QPointF tip(end.x(), end.y() + arrowLength);
    const QPointF side(std::max(arrowLength * 0.45, widthForRate(m_snapshot.rps)), 0);

    prepareGeometryChange();
    m_path = QPainterPath(toFlow(start));
    m_path.cubicTo(toFlow(start + QPointF(0, bend)), toFlow(end - QPointF(0, bend)), toFlow(end));
    m_arrowHead = QPolygonF({ toFlow(tip), toFlow(end - side), toFlow(end + side) });
}

QRectF EdgeItem::boundingRect() const
{
    const double margin = std::max(widthForRate(m_snapshot.rps), hoverWidth) / 2 + 1;
    return m_path.boundingRect().united(m_arrowHead.boundingRect()).adjusted(-margin, -margin, margin, margin);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(std::max(widthForRate(m_snapshot.rps), hoverWidth));
    QPainterPath result = stroker.createStroke(m_path);
    result.addPolygon(m_arrowHead);
    return result;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    const bool detailed = option->levelOfDetailFromTransform(painter->worldTransform()) >= detailScale;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    if (m_emphasis == Emphasis::Dimmed)
        painter->setOpacity(0.12);
    const double width = widthForRate(m_snapshot.rps);
    painter->setBrush(Qt::NoBrush);

    // A wide translucent band under the line marks the path without hiding the error-rate colour.
    if (m_emphasis == Emphasis::Caller || m_emphasis == Emphasis::Callee) {
        QColor band = m_emphasis == Emphasis::Caller ? QColor(0xd8, 0x43, 0x15) : QColor(0x00, 0x83, 0x8f);
        band.setAlpha(80);
        painter->setPen(QPen(band, width + 6, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(m_path);
    }

    const QColor color = StateStyle::errorRateColor(m_snapshot.errorRate);
    const bool uninstrumented = m_callee->snapshot().kind != NodeKind::Service;
    painter->setPen(QPen(color, width, uninstrumented ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
    painter->drawPath(m_path);

    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrowHead);
}

void EdgeItem::updateToolTip()
{
    setToolTip(tr("<b>%1 → %2</b><br>%3, %4 errors, p99 %5")
                   .arg(m_caller->name().toHtmlEscaped(), m_callee->name().toHtmlEscaped(),
                       DisplayFormat::requestRate(m_snapshot.rps), DisplayFormat::errorRate(m_snapshot.errorRate),
                       DisplayFormat::latency(m_snapshot.latencyP99Ms)));
}

} // namespace faultline
