// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jaegerspanreader.h"

#include <QCoreApplication>

#include "traces/jsonvalues.h"
#include "traces/spanfields.h"

namespace faultline::jaeger
{

namespace
{

using simdjson::dom::element;
using simdjson::dom::object;

QString tr(const char *text)
{
    return QCoreApplication::translate("JaegerSpanReader", text);
}

Error fieldError(const char *field, const QString &problem)
{
    return Error { tr("field '%1': %2").arg(QLatin1String(field), problem), QLatin1String(field) };
}

// Tags that matter for the graph, from a tags array or an Elasticsearch "tag" map.
struct TagReader {
    PeerAttributes peer;
    std::optional<SpanKind> kind;
    bool error = false;
    std::string instance;

    void take(std::string_view key, element value)
    {
        if (key == "error") {
            error = error || jsonvalues::isTrue(value);
            return;
        }
        const auto text = jsonvalues::scalarText(value);
        if (!text)
            return;
        if (key == "span.kind")
            kind = parseSpanKind(*text);
        else if (key == "otel.status_code")
            error = error || *text == "ERROR";
        else if (key == "hostname" || (key == "ip" && instance.empty()))
            instance = *text;
        else
            peer.consider(key, *text);
    }

    void takeArray(element tags)
    {
        simdjson::dom::array list;
        if (tags.get_array().get(list))
            return;
        for (element tag : list) {
            std::string_view key;
            element value;
            if (tag.at_key("key").get_string().get(key) || tag.at_key("value").get(value))
                continue;
            take(key, value);
        }
    }

    void takeMap(element tags)
    {
        object map;
        if (tags.get_object().get(map))
            return;
        for (auto [key, value] : map) {
            std::string dotted(key);
            std::replace(dotted.begin(), dotted.end(), '@', '.');
            take(dotted, value);
        }
    }
};

Process readProcess(element value)
{
    Process process;
    object fields;
    if (value.get_object().get(fields))
        return process;
    TagReader tags;
    for (auto [key, field] : fields) {
        if (key == "serviceName")
            process.service = jsonvalues::text(field).value_or(std::string_view());
        else if (key == "tags")
            tags.takeArray(field);
        else if (key == "tag")
            tags.takeMap(field);
    }
    process.instance = tags.instance;
    return process;
}

std::string_view stringField(element value, const char *key)
{
    std::string_view out;
    if (value.at_key(key).get_string().get(out))
        return {};
    return out;
}

// The parent reference: CHILD_OF within the trace first, then any reference within the trace.
std::string_view parentFromReferences(element references, std::string_view traceId)
{
    simdjson::dom::array list;
    if (references.get_array().get(list))
        return {};
    std::string_view fallback;
    for (element reference : list) {
        const std::string_view refType = stringField(reference, "refType");
        const std::string_view refTrace = stringField(reference, "traceID");
        const std::string_view refSpan = stringField(reference, "spanID");
        if (refSpan.empty())
            continue;
        if (!refTrace.empty() && normalizeImportedTraceId(refTrace) != normalizeImportedTraceId(traceId))
            continue;
        if (refType == "CHILD_OF" || refType.empty())
            return refSpan;
        if (fallback.empty())
            fallback = refSpan;
    }
    return fallback;
}

} // namespace

std::optional<Error> readProcesses(element value, Processes &processes)
{
    object map;
    if (value.get_object().get(map))
        return fieldError("processes", tr("must be an object of processes"));
    for (auto [key, process] : map)
        processes[std::string(key)] = readProcess(process);
    return std::nullopt;
}

std::optional<Error> readSpan(element value, Span &span, std::string &processId)
{
    object fields;
    if (value.get_object().get(fields))
        return Error { tr("a Jaeger span must be a JSON object"), {} };

    std::string_view traceId;
    std::string_view spanId;
    std::string_view parentId;
    element references;
    bool hasReferences = false;
    std::optional<std::int64_t> startUs;
    std::optional<std::int64_t> durationUs;
    TagReader tags;
    for (auto [key, field] : fields) {
        if (key == "traceID") {
            traceId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "spanID") {
            spanId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "parentSpanID") {
            parentId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "references") {
            references = field;
            hasReferences = true;
        } else if (key == "operationName") {
            span.name = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "startTime") {
            startUs = jsonvalues::integer(field);
        } else if (key == "duration") {
            durationUs = jsonvalues::integer(field);
        } else if (key == "tags") {
            tags.takeArray(field);
        } else if (key == "tag") {
            tags.takeMap(field);
        } else if (key == "processID") {
            processId = jsonvalues::text(field).value_or(std::string_view());
        } else if (key == "process") {
            const Process process = readProcess(field);
            span.service = process.service;
            span.instance = process.instance;
        }
    }

    if (hasReferences) {
        if (const std::string_view fromReferences = parentFromReferences(references, traceId); !fromReferences.empty())
            parentId = fromReferences;
    }
    if (auto error = assignSpanIds(span, traceId, spanId, parentId, { "traceID", "spanID", "references" }))
        return error;
    if (startUs && *startUs > 0) {
        span.startUnixNs = *startUs * 1000;
        if (durationUs)
            span.endUnixNs = *span.startUnixNs + *durationUs * 1000;
    }
    span.kind = tags.kind.value_or(SpanKind::Unspecified);
    span.error = tags.error;
    if (span.kind != SpanKind::Server)
        tags.peer.applyTo(span);
    return std::nullopt;
}

std::optional<Error> readDependency(element value, DependencyLink &link)
{
    object fields;
    if (value.get_object().get(fields))
        return Error { tr("a dependency link must be a JSON object"), {} };
    for (auto [key, field] : fields) {
        if (key == "parent")
            link.parent = jsonvalues::text(field).value_or(std::string_view());
        else if (key == "child")
            link.child = jsonvalues::text(field).value_or(std::string_view());
        else if (key == "callCount")
            link.calls = std::uint64_t(std::max<std::int64_t>(0, jsonvalues::integer(field).value_or(0)));
        else if (key == "errorCount")
            link.errors = std::uint64_t(std::max<std::int64_t>(0, jsonvalues::integer(field).value_or(0)));
    }
    if (link.parent.empty())
        return fieldError("parent", tr("is missing or not a string"));
    if (link.child.empty())
        return fieldError("child", tr("is missing or not a string"));
    return std::nullopt;
}

} // namespace faultline::jaeger
