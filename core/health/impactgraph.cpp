// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "impactgraph.h"

#include <algorithm>

namespace faultline
{

std::size_t ImpactGraph::addService(const std::string &name)
{
    if (const auto it = m_index.find(name); it != m_index.end())
        return it->second;
    const auto index = m_names.size();
    m_names.push_back(name);
    m_index.emplace(name, index);
    m_criticality.push_back(Criticality::Important);
    m_callees.emplace_back();
    m_callers.emplace_back();
    m_reachable.clear();
    return index;
}

void ImpactGraph::setCriticality(const std::string &name, Criticality criticality)
{
    m_criticality[addService(name)] = criticality;
}

void ImpactGraph::addEdge(const std::string &caller, const std::string &callee)
{
    if (caller == callee)
        return;
    const auto from = addService(caller);
    const auto to = addService(callee);
    auto &callees = m_callees[from];
    if (std::find(callees.begin(), callees.end(), to) != callees.end())
        return;
    callees.push_back(to);
    m_callers[to].push_back(from);
    m_reachable.clear();
}

std::optional<std::size_t> ImpactGraph::indexOf(std::string_view name) const
{
    const auto it = m_index.find(name);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
}

const std::vector<bool> &ImpactGraph::reachableFrom(std::size_t index) const
{
    auto [it, inserted] = m_reachable.try_emplace(index);
    if (!inserted)
        return it->second;
    auto &seen = it->second;
    seen.assign(m_names.size(), false);
    // Depth-first over callee edges. The start itself is marked only if a cycle leads back to it.
    std::vector<std::size_t> stack(m_callees[index].begin(), m_callees[index].end());
    while (!stack.empty()) {
        const auto next = stack.back();
        stack.pop_back();
        if (seen[next])
            continue;
        seen[next] = true;
        for (const auto callee : m_callees[next]) {
            if (!seen[callee])
                stack.push_back(callee);
        }
    }
    return seen;
}

bool ImpactGraph::dependsOn(std::size_t service, std::size_t dependency) const
{
    if (service >= m_names.size() || dependency >= m_names.size())
        return false;
    return reachableFrom(service)[dependency];
}

bool ImpactGraph::dependsOn(std::string_view service, std::string_view dependency) const
{
    const auto from = indexOf(service);
    const auto to = indexOf(dependency);
    return from && to && dependsOn(*from, *to);
}

std::vector<std::size_t> ImpactGraph::transitiveCallers(std::size_t index) const
{
    std::vector<std::size_t> result;
    if (index >= m_names.size())
        return result;
    std::vector<bool> seen(m_names.size(), false);
    seen[index] = true;
    std::vector<std::size_t> stack(m_callers[index].begin(), m_callers[index].end());
    while (!stack.empty()) {
        const auto next = stack.back();
        stack.pop_back();
        if (seen[next])
            continue;
        seen[next] = true;
        result.push_back(next);
        for (const auto caller : m_callers[next]) {
            if (!seen[caller])
                stack.push_back(caller);
        }
    }
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace faultline
