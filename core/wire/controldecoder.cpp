// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decoder::controlRequest and Decoder::controlReply.
#include "decoder.h"

#include <QCoreApplication>

#include "wire/protocol.h"

namespace faultline::wire
{
namespace
{

using simdjson::dom::object;

QString tr(const char *text)
{
    return QCoreApplication::translate("wire", text);
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 200)));
}

std::optional<Error> readParams(JsonValue value, ControlRequest &request)
{
    object params;
    if (auto e = openObject(value, "params", params))
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

} // namespace

Result<ControlRequest> Decoder::controlRequest(std::string_view json)
{
    object root;
    if (auto error = parseObject(m_parser, m_buffer, json, root))
        return *error;

    ControlRequest request;
    bool hasVersion = false;
    bool hasId = false;
    bool hasOperation = false;
    bool hasService = false;
    bool hasDeadline = false;
    auto error = forEachField(root, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkProtocolVersion(value);
        }
        if (key == "id") {
            hasId = true;
            return readBoundedString(value, key, 1, 128, request.id);
        }
        if (key == "op") {
            hasOperation = true;
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto operation = operationFromName(name);
            if (!operation)
                return fieldError(key,
                    tr("unknown operation '%1'; expected isolate, degrade, shed, ramp or restore").arg(fromView(name)));
            request.operation = *operation;
            return std::nullopt;
        }
        if (key == "service") {
            hasService = true;
            return readServiceName(value, key, request.service);
        }
        if (key == "operator")
            return readString(value, key, request.operatorName);
        if (key == "reason")
            return readString(value, key, request.reason);
        if (key == "deadline_unix_ms") {
            hasDeadline = true;
            return readUnixTime(value, key, request.deadlineUnixMs);
        }
        if (key == "params")
            return readParams(value, request);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (!hasId)
        return missingField("id");
    if (!hasOperation)
        return missingField("op");
    if (!hasService)
        return missingField("service");
    if (!hasDeadline)
        return missingField("deadline_unix_ms");
    if (request.operation == ControlOperation::Ramp && !request.percent)
        return fieldError("params.percent", tr("is missing; ramp needs a percent between 0 and 100"));
    if (request.operation == ControlOperation::Ramp && *request.percent > 100)
        return fieldError("params.percent", tr("must be between 0 and 100 (got %1)").arg(*request.percent));
    if (request.operation == ControlOperation::Shed && (!request.capacity || *request.capacity < 1))
        return fieldError("params.capacity", tr("shed needs a capacity of at least 1 in-flight request"));
    return request;
}

Result<ControlReply> Decoder::controlReply(std::string_view json)
{
    object root;
    if (auto error = parseObject(m_parser, m_buffer, json, root))
        return *error;

    ControlReply reply;
    bool hasVersion = false;
    bool hasId = false;
    bool hasStatus = false;
    auto error = forEachField(root, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkProtocolVersion(value);
        }
        if (key == "id") {
            hasId = true;
            // Empty when the agent could not read the request's id, and the reason then says why.
            return readBoundedString(value, key, 0, 128, reply.id);
        }
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
        if (key == "mode")
            return readMode(value, key, reply.mode);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (!hasId)
        return missingField("id");
    if (!hasStatus)
        return missingField("status");
    return reply;
}

} // namespace faultline::wire
