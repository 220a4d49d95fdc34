// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nezhaevaluation.h"

#include <algorithm>
#include <limits>
#include <map>

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include "health/rootcause.h"
#include "health/rootcauseinput.h"
#include "topology/topologystore.h"
#include "traces/dependencylinker.h"
#include "traces/nezhacsvreader.h"

namespace faultline::rcaeval
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("NezhaEvaluation", text);
}

// A p50 or p99 this many times the edge's own before the fault counts as abnormal in the trace-only reading.
constexpr double relativeFactor = 2.0;

struct Window {
    std::vector<double> durationsMs;

    double quantile(double q) const
    {
        if (durationsMs.empty())
            return 0;
        auto sorted = durationsMs;
        std::sort(sorted.begin(), sorted.end());
        const auto index = std::size_t(std::clamp(q * double(sorted.size() - 1), 0.0, double(sorted.size() - 1)));
        return sorted[index];
    }
};

int rankOf(const std::vector<Suspect> &suspects, const std::string &service)
{
    for (std::size_t i = 0; i < suspects.size(); ++i) {
        if (suspects[i].service == service)
            return int(i + 1);
    }
    return 0;
}

std::vector<Suspect> rankRelative(
    const std::vector<CallRecord> &calls, std::int64_t injectUnixNs, std::int64_t endUnixNs)
{
    std::map<std::pair<std::string, std::string>, std::pair<Window, Window>> windows;
    for (const auto &call : calls) {
        if (!call.durationNs || call.timeUnixNs == 0)
            continue;
        auto &[before, after] = windows[{ call.caller, call.callee }];
        (call.timeUnixNs < injectUnixNs ? before : after).durationsMs.push_back(double(*call.durationNs) / 1e6);
    }

    RootCauseInput input;
    input.nowMs = endUnixNs / 1'000'000;
    std::map<std::string, bool> services;
    for (const auto &[key, pair] : windows) {
        const auto &[before, after] = pair;
        services[key.first] = true;
        services[key.second] = true;
        EdgeEvidence edge;
        edge.caller = key.first;
        edge.callee = key.second;
        edge.rps = double(after.durationsMs.size());
        edge.p50Ms = after.quantile(0.5);
        edge.p99Ms = after.quantile(0.99);
        if (!before.durationsMs.empty())
            edge.baselineP50Ms = before.quantile(0.5);
        const bool slower = !before.durationsMs.empty() && !after.durationsMs.empty()
            && (edge.p50Ms >= relativeFactor * before.quantile(0.5)
                || edge.p99Ms >= relativeFactor * before.quantile(0.99));
        if (slower) {
            edge.level = HealthLevel::Warning;
            edge.symptomSinceMs = injectUnixNs / 1'000'000;
        }
        input.edges.push_back(std::move(edge));
    }
    for (const auto &[name, unused] : services) {
        ServiceEvidence service;
        service.name = name;
        input.services.push_back(std::move(service));
    }
    return rankRootCauses(input);
}

std::vector<Suspect> rankLive(const std::vector<CallRecord> &calls, std::int64_t endUnixNs)
{
    // Replays the calls in time order through the same store the ingest thread keeps, ticking every 100 ms.
    std::vector<const CallRecord *> ordered;
    for (const auto &call : calls) {
        if (call.timeUnixNs != 0)
            ordered.push_back(&call);
    }
    std::sort(ordered.begin(), ordered.end(),
        [](const CallRecord *a, const CallRecord *b) { return a->timeUnixNs < b->timeUnixNs; });
    TopologyStore store;
    std::int64_t nextTickMs = std::numeric_limits<std::int64_t>::min();
    for (const auto *call : ordered) {
        const auto nowMs = call->timeUnixNs / 1'000'000;
        if (nextTickMs == std::numeric_limits<std::int64_t>::min())
            nextTickMs = nowMs;
        while (nextTickMs <= nowMs) {
            store.tick(nextTickMs);
            nextTickMs += 100;
        }
        store.applyCall(*call, nowMs);
    }
    const auto endMs = endUnixNs / 1'000'000 + 1000;
    while (nextTickMs <= endMs) {
        store.tick(nextTickMs);
        nextTickMs += 100;
    }
    return rankRootCauses(rootCauseInputFrom(store, endMs));
}

QJsonArray suspectsJson(const std::vector<Suspect> &suspects)
{
    QJsonArray array;
    for (const auto &suspect : suspects) {
        array.append(QJsonObject { { QStringLiteral("service"), QString::fromStdString(suspect.service) },
            { QStringLiteral("score"), suspect.score }, { QStringLiteral("reason"), suspect.reason } });
    }
    return array;
}

} // namespace

