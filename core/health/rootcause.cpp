// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rootcause.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QCoreApplication>
#include <QStringList>

#include "health/impactgraph.h"

namespace faultline
{

namespace
{

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("RootCause", text, nullptr, n);
}

// Calls per request above this are taken for a rate mismatch between the edge and heartbeat windows.
constexpr double maxCallsPerRequest = 20;
// Time constant of the fading earliness bonus for symptoms that began after the first one.
constexpr double earlinessFadeMs = 10'000;

double weightOf(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok:
        return 0;
    case HealthLevel::Warning:
        return 0.6;
    case HealthLevel::Critical:
        return 1.0;
    }
    return 0;
}

// Rejections by shedding, and calls skipped by isolation or ramping, protect the service and are not its failures.
bool protectedMode(ServiceMode mode)
{
    return mode == ServiceMode::Shedding || mode == ServiceMode::Isolated || mode == ServiceMode::Ramping;
}

enum class Symptom { Stale, Late, Errors, Latency, Saturation, CallsFail, CallsSlow };

struct Node {
    const ServiceEvidence *service = nullptr; // null for nodes seen only on edges
    std::vector<const EdgeEvidence *> in;
    std::vector<const EdgeEvidence *> out;
    double anomaly = 0;
    double own = 0;
    double score = 0;
    std::optional<std::int64_t> onset;
    Symptom symptom = Symptom::Errors;
    double symptomValue = 0;
    std::vector<std::size_t> explained; // abnormal services that depend on it and degraded with or after it
};

struct Part {
    double weight = 0;
    double share = 0;
    bool blamable = true; // false for silence, which no callee can cause
    Symptom symptom = Symptom::Errors;
    double value = 0;
};

double callsPerRequest(const EdgeEvidence &edge, double callerRps)
{
    if (callerRps <= 0)
        return 1;
    return std::clamp(edge.rps / callerRps, 0.0, maxCallsPerRequest);
}

// The share of the observed error rate that calls to callees do not explain, if failures are independent.
double ownErrorShare(const ServiceEvidence &service, const std::vector<const EdgeEvidence *> &out)
{
    const double observed = std::clamp(service.errorRate, 0.0, 1.0);
    if (observed <= 0)
        return 0;
    double survive = 1;
    for (const auto *edge : out)
        survive *= std::pow(1 - std::clamp(edge->errorRate, 0.0, 1.0), callsPerRequest(*edge, service.rps));
    const double explained = 1 - survive;
    if (observed <= explained || explained >= 1)
        return 0;
    const double own = 1 - (1 - observed) / (1 - explained);
    return std::clamp(own / observed, 0.0, 1.0);
}

// The share of the latency rise that time spent in callees does not explain, from medians and p99s.
double ownLatencyShare(const ServiceEvidence &service, const std::vector<const EdgeEvidence *> &out)
{
    const double rise = std::max(0.0, service.p50Ms - service.baselineP50Ms.value_or(0));
    double explainedMs = 0;
    double p99Explained = 0;
    for (const auto *edge : out) {
        explainedMs
            += callsPerRequest(*edge, service.rps) * std::max(0.0, edge->p50Ms - edge->baselineP50Ms.value_or(0));
        if (service.p99Ms > 0)
            p99Explained = std::max(p99Explained, edge->p99Ms / service.p99Ms);
    }
    const double medianShare = rise > 0 ? std::clamp(1 - explainedMs / rise, 0.0, 1.0) : (explainedMs > 0 ? 0.0 : 1.0);
    return std::min(medianShare, std::clamp(1 - p99Explained, 0.0, 1.0));
}

