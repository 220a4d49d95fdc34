// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decoder::traces: the OTLP/JSON half of the decoder, kept apart because of its size.
#include "decoder.h"

#include <QCoreApplication>

#include "traces/spanid.h"
#include "wire/protocol.h"

namespace faultline::wire
{
namespace
{

using simdjson::dom::array;
using simdjson::dom::element_type;
using simdjson::dom::object;

QString tr(const char *text)
{
    return QCoreApplication::translate("wire", text);
}

// Attributes that name a span's callee or mark it failed; the rest are skipped.
struct SpanAttributes {
    std::string peerService;
    std::string serverAddress;
    std::string dbSystem;
    std::string messagingSystem;
    std::string instance;
    std::string serviceName;
    bool error = false;
};

// Reads an OTLP AnyValue as text: strings as they are, numbers and booleans spelled out.
std::optional<Error> readAnyValueText(JsonValue value, std::string_view fieldName, std::string &out)
{
    object any;
    if (value.get_object().get(any))
        return fieldError(fieldName, tr("must be an AnyValue object such as {\"stringValue\": \"...\"}"));
    for (auto [key, inner] : any) {
        if (inner.is_null())
            continue;
        if (key == "stringValue") {
            if (auto e = readString(inner, fieldName, out))
                return e;
        } else if (key == "boolValue") {
            bool flag = false;
            if (auto e = readBool(inner, fieldName, flag))
                return e;
            out = flag ? "true" : "false";
        } else if (key == "intValue") {
            std::int64_t number = 0;
            if (auto e = readInt64Flexible(inner, fieldName, number))
                return e;
            out = std::to_string(number);
        } else if (key == "doubleValue") {
            double number = 0;
            if (auto e = readDouble(inner, fieldName, number))
                return e;
            out = std::to_string(number);
        }
    }
    return std::nullopt;
}

std::optional<Error> readAttributes(JsonValue value, SpanAttributes &attributes)
{
    array list;
    if (auto e = openArray(value, "attributes", list))
        return e;
    for (JsonValue itemValue : list) {
        object item;
        if (auto e = openObject(itemValue, "attributes[]", item))
            return e;
        std::string key;
        std::string text;
        auto e = forEachField(item, [&](std::string_view name, JsonValue v) -> std::optional<Error> {
            if (name == "key")
                return readString(v, "attributes[].key", key);
            if (name == "value")
                return readAnyValueText(v, "attributes[].value", text);
            return std::nullopt;
        });
        if (e)
            return e;
        if (key == "service.name")
            attributes.serviceName = text;
        else if (key == "service.instance.id" || (key == "host.name" && attributes.instance.empty()))
            attributes.instance = text;
        else if (key == "peer.service")
            attributes.peerService = text;
        else if (key == "server.address" || (key == "net.peer.name" && attributes.serverAddress.empty()))
            attributes.serverAddress = text;
        else if (key == "db.system")
            attributes.dbSystem = text;
        else if (key == "messaging.system")
            attributes.messagingSystem = text;
        else if (key == "error")
            attributes.error = attributes.error || text == "true";
    }
    return std::nullopt;
}

std::optional<SpanKind> spanKindFromText(std::string_view text)
{
    if (text.starts_with("SPAN_KIND_"))
        text.remove_prefix(10);
    static constexpr std::pair<std::string_view, SpanKind> names[] = {
        { "UNSPECIFIED", SpanKind::Unspecified },
        { "INTERNAL", SpanKind::Internal },
        { "SERVER", SpanKind::Server },
        { "CLIENT", SpanKind::Client },
        { "PRODUCER", SpanKind::Producer },
        { "CONSUMER", SpanKind::Consumer },
    };
    for (const auto &[name, kind] : names) {
        if (text.size() != name.size())
            continue;
        bool equal = true;
        for (std::size_t i = 0; i < text.size() && equal; ++i)
            equal = (text[i] & ~0x20) == name[i];
        if (equal)
            return kind;
    }
    return std::nullopt;
}

bool isNumber(JsonValue value)
{
    const auto type = value.type();
    return type == element_type::INT64 || type == element_type::UINT64 || type == element_type::DOUBLE;
}

// Protobuf's JSON mapping writes an enum as its number or as its name.
std::optional<Error> checkNumberOrName(JsonValue value, std::string_view field)
{
    if (isNumber(value) || value.type() == element_type::STRING)
        return std::nullopt;
    return fieldError(field, tr("must be a number or a string (got %1)").arg(jsonTypeName(value.type())));
}

std::optional<Error> readKind(JsonValue value, SpanKind &kind)
{
    if (auto e = checkNumberOrName(value, "kind"))
        return e;
    if (isNumber(value)) {
        std::uint64_t number = 0;
        if (auto e = readUint64(value, "kind", number))
            return e;
        if (number > 5)
            return fieldError("kind", tr("must be 0 to 5 (got %1)").arg(number));
        kind = SpanKind(number);
        return std::nullopt;
    }
    std::string text;
    if (auto e = readString(value, "kind", text))
        return e;
    const auto parsed = spanKindFromText(text);
    if (!parsed)
        return fieldError("kind", tr("unknown span kind '%1'").arg(QString::fromStdString(text.substr(0, 60))));
    kind = *parsed;
    return std::nullopt;
}

std::optional<Error> readStatus(JsonValue value, bool &error)
{
    object status;
    if (auto e = openObject(value, "status", status))
        return e;
    for (auto [key, code] : status) {
        if (key != "code" || code.is_null())
            continue;
        if (auto e = checkNumberOrName(code, "status.code"))
            return e;
        if (isNumber(code)) {
            std::uint64_t number = 0;
            if (auto e = readUint64(code, "status.code", number))
                return e;
            error = number == 2;
        } else {
            std::string text;
            if (auto e = readString(code, "status.code", text))
                return e;
            error = text == "STATUS_CODE_ERROR" || text == "ERROR" || text == "Error";
        }
    }
    return std::nullopt;
}

// Fills the callee fields from the attributes that name it, most specific first.
void applyPeer(Span &span, const SpanAttributes &attributes)
{
    if (!attributes.peerService.empty()) {
        span.peerName = attributes.peerService;
        span.peerKind = !attributes.dbSystem.empty() ? NodeKind::Database
            : !attributes.messagingSystem.empty()    ? NodeKind::Broker
                                                     : NodeKind::Service;
    } else if (!attributes.dbSystem.empty()) {
        span.peerName = attributes.dbSystem;
        span.peerKind = NodeKind::Database;
    } else if (!attributes.messagingSystem.empty()) {
        span.peerName = attributes.messagingSystem;
        span.peerKind = NodeKind::Broker;
    } else if (!attributes.serverAddress.empty()) {
        span.peerName = attributes.serverAddress;
        span.peerKind = NodeKind::External;
    }
}

std::optional<Error> readSpanTime(JsonValue value, std::string_view field, std::optional<std::int64_t> &out)
{
    std::int64_t time = 0;
    if (auto e = readUnixTime(value, field, time))
        return e;
    // OTLP writes 0 for a time that was not recorded.
    if (time > 0)
        out = time;
    return std::nullopt;
}

Error invalidId(std::string_view field, const std::string &text, const char *expected)
{
    if (text.empty())
        return fieldError(field, tr("is missing or empty"));
    return fieldError(field, tr("'%1' is not %2").arg(QString::fromStdString(text.substr(0, 64)), tr(expected)));
}

// Reads one span object. Every Error names the field at fault and costs only this span.
std::optional<Error> readSpan(object spanObject, Span &span)
{
    SpanAttributes attributes;
    std::string traceId;
    std::string spanId;
    std::string parentId;
    auto e = forEachField(spanObject, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "traceId")
            return readString(value, key, traceId);
        if (key == "spanId")
            return readString(value, key, spanId);
        if (key == "parentSpanId")
            return readString(value, key, parentId);
        if (key == "name")
            return readString(value, key, span.name);
        if (key == "kind")
            return readKind(value, span.kind);
        if (key == "startTimeUnixNano")
            return readSpanTime(value, key, span.startUnixNs);
        if (key == "endTimeUnixNano")
            return readSpanTime(value, key, span.endUnixNs);
        if (key == "attributes")
            return readAttributes(value, attributes);
        if (key == "status")
            return readStatus(value, span.error);
        return std::nullopt;
    });
    if (e)
        return e;

