// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decode and encode costs of protocol v1 messages; docs/benchmarks.md records the figures.
#include <benchmark/benchmark.h>

#include <QJsonDocument>

#include "wire/decoder.h"
#include "wire/encoder.h"

using namespace faultline;

namespace {

HealthReport sampleHealth()
{
    HealthReport report;
    report.service = "servo-controller";
    report.instance = "servo-controller-2";
    report.criticality = Criticality::Core;
    report.timestampUnixNs = 1'764'806'400'123'456'789;
    report.rps = 187.5;
    report.errorRate = 0.012;
    report.latencyP50Ms = 4.2;
    report.latencyP95Ms = 11.8;
    report.latencyP99Ms = 23.1;
    report.inFlight = 3.1;
    report.capacity = 64;
    report.breakers = {{"plc-gateway", BreakerState::Closed}};
    return report;
}

std::vector<Span> sampleSpans(int count)
{
    std::vector<Span> spans;
    for (int i = 0; i < count; ++i) {
        Span span;
        span.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        char id[17];
        std::snprintf(id, sizeof id, "%016x", 0x1000 + i);
        span.spanId = id;
        span.parentSpanId = i == 0 ? "" : "0000000000001000";
        span.service = "plc-gateway";
        span.instance = "plc-gateway-1";
        span.name = "GET /axis/position";
        span.kind = i % 2 ? SpanKind::Client : SpanKind::Server;
        span.startUnixNs = 1'764'806'400'000'000'000 + i * 1000;
        span.endUnixNs = *span.startUnixNs + 2'500'000;
        span.peerName = i % 2 ? "servo-controller" : "";
        spans.push_back(span);
    }
    return spans;
}

void decodeHealth(benchmark::State &state)
{
    const auto json = wire::encodeHealth(sampleHealth());
    wire::Decoder decoder;
    for (auto _ : state) {
        auto result = decoder.health(json);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(state.iterations() * std::int64_t(json.size()));
}
BENCHMARK(decodeHealth);

void decodeHealthWithQJsonDocument(benchmark::State &state)
{
    const auto json = QByteArray::fromStdString(wire::encodeHealth(sampleHealth()));
    for (auto _ : state) {
        auto document = QJsonDocument::fromJson(json);
        benchmark::DoNotOptimize(document);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(decodeHealthWithQJsonDocument);

void decodeOtlpBatch(benchmark::State &state)
{
    const auto spans = sampleSpans(int(state.range(0)));
    const auto json = wire::encodeOtlpTraces(spans);
    wire::Decoder decoder;
    for (auto _ : state) {
        auto result = decoder.traces(json);
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * std::int64_t(json.size()));
}
BENCHMARK(decodeOtlpBatch)->Arg(1)->Arg(50)->Arg(500);

void encodeOtlpBatch(benchmark::State &state)
{
    const auto spans = sampleSpans(int(state.range(0)));
    for (auto _ : state) {
        auto json = wire::encodeOtlpTraces(spans);
        benchmark::DoNotOptimize(json);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(encodeOtlpBatch)->Arg(50);

} // namespace

BENCHMARK_MAIN();
