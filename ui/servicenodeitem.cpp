// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicenodeitem.h"

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include "displayformat.h"
#include "edgeitem.h"
#include "statestyle.h"

namespace faultline
{
namespace
{

constexpr double symbolSize = 24;
constexpr double padding = 10;
constexpr double badgeHeight = 15;
constexpr double selectionMargin = 6;
// Name, role and metrics lines with a pixel between each.
constexpr double textBlockHeight = 18 + 1 + 14 + 1 + 14;
// Height of the ellipses that close a database cylinder.
constexpr double rim = 14;

QRectF bodyRect()
{
    return QRectF(
        -ServiceNodeItem::width / 2, -ServiceNodeItem::height / 2, ServiceNodeItem::width, ServiceNodeItem::height);
}

QColor modeBadgeColor(ServiceMode mode)
{
    switch (mode) {
    case ServiceMode::Isolated:
        return QColor(0x37, 0x47, 0x4f);
    case ServiceMode::Degraded:
        return QColor(0x6d, 0x4c, 0x41);
    case ServiceMode::Ramping:
        return QColor(0x15, 0x65, 0xc0);
    case ServiceMode::Shedding:
        return QColor(0x8e, 0x24, 0xaa);
    case ServiceMode::Normal:
        break;
    }
    return Qt::transparent;
}

// Below these scales (pixels per scene unit) text cannot be read, so a node is drawn as a plain shape.
constexpr double textDetailScale = 0.35;
constexpr double symbolDetailScale = 0.12;

// Rings of impact highlighting: callers solid, callees dashed, so the two differ without colour too.
const QColor callerRingColor(0xd8, 0x43, 0x15);
const QColor calleeRingColor(0x00, 0x83, 0x8f);
const QColor selectionRingColor(0x19, 0x76, 0xd2);

int unhealthyInstances(const ServiceSnapshot &snapshot)
{
    return int(std::count_if(snapshot.instances.begin(), snapshot.instances.end(),
        [](const InstanceSnapshot &instance) { return instance.state != ServiceState::Ok; }));
}

bool breakersDiffer(const ServiceSnapshot &a, const ServiceSnapshot &b)
{
    if (a.breakers.size() != b.breakers.size())
        return true;
    for (std::size_t i = 0; i < a.breakers.size(); ++i) {
        if (a.breakers[i].state != b.breakers[i].state)
            return true;
    }
    return false;
}

/** Only what changes the picture; rates shown in the summary line count too. */
bool looksDifferent(const ServiceSnapshot &a, const ServiceSnapshot &b)
{
    return a.state != b.state || a.mode != b.mode || a.rampPercent != b.rampPercent || a.kind != b.kind
        || a.criticality != b.criticality || a.criticalityKnown != b.criticalityKnown || a.rps != b.rps
        || a.errorRate != b.errorRate || a.instances.size() != b.instances.size()
        || unhealthyInstances(a) != unhealthyInstances(b) || breakersDiffer(a, b)
        || (a.cacheAgeMs.has_value() != b.cacheAgeMs.has_value())
        || (a.cacheAgeMs && b.cacheAgeMs && std::lround(*a.cacheAgeMs / 1000) != std::lround(*b.cacheAgeMs / 1000));
}

} // namespace

ServiceNodeItem::ServiceNodeItem(const QString &name, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_name(name)
{
    m_snapshot.name = name.toStdString();
    setFlag(ItemIsSelectable);
    setFlag(ItemIsMovable);
    setFlag(ItemSendsGeometryChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    updateToolTip();
}

void ServiceNodeItem::setSnapshot(const ServiceSnapshot &snapshot)
{
    const bool repaint = m_traceOnly || looksDifferent(m_snapshot, snapshot);
    m_snapshot = snapshot;
    m_traceOnly = false;
    updateToolTip();
    if (repaint)
        update();
}

void ServiceNodeItem::setTraceOnly(NodeKind kind)
{
    if (m_traceOnly && m_snapshot.kind == kind)
        return;
    m_snapshot = ServiceSnapshot {};
    m_snapshot.name = m_name.toStdString();
    m_snapshot.kind = kind;
    m_traceOnly = true;
    updateToolTip();
    update();
}

QString ServiceNodeItem::modeBadgeText() const
{
    if (m_snapshot.mode == ServiceMode::Normal)
        return {};
    const QString mode = StateStyle::modeName(m_snapshot.mode, m_snapshot.rampPercent).toUpper();
    // The age of the cache a degraded service serves shows how stale its answers are.
    if (m_snapshot.mode == ServiceMode::Degraded && m_snapshot.cacheAgeMs)
        return tr("%1 %2").arg(mode, DisplayFormat::age(*m_snapshot.cacheAgeMs));
    return mode;
}

QString ServiceNodeItem::breakerBadgeText() const
{
    bool halfOpen = false;
    for (const BreakerReport &breaker : m_snapshot.breakers) {
        if (breaker.state == BreakerState::Open)
            return tr("BREAKER OPEN");
        halfOpen = halfOpen || breaker.state == BreakerState::HalfOpen;
    }
    return halfOpen ? tr("BREAKER HALF-OPEN") : QString();
}

int ServiceNodeItem::unhealthyInstanceCount() const
{
    return unhealthyInstances(m_snapshot);
}

QString ServiceNodeItem::instanceText() const
{
    if (m_traceOnly || m_snapshot.instances.empty())
        return {};
    const int total = int(m_snapshot.instances.size());
    return tr("%1/%2 up").arg(total - unhealthyInstanceCount()).arg(total);
}

void ServiceNodeItem::setEmphasis(Emphasis emphasis)
{
    if (m_emphasis == emphasis)
        return;
    m_emphasis = emphasis;
    update();
}

void ServiceNodeItem::addEdge(EdgeItem *edge)
{
    m_edges.append(edge);
}

void ServiceNodeItem::removeEdge(EdgeItem *edge)
{
    m_edges.removeAll(edge);
}

QRectF ServiceNodeItem::boundingRect() const
{
    return bodyRect().adjusted(-selectionMargin, -selectionMargin, selectionMargin, selectionMargin);
}

QPainterPath ServiceNodeItem::shape() const
{
    QPainterPath path;
    path.addRect(bodyRect());
    return path;
}

QPainterPath ServiceNodeItem::bodyPath() const
{
    const QRectF rect = bodyRect();
    QPainterPath path;
    switch (m_snapshot.kind) {
    case NodeKind::Database: {
        // A cylinder outline; paint() adds the front lip of the top rim.
        path.moveTo(rect.left(), rect.top() + rim / 2);
        path.lineTo(rect.left(), rect.bottom() - rim / 2);
        path.arcTo(QRectF(rect.left(), rect.bottom() - rim, rect.width(), rim), 180, 180);
        path.lineTo(rect.right(), rect.top() + rim / 2);
        path.arcTo(QRectF(rect.left(), rect.top(), rect.width(), rim), 0, 180);
        path.closeSubpath();
        break;
    }
    case NodeKind::Broker:
        path.addRoundedRect(rect, rect.height() / 2, rect.height() / 2);
        break;
    case NodeKind::External: {
        // A tag with cut corners, so it reads as "outside the plant" next to the rounded services.
        const double cut = 14;
        path.moveTo(rect.left() + cut, rect.top());
        path.lineTo(rect.right() - cut, rect.top());
        path.lineTo(rect.right(), rect.center().y());
        path.lineTo(rect.right() - cut, rect.bottom());
        path.lineTo(rect.left() + cut, rect.bottom());
        path.lineTo(rect.left(), rect.center().y());
        path.closeSubpath();
        break;
    }
    case NodeKind::Service:
        path.addRoundedRect(rect, 8, 8);
        break;
    }
    return path;
}

QString ServiceNodeItem::roleLine() const
{
    QStringList parts;
    if (m_snapshot.criticalityKnown)
        parts << StateStyle::criticalityName(m_snapshot.criticality);
    if (m_snapshot.kind != NodeKind::Service || parts.isEmpty())
        parts << StateStyle::kindName(m_snapshot.kind);
    return parts.join(QStringLiteral(" · "));
}

QString ServiceNodeItem::metricsLine() const
{
    if (m_traceOnly)
        return tr("seen in traces only");
    // Without current heartbeats the figures would mislead, so the state is spelled out instead.
    if (m_snapshot.state == ServiceState::Unknown || m_snapshot.state == ServiceState::Stale)
        return StateStyle::stateName(m_snapshot.state);
    return tr("%1 · %2 err")
        .arg(DisplayFormat::requestRate(m_snapshot.rps), DisplayFormat::errorRate(m_snapshot.errorRate));
}

void ServiceNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    Q_UNUSED(widget)
    const double scale = option->levelOfDetailFromTransform(painter->worldTransform());
    if (m_emphasis == Emphasis::Dimmed)
        painter->setOpacity(0.22);
    if (scale < textDetailScale) {
        paintSimplified(painter, scale >= symbolDetailScale);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF rect = bodyRect();
    const ServiceState state = m_snapshot.state;
    const bool core = m_snapshot.criticalityKnown && m_snapshot.criticality == Criticality::Core;
    paintEmphasis(painter, rect);

    QPen outline(StateStyle::stateColor(state), core ? 4 : 1.5);
    if (StateStyle::stateOutlineDashed(state))
        outline.setStyle(Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(StateStyle::stateFill(state));
    painter->drawPath(bodyPath());
    if (m_snapshot.kind == NodeKind::Database) {
        painter->setBrush(Qt::NoBrush);
        painter->drawArc(QRectF(rect.left(), rect.top(), rect.width(), rim), 180 * 16, 180 * 16);
    }

    const double top = m_snapshot.kind == NodeKind::Database ? rect.top() + 8 : rect.top();
    const QRectF symbolRect(
        rect.left() + padding, top + (rect.bottom() - top - symbolSize) / 2, symbolSize, symbolSize);
    StateStyle::paintStateSymbol(painter, symbolRect, state);

    const double textLeft = symbolRect.right() + 8;
    const double textWidth = rect.right() - padding - textLeft;
    QFont nameFont = painter->font();
    nameFont.setPixelSize(14);
    nameFont.setBold(core);
    painter->setFont(nameFont);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    const double textTop = top + (rect.bottom() - top - textBlockHeight) / 2;
    const QRectF nameRect(textLeft, textTop, textWidth, 18);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(nameFont).elidedText(m_name, Qt::ElideMiddle, textWidth));

    QFont detailFont = painter->font();
    detailFont.setPixelSize(11);
    detailFont.setBold(false);
    const QFontMetricsF detailMetrics(detailFont);
    // Badges share the role line, inside the body, where no arrow ends and no neighbour reaches.
    const QRectF roleRect(textLeft, nameRect.bottom() + 1, textWidth, 14);
    QRectF badgeLine = roleRect;
    badgeLine.setRight(
        badgeLine.right() - paintBadge(painter, badgeLine, modeBadgeText(), modeBadgeColor(m_snapshot.mode)));
    badgeLine.setRight(
        badgeLine.right() - paintBadge(painter, badgeLine, breakerBadgeText(), QColor(0xb7, 0x1c, 0x1c)));
    const double roleWidth = std::max(0.0, badgeLine.width());
    painter->setFont(detailFont);
    painter->setPen(QColor(0x42, 0x42, 0x42));
    painter->drawText(QRectF(roleRect.topLeft(), QSizeF(roleWidth, roleRect.height())),
        Qt::AlignLeft | Qt::AlignVCenter, detailMetrics.elidedText(roleLine(), Qt::ElideRight, roleWidth));

    // The instance count sits at the right of the metrics line, in bold red when some are unhealthy.
    QRectF metricsRect(textLeft, roleRect.bottom() + 1, textWidth, 14);
    const QString instances = instanceText();
    if (!instances.isEmpty()) {
        QFont instanceFont = detailFont;
        instanceFont.setBold(unhealthyInstanceCount() > 0);
        painter->setFont(instanceFont);
        painter->setPen(
            unhealthyInstanceCount() > 0 ? StateStyle::stateColor(ServiceState::Critical) : QColor(0x42, 0x42, 0x42));
        painter->drawText(metricsRect, Qt::AlignRight | Qt::AlignVCenter, instances);
        metricsRect.setRight(metricsRect.right() - QFontMetricsF(instanceFont).horizontalAdvance(instances) - 6);
        painter->setFont(detailFont);
        painter->setPen(QColor(0x42, 0x42, 0x42));
    }
    painter->drawText(metricsRect, Qt::AlignLeft | Qt::AlignVCenter,
        detailMetrics.elidedText(metricsLine(), Qt::ElideRight, metricsRect.width()));
}

void ServiceNodeItem::paintEmphasis(QPainter *painter, const QRectF &rect) const
{
    painter->setBrush(Qt::NoBrush);
    const bool caller = m_emphasis == Emphasis::Caller || m_emphasis == Emphasis::CallerAndCallee;
    const bool callee = m_emphasis == Emphasis::Callee || m_emphasis == Emphasis::CallerAndCallee;
    if (caller) {
        painter->setPen(QPen(callerRingColor, 3));
        painter->drawRoundedRect(rect.adjusted(-4, -4, 4, 4), 10, 10);
    }
    if (callee) {
        const double inset = caller ? 7 : 4;
        painter->setPen(QPen(calleeRingColor, 3, Qt::DashLine));
        painter->drawRoundedRect(rect.adjusted(-inset, -inset, inset, inset), 10, 10);
    }
    if (isSelected() || m_emphasis == Emphasis::Selected) {
        painter->setPen(QPen(selectionRingColor, 4));
        painter->drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 10, 10);
    } else if (m_emphasis == Emphasis::Failing) {
        painter->setPen(QPen(StateStyle::stateColor(ServiceState::Critical), 4, Qt::DotLine));
        painter->drawRoundedRect(rect.adjusted(-5, -5, 5, 5), 10, 10);
    }
}

void ServiceNodeItem::paintSimplified(QPainter *painter, bool withSymbol) const
{
    // Zoomed far out, thousands of nodes repaint on every zoom step, so this path draws no text.
    const QRectF rect = bodyRect();
    const bool core = m_snapshot.criticalityKnown && m_snapshot.criticality == Criticality::Core;
    QColor ring;
    if (isSelected() || m_emphasis == Emphasis::Selected)
        ring = selectionRingColor;
    else if (m_emphasis == Emphasis::Caller || m_emphasis == Emphasis::CallerAndCallee)
        ring = callerRingColor;
    else if (m_emphasis == Emphasis::Callee)
        ring = calleeRingColor;
    if (ring.isValid())
        painter->fillRect(rect.adjusted(-6, -6, 6, 6), ring);
    QPen outline(StateStyle::stateColor(m_snapshot.state), core ? 8 : 3);
    if (StateStyle::stateOutlineDashed(m_snapshot.state))
        outline.setStyle(Qt::DashLine);
    painter->setPen(outline);
    painter->setBrush(StateStyle::stateFill(m_snapshot.state));
    painter->drawRect(rect);
    if (withSymbol) {
        const double size = rect.height() * 0.8;
        StateStyle::paintStateSymbol(
            painter, QRectF(rect.left() + 8, rect.center().y() - size / 2, size, size), m_snapshot.state);
    }
}

double ServiceNodeItem::paintBadge(
    QPainter *painter, const QRectF &line, const QString &text, const QColor &color) const
{
    if (text.isEmpty())
        return 0;
    QFont font = painter->font();
    font.setPixelSize(10);
    font.setBold(true);
    painter->setFont(font);
    const double width = QFontMetricsF(font).horizontalAdvance(text) + 12;
    const QRectF badge(line.right() - width, line.center().y() - badgeHeight / 2, width, badgeHeight);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRoundedRect(badge, badgeHeight / 2, badgeHeight / 2);
    painter->setPen(Qt::white);
    painter->drawText(badge, Qt::AlignCenter, text);
    return width + 4;
}

QVariant ServiceNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

void ServiceNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_pressPosition = pos();
    QGraphicsItem::mousePressEvent(event);
}

void ServiceNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (pos() != m_pressPosition)
        m_pinned = true;
}

