// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "svggraphwriter.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "incident/eventtext.h"

namespace faultline
{

namespace
{

constexpr int nodeWidth = 168;
constexpr int nodeHeight = 44;
constexpr int gapX = 24;
constexpr int gapY = 56;
constexpr int margin = 24;
constexpr int legendHeight = 40;

struct Colours {
    const char *stroke;
    const char *fill;
    bool dashed;
};

Colours coloursOf(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return { "#2e7d32", "#e8f5e9", false };
    case ServiceState::Warning:
        return { "#e65100", "#fff3e0", false };
    case ServiceState::Critical:
        return { "#c62828", "#ffebee", false };
    case ServiceState::Stale:
        return { "#6a1b9a", "#f3e5f5", true };
    case ServiceState::Unknown:
        return { "#616161", "#f5f5f5", true };
    }
    return { "#616161", "#f5f5f5", true };
}

bool isImpaired(ServiceState state)
{
    return state == ServiceState::Warning || state == ServiceState::Critical || state == ServiceState::Stale;
}

QString number(int value)
{
    return QString::number(value);
}

QString shortened(const QString &name, int maxChars)
{
    return name.size() <= maxChars ? name : name.left(maxChars - 1) + QChar(0x2026);
}

// Placement of the graph: the row and column of each node, from layers wrapped at MaxNodesPerRow.
struct Layout {
    std::vector<GraphNode> nodes;
    std::vector<std::pair<int, int>> edges; // caller index, callee index
    std::vector<double> errorRates;
    std::vector<int> row;
    std::vector<int> column;
    std::vector<int> rowSize;
    int rows = 0;
    int widestRow = 0;
};

Layout layOut(const GraphSnapshot &graph)
{
    Layout layout;
    std::map<QString, int> index;
    auto addNode = [&](const GraphNode &node) {
        if (index.try_emplace(node.name, int(layout.nodes.size())).second)
            layout.nodes.push_back(node);
    };
    for (const auto &node : graph.nodes)
        addNode(node);
    // An edge may name a callee that reported nothing, such as a database; draw it with an unknown state.
    for (const auto &edge : graph.edges) {
        for (const auto &name : { edge.caller, edge.callee }) {
            GraphNode node;
            node.name = name;
            addNode(node);
        }
    }

    const int count = int(layout.nodes.size());
    std::vector<std::vector<int>> callees(std::size_t(count), std::vector<int> {});
    std::set<std::pair<int, int>> seen;
    for (const auto &edge : graph.edges) {
        const int from = index.at(edge.caller);
        const int to = index.at(edge.callee);
        if (from == to || !seen.insert({ from, to }).second)
            continue;
        callees[std::size_t(from)].push_back(to);
        layout.edges.emplace_back(from, to);
        layout.errorRates.push_back(edge.errorRate);
    }

    // Depth-first search without recursion; an edge into a node still on the stack closes a cycle and is ignored.
    std::vector<int> colour(std::size_t(count), 0);
    std::set<std::pair<int, int>> backEdges;
    for (int start = 0; start < count; ++start) {
        if (colour[std::size_t(start)] != 0)
            continue;
        std::vector<std::pair<int, std::size_t>> stack { { start, 0 } };
        colour[std::size_t(start)] = 1;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const auto &out = callees[std::size_t(node)];
            if (next == out.size()) {
                colour[std::size_t(node)] = 2;
                stack.pop_back();
                continue;
            }
            const int callee = out[next++];
            if (colour[std::size_t(callee)] == 1)
                backEdges.insert({ node, callee });
            else if (colour[std::size_t(callee)] == 0) {
                colour[std::size_t(callee)] = 1;
                stack.emplace_back(callee, 0);
            }
        }
    }

    // Longest path from the nodes without callers, in topological order (Kahn's algorithm).
    std::vector<int> incoming(std::size_t(count), 0);
    for (const auto &[from, to] : layout.edges) {
        if (!backEdges.count({ from, to }))
            ++incoming[std::size_t(to)];
    }
    std::vector<int> layer(std::size_t(count), 0);
    std::vector<int> ready;
    for (int i = 0; i < count; ++i) {
        if (incoming[std::size_t(i)] == 0)
            ready.push_back(i);
    }
    while (!ready.empty()) {
        const int node = ready.back();
        ready.pop_back();
        for (const int callee : callees[std::size_t(node)]) {
            if (backEdges.count({ node, callee }))
                continue;
            layer[std::size_t(callee)] = std::max(layer[std::size_t(callee)], layer[std::size_t(node)] + 1);
            if (--incoming[std::size_t(callee)] == 0)
                ready.push_back(callee);
        }
    }

