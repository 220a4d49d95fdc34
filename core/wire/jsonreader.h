// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "common/result.h"

namespace faultline::wire {

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

/** An Error for a document simdjson could not parse, with its own description. */
Error syntaxError(simdjson::error_code code);

QString jsonTypeName(simdjson::dom::element_type type);

// Each reader returns an Error that names @p field when the value has the wrong type or range.
std::optional<Error> readString(JsonValue value, std::string_view field, std::string &out);
std::optional<Error> readDouble(JsonValue value, std::string_view field, double &out);
std::optional<Error> readBool(JsonValue value, std::string_view field, bool &out);
std::optional<Error> readUint64(JsonValue value, std::string_view field, std::uint64_t &out);
// Accepts a JSON integer or a string of decimal digits, as OTLP/JSON writes 64-bit integers.
std::optional<Error> readInt64Flexible(JsonValue value, std::string_view field, std::int64_t &out);

} // namespace faultline::wire