void ServiceNodeItem::updateToolTip()
{
    QString text = QStringLiteral("<b>%1</b><br>").arg(m_name.toHtmlEscaped());
    if (m_traceOnly) {
        text += tr("%1 seen only in its callers' traces; it sends no heartbeat, so its health is unknown.")
                    .arg(StateStyle::kindName(m_snapshot.kind));
        setToolTip(text);
        return;
    }
    text += tr("State: %1").arg(StateStyle::stateName(m_snapshot.state));
    if (m_snapshot.mode != ServiceMode::Normal)
        text += QStringLiteral("<br>")
            + tr("Mode: %1").arg(StateStyle::modeName(m_snapshot.mode, m_snapshot.rampPercent));
    if (m_snapshot.state != ServiceState::Unknown) {
        text += QStringLiteral("<br>")
            + tr("%1, %2 errors, p99 %3")
                  .arg(DisplayFormat::requestRate(m_snapshot.rps), DisplayFormat::errorRate(m_snapshot.errorRate),
                      DisplayFormat::latency(m_snapshot.latencyP99Ms));
    }
    if (!m_snapshot.instances.empty())
        text += QStringLiteral("<br>")
            + tr("Instances: %1 of %2 unhealthy").arg(unhealthyInstanceCount()).arg(m_snapshot.instances.size());
    for (const BreakerReport &breaker : m_snapshot.breakers) {
        if (breaker.state != BreakerState::Closed)
            text += QStringLiteral("<br>")
                + tr("Breaker to %1: %2")
                      .arg(QString::fromStdString(breaker.callee).toHtmlEscaped(),
                          StateStyle::breakerStateName(breaker.state));
    }
    setToolTip(text);
}

} // namespace faultline
