// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "encoder.h"

#include <map>
#include <utility>
#include <vector>

#include "wire/jsonwriter.h"
#include "wire/protocol.h"

namespace faultline::wire
{

std::string encodeEnvelope(const Envelope &envelope)
{
    std::string out;
    out.reserve(128);
    JsonWriter json(out);
    json.beginObject()
        .field("v", protocolVersion)
        .field("publisher", std::string_view(envelope.publisher))
        .field("session", std::string_view(envelope.session))
        .field("seq", envelope.seq)
        .field("sent_unix_ns", envelope.sentUnixNs)
        .endObject();
    return out;
}

std::string encodeHealth(const HealthReport &report)
{
    std::string out;
    out.reserve(512);
    JsonWriter json(out);
    json.beginObject()
        .field("service", std::string_view(report.service))
        .field("instance", std::string_view(report.instance))
        .field("criticality", criticalityName(report.criticality))
        .field("timestamp_unix_ns", report.timestampUnixNs)
        .field("interval_ms", report.intervalMs)
        .field("mode", modeName(report.mode));
    if (report.rampPercent)
        json.field("ramp_percent", *report.rampPercent);
    if (report.shedCapacity)
        json.field("shed_capacity", *report.shedCapacity);
    json.field("rps", report.rps)
        .field("error_rate", report.errorRate)
        .field("latency_p50_ms", report.latencyP50Ms)
        .field("latency_p95_ms", report.latencyP95Ms)
        .field("latency_p99_ms", report.latencyP99Ms)
        .field("in_flight", report.inFlight)
        .field("capacity", report.capacity)
        .field("fallbacks", report.fallbacks)
        .field("shed", report.shed);
    if (report.cacheAgeMs)
        json.field("cache_age_ms", *report.cacheAgeMs);
    if (!report.breakers.empty()) {
        json.key("breakers").beginArray();
        for (const auto &breaker : report.breakers) {
            json.beginObject()
                .field("callee", std::string_view(breaker.callee))
                .field("state", breakerStateName(breaker.state))
                .endObject();
        }
        json.endArray();
    }
    json.endObject();
    return out;
}

std::string encodeControlRequest(const ControlRequest &request)
{
    std::string out;
    JsonWriter json(out);
    json.beginObject()
        .field("v", protocolVersion)
        .field("id", std::string_view(request.id))
        .field("op", operationName(request.operation))
        .field("service", std::string_view(request.service));
    if (request.percent || request.capacity) {
        json.key("params").beginObject();
        if (request.percent)
            json.field("percent", *request.percent);
        if (request.capacity)
            json.field("capacity", *request.capacity);
        json.endObject();
    }
    json.field("operator", std::string_view(request.operatorName))
        .field("reason", std::string_view(request.reason))
        .field("deadline_unix_ms", request.deadlineUnixMs)
        .endObject();
    return out;
}

std::string encodeControlReply(const ControlReply &reply)
{
    std::string out;
    JsonWriter json(out);
    json.beginObject()
        .field("v", protocolVersion)
        .field("id", std::string_view(reply.id))
        .field("status", reply.status == ControlStatus::Applied ? "applied" : "rejected")
        .field("reason", std::string_view(reply.reason))
        .field("service", std::string_view(reply.service))
        .field("mode", modeName(reply.mode))
        .endObject();
    return out;
}

namespace
{

void writeStringAttribute(JsonWriter &json, std::string_view key, std::string_view value)
{
    json.beginObject().field("key", key).key("value").beginObject().field("stringValue", value).endObject().endObject();
}

void writeSpan(JsonWriter &json, const Span &span)
{
    json.beginObject().field("traceId", std::string_view(span.traceId)).field("spanId", std::string_view(span.spanId));
    if (!span.parentSpanId.empty())
        json.field("parentSpanId", std::string_view(span.parentSpanId));
    json.field("name", std::string_view(span.name)).field("kind", int(span.kind));
    if (span.startUnixNs)
        json.field("startTimeUnixNano", std::to_string(*span.startUnixNs));
    if (span.endUnixNs)
        json.field("endTimeUnixNano", std::to_string(*span.endUnixNs));
    if (!span.peerName.empty()) {
        json.key("attributes").beginArray();
        switch (span.peerKind) {
        case NodeKind::Database:
            writeStringAttribute(json, "db.system", span.peerName);
            break;
        case NodeKind::Broker:
            writeStringAttribute(json, "messaging.system", span.peerName);
            break;
        case NodeKind::External:
            writeStringAttribute(json, "server.address", span.peerName);
            break;
        case NodeKind::Service:
            writeStringAttribute(json, "peer.service", span.peerName);
            break;
        }
        json.endArray();
    }
    json.key("status").beginObject().field("code", span.error ? 2 : 0).endObject();
    json.endObject();
}

} // namespace

std::string encodeOtlpTraces(std::span<const Span> spans)
{
    // Group by resource so that each service and instance is written once, in a stable order.
    std::map<std::pair<std::string_view, std::string_view>, std::vector<const Span *>> resources;
    for (const auto &span : spans)
        resources[{ span.service, span.instance }].push_back(&span);

    std::string out;
    out.reserve(spans.size() * 320 + 64);
    JsonWriter json(out);
    json.beginObject().key("resourceSpans").beginArray();
    for (const auto &[resource, members] : resources) {
        json.beginObject().key("resource").beginObject().key("attributes").beginArray();
        writeStringAttribute(json, "service.name", resource.first);
        if (!resource.second.empty())
            writeStringAttribute(json, "service.instance.id", resource.second);
        json.endArray().endObject();
        json.key("scopeSpans").beginArray().beginObject();
        json.key("scope").beginObject().field("name", "faultline").endObject();
        json.key("spans").beginArray();
        for (const Span *span : members)
            writeSpan(json, *span);
        json.endArray().endObject().endArray().endObject();
    }
    json.endArray().endObject();
    return out;
}

} // namespace faultline::wire
