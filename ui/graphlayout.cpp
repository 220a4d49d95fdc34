// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphlayout.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

namespace faultline
{
namespace
{

// Down-and-up sweep pairs of the barycentre ordering.
constexpr int orderingSweeps = 4;
// Nodes per row before a layer wraps onto another row.
constexpr int maxRowLength = 40;
// Rounds of moving callees below callers that a late edge misplaced; a chain deeper than this stays misplaced.
constexpr int repairRounds = 8;

/** The graph by node index, with the edges that close cycles removed. */
struct AcyclicGraph {
    std::vector<std::vector<int>> callees;
    std::vector<std::vector<int>> callers;
};

AcyclicGraph buildAcyclicGraph(const QStringList &nodes, const std::vector<GraphLayout::Edge> &edges)
{
    const int count = int(nodes.size());
    QHash<QString, int> index;
    for (int i = 0; i < count; ++i)
        index.insert(nodes.at(i), i);

    std::vector<std::set<int>> adjacency(count);
    for (const auto &edge : edges) {
        const int from = index.value(edge.caller, -1);
        const int to = index.value(edge.callee, -1);
        if (from >= 0 && to >= 0 && from != to)
            adjacency[from].insert(to);
    }

    // Iterative depth-first search; an edge to a node still on the stack closes a cycle and is dropped.
    enum class Mark : std::uint8_t { New, OnStack, Done };
    std::vector<Mark> marks(count, Mark::New);
    AcyclicGraph graph { std::vector<std::vector<int>>(count), std::vector<std::vector<int>>(count) };
    for (int root = 0; root < count; ++root) {
        if (marks[root] != Mark::New)
            continue;
        std::vector<std::pair<int, std::set<int>::const_iterator>> stack { { root, adjacency[root].cbegin() } };
        marks[root] = Mark::OnStack;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next == adjacency[node].cend()) {
                marks[node] = Mark::Done;
                stack.pop_back();
                continue;
            }
            const int callee = *next++;
            if (marks[callee] == Mark::OnStack)
                continue;
            graph.callees[node].push_back(callee);
            graph.callers[callee].push_back(node);
            if (marks[callee] == Mark::New) {
                marks[callee] = Mark::OnStack;
                stack.emplace_back(callee, adjacency[callee].cbegin());
            }
        }
    }
    return graph;
}

std::vector<int> longestPathLayers(const AcyclicGraph &graph)
{
    const std::size_t count = graph.callees.size();
    std::vector<int> layer(count, 0);
    std::vector<std::size_t> pendingCallers(count);
    std::vector<int> ready;
    for (std::size_t i = 0; i < count; ++i) {
        pendingCallers[i] = graph.callers[i].size();
        if (pendingCallers[i] == 0)
            ready.push_back(int(i));
    }

    // Kahn's topological order: a node is placed once all its callers are, one layer below the deepest.
    while (!ready.empty()) {
        const int node = ready.back();
        ready.pop_back();
        for (const int callee : graph.callees[node]) {
            layer[callee] = std::max(layer[callee], layer[node] + 1);
            if (--pendingCallers[callee] == 0)
                ready.push_back(callee);
        }
    }
    return layer;
}

/** Reorders each layer by the mean position of the neighbours in the layer swept from. */
void sweepLayers(
    std::vector<std::vector<int>> &rows, std::vector<double> &position, const AcyclicGraph &graph, bool downwards)
{
    const int rowCount = int(rows.size());
    for (int step = 1; step < rowCount; ++step) {
        auto &row = rows[downwards ? step : rowCount - 1 - step];
        const auto &neighbours = downwards ? graph.callers : graph.callees;
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(row.size());
        for (const int node : row) {
            double sum = 0;
            for (const int other : neighbours[node])
                sum += position[other];
            const auto degree = neighbours[node].size();
            keyed.emplace_back(degree == 0 ? position[node] : sum / double(degree), node);
        }
        std::stable_sort(
            keyed.begin(), keyed.end(), [](const auto &left, const auto &right) { return left.first < right.first; });
        for (std::size_t i = 0; i < keyed.size(); ++i) {
            row[i] = keyed[i].second;
            position[keyed[i].second] = double(i) - double(keyed.size() - 1) / 2.0;
        }
    }
}