    // Order each layer by the mean position of its callers (one barycentre sweep), names breaking ties.
    const int layers = count == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<int>> members(std::size_t(layers), std::vector<int> {});
    for (int i = 0; i < count; ++i)
        members[std::size_t(layer[std::size_t(i)])].push_back(i);
    std::vector<double> position(std::size_t(count), 0);
    for (auto &nodes : members) {
        std::vector<double> key(std::size_t(count), 0);
        for (const int node : nodes) {
            double sum = 0;
            int callers = 0;
            for (const auto &[from, to] : layout.edges) {
                if (to == node && layer[std::size_t(from)] < layer[std::size_t(node)]) {
                    sum += position[std::size_t(from)];
                    ++callers;
                }
            }
            key[std::size_t(node)] = callers > 0 ? sum / callers : 0;
        }
        std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) {
            if (key[std::size_t(a)] != key[std::size_t(b)])
                return key[std::size_t(a)] < key[std::size_t(b)];
            return layout.nodes[std::size_t(a)].name < layout.nodes[std::size_t(b)].name;
        });
        for (std::size_t i = 0; i < nodes.size(); ++i)
            position[std::size_t(nodes[i])] = double(i);
    }

    layout.row.assign(std::size_t(count), 0);
    layout.column.assign(std::size_t(count), 0);
    for (const auto &nodes : members) {
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i % SvgGraphWriter::MaxNodesPerRow == 0)
                layout.rowSize.push_back(0);
            layout.row[std::size_t(nodes[i])] = int(layout.rowSize.size()) - 1;
            layout.column[std::size_t(nodes[i])] = layout.rowSize.back()++;
        }
    }
    layout.rows = int(layout.rowSize.size());
    layout.widestRow = layout.rowSize.empty() ? 0 : *std::max_element(layout.rowSize.begin(), layout.rowSize.end());
    return layout;
}

} // namespace

QString SvgGraphWriter::escaped(const QString &text)
{
    QString result;
    result.reserve(text.size());
    for (const QChar c : text) {
        const auto code = c.unicode();
        if (code < 0x20 && code != 0x09 && code != 0x0a && code != 0x0d)
            continue;
        if (code == 0xfffe || code == 0xffff)
            continue;
        switch (code) {
        case '&':
            result += QStringLiteral("&amp;");
            break;
        case '<':
            result += QStringLiteral("&lt;");
            break;
        case '>':
            result += QStringLiteral("&gt;");
            break;
        case '"':
            result += QStringLiteral("&quot;");
            break;
        case '\'':
            result += QStringLiteral("&#39;");
            break;
        default:
            result += c;
        }
    }
    return result;
}

GraphSnapshot SvgGraphWriter::focus(const GraphSnapshot &graph, int maxNodes)
{
    if (int(graph.nodes.size()) <= maxNodes)
        return graph;
    std::set<QString> keep;
    for (const auto &node : graph.nodes) {
        if (isImpaired(node.state))
            keep.insert(node.name);
    }
    std::set<QString> neighbours;
    for (const auto &edge : graph.edges) {
        if (keep.count(edge.caller))
            neighbours.insert(edge.callee);
        if (keep.count(edge.callee))
            neighbours.insert(edge.caller);
    }
    for (const auto &name : neighbours) {
        if (int(keep.size()) >= maxNodes)
            break;
        keep.insert(name);
    }
    auto byName = graph.nodes;
    std::sort(byName.begin(), byName.end(), [](const GraphNode &a, const GraphNode &b) { return a.name < b.name; });
    for (const auto &node : byName) {
        if (int(keep.size()) >= maxNodes)
            break;
        keep.insert(node.name);
    }

    GraphSnapshot result;
    for (const auto &node : graph.nodes) {
        if (keep.count(node.name))
            result.nodes.push_back(node);
    }
    for (const auto &edge : graph.edges) {
        if (keep.count(edge.caller) && keep.count(edge.callee))
            result.edges.push_back(edge);
    }
    return result;
}

