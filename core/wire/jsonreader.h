// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "common/result.h"
#include "wire/healthreport.h"

namespace faultline::wire
{

// The DOM API, not On-Demand: its parsing stages live in libsimdjson and pick the CPU's fastest
// kernel at run time, while On-Demand is inlined and compiled for the baseline x86-64 of a distro build.
using JsonValue = simdjson::dom::element;

/**
 * Copies bytes into storage with the zeroed tail that simdjson reads past the end. One buffer per
 * decoding thread keeps the hot path free of allocations once it has grown to the largest message.
 */
class PaddedBuffer
{
public:
    /** Copies @p bytes and returns their start; the buffer keeps SIMDJSON_PADDING zero bytes after them. */
    const char *assign(std::string_view bytes);

private:
    std::string m_storage;
};

/** An Error about @p field: "field 'rps': must be a number (got string)". */
Error fieldError(std::string_view field, const QString &problem);

/** An Error for a required @p field that is absent or null. */
Error missingField(std::string_view field);

/**
 * An Error for a document simdjson could not parse. It scans @p json for the first fault so that the
 * message gives the byte offset and `where` the field (empty when the fault is outside every field).
 */
Error syntaxError(simdjson::error_code code, std::string_view json);

QString jsonTypeName(simdjson::dom::element_type type);

// Each reader returns an Error that names @p field when the value has the wrong type or range.
std::optional<Error> readString(JsonValue value, std::string_view field, std::string &out);
// Reads a string of @p minBytes to @p maxBytes bytes of UTF-8.
std::optional<Error> readBoundedString(
    JsonValue value, std::string_view field, std::size_t minBytes, std::size_t maxBytes, std::string &out);
std::optional<Error> readServiceName(JsonValue value, std::string_view field, std::string &out);
std::optional<Error> readDouble(JsonValue value, std::string_view field, double &out);
std::optional<Error> readNonNegative(JsonValue value, std::string_view field, double &out);
std::optional<Error> readBool(JsonValue value, std::string_view field, bool &out);
std::optional<Error> readUint64(JsonValue value, std::string_view field, std::uint64_t &out);
// Accepts a JSON integer or a string of decimal digits, as OTLP/JSON writes 64-bit integers.
std::optional<Error> readInt64Flexible(JsonValue value, std::string_view field, std::int64_t &out);
// readInt64Flexible for a time since the Unix epoch, which must not be negative.
std::optional<Error> readUnixTime(JsonValue value, std::string_view field, std::int64_t &out);

/** Reads the `v` field; an Error unless it is protocolVersion. */
std::optional<Error> checkProtocolVersion(JsonValue value);

/** Reads a mode by its wire name (normal, isolated, degraded, ramping, shedding). */
std::optional<Error> readMode(JsonValue value, std::string_view field, ServiceMode &out);

std::optional<Error> openObject(JsonValue value, std::string_view field, simdjson::dom::object &out);
std::optional<Error> openArray(JsonValue value, std::string_view field, simdjson::dom::array &out);

/**
 * Runs @p handle(key, value) on each field of @p object and stops at the first Error it returns.
 * A field whose value is null is skipped: null means the same as leaving the field out.
 */
template<typename Handler> std::optional<Error> forEachField(simdjson::dom::object object, Handler &&handle)
{
    for (auto [key, value] : object) {
        if (value.is_null())
            continue;
        if (auto error = handle(key, value))
            return error;
    }
    return std::nullopt;
}

/** Parses @p json, which must be a JSON object of at most maxPayloadBytes, into @p root. */
std::optional<Error> parseObject(
    simdjson::dom::parser &parser, PaddedBuffer &buffer, std::string_view json, simdjson::dom::object &root);

} // namespace faultline::wire
