// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphminimap.h"

#include <algorithm>

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMouseEvent>
#include <QPainter>

#include "servicenodeitem.h"
#include "statestyle.h"

namespace faultline
{
namespace
{

constexpr int rebuildDelayMs = 500;
constexpr int inset = 6;

} // namespace

GraphMinimap::GraphMinimap(QGraphicsView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("graphMinimap"));
    setAccessibleName(tr("Graph overview"));
    setToolTip(tr("Overview of the graph: click or drag to move the view"));
    setCursor(Qt::PointingHandCursor);
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(rebuildDelayMs);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &GraphMinimap::rebuild);
}

void GraphMinimap::markDirty()
{
    if (isVisible() && !m_rebuildTimer.isActive())
        m_rebuildTimer.start();
}

QPointF GraphMinimap::sceneAt(const QPointF &widgetPoint) const
{
    return m_sceneToMap.inverted().map(widgetPoint);
}

void GraphMinimap::rebuild()
{
    m_dots = QImage(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    m_dots.setDevicePixelRatio(devicePixelRatioF());
    m_dots.fill(Qt::transparent);

    QRectF bounds;
    std::vector<const ServiceNodeItem *> nodes;
    for (QGraphicsItem *item : m_view->scene()->items()) {
        const auto *node = qgraphicsitem_cast<const ServiceNodeItem *>(item);
        if (node && node->isVisible()) {
            nodes.push_back(node);
            bounds = bounds.united(node->sceneBoundingRect());
        }
    }
    if (bounds.isEmpty()) {
        update();
        return;
    }

    // Keep the aspect ratio, centred in the widget.
    const QRectF area = QRectF(rect()).adjusted(inset, inset, -inset, -inset);
    const double factor = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    const QPointF offset = area.center() - bounds.center() * factor;
    m_sceneToMap = QTransform(factor, 0, 0, factor, offset.x(), offset.y());

    QPainter painter(&m_dots);
    const double dot = std::max(2.0, ServiceNodeItem::width * factor);
    const double dotHeight = std::max(2.0, ServiceNodeItem::height * factor);
    for (const ServiceNodeItem *node : nodes) {
        const QPointF centre = m_sceneToMap.map(node->pos());
        painter.fillRect(QRectF(centre.x() - dot / 2, centre.y() - dotHeight / 2, dot, dotHeight),
            StateStyle::stateColor(node->snapshot().state));
    }
    update();
}

void GraphMinimap::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setPen(QColor(0x9e, 0x9e, 0x9e));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_dots.size() != size() * devicePixelRatioF())
        const_cast<GraphMinimap *>(this)->m_rebuildTimer.start(0);
    painter.drawImage(0, 0, m_dots);

    // The part of the scene the view shows now.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    painter.setPen(QPen(QColor(0x19, 0x76, 0xd2), 1.5));
    painter.setBrush(QColor(0x19, 0x76, 0xd2, 40));
    painter.drawRect(m_sceneToMap.mapRect(visible).intersected(QRectF(rect())));
}

void GraphMinimap::mousePressEvent(QMouseEvent *event)
{
    m_view->centerOn(sceneAt(event->position()));
    event->accept();
}

void GraphMinimap::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_view->centerOn(sceneAt(event->position()));
    event->accept();
}

} // namespace faultline
