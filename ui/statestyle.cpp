// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statestyle.h"

#include <cmath>
#include <numbers>

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

namespace faultline
{
namespace
{

// Error rates (0..1) from which an edge turns amber and red.
constexpr double edgeWarningErrorRate = 0.01;
constexpr double edgeCriticalErrorRate = 0.05;

void paintCheckCircle(QPainter *painter, const QRectF &rect, const QColor &color)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(rect);

    QPen mark(Qt::white, rect.width() * 0.14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter->setPen(mark);
    painter->setBrush(Qt::NoBrush);
    const QPolygonF check({ rect.topLeft() + QPointF(rect.width() * 0.27, rect.height() * 0.52),
        rect.topLeft() + QPointF(rect.width() * 0.44, rect.height() * 0.70),
        rect.topLeft() + QPointF(rect.width() * 0.74, rect.height() * 0.32) });
    painter->drawPolyline(check);
}

void paintWarningTriangle(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const QPolygonF triangle({ QPointF(rect.center().x(), rect.top()), rect.bottomRight(), rect.bottomLeft() });
    painter->setPen(QPen(color.darker(140), rect.width() * 0.06, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(color);
    painter->drawPolygon(triangle);

    // Black on amber keeps the mark visible where white would not be.
    painter->setPen(QPen(Qt::black, rect.width() * 0.12, Qt::SolidLine, Qt::RoundCap));
    const double x = rect.center().x();
    painter->drawLine(QPointF(x, rect.top() + rect.height() * 0.38), QPointF(x, rect.top() + rect.height() * 0.66));
    painter->drawPoint(QPointF(x, rect.top() + rect.height() * 0.84));
}

void paintCrossOctagon(QPainter *painter, const QRectF &rect, const QColor &color)
{
    QPolygonF octagon;
    const QPointF centre = rect.center();
    const double radius = rect.width() / 2.0;
    for (int i = 0; i < 8; ++i) {
        const double angle = std::numbers::pi / 8.0 + i * std::numbers::pi / 4.0;
        octagon << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(octagon);

    painter->setPen(QPen(Qt::white, rect.width() * 0.14, Qt::SolidLine, Qt::RoundCap));
    const double arm = rect.width() * 0.2;
    painter->drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm));
    painter->drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm));
}

void paintClock(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const double width = rect.width() * 0.1;
    const QRectF face = rect.adjusted(width / 2, width / 2, -width / 2, -width / 2);
    painter->setPen(QPen(color, width));
    painter->setBrush(Qt::white);
    painter->drawEllipse(face);

    const QPointF centre = rect.center();
    painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(centre, centre + QPointF(0, -face.height() * 0.32));
    painter->drawLine(centre, centre + QPointF(face.width() * 0.24, 0));
}

void paintQuestionMark(QPainter *painter, const QRectF &rect, const QColor &color)
{
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawEllipse(rect);

    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(1, int(rect.height() * 0.72)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, QStringLiteral("?"));
}

} // namespace

QColor StateStyle::stateColor(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case ServiceState::Warning:
        return QColor(0xe6, 0x9f, 0x00);
    case ServiceState::Critical:
        return QColor(0xc6, 0x28, 0x28);
    case ServiceState::Stale:
        return QColor(0x6a, 0x5f, 0x8f);
    case ServiceState::Unknown:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QColor StateStyle::stateFill(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return QColor(0xe3, 0xf1, 0xe3);
    case ServiceState::Warning:
        return QColor(0xfd, 0xef, 0xc8);
    case ServiceState::Critical:
        return QColor(0xf9, 0xd6, 0xd5);
    case ServiceState::Stale:
        return QColor(0xe8, 0xe4, 0xf0);
    case ServiceState::Unknown:
        break;
    }
    return QColor(0xee, 0xee, 0xee);
}

StateStyle::Symbol StateStyle::stateSymbol(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return Symbol::CheckCircle;
    case ServiceState::Warning:
        return Symbol::WarningTriangle;
    case ServiceState::Critical:
        return Symbol::CrossOctagon;
    case ServiceState::Stale:
        return Symbol::Clock;
    case ServiceState::Unknown:
        break;
    }
    return Symbol::QuestionMark;
}

bool StateStyle::stateOutlineDashed(ServiceState state)
{
    return state == ServiceState::Unknown || state == ServiceState::Stale;
}

