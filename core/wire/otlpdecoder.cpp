// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decoder::traces: the OTLP/JSON half of the decoder, kept apart because of its size.
#include "decoder.h"

#include <charconv>

#include <QCoreApplication>

#include "traces/spanid.h"
#include "wire/protocol.h"

namespace faultline::wire {
namespace {

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
    if (value.get_array().get(list))
        return fieldError("attributes", tr("must be an array of {\"key\", \"value\"} objects"));
    for (JsonValue itemValue : list) {
        object item;
        if (itemValue.get_object().get(item))
            return fieldError("attributes[]", tr("must be an object with key and value"));
        std::string key;
        std::string text;
        for (auto [name, value] : item) {
            if (name == "key") {
                if (auto e = readString(value, "attributes[].key", key))
                    return e;
            } else if (name == "value") {
                if (auto e = readAnyValueText(value, "attributes[].value", text))
                    return e;
            }
        }
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
        {"UNSPECIFIED", SpanKind::Unspecified}, {"INTERNAL", SpanKind::Internal}, {"SERVER", SpanKind::Server},
        {"CLIENT", SpanKind::Client},           {"PRODUCER", SpanKind::Producer}, {"CONSUMER", SpanKind::Consumer},
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

std::optional<Error> readKind(JsonValue value, SpanKind &kind)
{
    const auto type = value.type();
    if (type == element_type::INT64 || type == element_type::UINT64 || type == element_type::DOUBLE) {
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
    if (value.get_object().get(status))
        return fieldError("status", tr("must be an object"));
    for (auto [key, code] : status) {
        if (key != "code")
            continue;
        const auto type = code.type();
        if (type == element_type::INT64 || type == element_type::UINT64 || type == element_type::DOUBLE) {
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

// Reads one span object; an Error with an empty `where` is a structural fault of the document,
// while an id problem names its field and only costs this span.
std::optional<Error> readSpan(object spanObject, Span &span)
{
    SpanAttributes attributes;
    std::string traceId;
    std::string spanId;
    std::string parentId;
    for (auto [key, value] : spanObject) {
        std::optional<Error> e;
        if (key == "traceId")
            e = readString(value, key, traceId);
        else if (key == "spanId")
            e = readString(value, key, spanId);
        else if (key == "parentSpanId")
            e = readString(value, key, parentId);
        else if (key == "name")
            e = readString(value, key, span.name);
        else if (key == "kind")
            e = readKind(value, span.kind);
        else if (key == "startTimeUnixNano") {
            std::int64_t time = 0;
            e = readInt64Flexible(value, key, time);
            if (!e && time > 0)
                span.startUnixNs = time;
        } else if (key == "endTimeUnixNano") {
            std::int64_t time = 0;
            e = readInt64Flexible(value, key, time);
            if (!e && time > 0)
                span.endUnixNs = time;
        } else if (key == "attributes")
            e = readAttributes(value, attributes);
        else if (key == "status")
            e = readStatus(value, span.error);
        if (e)
            return e;
    }

    const auto normalizedTrace = normalizeTraceId(traceId);
    if (!normalizedTrace)
        return fieldError("traceId", tr("'%1' is not a hex or base64 trace id of up to 16 bytes").arg(QString::fromStdString(traceId.substr(0, 64))));
    const auto normalizedSpan = normalizeSpanId(spanId);
    if (!normalizedSpan)
        return fieldError("spanId", tr("'%1' is not a hex or base64 span id of up to 8 bytes").arg(QString::fromStdString(spanId.substr(0, 64))));
    span.traceId = *normalizedTrace;
    span.spanId = *normalizedSpan;
    if (!parentId.empty()) {
        const auto normalizedParent = normalizeSpanId(parentId);
        // An all-zero parent id is how some exporters write "no parent".
        const bool allZero = parentId.find_first_not_of('0') == std::string::npos
            || parentId.find_first_not_of("A=") == std::string::npos;
        if (!normalizedParent && !allZero)
            return fieldError("parentSpanId", tr("'%1' is not a hex or base64 span id").arg(QString::fromStdString(parentId.substr(0, 64))));
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
    if (json.size() > maxPayloadBytes)
        return Error {tr("message of %1 bytes is larger than the limit of %2 bytes").arg(json.size()).arg(maxPayloadBytes), {}};

    JsonValue doc;
    if (auto code = m_parser.parse(m_buffer.assign(json), json.size(), false).get(doc))
        return syntaxError(code);
    object root;
    if (doc.get_object().get(root))
        return Error {tr("trace message must be a JSON object with a resourceSpans array"), {}};

    TraceBatch batch;
    bool sawResourceSpans = false;
    int skippedSpanIndex = 0;

    auto readScopeSpans = [&](array scopes, std::vector<Span> &out) -> std::optional<Error> {
        for (JsonValue scopeValue : scopes) {
            object scope;
            if (scopeValue.get_object().get(scope))
                return fieldError("scopeSpans[]", tr("must be an object"));
            for (auto [key, value] : scope) {
                if (key != "spans")
                    continue;
                array spans;
                if (value.get_array().get(spans))
                    return fieldError("spans", tr("must be an array"));
                for (JsonValue spanValue : spans) {
                    object spanObject;
                    if (spanValue.get_object().get(spanObject))
                        return fieldError("spans[]", tr("must be an object"));
                    Span span;
                    auto error = readSpan(spanObject, span);
                    ++skippedSpanIndex;
                    if (error && error->where.isEmpty())
                        return error;
                    if (error) {
                        error->message = tr("span %1: %2").arg(skippedSpanIndex).arg(error->message);
                        batch.skipped.push_back(std::move(*error));
                        continue;
                    }
                    out.push_back(std::move(span));
                }
            }
        }
        return std::nullopt;
    };

    auto readResource = [&](object resourceSpans) -> std::optional<Error> {
        ResourceContext context;
        std::vector<Span> spans;
        for (auto [key, value] : resourceSpans) {
            if (key == "resource") {
                object resource;
                if (value.get_object().get(resource))
                    return fieldError("resource", tr("must be an object"));
                for (auto [name, attributeList] : resource) {
                    if (name != "attributes")
                        continue;
                    SpanAttributes attributes;
                    if (auto e = readAttributes(attributeList, attributes))
                        return e;
                    context.service = std::move(attributes.serviceName);
                    context.instance = std::move(attributes.instance);
                }
            } else if (key == "scopeSpans" || key == "instrumentationLibrarySpans") {
                array scopes;
                if (value.get_array().get(scopes))
                    return fieldError(key, tr("must be an array"));
                if (auto e = readScopeSpans(scopes, spans))
                    return e;
            }
        }
        // The resource may follow its spans in the document, so apply it once the object is read.
        for (auto &span : spans) {
            span.service = context.service;
            if (span.instance.empty())
                span.instance = context.instance;
            batch.spans.push_back(std::move(span));
        }
        return std::nullopt;
    };

    for (auto [key, value] : root) {
        if (key != "resourceSpans" && key != "batches")
            continue;
        sawResourceSpans = true;
        array resources;
        if (value.get_array().get(resources))
            return fieldError(key, tr("must be an array"));
        for (JsonValue resourceValue : resources) {
            object resource;
            if (resourceValue.get_object().get(resource))
                return fieldError("resourceSpans[]", tr("must be an object"));
            if (auto e = readResource(resource))
                return *e;
        }
    }
    if (!sawResourceSpans)
        return fieldError("resourceSpans", tr("is missing; an OTLP/JSON trace export has resourceSpans (or batches)"));
    return batch;
}

} // namespace faultline::wire
