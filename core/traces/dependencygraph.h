// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traces/dependencylinker.h"
#include "traces/span.h"

namespace faultline
{

/** A caller-to-callee edge given as such by a file (Jaeger dependencies, Data Prepper service maps). */
struct DependencyLink {
    std::string parent;
    std::string child;
    std::uint64_t calls = 0; // 0 when the format carries no count
    std::uint64_t errors = 0;
};

/** Something an import noticed that the operator should know; it never stops the import. */
struct GraphWarning {
    std::string kind; // "IncompleteTrace", "BadLine", "SkippedSpan", ...
    std::string location; // file, line or trace the warning is about
    std::string message;
};

/**
 * A dependency graph built from calls: nodes (name and kind) and edges with call and error counts and
 * duration percentiles. Serialises to JSON, plain text and Graphviz dot. Not thread-safe.
 */
class DependencyGraph
{
public:
    struct Node {
        std::string name;
        NodeKind kind = NodeKind::Service;
    };
    struct Edge {
        std::string caller;
        std::string callee;
        std::uint64_t calls = 0;
        std::uint64_t errors = 0;
        std::optional<double> p50Ms; // from the calls that had a duration
        std::optional<double> p99Ms;
    };

    /** Adds a service that reported spans; such a node is a Service whatever its callers call it. */
    void addService(std::string_view name);
    /** Adds a callee known only from its callers (a database, broker or external host) as a node of @p kind. */
    void addPeer(std::string_view name, NodeKind kind);
    void addCall(const CallRecord &call);
    /** Adds a given edge; a link without a child only adds its parent as a node. */
    void addLink(const DependencyLink &link);
    void addWarning(GraphWarning warning);

    /** Nodes sorted by name. */
    std::vector<Node> nodes() const;
    /** Edges sorted by caller, then callee. */
    std::vector<Edge> edges() const;
    const std::vector<GraphWarning> &warnings() const { return m_warnings; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    std::size_t edgeCount() const { return m_edges.size(); }

    /** {"services":[{"name","kind"}],"edges":[{"caller","callee","calls","errors",...}],"warnings":[...]} */
    std::string toJson() const;
    std::string toText() const;
    std::string toDot() const;

private:
    struct NodeData {
        bool reportsSpans = false;
        std::optional<NodeKind> peerKind; // the kind its callers gave it, first seen
    };
    struct EdgeData {
        std::uint64_t calls = 0;
        std::uint64_t errors = 0;
        std::uint64_t timedCalls = 0;
        std::vector<std::int64_t> durationsNs; // a uniform sample of at most maxDurationSamples
    };

    void addNode(const std::string &name, std::optional<NodeKind> peerKind);

    std::map<std::string, NodeData, std::less<>> m_nodes;
    std::map<std::pair<std::string, std::string>, EdgeData> m_edges;
    std::vector<GraphWarning> m_warnings;
    std::uint64_t m_sampleState = 0x9e3779b97f4a7c15ull;
};

} // namespace faultline
