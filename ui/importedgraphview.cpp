// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importedgraphview.h"

#include "topology/livetopology.h"
#include "traces/dependencygraph.h"

namespace faultline
{

ImportedGraphView::ImportedGraphView(QWidget *parent)
    : GraphView(new LiveTopology, parent)
{
    // The view owns the topology it draws, since no console feeds it.
    topology()->setParent(this);
    setTraceOnlyGraph(true);
    setEmptyText(QString());
}

void ImportedGraphView::setGraph(const DependencyGraph &graph)
{
    TopologyDelta delta;
    std::map<std::string, NodeKind> kinds;
    for (const DependencyGraph::Node &node : graph.nodes()) {
        ServiceSnapshot service;
        service.name = node.name;
        service.kind = node.kind;
        kinds.emplace(node.name, node.kind);
        delta.services.push_back(std::move(service));
    }
    for (const DependencyGraph::Edge &edge : graph.edges()) {
        EdgeSnapshot snapshot;
        snapshot.caller = edge.caller;
        snapshot.callee = edge.callee;
        const auto kind = kinds.find(edge.callee);
        snapshot.calleeKind = kind == kinds.end() ? NodeKind::Service : kind->second;
        snapshot.totalCalls = edge.calls;
        snapshot.totalErrors = edge.errors;
        snapshot.errorRate = edge.calls == 0 ? 0.0 : double(edge.errors) / double(edge.calls);
        snapshot.latencyP50Ms = edge.p50Ms.value_or(0.0);
        snapshot.latencyP99Ms = edge.p99Ms.value_or(0.0);
        // NOTE: a file has no time base for a rate, so rps stays 0 and every edge is drawn at the thinnest width.
        delta.edges.push_back(std::move(snapshot));
    }

    setEmptyText(tr("The imported files contain no services."));
    topology()->clear();
    topology()->apply(delta);
    fitToWindow();
}

} // namespace faultline
