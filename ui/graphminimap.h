// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QTimer>
#include <QTransform>
#include <QWidget>

class QGraphicsView;

namespace faultline
{

/**
 * An overview of a large graph in a corner of its view: every shown node as a dot in its state
 * colour and the visible area as a frame. Clicking or dragging in it moves the view there. The
 * dots are redrawn at most twice a second, so thousands of nodes cost little while data streams in.
 */
class GraphMinimap : public QWidget
{
    Q_OBJECT

public:
    explicit GraphMinimap(QGraphicsView *view);

    QSize sizeHint() const override { return { 240, 160 }; }
    /** Whether the operator wants the minimap; the view still hides it for small graphs. */
    bool isEnabledByUser() const { return m_enabledByUser; }
    void setEnabledByUser(bool enabled) { m_enabledByUser = enabled; }
    /** Schedules a redraw of the dots, after nodes moved, appeared or changed state. */
    void markDirty();
    /** Scene point shown at @p widgetPoint of the minimap. */
    QPointF sceneAt(const QPointF &widgetPoint) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void rebuild();

    QGraphicsView *m_view;
    QImage m_dots;
    // Maps scene coordinates to minimap pixels for the image in m_dots.
    QTransform m_sceneToMap;
    QTimer m_rebuildTimer;
    bool m_enabledByUser = true;
};

} // namespace faultline
