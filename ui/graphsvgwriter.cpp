// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphsvgwriter.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QHash>
#include <QRectF>
#include <QXmlStreamWriter>

#include "graphlayout.h"

namespace faultline
{
namespace
{

constexpr double nodeWidth = 220;
constexpr double nodeHeight = 64;
constexpr double margin = 40;

// The colours of StateStyle, repeated here because this writer must not link Qt GUI.
QString strokeColor(std::optional<ServiceState> state)
{
    switch (state.value_or(ServiceState::Unknown)) {
    case ServiceState::Ok:
        return QStringLiteral("#2e7d32");
    case ServiceState::Warning:
        return QStringLiteral("#e69f00");
    case ServiceState::Critical:
        return QStringLiteral("#c62828");
    case ServiceState::Stale:
        return QStringLiteral("#6a5f8f");
    case ServiceState::Unknown:
        break;
    }
    return QStringLiteral("#808080");
}

QString fillColor(std::optional<ServiceState> state)
{
    switch (state.value_or(ServiceState::Unknown)) {
    case ServiceState::Ok:
        return QStringLiteral("#e3f1e3");
    case ServiceState::Warning:
        return QStringLiteral("#fdefc8");
    case ServiceState::Critical:
        return QStringLiteral("#f9d6d5");
    case ServiceState::Stale:
        return QStringLiteral("#e8e4f0");
    case ServiceState::Unknown:
        break;
    }
    return QStringLiteral("#eeeeee");
}

QString edgeColor(double errorRate)
{
    if (errorRate >= 0.05)
        return QStringLiteral("#c62828");
    if (errorRate >= 0.01)
        return QStringLiteral("#c77c00");
    return QStringLiteral("#5f6b7a");
}

QString number(double value)
{
    return QString::number(value, 'f', 1);
}

/** The outline of a node centred on @p centre; the shape distinguishes the kinds without colour. */
QString nodePath(NodeKind kind, const QPointF &centre)
{
    const double left = centre.x() - nodeWidth / 2;
    const double top = centre.y() - nodeHeight / 2;
    const double right = left + nodeWidth;
    const double bottom = top + nodeHeight;
    switch (kind) {
    case NodeKind::Database:
        return QStringLiteral("M%1,%2 L%1,%3 A%4,7 0 0,0 %5,%3 L%5,%2 A%4,7 0 0,0 %1,%2 A%4,7 0 0,0 %5,%2")
            .arg(number(left), number(top + 7), number(bottom - 7), number(nodeWidth / 2), number(right));
    case NodeKind::Broker:
        return QStringLiteral("M%1,%2 L%3,%2 A32,32 0 0,1 %3,%4 L%1,%4 A32,32 0 0,1 %1,%2 Z")
            .arg(number(left + 32), number(top), number(right - 32), number(bottom));
    case NodeKind::External:
        return QStringLiteral("M%1,%2 L%3,%2 L%4,%5 L%3,%6 L%1,%6 L%7,%5 Z")
            .arg(number(left + 14), number(top), number(right - 14), number(right), number(centre.y()), number(bottom),
                number(left));
    case NodeKind::Service:
        break;
    }
    return QStringLiteral("M%1,%2 H%3 V%4 H%1 Z").arg(number(left), number(top), number(right), number(bottom));
}

void writeEdge(QXmlStreamWriter &xml, const GraphSvgWriter::Edge &edge, const QPointF &from, const QPointF &to)
{
    const QPointF start(from.x(), from.y() + nodeHeight / 2);
    const QPointF end(to.x(), to.y() - nodeHeight / 2 - 2);
    const double bend = std::max(40.0, std::abs(end.y() - start.y()) / 2);
    const double width = std::clamp(1 + 1.5 * std::log10(1 + std::max(0.0, edge.weight)), 1.0, 7.0);
    xml.writeStartElement(QStringLiteral("path"));
    xml.writeAttribute(QStringLiteral("d"),
        QStringLiteral("M%1,%2 C%1,%3 %4,%5 %4,%6")
            .arg(number(start.x()), number(start.y()), number(start.y() + bend), number(end.x()),
                number(end.y() - bend), number(end.y())));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("none"));
    xml.writeAttribute(QStringLiteral("stroke"), edgeColor(edge.errorRate));
    xml.writeAttribute(QStringLiteral("stroke-width"), number(width));
    xml.writeAttribute(QStringLiteral("marker-end"), QStringLiteral("url(#arrow)"));
    xml.writeTextElement(QStringLiteral("title"), edge.tooltip);
    xml.writeEndElement();
}

void writeNode(QXmlStreamWriter &xml, const GraphSvgWriter::Node &node, const QPointF &centre)
{
    xml.writeStartElement(QStringLiteral("g"));
    xml.writeTextElement(QStringLiteral("title"), node.name);
    xml.writeStartElement(QStringLiteral("path"));
    xml.writeAttribute(QStringLiteral("d"), nodePath(node.kind, centre));
    xml.writeAttribute(QStringLiteral("fill"), fillColor(node.state));
    xml.writeAttribute(QStringLiteral("stroke"), strokeColor(node.state));
    xml.writeAttribute(QStringLiteral("stroke-width"), node.core ? QStringLiteral("4") : QStringLiteral("1.5"));
    // No current data is dashed, as in the console, so it never passes for healthy.
    if (!node.state || *node.state == ServiceState::Unknown || *node.state == ServiceState::Stale)
        xml.writeAttribute(QStringLiteral("stroke-dasharray"), QStringLiteral("6 4"));
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("text"));
    xml.writeAttribute(QStringLiteral("x"), number(centre.x()));
    xml.writeAttribute(QStringLiteral("y"), number(centre.y() - 4));
    xml.writeAttribute(QStringLiteral("font-weight"), node.core ? QStringLiteral("bold") : QStringLiteral("normal"));
    xml.writeCharacters(node.name);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("text"));
    xml.writeAttribute(QStringLiteral("x"), number(centre.x()));
    xml.writeAttribute(QStringLiteral("y"), number(centre.y() + 14));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("11"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#424242"));
    xml.writeCharacters(node.detail);
    xml.writeEndElement();
    xml.writeEndElement();
}

} // namespace

