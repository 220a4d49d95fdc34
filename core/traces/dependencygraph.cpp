// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dependencygraph.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace faultline
{

namespace
{

// Exact percentiles up to this many calls per edge, a uniform sample beyond (8 bytes per sample).
constexpr std::size_t maxDurationSamples = 65'536;

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Nearest-rank percentile of sorted samples.
double percentileMs(const std::vector<std::int64_t> &sorted, double fraction)
{
    const auto rank = std::size_t(std::max(1.0, std::ceil(fraction * double(sorted.size()))));
    return double(sorted[std::min(rank, sorted.size()) - 1]) / 1e6;
}

std::string dotQuoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\')
            out.push_back('\\');
        out.push_back(c == '\n' ? ' ' : c);
    }
    out.push_back('"');
    return out;
}

std::string formatMs(double ms)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, ms < 10 ? "%.2f" : "%.1f", ms);
    return buffer;
}

} // namespace

void DependencyGraph::addNode(const std::string &name, std::optional<NodeKind> peerKind)
{
    NodeData &node = m_nodes[name];
    if (peerKind && !node.peerKind)
        node.peerKind = peerKind;
}

void DependencyGraph::addService(std::string_view name)
{
    if (name.empty())
        return;
    auto it = m_nodes.find(name);
    if (it == m_nodes.end())
        it = m_nodes.emplace(std::string(name), NodeData {}).first;
    it->second.reportsSpans = true;
}

void DependencyGraph::addCall(const CallRecord &call)
{
    if (call.caller.empty() || call.callee.empty())
        return;
    addNode(call.caller, call.callerKind);
    addNode(call.callee, call.calleeKind);
    EdgeData &edge = m_edges[{ call.caller, call.callee }];
    ++edge.calls;
    if (call.error)
        ++edge.errors;
    if (!call.durationNs)
        return;

    // Reservoir sampling keeps every duration equally likely to stay once the sample is full.
    ++edge.timedCalls;
    if (edge.durationsNs.size() < maxDurationSamples) {
        edge.durationsNs.push_back(*call.durationNs);
        return;
    }
    m_sampleState = m_sampleState * 6364136223846793005ull + 1442695040888963407ull;
    const std::uint64_t slot = (m_sampleState >> 11) % edge.timedCalls;
    if (slot < maxDurationSamples)
        edge.durationsNs[slot] = *call.durationNs;
}

void DependencyGraph::addPeer(std::string_view name, NodeKind kind)
{
    if (!name.empty())
        addNode(std::string(name), kind);
}

void DependencyGraph::addLink(const DependencyLink &link)
{
    if (link.parent.empty())
        return;
    addNode(link.parent, std::nullopt);
    if (link.child.empty())
        return;
    addNode(link.child, std::nullopt);
    EdgeData &edge = m_edges[{ link.parent, link.child }];
    edge.calls += link.calls;
    edge.errors += link.errors;
}

void DependencyGraph::addWarning(GraphWarning warning)
{
    m_warnings.push_back(std::move(warning));
}

std::vector<DependencyGraph::Node> DependencyGraph::nodes() const
{
    std::vector<Node> out;
    out.reserve(m_nodes.size());
    for (const auto &[name, data] : m_nodes)
        out.push_back({ name, data.reportsSpans ? NodeKind::Service : data.peerKind.value_or(NodeKind::Service) });
    return out;
}

std::vector<DependencyGraph::Edge> DependencyGraph::edges() const
{
    std::vector<Edge> out;
    out.reserve(m_edges.size());
    for (const auto &[key, data] : m_edges) {
        Edge edge { key.first, key.second, data.calls, data.errors, std::nullopt, std::nullopt };
        if (!data.durationsNs.empty()) {
            std::vector<std::int64_t> sorted = data.durationsNs;
            std::sort(sorted.begin(), sorted.end());
            edge.p50Ms = percentileMs(sorted, 0.50);
            edge.p99Ms = percentileMs(sorted, 0.99);
        }
        out.push_back(std::move(edge));
    }
    return out;
}

std::string DependencyGraph::toJson() const
{
    QJsonArray services;
    for (const Node &node : nodes())
        services.append(QJsonObject {
            { QStringLiteral("name"), qs(node.name) }, { QStringLiteral("kind"), qs(nodeKindName(node.kind)) } });
    QJsonArray edgeList;
    for (const Edge &edge : edges()) {
        QJsonObject object { { QStringLiteral("caller"), qs(edge.caller) },
            { QStringLiteral("callee"), qs(edge.callee) }, { QStringLiteral("calls"), qint64(edge.calls) },
            { QStringLiteral("errors"), qint64(edge.errors) } };
        if (edge.p50Ms)
            object.insert(QStringLiteral("p50Ms"), *edge.p50Ms);
        if (edge.p99Ms)
            object.insert(QStringLiteral("p99Ms"), *edge.p99Ms);
        edgeList.append(object);
    }
    QJsonArray warningList;
    for (const GraphWarning &warning : m_warnings)
        warningList.append(QJsonObject { { QStringLiteral("kind"), qs(warning.kind) },
            { QStringLiteral("location"), qs(warning.location) }, { QStringLiteral("message"), qs(warning.message) } });
    const QJsonObject root { { QStringLiteral("services"), services }, { QStringLiteral("edges"), edgeList },
        { QStringLiteral("warnings"), warningList } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

std::string DependencyGraph::toText() const
{
    std::string out = "services (" + std::to_string(m_nodes.size()) + "):\n";
    for (const Node &node : nodes()) {
        out += "  " + node.name;
        if (node.kind != NodeKind::Service)
            out += " [" + std::string(nodeKindName(node.kind)) + "]";
        out += '\n';
    }
    out += "edges (" + std::to_string(m_edges.size()) + "):\n";
    for (const Edge &edge : edges()) {
        out += "  " + edge.caller + " -> " + edge.callee + "  calls=" + std::to_string(edge.calls)
            + " errors=" + std::to_string(edge.errors);
        if (edge.p50Ms && edge.p99Ms)
            out += " p50=" + formatMs(*edge.p50Ms) + "ms p99=" + formatMs(*edge.p99Ms) + "ms";
        out += '\n';
    }
    if (!m_warnings.empty()) {
        out += "warnings (" + std::to_string(m_warnings.size()) + "):\n";
        for (const GraphWarning &warning : m_warnings)
            out += "  " + warning.kind + " " + warning.location + ": " + warning.message + '\n';
    }
    return out;
}

std::string DependencyGraph::toDot() const
{
    std::string out = "digraph dependencies {\n  rankdir=LR;\n  node [fontname=\"sans-serif\"];\n";
    for (const Node &node : nodes()) {
        const char *shape = "box";
        switch (node.kind) {
        case NodeKind::Service:
            shape = "box";
            break;
        case NodeKind::Database:
            shape = "cylinder";
            break;
        case NodeKind::Broker:
            shape = "hexagon";
            break;
        case NodeKind::External:
            shape = "ellipse";
            break;
        }
        out += "  " + dotQuoted(node.name) + " [shape=" + shape + "];\n";
    }
    for (const Edge &edge : edges()) {
        std::string label = std::to_string(edge.calls);
        if (edge.errors > 0)
            label += " (" + std::to_string(edge.errors) + " failed)";
        out += "  " + dotQuoted(edge.caller) + " -> " + dotQuoted(edge.callee) + " [label=" + dotQuoted(label);
        if (edge.errors > 0)
            out += ", color=red";
        out += "];\n";
    }
    out += "}\n";
    return out;
}

} // namespace faultline
