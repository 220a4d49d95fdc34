// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QHash>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QStringList>

namespace faultline
{

/**
 * Layered placement of the dependency graph: callers above their callees. Layers come from the
 * longest path from the sources (cycles broken by dropping back edges), and the order within a layer
 * from a few barycentre sweeps. Pure and reentrant, so GraphLayoutWorker runs it off the GUI thread.
 */
class GraphLayout final
{
public:
    struct Edge {
        QString caller;
        QString callee;
    };

    /** Sizes in scene units; positions are node centres. */
    struct Spacing {
        double nodeWidth = 220;
        double nodeHeight = 64;
        double horizontalGap = 40;
        double layerGap = 72;
    };

    /**
     * Computes a centre position for every name in @p nodes. Nodes found in @p previous keep that
     * position, so a service that appears or disappears moves no other. A new node goes next to its
     * placed neighbours (below callers, above callees), or into its layer when it has none, on the
     * nearest free spot of that row. Kept nodes move in two cases only: when a late edge between two
     * of them leaves the caller level with or below its callee (edges closing a cycle aside), the
     * callee moves below, unless it is in @p pinned; and when fewer than half of the edges between
     * kept nodes point downwards (services placed before their edges were known), every node but the
     * pinned ones is placed afresh. A layer of more than 40 nodes wraps onto further rows. Edges to unknown
     * nodes are ignored.
     */
    static QHash<QString, QPointF> compute(const QStringList &nodes, const std::vector<Edge> &edges,
        const QHash<QString, QPointF> &previous, const Spacing &spacing, const QSet<QString> &pinned = {});
    static QHash<QString, QPointF> compute(
        const QStringList &nodes, const std::vector<Edge> &edges, const QHash<QString, QPointF> &previous = {});

    /** The layer of each node, 0 for nodes that no one calls, with back edges of cycles ignored. */
    static QHash<QString, int> layers(const QStringList &nodes, const std::vector<Edge> &edges);
};

} // namespace faultline