void StateStyle::paintStateSymbol(QPainter *painter, const QRectF &rect, ServiceState state)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = stateColor(state);
    switch (stateSymbol(state)) {
    case Symbol::CheckCircle:
        paintCheckCircle(painter, rect, color);
        break;
    case Symbol::WarningTriangle:
        paintWarningTriangle(painter, rect, color);
        break;
    case Symbol::CrossOctagon:
        paintCrossOctagon(painter, rect, color);
        break;
    case Symbol::Clock:
        paintClock(painter, rect, color);
        break;
    case Symbol::QuestionMark:
        paintQuestionMark(painter, rect, color);
        break;
    }
    painter->restore();
}

QIcon StateStyle::stateIcon(ServiceState state, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintStateSymbol(&painter, QRectF(1, 1, size - 2, size - 2), state);
    painter.end();
    return QIcon(pixmap);
}

QColor StateStyle::errorRateColor(double errorRate)
{
    if (errorRate >= edgeCriticalErrorRate)
        return stateColor(ServiceState::Critical);
    if (errorRate >= edgeWarningErrorRate)
        return QColor(0xc7, 0x7c, 0x00);
    return QColor(0x5f, 0x6b, 0x7a);
}

QString StateStyle::stateName(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return QCoreApplication::translate("faultline::StateStyle", "OK");
    case ServiceState::Warning:
        return QCoreApplication::translate("faultline::StateStyle", "Warning");
    case ServiceState::Critical:
        return QCoreApplication::translate("faultline::StateStyle", "Critical");
    case ServiceState::Stale:
        return QCoreApplication::translate("faultline::StateStyle", "Stale (no heartbeat)");
    case ServiceState::Unknown:
        break;
    }
    return QCoreApplication::translate("faultline::StateStyle", "Unknown (no data yet)");
}

QString StateStyle::shortStateName(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return QCoreApplication::translate("faultline::StateStyle", "ok");
    case ServiceState::Warning:
        return QCoreApplication::translate("faultline::StateStyle", "warning");
    case ServiceState::Critical:
        return QCoreApplication::translate("faultline::StateStyle", "critical");
    case ServiceState::Stale:
        return QCoreApplication::translate("faultline::StateStyle", "stale");
    case ServiceState::Unknown:
        break;
    }
    return QCoreApplication::translate("faultline::StateStyle", "unknown");
}

QString StateStyle::modeName(ServiceMode mode, std::optional<double> rampPercent)
{
    switch (mode) {
    case ServiceMode::Normal:
        return QCoreApplication::translate("faultline::StateStyle", "normal");
    case ServiceMode::Isolated:
        return QCoreApplication::translate("faultline::StateStyle", "isolated");
    case ServiceMode::Degraded:
        return QCoreApplication::translate("faultline::StateStyle", "degraded");
    case ServiceMode::Ramping:
        if (rampPercent)
            return QCoreApplication::translate("faultline::StateStyle", "ramping %1 %")
                .arg(QLocale().toString(*rampPercent, 'f', 0));
        return QCoreApplication::translate("faultline::StateStyle", "ramping");
    case ServiceMode::Shedding:
        return QCoreApplication::translate("faultline::StateStyle", "shedding");
    }
    return {};
}

QString StateStyle::criticalityName(Criticality criticality)
{
    switch (criticality) {
    case Criticality::Core:
        return QCoreApplication::translate("faultline::StateStyle", "core");
    case Criticality::Important:
        return QCoreApplication::translate("faultline::StateStyle", "important");
    case Criticality::Minor:
        break;
    }
    return QCoreApplication::translate("faultline::StateStyle", "minor");
}

QString StateStyle::kindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Database:
        return QCoreApplication::translate("faultline::StateStyle", "database");
    case NodeKind::Broker:
        return QCoreApplication::translate("faultline::StateStyle", "message broker");
    case NodeKind::External:
        return QCoreApplication::translate("faultline::StateStyle", "external service");
    case NodeKind::Service:
        break;
    }
    return QCoreApplication::translate("faultline::StateStyle", "service");
}

QString StateStyle::breakerStateName(BreakerState state)
{
    switch (state) {
    case BreakerState::Open:
        return QCoreApplication::translate("faultline::StateStyle", "open");
    case BreakerState::HalfOpen:
        return QCoreApplication::translate("faultline::StateStyle", "half-open");
    case BreakerState::Closed:
        break;
    }
    return QCoreApplication::translate("faultline::StateStyle", "closed");
}

} // namespace faultline