Result<NezhaResult> evaluateNezha(const QString &csvPath, const QString &faultListPath)
{
    QFile csv(csvPath);
    if (!csv.open(QIODevice::ReadOnly))
        return Error { tr("cannot read %1: %2").arg(csvPath, csv.errorString()), csvPath };
    NezhaCsvReader reader;
    if (auto error = reader.readHeader(csv.readLine().trimmed().toStdString()))
        return Error { QStringLiteral("%1: %2").arg(csvPath, error->message), csvPath };

    NezhaResult result;
    std::vector<Span> spans;
    std::int64_t firstNs = std::numeric_limits<std::int64_t>::max();
    std::int64_t lastNs = std::numeric_limits<std::int64_t>::min();
    int lineNumber = 1;
    while (!csv.atEnd()) {
        ++lineNumber;
        const auto line = csv.readLine().trimmed();
        if (line.isEmpty())
            continue;
        Span span;
        if (auto error = reader.readLine(line.toStdString(), span))
            return Error { tr("%1 line %2: %3").arg(csvPath).arg(lineNumber).arg(error->message), csvPath };
        if (span.startUnixNs)
            firstNs = std::min(firstNs, *span.startUnixNs);
        if (span.endUnixNs)
            lastNs = std::max(lastNs, *span.endUnixNs);
        spans.push_back(std::move(span));
    }
    result.spans = spans.size();
    if (spans.empty())
        return Error { tr("%1 contains no spans").arg(csvPath), csvPath };

    QFile faults(faultListPath);
    if (!faults.open(QIODevice::ReadOnly))
        return Error { tr("cannot read %1: %2").arg(faultListPath, faults.errorString()), faultListPath };
    const auto document = QJsonDocument::fromJson(faults.readAll());
    if (!document.isObject())
        return Error { tr("%1 is not a JSON object of fault lists by hour").arg(faultListPath), faultListPath };
    for (const auto &hour : document.object()) {
        for (const auto &entry : hour.toArray()) {
            const auto fault = entry.toObject();
            const auto text = fault.value(QLatin1String("inject_time")).toString();
            auto time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
            time.setTimeZone(QTimeZone::utc());
            const auto ns = time.toMSecsSinceEpoch() * 1'000'000;
            if (!time.isValid() || ns < firstNs || ns > lastNs)
                continue;
            result.injectTime = text;
            result.injectUnixNs = ns;
            result.label
                = NezhaCsvReader::serviceFromPod(fault.value(QLatin1String("inject_pod")).toString().toStdString());
        }
    }
    if (result.label.empty())
        return Error { tr("no fault of %1 has an inject_time inside the spans of %2").arg(faultListPath, csvPath),
            faultListPath };

    // A file contains whole traces, so every span can be linked before the calls are read.
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    for (const auto &span : spans)
        linker.addSpan(span, 0, calls);
    linker.finish(calls);
    result.calls = calls.size();
    result.callsAfterInject = std::uint64_t(std::count_if(
        calls.begin(), calls.end(), [&](const CallRecord &call) { return call.timeUnixNs >= result.injectUnixNs; }));

    result.live = rankLive(calls, lastNs);
    result.liveRank = rankOf(result.live, result.label);
    result.relative = rankRelative(calls, result.injectUnixNs, lastNs);
    result.relativeRank = rankOf(result.relative, result.label);
    return result;
}

QJsonObject toJson(const NezhaResult &result)
{
    QJsonObject object;
    object.insert(QStringLiteral("label"), QString::fromStdString(result.label));
    object.insert(QStringLiteral("inject_time"), result.injectTime);
    object.insert(QStringLiteral("spans"), qint64(result.spans));
    object.insert(QStringLiteral("calls"), qint64(result.calls));
    object.insert(QStringLiteral("calls_after_inject"), qint64(result.callsAfterInject));
    object.insert(QStringLiteral("live_rank"), result.liveRank);
    object.insert(QStringLiteral("live_suspects"), suspectsJson(result.live));
    object.insert(QStringLiteral("relative_rank"), result.relativeRank);
    object.insert(QStringLiteral("relative_suspects"), suspectsJson(result.relative));
    return object;
}

void writeText(const NezhaResult &result, QTextStream &out)
{
    const auto rankText = [](int rank) { return rank > 0 ? QString::number(rank) : QStringLiteral("not ranked"); };
    out << QStringLiteral("labelled root cause %1 (injected %2): %3 spans, %4 calls, %5 after the injection\n")
               .arg(QString::fromStdString(result.label), result.injectTime)
               .arg(result.spans)
               .arg(result.calls)
               .arg(result.callsAfterInject);
    out << QStringLiteral("live pipeline: rank %1\n").arg(rankText(result.liveRank));
    for (const auto &suspect : result.live)
        out << QStringLiteral("  %1 %2: %3\n")
                   .arg(QString::fromStdString(suspect.service))
                   .arg(suspect.score)
                   .arg(suspect.reason);
    out << QStringLiteral("latency against the edge's own baseline: rank %1\n").arg(rankText(result.relativeRank));
    for (const auto &suspect : result.relative)
        out << QStringLiteral("  %1 %2: %3\n")
                   .arg(QString::fromStdString(suspect.service))
                   .arg(suspect.score)
                   .arg(suspect.reason);
}

} // namespace faultline::rcaeval
