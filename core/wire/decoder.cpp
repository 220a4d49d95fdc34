// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoder.h"

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

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 200)));
}

// Runs @p handle(key, value) on each field of @p obj; stops at the first Error it returns.
template<typename Handler>
std::optional<Error> forEachField(object obj, Handler &&handle)
{
    for (auto [key, value] : obj) {
        if (auto error = handle(key, value))
            return error;
    }
    return std::nullopt;
}

std::optional<Error> openObject(JsonValue value, std::string_view fieldName, object &out)
{
    if (value.get_object().get(out))
        return fieldError(fieldName, tr("must be an object (got %1)").arg(jsonTypeName(value.type())));
    return std::nullopt;
}

std::optional<Error> openArray(JsonValue value, std::string_view fieldName, array &out)
{
    if (value.get_array().get(out))
        return fieldError(fieldName, tr("must be an array (got %1)").arg(jsonTypeName(value.type())));
    return std::nullopt;
}

// Parses a document and hands each field of its top-level object to @p handle.
template<typename Handler>
std::optional<Error> parseObjectDocument(simdjson::dom::parser &parser, PaddedBuffer &buffer, std::string_view json,
                                         Handler &&handle)
{
    if (json.size() > maxPayloadBytes)
        return Error {tr("message of %1 bytes is larger than the limit of %2 bytes").arg(json.size()).arg(maxPayloadBytes),
                      {}};
    JsonValue doc;
    if (auto code = parser.parse(buffer.assign(json), json.size(), false).get(doc))
        return syntaxError(code);
    object root;
    if (doc.get_object().get(root))
        return Error {tr("message must be a JSON object"), {}};
    return forEachField(root, handle);
}

std::optional<Error> checkVersion(JsonValue value)
{
    std::uint64_t version = 0;
    if (auto error = readUint64(value, "v", version))
        return error;
    if (version != std::uint64_t(protocolVersion))
        return fieldError("v",
                          tr("unsupported protocol version %1; this build reads version %2, so upgrade Faultline "
                             "or make the publisher send version %2")
                              .arg(version)
                              .arg(protocolVersion));
    return std::nullopt;
}

std::optional<Error> readServiceName(JsonValue value, std::string_view fieldName, std::string &out)
{
    if (auto error = readString(value, fieldName, out))
        return error;
    if (!isValidServiceName(out))
        return fieldError(fieldName,
                          tr("'%1' is not a valid service name: use 1 to 200 characters of letters, digits and . _ : / -")
                              .arg(fromView(out)));
    return std::nullopt;
}

std::optional<Error> readNonNegative(JsonValue value, std::string_view fieldName, double &out)
{
    if (auto error = readDouble(value, fieldName, out))
        return error;
    if (out < 0)
        return fieldError(fieldName, tr("must not be negative (got %1)").arg(out));
    return std::nullopt;
}

Error missingField(std::string_view fieldName)
{
    return fieldError(fieldName, tr("is missing"));
}

} // namespace

Result<Envelope> Decoder::envelope(std::string_view json)
{
    Envelope envelope;
    bool hasVersion = false;
    bool hasPublisher = false;
    bool hasSeq = false;
    auto error = parseObjectDocument(m_parser, m_buffer, json, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkVersion(value);
        }
        if (key == "publisher") {
            hasPublisher = true;
            if (auto e = readString(value, key, envelope.publisher))
                return e;
            if (envelope.publisher.empty() || envelope.publisher.size() > 200)
                return fieldError(key, tr("must be 1 to 200 characters"));
            return std::nullopt;
        }
        if (key == "session")
            return readString(value, key, envelope.session);
        if (key == "seq") {
            hasSeq = true;
            if (auto e = readUint64(value, key, envelope.seq))
                return e;
            if (envelope.seq == 0)
                return fieldError(key, tr("must start at 1"));
            return std::nullopt;
        }
        if (key == "sent_unix_ns")
            return readInt64Flexible(value, key, envelope.sentUnixNs);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (!hasPublisher)
        return missingField("publisher");
    if (!hasSeq)
        return missingField("seq");
    return envelope;
}