std::vector<Part> ownParts(const Node &node)
{
    std::vector<Part> parts;
    const auto *service = node.service;
    if (service && service->reportsHealth) {
        const auto &conditions = service->conditions;
        const auto &heartbeat = conditions[conditionIndex(HealthCondition::Heartbeat)];
        if (service->state == ServiceState::Stale || heartbeat.level == HealthLevel::Critical)
            parts.push_back({ 1.0, 1.0, false, Symptom::Stale, heartbeat.value });
        else if (heartbeat.level == HealthLevel::Warning)
            parts.push_back({ weightOf(heartbeat.level), 1.0, false, Symptom::Late, heartbeat.value });

        const double latencyShare = ownLatencyShare(*service, node.out);
        const auto &errors = conditions[conditionIndex(HealthCondition::ErrorRate)];
        if (errors.level != HealthLevel::Ok)
            parts.push_back(
                { weightOf(errors.level), ownErrorShare(*service, node.out), true, Symptom::Errors, errors.value });
        const auto &latency = conditions[conditionIndex(HealthCondition::Latency)];
        if (latency.level != HealthLevel::Ok)
            parts.push_back({ weightOf(latency.level), latencyShare, true, Symptom::Latency, latency.value });
        const auto &saturation = conditions[conditionIndex(HealthCondition::Saturation)];
        if (saturation.level != HealthLevel::Ok) {
            // Requests waiting on slow callees also count as in flight, so saturation is judged like latency.
            const bool latencyRose = service->p50Ms > service->baselineP50Ms.value_or(service->p50Ms);
            parts.push_back({ weightOf(saturation.level), latencyRose ? latencyShare : 1.0, true, Symptom::Saturation,
                saturation.value });
        }
    }

    // What the callers see of it, unless the failures are the rejections that protect it. A service whose own
    // health shows the trouble is judged by that, which separates its own share from its callees'.
    const bool ownView = !parts.empty();
    if (!service || !protectedMode(service->mode)) {
        const EdgeEvidence *worst = nullptr;
        for (const auto *edge : node.in) {
            if (edge->level != HealthLevel::Ok && (!worst || edge->level > worst->level))
                worst = edge;
        }
        if (worst) {
            double outWeight = 0;
            for (const auto *edge : node.out)
                outWeight = std::max(outWeight, weightOf(edge->level));
            const bool reports = service && service->reportsHealth;
            const bool failing = worst->errorRate >= 0.01;
            parts.push_back({ weightOf(worst->level) * (reports ? 0.8 : 1.0), ownView ? 0.0 : 1 - outWeight, true,
                failing ? Symptom::CallsFail : Symptom::CallsSlow, failing ? worst->errorRate : worst->p99Ms });
        }
    }
    return parts;
}

QString symptomPhrase(Symptom symptom)
{
    switch (symptom) {
    case Symptom::Stale:
        return tr("heartbeats stopped");
    case Symptom::Late:
        return tr("heartbeats came late");
    case Symptom::Errors:
        return tr("errors rose");
    case Symptom::Latency:
        return tr("latency rose");
    case Symptom::Saturation:
        return tr("load rose");
    case Symptom::CallsFail:
        return tr("calls to it failed");
    case Symptom::CallsSlow:
        return tr("calls to it slowed");
    }
    return {};
}

QString symptomValue(Symptom symptom, double value)
{
    switch (symptom) {
    case Symptom::Stale:
    case Symptom::Late:
        return tr("silent for %1 intervals").arg(value, 0, 'f', 1);
    case Symptom::Errors:
    case Symptom::CallsFail:
        return tr("%1 % failed").arg(value * 100, 0, 'f', 0);
    case Symptom::Latency:
    case Symptom::CallsSlow:
        return tr("p99 %1 ms").arg(value, 0, 'f', 0);
    case Symptom::Saturation:
        return tr("%1 % of capacity").arg(value * 100, 0, 'f', 0);
    }
    return {};
}

QString reasonFor(const Node &node, const std::vector<Node> &nodes, const ImpactGraph &graph, std::size_t index,
    std::int64_t firstOnset, std::int64_t slackMs)
{
    QStringList clauses;
    const auto delayMs = node.onset.value_or(firstOnset) - firstOnset;
    if (delayMs <= slackMs)
        clauses.append(
            tr("%1 here first (%2)").arg(symptomPhrase(node.symptom), symptomValue(node.symptom, node.symptomValue)));
    else
        clauses.append(tr("%1 %2 s after the first symptom (%3)")
                           .arg(symptomPhrase(node.symptom))
                           .arg(double(delayMs) / 1000.0, 0, 'f', 1)
                           .arg(symptomValue(node.symptom, node.symptomValue)));

    QStringList sick;
    for (const auto callee : graph.callees(index)) {
        if (nodes[callee].anomaly > 0)
            sick.append(QString::fromStdString(graph.name(callee)));
    }
    if (graph.callees(index).empty())
        clauses.append(tr("it calls no other service"));
    else if (sick.isEmpty())
        clauses.append(tr("its own callees are healthy"));
    else
        clauses.append(tr("its callees %1 are abnormal too").arg(sick.join(QStringLiteral(", "))));

    if (!node.explained.empty())
        clauses.append(tr("%n callers degraded with or after it", int(node.explained.size())));
    return clauses.join(QStringLiteral("; "));
}

} // namespace

