// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// PlantTopology::validate() and the graph walks it needs, apart from the JSON reading and writing.
#include "planttopology.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include <QCoreApplication>
#include <QStringList>

#include "wire/protocol.h"

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("PlantTopology", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

Error serviceError(std::size_t index, const PlantService &service, const char *field, const QString &problem)
{
    const QString label = service.name.empty() ? QStringLiteral("services[%1]").arg(index)
                                               : QStringLiteral("services[%1] (%2)").arg(index).arg(qs(service.name));
    return Error { tr("%1: %2 %3").arg(label, QLatin1String(field), problem),
        QStringLiteral("services[%1].%2").arg(index).arg(QLatin1String(field)) };
}

Error edgeError(std::size_t index, const PlantEdge &edge, const char *field, const QString &problem)
{
    return Error { tr("edges[%1] (%2 -> %3): %4 %5")
                       .arg(index)
                       .arg(qs(edge.caller), qs(edge.callee), QLatin1String(field), problem),
        QStringLiteral("edges[%1].%2").arg(index).arg(QLatin1String(field)) };
}

bool inRange(double value, double low, double high)
{
    return std::isfinite(value) && value >= low && value <= high;
}

// Adjacency by service index, built after the names are known to resolve.
std::vector<std::vector<std::size_t>> calleesByService(const PlantTopology &topology)
{
    std::vector<std::vector<std::size_t>> callees(topology.services().size());
    for (const auto &edge : topology.edges())
        callees[*topology.indexOf(edge.caller)].push_back(*topology.indexOf(edge.callee));
    return callees;
}

// Returns one call cycle as service indices (first repeated at the end), or nothing for an acyclic graph.
std::vector<std::size_t> findCycle(const std::vector<std::vector<std::size_t>> &callees)
{
    enum class Mark : std::uint8_t { New, OnPath, Done };
    std::vector<Mark> marks(callees.size(), Mark::New);
    std::vector<std::size_t> path;

    // Iterative depth-first search, because a deep chain of thousands of services would overflow the stack.
    for (std::size_t root = 0; root < callees.size(); ++root) {
        if (marks[root] != Mark::New)
            continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack { { root, 0 } };
        marks[root] = Mark::OnPath;
        path = { root };
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next == callees[node].size()) {
                marks[node] = Mark::Done;
                stack.pop_back();
                path.pop_back();
                continue;
            }
            const std::size_t callee = callees[node][next++];
            if (marks[callee] == Mark::OnPath) {
                auto cycle = std::vector<std::size_t>(std::find(path.begin(), path.end(), callee), path.end());
                cycle.push_back(callee);
                return cycle;
            }
            if (marks[callee] == Mark::New) {
                marks[callee] = Mark::OnPath;
                path.push_back(callee);
                stack.emplace_back(callee, 0);
            }
        }
    }
    return {};
}

// Services in an order where every caller comes before its callees (Kahn's algorithm); needs an acyclic graph.
std::vector<std::size_t> topologicalOrder(const std::vector<std::vector<std::size_t>> &callees)
{
    std::vector<std::size_t> incoming(callees.size(), 0);
    for (const auto &list : callees) {
        for (std::size_t callee : list)
            ++incoming[callee];
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < callees.size(); ++i) {
        if (incoming[i] == 0)
            order.push_back(i);
    }
    for (std::size_t next = 0; next < order.size(); ++next) {
        for (std::size_t callee : callees[order[next]]) {
            if (--incoming[callee] == 0)
                order.push_back(callee);
        }
    }
    return order;
}

std::optional<Error> validateServices(const std::vector<PlantService> &services)
{
    if (services.empty())
        return Error { tr("the topology has no services; add at least one"), QStringLiteral("services") };
    if (services.size() > std::size_t(PlantTopology::maxServices))
        return Error { tr("the topology has %1 services; the demo plant simulates at most %2")
                           .arg(services.size())
                           .arg(PlantTopology::maxServices),
            QStringLiteral("services") };

    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto &service = services[i];
        if (!wire::isValidServiceName(service.name))
            return serviceError(i, service, "name",
                tr("'%1' is not a valid service name; use 1 to 200 letters, digits or . _ : / -")
                    .arg(qs(service.name)));
        if (auto [it, inserted] = seen.emplace(service.name, i); !inserted)
            return serviceError(i, service, "name", tr("is already used by services[%1]").arg(it->second));
        if (service.instances < 1 || service.instances > PlantTopology::maxInstances)
            return serviceError(i, service, "instances",
                tr("must be from 1 to %1, not %2").arg(PlantTopology::maxInstances).arg(service.instances));
        if (!inRange(service.baseLatencyMs, 0.01, 60'000))
            return serviceError(
                i, service, "base_latency_ms", tr("must be from 0.01 to 60000 ms, not %1").arg(service.baseLatencyMs));
        if (!inRange(service.capacity, 1, 1e6))
            return serviceError(i, service, "capacity",
                tr("must be from 1 to 1000000 in-flight requests, not %1").arg(service.capacity));
        if (!inRange(service.timeoutMs, 1, 600'000))
            return serviceError(
                i, service, "timeout_ms", tr("must be from 1 to 600000 ms, not %1").arg(service.timeoutMs));
    }
    return std::nullopt;
}

std::optional<Error> validateEdges(const PlantTopology &topology)
{
    std::set<std::pair<std::string_view, std::string_view>> seen;
    const auto &edges = topology.edges();
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const auto &edge = edges[i];
        if (!topology.indexOf(edge.caller))
            return edgeError(i, edge, "caller", tr("'%1' is not a service of the plant").arg(qs(edge.caller)));
        if (!topology.indexOf(edge.callee))
            return edgeError(i, edge, "callee", tr("'%1' is not a service of the plant").arg(qs(edge.callee)));
        if (edge.caller == edge.callee)
            return edgeError(i, edge, "callee", tr("is the caller itself; a service cannot call itself"));
        if (!seen.emplace(edge.caller, edge.callee).second)
            return edgeError(i, edge, "callee", tr("repeats an earlier edge; raise calls_per_request instead"));
        if (!inRange(edge.callsPerRequest, 0.001, PlantTopology::maxCallsPerRequestOnEdge))
            return edgeError(i, edge, "calls_per_request",
                tr("must be from 0.001 to %1, not %2")
                    .arg(PlantTopology::maxCallsPerRequestOnEdge)
                    .arg(edge.callsPerRequest));
    }
    return std::nullopt;
}

std::optional<Error> validateEntryPoints(const PlantTopology &topology)
{
    const auto &entries = topology.entryPoints();
    if (entries.empty())
        return Error { tr("the topology has no entry points; name at least one service that receives outside traffic"),
            QStringLiteral("entry_points") };
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto &entry = entries[i];
        const QString where = QStringLiteral("entry_points[%1]").arg(i);
        if (!topology.indexOf(entry.service))
            return Error { tr("%1: service '%2' is not a service of the plant").arg(where, qs(entry.service)),
                where + QStringLiteral(".service") };
        if (!seen.insert(entry.service).second)
            return Error { tr("%1: service '%2' is an entry point twice").arg(where, qs(entry.service)),
                where + QStringLiteral(".service") };
        if (!inRange(entry.share, 1e-6, 1e6))
            return Error {
                tr("%1 (%2): share must be a positive number, not %3").arg(where, qs(entry.service)).arg(entry.share),
                where + QStringLiteral(".share")
            };
    }
    return std::nullopt;
}

} // namespace