Result<HealthReport> Decoder::health(std::string_view json)
{
    HealthReport report;
    bool hasService = false;
    bool hasInstance = false;
    bool hasTimestamp = false;

    auto readBreakers = [&](JsonValue value) -> std::optional<Error> {
        array list;
        if (auto e = openArray(value, "breakers", list))
            return e;
        for (JsonValue item : list) {
            object entry;
            if (auto e = openObject(item, "breakers[]", entry))
                return e;
            BreakerReport breaker;
            auto e = forEachField(entry, [&](std::string_view key, JsonValue v) -> std::optional<Error> {
                if (key == "callee")
                    return readServiceName(v, "breakers[].callee", breaker.callee);
                if (key == "state") {
                    std::string name;
                    if (auto se = readString(v, "breakers[].state", name))
                        return se;
                    const auto state = breakerStateFromName(name);
                    if (!state)
                        return fieldError("breakers[].state",
                                          tr("unknown breaker state '%1'; expected closed, open or half_open").arg(fromView(name)));
                    breaker.state = *state;
                }
                return std::nullopt;
            });
            if (e)
                return e;
            if (breaker.callee.empty())
                return missingField("breakers[].callee");
            report.breakers.push_back(std::move(breaker));
        }
        return std::nullopt;
    };

    auto error = parseObjectDocument(m_parser, m_buffer, json, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "service") {
            hasService = true;
            return readServiceName(value, key, report.service);
        }
        if (key == "instance") {
            hasInstance = true;
            if (auto e = readString(value, key, report.instance))
                return e;
            if (report.instance.empty() || report.instance.size() > 200)
                return fieldError(key, tr("must be 1 to 200 characters"));
            return std::nullopt;
        }
        if (key == "timestamp_unix_ns") {
            hasTimestamp = true;
            return readInt64Flexible(value, key, report.timestampUnixNs);
        }
        if (key == "criticality") {
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto criticality = criticalityFromName(name);
            if (!criticality)
                return fieldError(key, tr("unknown criticality '%1'; expected core, important or minor").arg(fromView(name)));
            report.criticality = *criticality;
            return std::nullopt;
        }
        if (key == "interval_ms") {
            std::uint64_t interval = 0;
            if (auto e = readUint64(value, key, interval))
                return e;
            if (interval < 10 || interval > 3'600'000)
                return fieldError(key, tr("must be between 10 and 3600000 milliseconds (got %1)").arg(interval));
            report.intervalMs = std::int64_t(interval);
            return std::nullopt;
        }
        if (key == "mode") {
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto mode = modeFromName(name);
            if (!mode)
                return fieldError(key,
                                  tr("unknown mode '%1'; expected normal, isolated, degraded, ramping or shedding")
                                      .arg(fromView(name)));
            report.mode = *mode;
            return std::nullopt;
        }
        if (key == "ramp_percent") {
            double percent = 0;
            if (auto e = readNonNegative(value, key, percent))
                return e;
            if (percent > 100)
                return fieldError(key, tr("must be between 0 and 100 (got %1)").arg(percent));
            report.rampPercent = percent;
            return std::nullopt;
        }
        if (key == "shed_capacity") {
            double capacity = 0;
            if (auto e = readNonNegative(value, key, capacity))
                return e;
            report.shedCapacity = capacity;
            return std::nullopt;
        }
        if (key == "rps")
            return readNonNegative(value, key, report.rps);
        if (key == "error_rate") {
            if (auto e = readNonNegative(value, key, report.errorRate))
                return e;
            if (report.errorRate > 1)
                return fieldError(key, tr("is a share between 0 and 1 (got %1)").arg(report.errorRate));
            return std::nullopt;
        }
        if (key == "latency_p50_ms")
            return readNonNegative(value, key, report.latencyP50Ms);
        if (key == "latency_p95_ms")
            return readNonNegative(value, key, report.latencyP95Ms);
        if (key == "latency_p99_ms")
            return readNonNegative(value, key, report.latencyP99Ms);
        if (key == "in_flight")
            return readNonNegative(value, key, report.inFlight);
        if (key == "capacity")
            return readNonNegative(value, key, report.capacity);
        if (key == "fallbacks")
            return readUint64(value, key, report.fallbacks);
        if (key == "shed")
            return readUint64(value, key, report.shed);
        if (key == "cache_age_ms") {
            double age = 0;
            if (auto e = readNonNegative(value, key, age))
                return e;
            report.cacheAgeMs = age;
            return std::nullopt;
        }
        if (key == "breakers")
            return readBreakers(value);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasService)
        return missingField("service");
    if (!hasInstance)
        return missingField("instance");
    if (!hasTimestamp)
        return missingField("timestamp_unix_ns");
    return report;
}