QByteArray GraphSvgWriter::write(const std::vector<Node> &nodes, const std::vector<Edge> &edges, const QString &title)
{
    QStringList names;
    for (const Node &node : nodes)
        names.append(node.name);
    std::vector<GraphLayout::Edge> layoutEdges;
    for (const Edge &edge : edges)
        layoutEdges.push_back({ edge.caller, edge.callee });
    GraphLayout::Spacing spacing;
    spacing.nodeWidth = nodeWidth;
    spacing.nodeHeight = nodeHeight;
    const QHash<QString, QPointF> positions = GraphLayout::compute(names, layoutEdges, {}, spacing);

    QRectF bounds(0, 0, nodeWidth, nodeHeight);
    for (const QPointF &centre : positions)
        bounds = bounds.united(QRectF(centre.x() - nodeWidth / 2, centre.y() - nodeHeight / 2, nodeWidth, nodeHeight));
    bounds.adjust(-margin, -margin, margin, margin);

    QByteArray output;
    QXmlStreamWriter xml(&output);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("svg"));
    xml.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.1"));
    xml.writeAttribute(QStringLiteral("width"), number(bounds.width()));
    xml.writeAttribute(QStringLiteral("height"), number(bounds.height()));
    xml.writeAttribute(QStringLiteral("viewBox"),
        QStringLiteral("%1 %2 %3 %4")
            .arg(number(bounds.left()), number(bounds.top()), number(bounds.width()), number(bounds.height())));
    xml.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));
    xml.writeAttribute(QStringLiteral("font-size"), QStringLiteral("14"));
    xml.writeAttribute(QStringLiteral("text-anchor"), QStringLiteral("middle"));
    xml.writeTextElement(QStringLiteral("title"), title);

    xml.writeStartElement(QStringLiteral("defs"));
    xml.writeStartElement(QStringLiteral("marker"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("arrow"));
    xml.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 10 10"));
    xml.writeAttribute(QStringLiteral("refX"), QStringLiteral("9"));
    xml.writeAttribute(QStringLiteral("refY"), QStringLiteral("5"));
    xml.writeAttribute(QStringLiteral("markerWidth"), QStringLiteral("6"));
    xml.writeAttribute(QStringLiteral("markerHeight"), QStringLiteral("6"));
    xml.writeAttribute(QStringLiteral("orient"), QStringLiteral("auto"));
    xml.writeEmptyElement(QStringLiteral("path"));
    xml.writeAttribute(QStringLiteral("d"), QStringLiteral("M0,0 L10,5 L0,10 Z"));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#5f6b7a"));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("rect"));
    xml.writeAttribute(QStringLiteral("x"), number(bounds.left()));
    xml.writeAttribute(QStringLiteral("y"), number(bounds.top()));
    xml.writeAttribute(QStringLiteral("width"), number(bounds.width()));
    xml.writeAttribute(QStringLiteral("height"), number(bounds.height()));
    xml.writeAttribute(QStringLiteral("fill"), QStringLiteral("#ffffff"));
    xml.writeEndElement();

    if (nodes.empty())
        xml.writeTextElement(
            QStringLiteral("text"), QCoreApplication::translate("faultline::GraphSvgWriter", "no services"));
    for (const Edge &edge : edges) {
        const auto from = positions.constFind(edge.caller);
        const auto to = positions.constFind(edge.callee);
        if (from != positions.constEnd() && to != positions.constEnd() && edge.caller != edge.callee)
            writeEdge(xml, edge, *from, *to);
    }
    for (const Node &node : nodes)
        writeNode(xml, node, positions.value(node.name));
    xml.writeEndElement();
    xml.writeEndDocument();
    return output;
}

} // namespace faultline