std::optional<Error> PlantTopology::validate() const
{
    if (auto error = validateServices(m_services))
        return error;
    if (auto error = validateEdges(*this))
        return error;
    if (auto error = validateEntryPoints(*this))
        return error;

    const auto callees = calleesByService(*this);
    if (const auto cycle = findCycle(callees); !cycle.empty()) {
        QStringList names;
        for (std::size_t index : cycle)
            names << qs(m_services[index].name);
        return Error { tr("the calls form a cycle (%1), so a request would never end; remove one of these edges")
                           .arg(names.join(QStringLiteral(" -> "))),
            QStringLiteral("edges") };
    }

    // Every service needs traffic, or it would publish no spans and only idle heartbeats.
    std::vector<bool> reached(m_services.size(), false);
    std::vector<std::size_t> queue;
    for (const auto &entry : m_entryPoints) {
        const auto index = *indexOf(entry.service);
        if (!reached[index]) {
            reached[index] = true;
            queue.push_back(index);
        }
    }
    for (std::size_t next = 0; next < queue.size(); ++next) {
        for (std::size_t callee : callees[queue[next]]) {
            if (!reached[callee]) {
                reached[callee] = true;
                queue.push_back(callee);
            }
        }
    }
    for (std::size_t i = 0; i < m_services.size(); ++i) {
        if (!reached[i])
            return serviceError(i, m_services[i], "name",
                tr("is not reachable from any entry point; add an edge to it or make it an entry point"));
    }

    // Maximum call depth, found by walking callers before callees.
    std::vector<int> depth(m_services.size(), 1);
    for (std::size_t caller : topologicalOrder(callees)) {
        for (std::size_t callee : callees[caller])
            depth[callee] = std::max(depth[callee], depth[caller] + 1);
    }
    const auto deepest = std::max_element(depth.begin(), depth.end());
    if (*deepest > maxCallDepth)
        return serviceError(std::size_t(deepest - depth.begin()), m_services[std::size_t(deepest - depth.begin())],
            "name",
            tr("is %1 calls deep; the demo plant simulates call chains of at most %2 services, so shorten the chain")
                .arg(*deepest)
                .arg(maxCallDepth));

    const auto visits = expectedVisitsPerRequest();
    const double total = std::accumulate(visits.begin(), visits.end(), 0.0);
    if (!(total <= maxExpectedCallsPerRequest))
        return Error { tr("one request makes %1 calls on average; the demo plant simulates at most %2, so lower "
                          "calls_per_request on the edges")
                           .arg(total, 0, 'g', 3)
                           .arg(maxExpectedCallsPerRequest),
            QStringLiteral("edges") };
    return std::nullopt;
}

std::vector<double> PlantTopology::expectedVisitsPerRequest() const
{
    std::vector<double> visits(m_services.size(), 0.0);
    double shareSum = 0;
    for (const auto &entry : m_entryPoints)
        shareSum += entry.share;
    for (const auto &entry : m_entryPoints) {
        if (const auto index = indexOf(entry.service); index && shareSum > 0)
            visits[*index] += entry.share / shareSum;
    }

    // Walk callers before callees, so each service's visits are complete before they flow on.
    std::vector<std::vector<std::pair<std::size_t, double>>> out(m_services.size());
    std::vector<std::vector<std::size_t>> callees(m_services.size());
    for (const auto &edge : m_edges) {
        const auto caller = indexOf(edge.caller);
        const auto callee = indexOf(edge.callee);
        if (!caller || !callee)
            continue;
        out[*caller].emplace_back(*callee, edge.callsPerRequest);
        callees[*caller].push_back(*callee);
    }
    for (std::size_t caller : topologicalOrder(callees)) {
        for (const auto &[callee, calls] : out[caller])
            visits[callee] += visits[caller] * calls;
    }
    return visits;
}

} // namespace faultline
