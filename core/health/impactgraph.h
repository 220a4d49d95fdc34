// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wire/healthreport.h"

namespace faultline
{

/**
 * Services and their caller-to-callee edges, for alarm suppression, priority and root-cause
 * ranking. Cycles are allowed: every walk keeps a visited set. Reachability answers are cached
 * until the next change, so a const graph is not safe to query from two threads at once.
 */
class ImpactGraph
{
public:
    /** Adds @p name if it is new and returns its index. */
    std::size_t addService(const std::string &name);
    void setCriticality(const std::string &name, Criticality criticality);
    /** Adds the edge once; self-calls are ignored, since a service cannot be its own cause. */
    void addEdge(const std::string &caller, const std::string &callee);

    std::size_t size() const { return m_names.size(); }
    std::optional<std::size_t> indexOf(std::string_view name) const;
    const std::string &name(std::size_t index) const { return m_names[index]; }
    /** Important when no heartbeat stated the service's criticality. */
    Criticality criticality(std::size_t index) const { return m_criticality[index]; }
    const std::vector<std::size_t> &callees(std::size_t index) const { return m_callees[index]; }
    const std::vector<std::size_t> &callers(std::size_t index) const { return m_callers[index]; }

    /** True when @p service calls @p dependency directly or through other services. */
    bool dependsOn(std::string_view service, std::string_view dependency) const;
    bool dependsOn(std::size_t service, std::size_t dependency) const;

    /** Every service that calls @p index directly or indirectly, without @p index itself. */
    std::vector<std::size_t> transitiveCallers(std::size_t index) const;

private:
    const std::vector<bool> &reachableFrom(std::size_t index) const;

    std::vector<std::string> m_names;
    std::map<std::string, std::size_t, std::less<>> m_index;
    std::vector<Criticality> m_criticality;
    std::vector<std::vector<std::size_t>> m_callees;
    std::vector<std::vector<std::size_t>> m_callers;
    mutable std::map<std::size_t, std::vector<bool>> m_reachable;
};

} // namespace faultline