Result<ControlRequest> Decoder::controlRequest(std::string_view json)
{
    ControlRequest request;
    bool hasVersion = false;
    bool hasOperation = false;
    bool hasDeadline = false;
    auto error = parseObjectDocument(m_parser, m_buffer, json, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkVersion(value);
        }
        if (key == "id")
            return readString(value, key, request.id);
        if (key == "op") {
            hasOperation = true;
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto operation = operationFromName(name);
            if (!operation)
                return fieldError(key,
                                  tr("unknown operation '%1'; expected isolate, degrade, shed, ramp or restore")
                                      .arg(fromView(name)));
            request.operation = *operation;
            return std::nullopt;
        }
        if (key == "service")
            return readServiceName(value, key, request.service);
        if (key == "operator")
            return readString(value, key, request.operatorName);
        if (key == "reason")
            return readString(value, key, request.reason);
        if (key == "deadline_unix_ms") {
            hasDeadline = true;
            return readInt64Flexible(value, key, request.deadlineUnixMs);
        }
        if (key == "params") {
            object params;
            if (auto e = openObject(value, key, params))
                return e;
            return forEachField(params, [&](std::string_view name, JsonValue v) -> std::optional<Error> {
                double number = 0;
                if (name == "percent") {
                    if (auto e = readNonNegative(v, "params.percent", number))
                        return e;
                    request.percent = number;
                } else if (name == "capacity") {
                    if (auto e = readNonNegative(v, "params.capacity", number))
                        return e;
                    request.capacity = number;
                }
                return std::nullopt;
            });
        }
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (request.id.empty() || request.id.size() > 128)
        return fieldError("id", tr("must be 1 to 128 characters"));
    if (!hasOperation)
        return missingField("op");
    if (request.service.empty())
        return missingField("service");
    if (!hasDeadline)
        return missingField("deadline_unix_ms");
    if (request.operation == ControlOperation::Ramp && (!request.percent || *request.percent > 100))
        return fieldError("params.percent", tr("ramp needs a percent between 0 and 100"));
    if (request.operation == ControlOperation::Shed && (!request.capacity || *request.capacity < 1))
        return fieldError("params.capacity", tr("shed needs a capacity of at least 1 in-flight request"));
    return request;
}

Result<ControlReply> Decoder::controlReply(std::string_view json)
{
    ControlReply reply;
    bool hasVersion = false;
    bool hasStatus = false;
    auto error = parseObjectDocument(m_parser, m_buffer, json, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkVersion(value);
        }
        if (key == "id")
            return readString(value, key, reply.id);
        if (key == "status") {
            hasStatus = true;
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            if (name == "applied")
                reply.status = ControlStatus::Applied;
            else if (name == "rejected")
                reply.status = ControlStatus::Rejected;
            else
                return fieldError(key, tr("unknown status '%1'; expected applied or rejected").arg(fromView(name)));
            return std::nullopt;
        }
        if (key == "reason")
            return readString(value, key, reply.reason);
        if (key == "service")
            return readString(value, key, reply.service);
        if (key == "mode") {
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto mode = modeFromName(name);
            if (!mode)
                return fieldError(key, tr("unknown mode '%1'").arg(fromView(name)));
            reply.mode = *mode;
        }
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (reply.id.empty())
        return missingField("id");
    if (!hasStatus)
        return missingField("status");
    return reply;
}

} // namespace faultline::wire
