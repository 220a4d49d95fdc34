// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipkinspanreader.h"

#include <QCoreApplication>

#include "traces/jsonvalues.h"
#include "traces/spanfields.h"

namespace faultline::zipkin
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ZipkinSpanReader", text);
}

Error fieldError(const char *field, const QString &problem)
{
    return Error { tr("field '%1': %2").arg(QLatin1String(field), problem), QLatin1String(field) };
}

std::string endpointService(simdjson::dom::element endpoint)
{
    simdjson::dom::element name;
    if (endpoint.at_key("serviceName").get(name))
        return {};
    return std::string(jsonvalues::text(name).value_or(std::string_view()));
}

} // namespace

std::optional<Error> readSpan(simdjson::dom::element element, Span &span)
{
    simdjson::dom::object object;
    if (element.get_object().get(object))
        return Error { tr("a Zipkin span must be a JSON object"), {} };

    std::string_view traceId;
    std::string_view spanId;
    std::string_view parentId;
    PeerAttributes peer;
    std::string remoteService;
    std::optional<std::int64_t> timestampUs;
    std::optional<std::int64_t> durationUs;
    for (auto [key, value] : object) {
        if (key == "traceId") {
            traceId = jsonvalues::text(value).value_or(std::string_view());
        } else if (key == "id") {
            spanId = jsonvalues::text(value).value_or(std::string_view());
        } else if (key == "parentId") {
            parentId = jsonvalues::text(value).value_or(std::string_view());
        } else if (key == "name") {
            span.name = jsonvalues::text(value).value_or(std::string_view());
        } else if (key == "kind") {
            const auto kind = jsonvalues::text(value);
            const auto parsed = kind ? parseSpanKind(*kind) : std::nullopt;
            if (!parsed && !value.is_null())
                return fieldError("kind", tr("unknown span kind '%1'").arg(jsonvalues::quoted(kind.value_or("?"))));
            span.kind = parsed.value_or(SpanKind::Unspecified);
        } else if (key == "timestamp") {
            timestampUs = jsonvalues::integer(value);
        } else if (key == "duration") {
            durationUs = jsonvalues::integer(value);
        } else if (key == "localEndpoint") {
            span.service = endpointService(value);
        } else if (key == "remoteEndpoint") {
            remoteService = endpointService(value);
            peer.setRemoteService(remoteService);
        } else if (key == "shared") {
            span.shared = jsonvalues::isTrue(value);
        } else if (key == "tags") {
            simdjson::dom::object tags;
            if (value.get_object().get(tags))
                continue;
            for (auto [tagKey, tagValue] : tags) {
                // Zipkin marks a failed span by the presence of the "error" tag, whatever its value.
                if (tagKey == "error")
                    span.error = true;
                if (const auto tagText = jsonvalues::text(tagValue))
                    peer.consider(tagKey, *tagText);
            }
        }
    }

    if (auto error = assignSpanIds(span, traceId, spanId, parentId, { "traceId", "id", "parentId" }))
        return error;
    if (timestampUs && *timestampUs > 0) {
        span.startUnixNs = *timestampUs * 1000;
        if (durationUs)
            span.endUnixNs = *span.startUnixNs + *durationUs * 1000;
    }
    // As in Zipkin itself, a span without a kind but with both endpoints named is a client span.
    if (span.kind == SpanKind::Unspecified && !span.service.empty() && !remoteService.empty())
        span.kind = SpanKind::Client;
    // Only the side that calls out names its callee; a SERVER span's remoteEndpoint is its caller.
    if (span.kind != SpanKind::Server)
        peer.applyTo(span);
    return std::nullopt;
}

} // namespace faultline::zipkin