    const auto normalizedTrace = normalizeTraceId(traceId);
    if (!normalizedTrace)
        return invalidId(
            "traceId", traceId, QT_TRANSLATE_NOOP("wire", "a nonzero hex or base64 trace id of up to 16 bytes"));
    const auto normalizedSpan = normalizeSpanId(spanId);
    if (!normalizedSpan)
        return invalidId(
            "spanId", spanId, QT_TRANSLATE_NOOP("wire", "a nonzero hex or base64 span id of up to 8 bytes"));
    span.traceId = *normalizedTrace;
    span.spanId = *normalizedSpan;
    if (!parentId.empty()) {
        const auto normalizedParent = normalizeSpanId(parentId);
        // An all-zero parent id is how some exporters write "no parent".
        const bool allZero = parentId.find_first_not_of('0') == std::string::npos
            || parentId.find_first_not_of("A=") == std::string::npos;
        if (!normalizedParent && !allZero)
            return invalidId(
                "parentSpanId", parentId, QT_TRANSLATE_NOOP("wire", "a hex or base64 span id of up to 8 bytes"));
        if (normalizedParent)
            span.parentSpanId = *normalizedParent;
    }
    span.error = span.error || attributes.error;
    if (!attributes.instance.empty())
        span.instance = attributes.instance;
    applyPeer(span, attributes);
    return std::nullopt;
}