std::vector<Suspect> rankRootCauses(const RootCauseInput &input, const RootCauseOptions &options)
{
    ImpactGraph graph;
    for (const auto &service : input.services)
        graph.addService(service.name);
    for (const auto &edge : input.edges)
        graph.addEdge(edge.caller, edge.callee);

    std::vector<Node> nodes(graph.size());
    for (const auto &service : input.services)
        nodes[*graph.indexOf(service.name)].service = &service;
    for (const auto &edge : input.edges) {
        if (edge.caller == edge.callee)
            continue;
        nodes[*graph.indexOf(edge.caller)].out.push_back(&edge);
        nodes[*graph.indexOf(edge.callee)].in.push_back(&edge);
    }

    // Anomaly, own share and onset of every node.
    double totalAnomaly = 0;
    std::optional<std::int64_t> firstOnset;
    for (auto &node : nodes) {
        const auto parts = ownParts(node);
        if (parts.empty())
            continue;
        double blame = 0;
        for (const auto *edge : node.out) {
            const auto *callee = nodes[*graph.indexOf(edge->callee)].service;
            // A callee that never reported health (an uninstrumented database, or a service that was already down
            // when the console started) is known only by these calls, so when they fail, they are the cause.
            if (!callee || !callee->reportsHealth) {
                if (edge->level == HealthLevel::Critical && edge->errorRate >= 0.5)
                    blame = std::max(blame, 1.0);
                continue;
            }
            const auto heartbeat = callee->conditions[conditionIndex(HealthCondition::Heartbeat)].level;
            // A callee that stopped reporting explains its callers' trouble before its failed calls are linked.
            if (callee->state == ServiceState::Stale || heartbeat == HealthLevel::Critical)
                blame = std::max(blame, 1.0);
            else if (heartbeat == HealthLevel::Warning)
                blame = std::max(blame, 0.6);
        }
        double bestOwn = -1;
        for (const auto &part : parts) {
            node.anomaly = std::max(node.anomaly, part.weight);
            const double own = part.weight * part.share * (part.blamable ? 1 - 0.6 * blame : 1.0);
            if (own > bestOwn) {
                bestOwn = own;
                node.symptom = part.symptom;
                node.symptomValue = part.value;
            }
        }
        node.own = std::max(0.0, bestOwn);
        if (node.service && node.service->symptomSinceMs)
            node.onset = node.service->symptomSinceMs;
        for (const auto *edge : node.in) {
            if (edge->level != HealthLevel::Ok && edge->symptomSinceMs
                && (!node.onset || *edge->symptomSinceMs < *node.onset))
                node.onset = edge->symptomSinceMs;
        }
        if (!node.onset)
            node.onset = input.nowMs;
        totalAnomaly += node.anomaly;
        if (!firstOnset || *node.onset < *firstOnset)
            firstOnset = node.onset;
    }
    if (totalAnomaly <= 0)
        return {};

    // Calls to a silent callee fail from the moment its callers' trouble starts, however long the failed calls
    // take to be linked, so its onset is no later than theirs. This matters most to a console started after
    // the fault, which never heard the callee at all.
    for (std::size_t index = 0; index < nodes.size(); ++index) {
        auto &node = nodes[index];
        if (node.anomaly <= 0 || (node.service && node.service->reportsHealth))
            continue;
        for (const auto *edge : node.in) {
            const auto &caller = nodes[*graph.indexOf(edge->caller)];
            if (edge->level != HealthLevel::Ok && caller.onset && *caller.onset < *node.onset)
                node.onset = caller.onset;
        }
        if (*node.onset < *firstOnset)
            firstOnset = node.onset;
    }

    std::vector<std::size_t> ranked;
    for (std::size_t index = 0; index < nodes.size(); ++index) {
        auto &node = nodes[index];
        if (node.anomaly <= 0)
            continue;
        double covered = node.anomaly;
        for (const auto caller : graph.transitiveCallers(index)) {
            const auto &other = nodes[caller];
            if (other.anomaly > 0 && *other.onset >= *node.onset - options.slackMs) {
                covered += other.anomaly;
                node.explained.push_back(caller);
            }
        }
        const double coverage = std::min(1.0, covered / totalAnomaly);
        const double lateMs = double(*node.onset - *firstOnset - options.slackMs);
        const double earliness = lateMs <= 0 ? 1.0 : std::exp(-lateMs / earlinessFadeMs);
        node.score = node.own * (0.4 + 0.6 * coverage) * (0.8 + 0.2 * earliness);
        if (node.score >= options.minScore)
            ranked.push_back(index);
    }

    std::sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
        if (nodes[a].score != nodes[b].score)
            return nodes[a].score > nodes[b].score;
        if (*nodes[a].onset != *nodes[b].onset)
            return *nodes[a].onset < *nodes[b].onset;
        return graph.name(a) < graph.name(b);
    });
    if (ranked.size() > options.maxSuspects)
        ranked.resize(options.maxSuspects);

    std::vector<Suspect> suspects;
    for (const auto index : ranked) {
        Suspect suspect;
        suspect.service = graph.name(index);
        suspect.score = std::round(nodes[index].score * 1000) / 1000;
        suspect.reason = reasonFor(nodes[index], nodes, graph, index, *firstOnset, options.slackMs);
        suspects.push_back(std::move(suspect));
    }
    return suspects;
}

} // namespace faultline
