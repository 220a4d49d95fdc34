// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayplan.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "traces/spanid.h"

namespace faultline::ctl
{

namespace
{

std::uint64_t fnv1a(std::string_view text, std::uint64_t seed = 0xcbf29ce484222325ull)
{
    std::uint64_t hash = seed;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ull;
    }
    return hash == 0 ? 1 : hash;
}

std::string hex64(std::uint64_t value)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        out[std::size_t(i)] = digits[value & 0xf];
    return out;
}

std::string fitSpanId(const std::string &id)
{
    if (id.empty())
        return id;
    if (auto normalized = normalizeSpanId(id))
        return *normalized;
    return hex64(fnv1a(id));
}

std::string fitTraceId(const std::string &id)
{
    if (auto normalized = normalizeTraceId(id))
        return *normalized;
    return hex64(fnv1a(id)) + hex64(fnv1a(id, 0x84222325cbf29ce4ull));
}

std::optional<std::int64_t> sendTime(const Span &span)
{
    return span.endUnixNs ? span.endUnixNs : span.startUnixNs;
}

// OTLP has no shared flag: the SERVER half gets an id of its own below its CLIENT half, and the
// spans of its service that named the shared id as parent move below it.
void separateSharedHalves(std::vector<Span> &spans)
{
    std::set<std::pair<std::string, std::string>> clientHalves;
    for (const Span &span : spans) {
        if (!span.shared)
            clientHalves.insert({ span.traceId, span.spanId });
    }
    std::map<std::tuple<std::string, std::string, std::string>, std::string> serverIds; // trace, id, service
    for (Span &span : spans) {
        if (!span.shared)
            continue;
        const std::string newId = hex64(fnv1a(span.traceId + '/' + span.spanId + "/server"));
        serverIds[{ span.traceId, span.spanId, span.service }] = newId;
        // Without a parent id and without its CLIENT half the SERVER half is a root span, as the linker has it.
        if (clientHalves.contains({ span.traceId, span.spanId }) || !span.parentSpanId.empty())
            span.parentSpanId = span.spanId;
        span.spanId = newId;
        span.shared = false;
    }
    if (serverIds.empty())
        return;
    for (Span &span : spans) {
        const auto it = serverIds.find({ span.traceId, span.parentSpanId, span.service });
        if (it != serverIds.end() && it->second != span.spanId)
            span.parentSpanId = it->second;
    }
}

} // namespace

std::vector<ReplayBatch> buildReplayPlan(std::vector<Span> spans, const ReplayPlanOptions &options)
{
    for (Span &span : spans) {
        span.traceId = fitTraceId(span.traceId);
        span.spanId = fitSpanId(span.spanId);
        span.parentSpanId = fitSpanId(span.parentSpanId);
    }
    separateSharedHalves(spans);

    // A span without times goes out with the span before it in the file.
    std::vector<std::pair<std::int64_t, std::size_t>> order;
    order.reserve(spans.size());
    std::int64_t previous = 0;
    for (std::size_t i = 0; i < spans.size(); ++i) {
        previous = sendTime(spans[i]).value_or(previous);
        order.emplace_back(previous, i);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    std::vector<ReplayBatch> batches;
    std::map<std::string, std::size_t> open; // service -> index of its batch still taking spans
    std::int64_t offset = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0)
            offset += std::min(order[i].first - order[i - 1].first, options.maxGapNs);
        Span &span = spans[order[i].second];
        const auto it = open.find(span.service);
        if (it != open.end()) {
            ReplayBatch &batch = batches[it->second];
            if (offset - batch.offsetNs <= options.batchWindowNs && batch.spans.size() < options.maxBatchSpans) {
                batch.spans.push_back(std::move(span));
                continue;
            }
        }
        open[span.service] = batches.size();
        batches.push_back({ offset, span.service, {} });
        batches.back().spans.push_back(std::move(span));
    }
    return batches;
}

std::vector<ReplayBatch> shiftedPass(const std::vector<ReplayBatch> &plan, std::uint64_t pass, std::int64_t shiftNs)
{
    std::vector<ReplayBatch> out = plan;
    const std::string salt = "/pass" + std::to_string(pass);
    for (ReplayBatch &batch : out) {
        for (Span &span : batch.spans) {
            if (pass > 0)
                span.traceId = hex64(fnv1a(span.traceId + salt)) + hex64(fnv1a(span.traceId + salt, 0x5bd1e995ull));
            if (span.startUnixNs)
                *span.startUnixNs += shiftNs;
            if (span.endUnixNs)
                *span.endUnixNs += shiftNs;
        }
    }
    return out;
}

} // namespace faultline::ctl