QString SvgGraphWriter::write(const GraphSnapshot &graph)
{
    const auto layout = layOut(graph);
    const int columns = std::max(layout.widestRow, 5);
    const int width = 2 * margin + columns * nodeWidth + (columns - 1) * gapX;
    const int graphHeight = layout.rows * nodeHeight + std::max(0, layout.rows - 1) * gapY;
    const int height = 2 * margin + graphHeight + legendHeight;

    auto nodeX = [&](int i) {
        const int rowWidth = layout.rowSize[std::size_t(layout.row[std::size_t(i)])];
        const int offset = (columns - rowWidth) * (nodeWidth + gapX) / 2;
        return margin + offset + layout.column[std::size_t(i)] * (nodeWidth + gapX);
    };
    auto nodeY = [&](int i) { return margin + layout.row[std::size_t(i)] * (nodeHeight + gapY); };

    QString svg;
    svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                          "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\" role=\"img\">\n")
               .arg(width)
               .arg(height);
    svg += QStringLiteral("<title>%1</title>\n").arg(escaped(tr("Dependency graph")));
    svg += QStringLiteral(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#757575\"/></marker>"
        "<marker id=\"arrow-error\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#c62828\"/></marker></defs>\n");

    if (layout.nodes.empty()) {
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\">%3</text>\n")
                   .arg(margin)
                   .arg(margin + 14)
                   .arg(escaped(tr("No dependency graph was recorded.")));
    }

    for (std::size_t e = 0; e < layout.edges.size(); ++e) {
        const auto [from, to] = layout.edges[e];
        const double errorRate = layout.errorRates[e];
        const bool failing = errorRate >= 0.05;
        const char *stroke = "#9e9e9e";
        if (failing)
            stroke = "#c62828";
        else if (errorRate > 0)
            stroke = "#e65100";
        const int x1 = nodeX(from) + nodeWidth / 2;
        const int x2 = nodeX(to) + nodeWidth / 2;
        QString path;
        if (layout.row[std::size_t(to)] > layout.row[std::size_t(from)]) {
            path = QStringLiteral("M %1 %2 L %3 %4").arg(x1).arg(nodeY(from) + nodeHeight).arg(x2).arg(nodeY(to));
        } else {
            // Edges that go up or sideways (cycles, wrapped rows) bend out to the right of both nodes.
            const int y1 = nodeY(from) + nodeHeight / 2;
            const int y2 = nodeY(to) + nodeHeight / 2;
            const int bend = std::max(nodeX(from), nodeX(to)) + nodeWidth + gapX / 2;
            path = QStringLiteral("M %1 %2 C %3 %2, %3 %4, %5 %4")
                       .arg(nodeX(from) + nodeWidth)
                       .arg(y1)
                       .arg(bend)
                       .arg(y2)
                       .arg(nodeX(to) + nodeWidth);
        }
        const auto title = tr("%1 calls %2, %3 % errors")
                               .arg(layout.nodes[std::size_t(from)].name, layout.nodes[std::size_t(to)].name,
                                   QString::number(errorRate * 100, 'f', 1));
        svg += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"%3\" marker-end=\"url(#%4)\">"
                              "<title>%5</title></path>\n")
                   .arg(path, QLatin1String(stroke), failing ? QStringLiteral("2") : QStringLiteral("1.2"),
                       failing ? QStringLiteral("arrow-error") : QStringLiteral("arrow"), escaped(title));
    }

    for (int i = 0; i < int(layout.nodes.size()); ++i) {
        const auto &node = layout.nodes[std::size_t(i)];
        const auto colours = coloursOf(node.state);
        QString detail = EventText::stateLabel(node.state);
        if (node.mode != ServiceMode::Normal)
            detail += QStringLiteral(", ") + QString::fromLatin1(modeName(node.mode).data());
        if (node.criticality)
            detail += QStringLiteral(", ") + EventText::criticalityLabel(*node.criticality);
        // One multi-argument arg() per string, so that a '%1' inside a service name is never substituted.
        svg += QStringLiteral("<g><title>%1</title><rect x=\"%2\" y=\"%3\" width=\"%4\" height=\"%5\" rx=\"6\" "
                              "fill=\"%6\" stroke=\"%7\" stroke-width=\"%8\"%9/>")
                   .arg(escaped(node.name + QStringLiteral(" (") + detail + QLatin1Char(')')), number(nodeX(i)),
                       number(nodeY(i)), number(nodeWidth), number(nodeHeight), QLatin1String(colours.fill),
                       QLatin1String(colours.stroke),
                       node.state == ServiceState::Critical ? QStringLiteral("2.5") : QStringLiteral("1.5"),
                       colours.dashed ? QStringLiteral(" stroke-dasharray=\"5 3\"") : QString());
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"middle\" font-weight=\"bold\">%3</text>"
                              "<text x=\"%1\" y=\"%4\" text-anchor=\"middle\" fill=\"#424242\">%5</text></g>\n")
                   .arg(number(nodeX(i) + nodeWidth / 2), number(nodeY(i) + 18), escaped(shortened(node.name, 22)),
                       number(nodeY(i) + 35), escaped(shortened(detail, 26)));
    }

    int legendX = margin;
    const int legendY = height - margin - 14;
    for (const auto state : { ServiceState::Ok, ServiceState::Warning, ServiceState::Critical, ServiceState::Stale,
             ServiceState::Unknown }) {
        const auto colours = coloursOf(state);
        svg += QStringLiteral(
            "<rect x=\"%1\" y=\"%2\" width=\"14\" height=\"14\" rx=\"3\" fill=\"%3\" stroke=\"%4\"%5/>"
            "<text x=\"%6\" y=\"%7\">%8</text>\n")
                   .arg(legendX)
                   .arg(legendY)
                   .arg(QLatin1String(colours.fill), QLatin1String(colours.stroke),
                       colours.dashed ? QStringLiteral(" stroke-dasharray=\"3 2\"") : QString())
                   .arg(legendX + 20)
                   .arg(legendY + 12)
                   .arg(escaped(EventText::stateLabel(state)));
        legendX += 110;
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace faultline
