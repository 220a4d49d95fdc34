// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataprepperreader.h"

#include <QCoreApplication>

#include "traces/jsonvalues.h"
#include "traces/spanfields.h"

namespace faultline::dataprepper
{

namespace
{

using simdjson::dom::element;
using simdjson::dom::object;

QString tr(const char *text)
{
    return QCoreApplication::translate("DataPrepperReader", text);
}

Error fieldError(const char *field, const QString &problem)
{
    return Error { tr("field '%1': %2").arg(QLatin1String(field), problem), QLatin1String(field) };
}

// Data Prepper writes attribute keys with '@' in place of '.' in its flat documents.
std::string dotted(std::string_view key)
{
    std::string out(key);
    std::replace(out.begin(), out.end(), '@', '.');
    return out;
}

bool isErrorStatus(element code)
{
    if (const auto number = jsonvalues::integer(code))
        return *number == 2;
    const auto text = jsonvalues::text(code);
    return text && (*text == "STATUS_CODE_ERROR" || *text == "ERROR");
}

void readAttributeMap(element value, PeerAttributes &peer, std::string *serviceName)
{
    object map;
    if (value.get_object().get(map))
        return;
    for (auto [key, field] : map) {
        const auto text = jsonvalues::scalarText(field);
        if (!text)
            continue;
        const std::string name = dotted(key);
        if (name == "service.name" && serviceName && serviceName->empty())
            *serviceName = *text;
        else
            peer.consider(name, *text);
    }
}

std::string nodeName(element node)
{
    element name;
    if (node.at_key("keyAttributes").at_key("name").get(name))
        return {};
    return std::string(jsonvalues::text(name).value_or(std::string_view()));
}

} // namespace

std::optional<Error> readSpan(element value, Span &span)
{
    object fields;
    if (value.get_object().get(fields))
        return Error { tr("a Data Prepper span document must be a JSON object"), {} };

    std::string_view traceId;
    std::string_view spanId;
    std::string_view parentId;
    std::optional<std::int64_t> durationNs;
    std::string resourceService;
    PeerAttributes peer;
    for (auto [key, field] : fields) {
        if (key == "traceId") {
            traceId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "spanId") {
            spanId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "parentSpanId") {
            parentId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "name") {
            span.name = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "kind") {
            if (const auto text = jsonvalues::scalarText(field))
                span.kind = parseSpanKind(*text).value_or(SpanKind::Unspecified);
        } else if (key == "serviceName") {
            span.service = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "startTime") {
            span.startUnixNs = parseRfc3339Nanos(jsonvalues::text(field).value_or(std::string_view()));
        } else if (key == "endTime") {
            span.endUnixNs = parseRfc3339Nanos(jsonvalues::text(field).value_or(std::string_view()));
        } else if (key == "durationInNanos") {
            durationNs = jsonvalues::integer(field);
        } else if (key == "status.code") {
            span.error = isErrorStatus(field);
        } else if (key == "status") {
            element code;
            if (!field.at_key("code").get(code))
                span.error = isErrorStatus(code);
        } else if (key == "attributes") {
            readAttributeMap(field, peer, nullptr);
        } else if (key == "resource") {
            element attributes;
            if (!field.at_key("attributes").get(attributes))
                readAttributeMap(attributes, peer, &resourceService);
        } else if (key.starts_with("span.attributes.")) {
            if (const auto text = jsonvalues::scalarText(field))
                peer.consider(dotted(key.substr(16)), *text);
        } else if (key == "resource.attributes.service@name") {
            resourceService = jsonvalues::text(field).value_or(std::string_view());
        }
    }

    if (auto error = assignSpanIds(span, traceId, spanId, parentId, { "traceId", "spanId", "parentSpanId" }))
        return error;
    if (span.service.empty())
        span.service = resourceService;
    if (span.startUnixNs && !span.endUnixNs && durationNs)
        span.endUnixNs = *span.startUnixNs + *durationNs;
    if (span.kind != SpanKind::Server)
        peer.applyTo(span);
    return std::nullopt;
}

std::optional<Error> readServiceMapEntry(element value, DependencyLink &link, bool &isEdge)
{
    isEdge = false;
    object fields;
    if (value.get_object().get(fields))
        return Error { tr("a service map document must be a JSON object"), {} };

    element source;
    element target;
    if (!value.at_key("sourceNode").get(source) && !value.at_key("targetNode").get(target)) {
        link.parent = nodeName(source);
        link.child = nodeName(target);
        if (link.parent.empty() || link.child.empty())
            return fieldError("sourceNode", tr("sourceNode and targetNode need keyAttributes.name"));
        isEdge = true;
        return std::nullopt;
    }

    element service;
    if (value.at_key("serviceName").get(service) || !jsonvalues::text(service))
        return fieldError("serviceName", tr("is missing or not a string"));
    link.parent = *jsonvalues::text(service);
    element destination;
    if (!value.at_key("destination").get(destination) && !destination.is_null()) {
        element domain;
        if (destination.at_key("domain").get(domain) || !jsonvalues::text(domain))
            return fieldError("destination", tr("needs a domain naming the called service"));
        link.child = *jsonvalues::text(domain);
        isEdge = true;
    }
    return std::nullopt;
}

} // namespace faultline::dataprepper
