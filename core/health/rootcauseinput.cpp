// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rootcauseinput.h"

#include <algorithm>
#include <optional>

#include "topology/topologystore.h"

namespace faultline
{

namespace
{

// Baselines come from this stretch before the first symptom, ending a little before it so the onset stays out.
constexpr std::int64_t baselineSeconds = 60;
constexpr std::int64_t baselineGapSeconds = 2;
// The current abnormal stretch of an edge is searched this far back.
constexpr std::size_t onsetSearchSeconds = 120;
// An edge with fewer calls than this over the evidence window is not judged.
constexpr std::uint64_t minimumCalls = 3;

std::int64_t secondOf(std::int64_t ms)
{
    return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

std::optional<double> median(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    const auto middle = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

HealthLevel edgeLevel(double errorRate, double p99Ms, const HealthThresholds &thresholds)
{
    const auto errors = HealthEvaluator::read(HealthCondition::ErrorRate, errorRate, thresholds).raw;
    const auto latency = HealthEvaluator::read(HealthCondition::Latency, p99Ms, thresholds).raw;
    return std::max(errors, latency);
}

// Ages (in seconds before the current one) of the baseline stretch, or nothing when it lies outside the history.
std::optional<std::pair<std::size_t, std::size_t>> baselineAges(std::int64_t currentSecond, std::int64_t firstSymptomMs)
{
    const auto end = secondOf(firstSymptomMs) - baselineGapSeconds;
    const auto begin = end - baselineSeconds;
    const auto youngest = currentSecond - end;
    const auto oldest = std::min<std::int64_t>(currentSecond - begin, std::int64_t(historySeconds) - 1);
    if (youngest < 1 || oldest < youngest)
        return std::nullopt;
    return std::make_pair(std::size_t(youngest), std::size_t(oldest));
}

} // namespace

RootCauseInput rootCauseInputFrom(const TopologyStore &store, std::int64_t nowMs)
{
    RootCauseInput input;
    input.nowMs = nowMs;
    const auto currentSecond = secondOf(nowMs);

    std::int64_t firstSymptomMs = nowMs;
    store.forEachService([&](const ServiceSnapshot &snapshot) {
        if (snapshot.symptomSinceMs)
            firstSymptomMs = std::min(firstSymptomMs, *snapshot.symptomSinceMs);
    });
    const auto baseline = baselineAges(currentSecond, firstSymptomMs);

    store.forEachService([&](const ServiceSnapshot &snapshot) {
        ServiceEvidence evidence;
        evidence.name = snapshot.name;
        evidence.reportsHealth = !snapshot.instances.empty();
        evidence.state = snapshot.state;
        evidence.mode = snapshot.mode;
        evidence.conditions = snapshot.conditions;
        evidence.symptomSinceMs = snapshot.symptomSinceMs;
        evidence.lastHeartbeatMs = snapshot.lastHeartbeatMs;
        evidence.rps = snapshot.rps;
        evidence.errorRate = snapshot.errorRate;
        evidence.p50Ms = snapshot.latencyP50Ms;
        evidence.p99Ms = snapshot.latencyP99Ms;
        const auto *history = store.serviceHistory(snapshot.name);
        if (baseline && history) {
            std::vector<double> p50s;
            for (auto age = baseline->first; age <= baseline->second; ++age) {
                const auto &point = history->ago(age);
                if (point.present)
                    p50s.push_back(point.p50Ms);
            }
            evidence.baselineP50Ms = median(std::move(p50s));
        }
        input.services.push_back(std::move(evidence));
    });

    store.forEachEdge([&](const EdgeSnapshot &snapshot) {
        const auto *history = store.edgeHistory(snapshot.caller, snapshot.callee);
        if (!history || history->currentSecond() != currentSecond)
            return;
        const auto &thresholds = store.healthEvaluator().thresholdsFor(snapshot.callee);

        EdgeEvidence evidence;
        evidence.caller = snapshot.caller;
        evidence.callee = snapshot.callee;
        std::uint64_t calls = 0;
        std::uint64_t errors = 0;
        double weightedP50 = 0;
        for (std::size_t age = 1; age <= std::size_t(evidenceSeconds); ++age) {
            const auto &point = history->ago(age);
            calls += point.calls;
            errors += point.errors;
            weightedP50 += double(point.p50Ms) * point.calls;
            evidence.p99Ms = std::max(evidence.p99Ms, double(point.p99Ms));
        }
        evidence.rps = double(calls) / evidenceSeconds;
        evidence.errorRate = calls > 0 ? double(errors) / double(calls) : 0;
        evidence.p50Ms = calls > 0 ? weightedP50 / double(calls) : 0;
        if (calls >= minimumCalls)
            evidence.level = edgeLevel(evidence.errorRate, evidence.p99Ms, thresholds);

        if (evidence.level != HealthLevel::Ok) {
            // Walk back over the seconds that were abnormal too. Seconds without calls neither break nor extend the
            // stretch.
            std::optional<std::size_t> earliest;
            for (std::size_t age = 1; age <= onsetSearchSeconds; ++age) {
                const auto &point = history->ago(age);
                if (point.calls == 0)
                    continue;
                const double rate = double(point.errors) / double(point.calls);
                if (edgeLevel(rate, point.p99Ms, thresholds) == HealthLevel::Ok)
                    break;
                earliest = age;
            }
            if (earliest)
                evidence.symptomSinceMs = (currentSecond - std::int64_t(*earliest)) * 1000;
        }
        if (baseline) {
            std::vector<double> p50s;
            for (auto age = baseline->first; age <= baseline->second; ++age) {
                const auto &point = history->ago(age);
                if (point.calls > 0)
                    p50s.push_back(point.p50Ms);
            }
            evidence.baselineP50Ms = median(std::move(p50s));
        }
        input.edges.push_back(std::move(evidence));
    });
    return input;
}

} // namespace faultline
