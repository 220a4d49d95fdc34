// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookmatcher.h"

#include <algorithm>
#include <tuple>

#include "health/alarmpriority.h"
#include "health/impactgraph.h"
#include "playbook/playbooklibrary.h"

namespace faultline
{

namespace
{

template<typename T> bool contains(const std::vector<T> &values, T value)
{
    return values.empty() || std::find(values.begin(), values.end(), value) != values.end();
}

double callersMaxErrorRate(const QString &service, const PlaybookMetrics &metrics)
{
    double highest = 0;
    for (const QString &caller : metrics.callers(service)) {
        if (const auto callerMetrics = metrics.service(caller))
            highest = std::max(highest, callerMetrics->errorRate);
    }
    return highest;
}

// The best clause of @p playbook that holds, by condition count; 0 when none holds.
int matchStrength(const Playbook &playbook, const ServiceMetrics &service, double callersRate)
{
    int best = 0;
    for (const auto &clause : playbook.appliesWhen) {
        if (clauseMatches(clause, service, callersRate))
            best = std::max(best, clause.conditionCount());
    }
    return best;
}

std::optional<HealthLevel> failureLevel(ServiceState state)
{
    switch (state) {
    case ServiceState::Critical:
    case ServiceState::Stale:
        return HealthLevel::Critical;
    case ServiceState::Warning:
        return HealthLevel::Warning;
    default:
        return std::nullopt;
    }
}

} // namespace

bool clauseMatches(const MatchClause &clause, const ServiceMetrics &service, double callersMaxErrorRate)
{
    if (!contains(clause.states, service.state) || !contains(clause.modes, service.mode)
        || !contains(clause.criticalities, service.criticality))
        return false;
    if (clause.errorRateAbove && !(service.errorRate > *clause.errorRateAbove))
        return false;
    if (clause.errorRateBelow && !(service.errorRate < *clause.errorRateBelow))
        return false;
    if (clause.latencyP99AboveMs && !(service.latencyP99Ms > *clause.latencyP99AboveMs))
        return false;
    if (clause.staleAboveMs && !(service.stalenessMs && *service.stalenessMs > *clause.staleAboveMs))
        return false;
    if (clause.saturationAbove && !(service.saturation && *service.saturation > *clause.saturationAbove))
        return false;
    if (clause.callersErrorRateAbove && !(callersMaxErrorRate > *clause.callersErrorRateAbove))
        return false;
    return true;
}

bool playbookApplies(const Playbook &playbook, const QString &service, const PlaybookMetrics &metrics)
{
    const auto serviceMetrics = metrics.service(service);
    return serviceMetrics && matchStrength(playbook, *serviceMetrics, callersMaxErrorRate(service, metrics)) > 0;
}

std::vector<const Playbook *> applicablePlaybooks(
    const PlaybookLibrary &library, const QString &service, const PlaybookMetrics &metrics)
{
    const auto serviceMetrics = metrics.service(service);
    if (!serviceMetrics)
        return {};
    const double callersRate = callersMaxErrorRate(service, metrics);

    std::vector<std::pair<int, const Playbook *>> matches;
    for (const auto &playbook : library.playbooks()) {
        if (const int strength = matchStrength(playbook, *serviceMetrics, callersRate); strength > 0)
            matches.emplace_back(strength, &playbook);
    }
    std::stable_sort(matches.begin(), matches.end(), [](const auto &a, const auto &b) {
        return std::tie(b.first, a.second->name) < std::tie(a.first, b.second->name);
    });

    std::vector<const Playbook *> result;
    for (const auto &match : matches)
        result.push_back(match.second);
    return result;
}

std::vector<PlaybookSuggestion> suggestPlaybooks(const PlaybookLibrary &library, const PlaybookMetrics &metrics)
{
    const QStringList services = metrics.services();

    // The same impact walk as the alarm list, so both rank a failing service alike.
    ImpactGraph graph;
    for (const QString &name : services) {
        graph.addService(name.toStdString());
        if (const auto service = metrics.service(name))
            graph.setCriticality(name.toStdString(), service->criticality);
    }
    for (const QString &name : services) {
        for (const QString &caller : metrics.callers(name))
            graph.addEdge(caller.toStdString(), name.toStdString());
    }

    struct Ranked {
        PlaybookSuggestion suggestion;
        Criticality own = Criticality::Important;
        int affected = 0;
        std::size_t order = 0; // position among the service's own playbooks
    };
    std::vector<Ranked> ranked;
    for (const QString &name : services) {
        const auto service = metrics.service(name);
        if (!service)
            continue;
        const auto playbooks = applicablePlaybooks(library, name, metrics);
        if (playbooks.empty())
            continue;
        const auto impact = alarmImpact(graph, *graph.indexOf(name.toStdString()));
        const auto level = failureLevel(service->state);
        for (std::size_t i = 0; i < playbooks.size(); ++i) {
            PlaybookSuggestion suggestion { name, playbooks[i], level.has_value(), AlarmPriority::Low };
            if (level)
                suggestion.priority = alarmPriority(*level, impact.highest);
            ranked.push_back({ suggestion, impact.own, impact.affectedServices, i });
        }
    }

    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        const auto &x = a.suggestion;
        const auto &y = b.suggestion;
        return std::tie(y.failing, y.priority, b.own, b.affected, x.service, a.order)
            < std::tie(x.failing, x.priority, a.own, a.affected, y.service, b.order);
    });

    std::vector<PlaybookSuggestion> result;
    for (const auto &entry : ranked)
        result.push_back(entry.suggestion);
    return result;
}

} // namespace faultline
