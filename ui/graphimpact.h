// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include "graphlayout.h"

namespace faultline
{

/** The two sides of a service's impact, each without the services it was computed for. */
struct ImpactSets {
    /** Transitive callers: the services that suffer when it fails. */
    QSet<QString> callers;
    /** Transitive callees: the services it may starve or flood. */
    QSet<QString> callees;

    /** Both sides together. */
    QSet<QString> all() const { return callers + callees; }
};

/**
 * Reachability over the caller-to-callee edges of the graph, for impact highlighting and focus.
 * Cycles are allowed: every walk keeps a visited set, so a service on a cycle through the start
 * lands on both sides. Pure and independent of widgets, so it runs in tests and on any thread.
 */
class GraphImpact final
{
public:
    GraphImpact() = default;
    /** Edges naming a service missing from @p nodes add it; self-calls are ignored. */
    GraphImpact(const QStringList &nodes, const std::vector<GraphLayout::Edge> &edges);

    int size() const { return int(m_names.size()); }
    bool contains(const QString &service) const { return m_index.contains(service); }
    const QStringList &names() const { return m_names; }
    QStringList directCallers(const QString &service) const;
    QStringList directCallees(const QString &service) const;

    /** Everything that reaches @p service or that it reaches, however many hops away. */
    ImpactSets impactOf(const QString &service) const;
    /** The union of impactOf() over @p services, without any of @p services themselves. */
    ImpactSets impactOf(const QStringList &services) const;
    /**
     * The services at most @p depth hops upstream and downstream of @p service, as a focus view shows
     * them. A depth below 1 returns empty sets; an unknown service returns empty sets.
     */
    ImpactSets neighbourhood(const QString &service, int depth) const;

private:
    int addNode(const QString &name);
    QSet<QString> walk(
        const std::vector<int> &roots, const std::vector<std::vector<int>> &adjacency, int maxDepth) const;
    ImpactSets walkBoth(const QStringList &services, int maxDepth) const;

    QStringList m_names;
    QHash<QString, int> m_index;
    std::vector<std::vector<int>> m_callees;
    std::vector<std::vector<int>> m_callers;
};

} // namespace faultline
