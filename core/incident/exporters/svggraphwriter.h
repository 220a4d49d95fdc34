// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "incident/incidentevent.h"

namespace faultline
{

/**
 * Draws a graph snapshot as a standalone SVG: callers above callees in layers (longest path
 * from the nodes without callers; cycles are broken at their back edges), nodes coloured by
 * state, edges with errors in red. Wide layers wrap onto extra rows. It is a report drawing, not
 * the console's layout: it needs no Graphviz and gives the same picture for the same snapshot.
 */
class SvgGraphWriter final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::SvgGraphWriter)

public:
    static constexpr int MaxNodesPerRow = 8;

    /** The SVG document for @p graph, with a legend; an empty graph gives a small "no graph" drawing. */
    static QString write(const GraphSnapshot &graph);

    /**
     * Keeps the impaired nodes (warning, critical, stale) and their direct callers and callees
     * when @p graph has more than @p maxNodes nodes, then fills up with the rest in name order
     * until @p maxNodes. Returns the graph unchanged when it is small enough.
     */
    static GraphSnapshot focus(const GraphSnapshot &graph, int maxNodes);

    /** Escapes text for XML and HTML and drops the control characters that XML 1.0 forbids. */
    static QString escaped(const QString &text);
};

} // namespace faultline
