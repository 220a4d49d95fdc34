// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QByteArray>
#include <QString>

#include "topology/servicestate.h"
#include "traces/span.h"

namespace faultline
{

/**
 * Writes a dependency graph as a standalone SVG document with Qt Core alone, so that faultlinectl
 * can draw graphs without a display. The console's own export renders its scene with QSvgGenerator.
 */
class GraphSvgWriter final
{
public:
    struct Node {
        QString name;
        NodeKind kind = NodeKind::Service;
        /** Empty for a graph from trace files, which carry no health. */
        std::optional<ServiceState> state;
        bool core = false;
        /** One short line under the name, such as "core · 120 req/s". */
        QString detail;
    };
    struct Edge {
        QString caller;
        QString callee;
        /** Drives the stroke width on a logarithmic scale: requests per second, or calls in a file. */
        double weight = 0;
        double errorRate = 0;
        /** Shown as the edge's tooltip, which SVG viewers show on hover. */
        QString tooltip;
    };

    /** Lays the graph out with GraphLayout and returns the SVG document; an empty graph gives a note. */
    static QByteArray write(const std::vector<Node> &nodes, const std::vector<Edge> &edges, const QString &title);
};

} // namespace faultline
