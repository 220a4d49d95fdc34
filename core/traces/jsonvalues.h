// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

#include <QString>

// Lenient readers of simdjson DOM values for the trace file formats, which write the same field as a
// number in one exporter and as a string in another.
namespace faultline::jsonvalues
{

/** The text of a string value; nothing for any other type. */
inline std::optional<std::string_view> text(simdjson::dom::element value)
{
    std::string_view out;
    if (value.get_string().get(out))
        return std::nullopt;
    return out;
}

/** A string value, or a number or boolean spelled out; nothing for null, arrays and objects. */
inline std::optional<std::string> scalarText(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::STRING:
        return std::string(value.get_string().value_unsafe());
    case simdjson::dom::element_type::INT64:
        return std::to_string(value.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return std::to_string(value.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return std::to_string(value.get_double().value_unsafe());
    case simdjson::dom::element_type::BOOL:
        return std::string(value.get_bool().value_unsafe() ? "true" : "false");
    default:
        return std::nullopt;
    }
}

/** An integer given as a JSON integer, a whole double or a string of decimal digits. */
inline std::optional<std::int64_t> integer(simdjson::dom::element value)
{
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        return value.get_int64().value_unsafe();
    case simdjson::dom::element_type::UINT64: {
        const std::uint64_t number = value.get_uint64().value_unsafe();
        if (number > std::uint64_t(INT64_MAX))
            return std::nullopt;
        return std::int64_t(number);
    }
    case simdjson::dom::element_type::DOUBLE: {
        const double number = value.get_double().value_unsafe();
        if (number != double(std::int64_t(number)))
            return std::nullopt;
        return std::int64_t(number);
    }
    case simdjson::dom::element_type::STRING: {
        const std::string_view digits = value.get_string().value_unsafe();
        std::int64_t out = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
            return std::nullopt;
        return out;
    }
    default:
        return std::nullopt;
    }
}

/** True for JSON true and for the strings "true" and "TRUE", as tags carry booleans either way. */
inline bool isTrue(simdjson::dom::element value)
{
    bool flag = false;
    if (!value.get_bool().get(flag))
        return flag;
    const auto string = text(value);
    return string && (*string == "true" || *string == "TRUE" || *string == "True");
}

/** Shortened text of a value for error messages. */
inline QString quoted(std::string_view value)
{
    return QString::fromUtf8(value.data(), qsizetype(std::min<std::size_t>(value.size(), 64)));
}

} // namespace faultline::jsonvalues
