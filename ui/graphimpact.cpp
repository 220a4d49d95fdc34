// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphimpact.h"

#include <algorithm>
#include <limits>

namespace faultline
{

GraphImpact::GraphImpact(const QStringList &nodes, const std::vector<GraphLayout::Edge> &edges)
{
    for (const QString &node : nodes)
        addNode(node);
    for (const GraphLayout::Edge &edge : edges) {
        if (edge.caller == edge.callee)
            continue;
        const int from = addNode(edge.caller);
        const int to = addNode(edge.callee);
        auto &callees = m_callees[std::size_t(from)];
        // Duplicate edges would only cost time in the walks.
        if (std::find(callees.begin(), callees.end(), to) != callees.end())
            continue;
        callees.push_back(to);
        m_callers[std::size_t(to)].push_back(from);
    }
}

int GraphImpact::addNode(const QString &name)
{
    const auto it = m_index.constFind(name);
    if (it != m_index.constEnd())
        return *it;
    const int index = int(m_names.size());
    m_names.append(name);
    m_index.insert(name, index);
    m_callees.emplace_back();
    m_callers.emplace_back();
    return index;
}

QStringList GraphImpact::directCallers(const QString &service) const
{
    QStringList result;
    const int index = m_index.value(service, -1);
    if (index < 0)
        return result;
    for (const int caller : m_callers[std::size_t(index)])
        result.append(m_names.at(caller));
    return result;
}

QStringList GraphImpact::directCallees(const QString &service) const
{
    QStringList result;
    const int index = m_index.value(service, -1);
    if (index < 0)
        return result;
    for (const int callee : m_callees[std::size_t(index)])
        result.append(m_names.at(callee));
    return result;
}

ImpactSets GraphImpact::impactOf(const QString &service) const
{
    return walkBoth({ service }, std::numeric_limits<int>::max());
}

ImpactSets GraphImpact::impactOf(const QStringList &services) const
{
    return walkBoth(services, std::numeric_limits<int>::max());
}

ImpactSets GraphImpact::neighbourhood(const QString &service, int depth) const
{
    if (depth < 1)
        return {};
    return walkBoth({ service }, depth);
}

ImpactSets GraphImpact::walkBoth(const QStringList &services, int maxDepth) const
{
    std::vector<int> roots;
    for (const QString &service : services) {
        const int index = m_index.value(service, -1);
        if (index >= 0)
            roots.push_back(index);
    }
    ImpactSets result { walk(roots, m_callers, maxDepth), walk(roots, m_callees, maxDepth) };
    for (const QString &service : services) {
        result.callers.remove(service);
        result.callees.remove(service);
    }
    return result;
}

QSet<QString> GraphImpact::walk(
    const std::vector<int> &roots, const std::vector<std::vector<int>> &adjacency, int maxDepth) const
{
    // Breadth-first, so that the depth of a node is its shortest distance from the nearest root.
    std::vector<int> depth(m_names.size(), -1);
    std::vector<int> frontier;
    for (const int root : roots) {
        if (depth[std::size_t(root)] < 0) {
            depth[std::size_t(root)] = 0;
            frontier.push_back(root);
        }
    }

    QSet<QString> reached;
    for (int level = 1; level <= maxDepth && !frontier.empty(); ++level) {
        std::vector<int> next;
        for (const int node : frontier) {
            for (const int neighbour : adjacency[std::size_t(node)]) {
                if (depth[std::size_t(neighbour)] >= 0)
                    continue;
                depth[std::size_t(neighbour)] = level;
                reached.insert(m_names.at(neighbour));
                next.push_back(neighbour);
            }
        }
        frontier = std::move(next);
    }
    return reached;
}

} // namespace faultline