QHash<QString, QPointF> freshLayout(const QStringList &nodes, const AcyclicGraph &graph, const std::vector<int> &layer,
    const GraphLayout::Spacing &spacing)
{
    const int layerCount = layer.empty() ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
    std::vector<std::vector<int>> rows(layerCount);
    for (int i = 0; i < int(nodes.size()); ++i)
        rows[layer[i]].push_back(i);

    // NOTE: edges that skip layers get no bend points, so they can run behind the nodes in between.
    // Positions are centred per row so that rows of different widths line up on one axis.
    std::vector<double> position(nodes.size(), 0);
    for (const auto &row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            position[row[i]] = double(i) - double(row.size() - 1) / 2.0;
    }
    for (int sweep = 0; sweep < orderingSweeps; ++sweep) {
        sweepLayers(rows, position, graph, true);
        sweepLayers(rows, position, graph, false);
    }

    QHash<QString, QPointF> result;
    const double columnStep = spacing.nodeWidth + spacing.horizontalGap;
    const double rowStep = spacing.nodeHeight + spacing.layerGap;
    // A layer wider than maxRowLength wraps onto further rows, so that a plant with hundreds of
    // entry points stays readable when fitted instead of becoming one endless line.
    double top = 0;
    for (const auto &row : rows) {
        const int columns = std::min<int>(int(row.size()), maxRowLength);
        for (int i = 0; i < int(row.size()); ++i) {
            const int column = i % maxRowLength;
            const int wrapped = i / maxRowLength;
            const double x = (double(column) - double(columns - 1) / 2.0) * columnStep;
            result.insert(nodes.at(row[std::size_t(i)]), QPointF(x, top + wrapped * rowStep));
        }
        top += (int(row.size()) + maxRowLength - 1) / maxRowLength * rowStep;
    }
    return result;
}

bool spotIsFree(const QPointF &spot, const QHash<QString, QPointF> &placed, const GraphLayout::Spacing &spacing)
{
    for (const QPointF &other : placed) {
        if (std::abs(other.y() - spot.y()) < spacing.nodeHeight + spacing.layerGap / 2
            && std::abs(other.x() - spot.x()) < spacing.nodeWidth + spacing.horizontalGap / 2)
            return false;
    }
    return true;
}

/** The free spot nearest to @p target on its row, trying one column left and right at a time. */
QPointF nearestFreeSpot(
    const QPointF &target, const QHash<QString, QPointF> &placed, const GraphLayout::Spacing &spacing)
{
    const double columnStep = spacing.nodeWidth + spacing.horizontalGap;
    for (int distance = 0;; ++distance) {
        for (const int direction : { 1, -1 }) {
            const QPointF spot(target.x() + direction * distance * columnStep, target.y());
            if (spotIsFree(spot, placed, spacing))
                return spot;
        }
    }
}