struct ResourceContext {
    std::string service;
    std::string instance;
};

} // namespace

Result<TraceBatch> Decoder::traces(std::string_view json)
{
    object root;
    if (auto error = parseObject(m_parser, m_buffer, json, root))
        return *error;

    TraceBatch batch;
    bool sawResourceSpans = false;
    int spanIndex = 0;

    auto readSpans = [&](JsonValue value, std::vector<Span> &out) -> std::optional<Error> {
        array spans;
        if (auto e = openArray(value, "spans", spans))
            return e;
        for (JsonValue spanValue : spans) {
            object spanObject;
            if (auto e = openObject(spanValue, "spans[]", spanObject))
                return e;
            Span span;
            ++spanIndex;
            if (auto error = readSpan(spanObject, span)) {
                error->message = tr("span %1: %2").arg(spanIndex).arg(error->message);
                batch.skipped.push_back(std::move(*error));
                continue;
            }
            out.push_back(std::move(span));
        }
        return std::nullopt;
    };

    auto readScopeSpans = [&](std::string_view field, array scopes, std::vector<Span> &out) -> std::optional<Error> {
        const std::string itemField = std::string(field) + "[]";
        for (JsonValue scopeValue : scopes) {
            object scope;
            if (auto e = openObject(scopeValue, itemField, scope))
                return e;
            auto e = forEachField(scope, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
                return key == "spans" ? readSpans(value, out) : std::nullopt;
            });
            if (e)
                return e;
        }
        return std::nullopt;
    };

    auto readResource = [&](object resourceSpans) -> std::optional<Error> {
        ResourceContext context;
        std::vector<Span> spans;
        auto e = forEachField(resourceSpans, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
            if (key == "resource") {
                object resource;
                if (auto re = openObject(value, key, resource))
                    return re;
                return forEachField(
                    resource, [&](std::string_view name, JsonValue attributeList) -> std::optional<Error> {
                        if (name != "attributes")
                            return std::nullopt;
                        SpanAttributes attributes;
                        if (auto ae = readAttributes(attributeList, attributes))
                            return ae;
                        context.service = std::move(attributes.serviceName);
                        context.instance = std::move(attributes.instance);
                        return std::nullopt;
                    });
            }
            if (key == "scopeSpans" || key == "instrumentationLibrarySpans") {
                array scopes;
                if (auto se = openArray(value, key, scopes))
                    return se;
                return readScopeSpans(key, scopes, spans);
            }
            return std::nullopt;
        });
        if (e)
            return e;
        // The resource may follow its spans in the document, so apply it once the object is read.
        for (auto &span : spans) {
            span.service = context.service;
            if (span.instance.empty())
                span.instance = context.instance;
            batch.spans.push_back(std::move(span));
        }
        return std::nullopt;
    };

    auto error = forEachField(root, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key != "resourceSpans" && key != "batches")
            return std::nullopt;
        sawResourceSpans = true;
        array resources;
        if (auto e = openArray(value, key, resources))
            return e;
        const std::string itemField = std::string(key) + "[]";
        for (JsonValue resourceValue : resources) {
            object resource;
            if (auto e = openObject(resourceValue, itemField, resource))
                return e;
            if (auto e = readResource(resource))
                return e;
        }
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!sawResourceSpans)
        return fieldError("resourceSpans", tr("is missing; an OTLP/JSON trace export has resourceSpans (or batches)"));
    return batch;
}

} // namespace faultline::wire
