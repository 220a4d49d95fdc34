// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rcaevaluation.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <random>

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include "ingest/ingestclient.h"
#include "sim/demoplant.h"

namespace faultline::rcaeval
{

namespace
{

constexpr std::array<FaultKind, 4> faultKinds
    = { FaultKind::Latency, FaultKind::Errors, FaultKind::Crash, FaultKind::Overload };

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString faultsText(const Scenario &scenario)
{
    QStringList parts;
    for (const auto &fault : scenario.faults)
        parts.append(QStringLiteral("%1:%2").arg(QString::fromStdString(fault.service), qs(faultKindName(fault.kind))));
    return parts.join(QStringLiteral(" + "));
}

} // namespace

bool ScenarioResult::allWithin(int places) const
{
    if (error || ranks.empty())
        return false;
    return std::all_of(ranks.begin(), ranks.end(), [places](int rank) { return rank >= 1 && rank <= places; });
}

std::vector<Scenario> makeScenarios(const PlantTopology &topology, const Options &options)
{
    std::vector<Scenario> scenarios;
    const auto &services = topology.services();
    if (services.size() < 2)
        return scenarios;
    std::mt19937_64 random(options.seed);
    std::uniform_int_distribution<std::size_t> pickService(0, services.size() - 1);
    std::uniform_int_distribution<std::size_t> pickKind(0, faultKinds.size() - 1);

    const auto fault = [&](std::size_t service) {
        FaultSpec spec;
        spec.service = services[service].name;
        spec.kind = faultKinds[pickKind(random)];
        spec.startS = options.warmupS;
        return spec;
    };
    for (int i = 0; i < options.singles + options.pairs; ++i) {
        Scenario scenario;
        const auto first = pickService(random);
        scenario.faults.push_back(fault(first));
        if (i >= options.singles) {
            auto second = pickService(random);
            while (second == first)
                second = pickService(random);
            scenario.faults.push_back(fault(second));
        }
        scenario.plantSeed = random();
        scenarios.push_back(std::move(scenario));
    }
    return scenarios;
}

ScenarioResult runScenario(const Scenario &scenario, const Options &options)
{
    static std::atomic<int> runs { 0 };
    const auto run = std::to_string(++runs);

    ScenarioResult result;
    result.scenario = scenario;
    result.ranks.assign(scenario.faults.size(), 0);
    result.alarmDelaysS.assign(scenario.faults.size(), std::nullopt);

    DemoPlant::Options plantOptions;
    plantOptions.topology = options.topology.isEmpty() ? PlantTopology::builtIn() : options.topology;
    plantOptions.publishEndpoint = "inproc://faultline-rca-eval-" + run + "-stream";
    plantOptions.controlEndpoint = "inproc://faultline-rca-eval-" + run + "-control";
    plantOptions.requestsPerSecond = options.requestsPerSecond;
    plantOptions.seed = scenario.plantSeed;
    plantOptions.faults = scenario.faults;
    DemoPlant plant(plantOptions);
    if (auto error = plant.start()) {
        result.error = error;
        return result;
    }
    // The plant's clock starts as start() returns, within a millisecond, so fault times map onto the steady clock.
    const auto faultMs = steadyNowMs() + std::llround(options.warmupS * 1000);

    IngestClient client;
    std::vector<Suspect> suspects;
    std::map<std::string, std::int64_t> firstAlarmMs;
    QObject::connect(&client, &IngestClient::deltaReady, &client, [&](const TopologyDelta &delta) {
        for (const auto &event : delta.health.events) {
            if (event.kind != AlarmEventKind::Raised)
                continue;
            if (event.atMs < faultMs) {
                ++result.alarmsBeforeFault;
                continue;
            }
            const auto [it, inserted] = firstAlarmMs.try_emplace(event.alarm.service, event.atMs);
            if (!inserted)
                it->second = std::min(it->second, event.atMs);
            const double delayS = double(event.atMs - faultMs) / 1000.0;
            if (!result.firstAlarmS || delayS < *result.firstAlarmS)
                result.firstAlarmS = delayS;
        }
        if (delta.health.suspects)
            suspects = *delta.health.suspects;
    });

    IngestClient::Options ingest;
    ingest.endpoints = { plant.publishEndpoint() };
    if (auto error = client.start(ingest)) {
        result.error = error;
        return result;
    }
    QEventLoop loop;
    QTimer::singleShot(int(std::lround((options.warmupS + options.observeS) * 1000)), &loop, &QEventLoop::quit);
    loop.exec();
    client.stop();
    // Deltas queued before the stop still belong to this run.
    QCoreApplication::sendPostedEvents(&client);
    plant.stop();
    if (auto failure = plant.failure())
        result.error = failure;

    result.suspects = suspects;
    for (std::size_t i = 0; i < scenario.faults.size(); ++i) {
        const auto &service = scenario.faults[i].service;
        for (std::size_t rank = 0; rank < suspects.size(); ++rank) {
            if (suspects[rank].service == service) {
                result.ranks[i] = int(rank + 1);
                break;
            }
        }
        if (const auto it = firstAlarmMs.find(service); it != firstAlarmMs.end())
            result.alarmDelaysS[i] = double(it->second - faultMs) / 1000.0;
    }
    return result;
}

double percentile(std::vector<double> values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least q of the values at or below it.
    const auto rank = std::size_t(std::ceil(q * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

Summary summarize(const std::vector<ScenarioResult> &results)
{
    Summary summary;
    for (const auto &result : results) {
        if (result.error) {
            ++summary.failed;
            continue;
        }
        summary.alarmsBeforeFault += result.alarmsBeforeFault;
        if (result.scenario.faults.size() == 1) {
            ++summary.singles;
            summary.singlesTop1 += result.allWithin(1) ? 1 : 0;
            summary.singlesTop3 += result.allWithin(3) ? 1 : 0;
        } else {
            ++summary.pairs;
            summary.pairsBothTop3 += result.allWithin(3) ? 1 : 0;
        }
        if (result.firstAlarmS)
            summary.firstAlarmDelaysS.push_back(*result.firstAlarmS);
        for (const auto &delay : result.alarmDelaysS) {
            if (delay)
                summary.alarmDelaysS.push_back(*delay);
            else
                ++summary.faultsWithoutAlarm;
        }
    }
    return summary;
}

QString describe(const ScenarioResult &result)
{
    if (result.error)
        return QStringLiteral("%1: failed: %2").arg(faultsText(result.scenario), result.error->message);
    QStringList ranks;
    QStringList delays;
    for (std::size_t i = 0; i < result.ranks.size(); ++i) {
        ranks.append(result.ranks[i] > 0 ? QString::number(result.ranks[i]) : QStringLiteral("-"));
        delays.append(result.alarmDelaysS[i] ? QString::number(*result.alarmDelaysS[i], 'f', 2) + QStringLiteral(" s")
                                             : QStringLiteral("none"));
    }
    QStringList top;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, result.suspects.size()); ++i)
        top.append(QString::fromStdString(result.suspects[i].service));
    return QStringLiteral("%1: rank %2, alarm after %3; top: %4")
        .arg(faultsText(result.scenario), ranks.join(QLatin1Char('/')), delays.join(QLatin1Char('/')),
            top.isEmpty() ? QStringLiteral("(none)") : top.join(QStringLiteral(", ")));
}

QJsonObject toJson(const std::vector<ScenarioResult> &results, const Summary &summary)
{
    QJsonArray scenarios;
    for (const auto &result : results) {
        QJsonObject object;
        QJsonArray faults;
        for (std::size_t i = 0; i < result.scenario.faults.size(); ++i) {
            const auto &fault = result.scenario.faults[i];
            QJsonObject entry;
            entry.insert(QStringLiteral("service"), QString::fromStdString(fault.service));
            entry.insert(QStringLiteral("kind"), qs(faultKindName(fault.kind)));
            entry.insert(QStringLiteral("rank"), result.ranks[i]);
            if (result.alarmDelaysS[i])
                entry.insert(QStringLiteral("alarm_after_s"), *result.alarmDelaysS[i]);
            faults.append(entry);
        }
        object.insert(QStringLiteral("faults"), faults);
        QJsonArray suspects;
        for (const auto &suspect : result.suspects) {
            suspects.append(QJsonObject { { QStringLiteral("service"), QString::fromStdString(suspect.service) },
                { QStringLiteral("score"), suspect.score }, { QStringLiteral("reason"), suspect.reason } });
        }
        object.insert(QStringLiteral("suspects"), suspects);
        if (result.firstAlarmS)
            object.insert(QStringLiteral("first_alarm_after_s"), *result.firstAlarmS);
        object.insert(QStringLiteral("alarms_before_fault"), result.alarmsBeforeFault);
        if (result.error)
            object.insert(QStringLiteral("error"), result.error->message);
        scenarios.append(object);
    }

    QJsonObject totals;
    totals.insert(QStringLiteral("singles"), summary.singles);
    totals.insert(QStringLiteral("singles_top1"), summary.singlesTop1);
    totals.insert(QStringLiteral("singles_top3"), summary.singlesTop3);
    totals.insert(QStringLiteral("pairs"), summary.pairs);
    totals.insert(QStringLiteral("pairs_both_top3"), summary.pairsBothTop3);
    totals.insert(QStringLiteral("failed"), summary.failed);
    totals.insert(QStringLiteral("alarm_delay_median_s"), percentile(summary.alarmDelaysS, 0.5));
    totals.insert(QStringLiteral("alarm_delay_p90_s"), percentile(summary.alarmDelaysS, 0.9));
    totals.insert(QStringLiteral("alarm_delay_max_s"), percentile(summary.alarmDelaysS, 1.0));
    totals.insert(QStringLiteral("faults_without_alarm"), summary.faultsWithoutAlarm);
    totals.insert(QStringLiteral("first_alarm_median_s"), percentile(summary.firstAlarmDelaysS, 0.5));
    totals.insert(QStringLiteral("first_alarm_max_s"), percentile(summary.firstAlarmDelaysS, 1.0));
    totals.insert(QStringLiteral("alarms_before_fault"), summary.alarmsBeforeFault);
    return QJsonObject { { QStringLiteral("scenarios"), scenarios }, { QStringLiteral("summary"), totals } };
}

void writeText(const std::vector<ScenarioResult> &results, const Summary &summary, QTextStream &out)
{
    const auto share = [](int part, int whole) {
        return whole > 0 ? QString::number(100.0 * part / whole, 'f', 1) + QStringLiteral(" %") : QStringLiteral("-");
    };
    for (const auto &result : results)
        out << describe(result) << '\n';
    const auto within2s = std::count_if(
        summary.alarmDelaysS.begin(), summary.alarmDelaysS.end(), [](double delay) { return delay <= 2.0; });
    out << QStringLiteral("single faults: %1, top-1 %2 (%3), top-3 %4 (%5)\n")
               .arg(summary.singles)
               .arg(summary.singlesTop1)
               .arg(share(summary.singlesTop1, summary.singles))
               .arg(summary.singlesTop3)
               .arg(share(summary.singlesTop3, summary.singles));
    out << QStringLiteral("fault pairs: %1, both in top 3: %2 (%3)\n")
               .arg(summary.pairs)
               .arg(summary.pairsBothTop3)
               .arg(share(summary.pairsBothTop3, summary.pairs));
    out << QStringLiteral(
        "fault to alarm on the faulty service: median %1 s, p90 %2 s, max %3 s; within 2 s: %4 of %5; "
        "faults without an alarm: %6\n")
               .arg(percentile(summary.alarmDelaysS, 0.5), 0, 'f', 2)
               .arg(percentile(summary.alarmDelaysS, 0.9), 0, 'f', 2)
               .arg(percentile(summary.alarmDelaysS, 1.0), 0, 'f', 2)
               .arg(within2s)
               .arg(summary.alarmDelaysS.size())
               .arg(summary.faultsWithoutAlarm);
    out << QStringLiteral("fault to the first alarm on any service: median %1 s, max %2 s\n")
               .arg(percentile(summary.firstAlarmDelaysS, 0.5), 0, 'f', 2)
               .arg(percentile(summary.firstAlarmDelaysS, 1.0), 0, 'f', 2);
    out << QStringLiteral("alarms raised before any fault: %1; scenarios that failed to run: %2\n")
               .arg(summary.alarmsBeforeFault)
               .arg(summary.failed);
}

} // namespace faultline::rcaeval