/** Places each of @p pending (in layer order) next to its placed callers, or above its placed callees. */
void placeAnchored(std::vector<int> pending, QHash<QString, QPointF> &placed, const QStringList &nodes,
    const AcyclicGraph &graph, const std::vector<int> &layer, const QHash<QString, QPointF> &fresh,
    const GraphLayout::Spacing &spacing)
{
    // A new caller is placed before its new callees, so that they can anchor below it.
    std::stable_sort(pending.begin(), pending.end(), [&](int left, int right) { return layer[left] < layer[right]; });

    const double rowStep = spacing.nodeHeight + spacing.layerGap;
    for (const int node : pending) {
        QPointF target = fresh.value(nodes.at(node));
        std::vector<QPointF> callerSpots;
        std::vector<QPointF> calleeSpots;
        for (const int caller : graph.callers[node]) {
            if (placed.contains(nodes.at(caller)))
                callerSpots.push_back(placed.value(nodes.at(caller)));
        }
        for (const int callee : graph.callees[node]) {
            if (placed.contains(nodes.at(callee)))
                calleeSpots.push_back(placed.value(nodes.at(callee)));
        }

        const auto &anchors = callerSpots.empty() ? calleeSpots : callerSpots;
        if (!anchors.empty()) {
            double x = 0;
            for (const QPointF &spot : anchors)
                x += spot.x();
            target.setX(x / double(anchors.size()));
        }
        if (!callerSpots.empty()) {
            const auto lowest = std::max_element(callerSpots.begin(), callerSpots.end(),
                [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
            target.setY(lowest->y() + rowStep);
        } else if (!calleeSpots.empty()) {
            const auto highest = std::min_element(calleeSpots.begin(), calleeSpots.end(),
                [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
            target.setY(highest->y() - rowStep);
        }
        placed.insert(nodes.at(node), nearestFreeSpot(target, placed, spacing));
    }
}

/**
 * True when fewer than half of the edges between kept nodes point downwards, so the kept layout
 * says nothing about layers: services placed before any edge was known.
 */
bool keptLayoutIsUnlayered(const QStringList &nodes, const AcyclicGraph &graph, const QHash<QString, QPointF> &placed)
{
    int kept = 0;
    int downwards = 0;
    for (std::size_t caller = 0; caller < graph.callees.size(); ++caller) {
        const auto from = placed.constFind(nodes.at(int(caller)));
        if (from == placed.constEnd())
            continue;
        for (const int callee : graph.callees[caller]) {
            const auto to = placed.constFind(nodes.at(callee));
            if (to == placed.constEnd())
                continue;
            ++kept;
            downwards += from->y() < to->y() ? 1 : 0;
        }
    }
    return kept > 0 && 2 * downwards < kept;
}

} // namespace

QHash<QString, int> GraphLayout::layers(const QStringList &nodes, const std::vector<Edge> &edges)
{
    const std::vector<int> layer = longestPathLayers(buildAcyclicGraph(nodes, edges));
    QHash<QString, int> result;
    for (int i = 0; i < int(nodes.size()); ++i)
        result.insert(nodes.at(i), layer[i]);
    return result;
}

QHash<QString, QPointF> GraphLayout::compute(
    const QStringList &nodes, const std::vector<Edge> &edges, const QHash<QString, QPointF> &previous)
{
    return compute(nodes, edges, previous, Spacing {}, {});
}

QHash<QString, QPointF> GraphLayout::compute(const QStringList &nodes, const std::vector<Edge> &edges,
    const QHash<QString, QPointF> &previous, const Spacing &spacing, const QSet<QString> &pinned)
{
    const AcyclicGraph graph = buildAcyclicGraph(nodes, edges);
    const std::vector<int> layer = longestPathLayers(graph);
    const QHash<QString, QPointF> fresh = freshLayout(nodes, graph, layer, spacing);

    QHash<QString, QPointF> placed;
    for (const QString &node : nodes) {
        const auto it = previous.constFind(node);
        if (it != previous.constEnd())
            placed.insert(node, *it);
    }
    if (placed.isEmpty())
        return fresh;

    std::vector<int> pending;
    for (int i = 0; i < int(nodes.size()); ++i) {
        if (!placed.contains(nodes.at(i)))
            pending.push_back(i);
    }

    // Heartbeats usually arrive before the traces that reveal the edges, which leaves the first
    // services in rows of one layer. Once edges join them, those rows carry no mental map worth keeping.
    if (keptLayoutIsUnlayered(nodes, graph, placed)) {
        QHash<QString, QPointF> result = fresh;
        for (const QString &name : pinned) {
            if (placed.contains(name))
                result.insert(name, placed.value(name));
        }
        return result;
    }

    // New services go next to their neighbours; they never push a kept service aside.
    placeAnchored(pending, placed, nodes, graph, layer, fresh, spacing);

    // A late edge between two kept services can leave the caller level with or below its callee.
    // Only the callee moves (or the caller, when the callee is pinned), and then its own callees.
    const QSet<QString> kept(previous.keyBegin(), previous.keyEnd());
    for (int round = 0; round < repairRounds; ++round) {
        std::vector<int> misplaced;
        std::vector<bool> marked(nodes.size(), false);
        for (std::size_t caller = 0; caller < graph.callees.size(); ++caller) {
            for (const int callee : graph.callees[caller]) {
                const QString &from = nodes.at(int(caller));
                const QString &to = nodes.at(callee);
                if (!kept.contains(from) || !kept.contains(to) || placed.value(from).y() < placed.value(to).y())
                    continue;
                const int victim = !pinned.contains(to) ? callee : (!pinned.contains(from) ? int(caller) : -1);
                if (victim >= 0 && !marked[std::size_t(victim)]) {
                    marked[std::size_t(victim)] = true;
                    misplaced.push_back(victim);
                }
            }
        }
        if (misplaced.empty())
            break;
        for (const int node : misplaced)
            placed.remove(nodes.at(node));
        placeAnchored(misplaced, placed, nodes, graph, layer, fresh, spacing);
    }
    return placed;
}

} // namespace faultline
