// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include <charconv>
#include <cmath>

#include <QCoreApplication>

namespace faultline::wire {

using simdjson::dom::element_type;

const char *PaddedBuffer::assign(std::string_view bytes)
{
    const std::size_t needed = bytes.size() + simdjson::SIMDJSON_PADDING;
    if (m_storage.size() < needed)
        m_storage.resize(needed);
    std::copy(bytes.begin(), bytes.end(), m_storage.begin());
    std::fill(m_storage.begin() + std::ptrdiff_t(bytes.size()), m_storage.begin() + std::ptrdiff_t(needed), '\0');
    return m_storage.data();
}

Error fieldError(std::string_view field, const QString &problem)
{
    const auto name = QString::fromUtf8(field.data(), qsizetype(field.size()));
    return Error {QCoreApplication::translate("wire", "field '%1': %2").arg(name, problem), name};
}

Error syntaxError(simdjson::error_code code)
{
    return Error {QCoreApplication::translate("wire", "invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code))),
                  {}};
}

QString jsonTypeName(element_type type)
{
    switch (type) {
    case element_type::ARRAY:
        return QStringLiteral("array");
    case element_type::OBJECT:
        return QStringLiteral("object");
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return QStringLiteral("number");
    case element_type::STRING:
        return QStringLiteral("string");
    case element_type::BOOL:
        return QStringLiteral("boolean");
    case element_type::NULL_VALUE:
        return QStringLiteral("null");
    }
    return QStringLiteral("unknown");
}

namespace {

Error typeError(JsonValue value, std::string_view field, const char *expected)
{
    return fieldError(field,
                      QCoreApplication::translate("wire", "must be %1 (got %2)")
                          .arg(QString::fromLatin1(expected), jsonTypeName(value.type())));
}

} // namespace

std::optional<Error> readString(JsonValue value, std::string_view field, std::string &out)
{
    std::string_view text;
    if (value.get_string().get(text))
        return typeError(value, field, "a string");
    out.assign(text);
    return std::nullopt;
}

std::optional<Error> readDouble(JsonValue value, std::string_view field, double &out)
{
    if (value.get_double().get(out))
        return typeError(value, field, "a number");
    if (!std::isfinite(out))
        return fieldError(field, QCoreApplication::translate("wire", "must be a finite number"));
    return std::nullopt;
}

std::optional<Error> readBool(JsonValue value, std::string_view field, bool &out)
{
    if (value.get_bool().get(out))
        return typeError(value, field, "true or false");
    return std::nullopt;
}

std::optional<Error> readUint64(JsonValue value, std::string_view field, std::uint64_t &out)
{
    switch (value.type()) {
    case element_type::UINT64:
    case element_type::INT64:
        if (value.get_uint64().get(out))
            return fieldError(field, QCoreApplication::translate("wire", "must not be negative"));
        return std::nullopt;
    case element_type::DOUBLE:
        return fieldError(field, QCoreApplication::translate("wire", "must be an integer below 2^64, not a fraction"));
    default:
        return typeError(value, field, "a non-negative integer");
    }
}

std::optional<Error> readInt64Flexible(JsonValue value, std::string_view field, std::int64_t &out)
{
    switch (value.type()) {
    case element_type::STRING: {
        const std::string_view text = value.get_string().value_unsafe();
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
        if (ec != std::errc() || end != text.data() + text.size() || text.empty())
            return fieldError(field,
                              QCoreApplication::translate("wire", "must be a decimal integer below 2^63 (got \"%1\")")
                                  .arg(QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 40)))));
        return std::nullopt;
    }
    case element_type::INT64:
        out = value.get_int64().value_unsafe();
        return std::nullopt;
    case element_type::UINT64:
        return fieldError(field, QCoreApplication::translate("wire", "must be an integer below 2^63"));
    case element_type::DOUBLE:
        return fieldError(field, QCoreApplication::translate("wire", "must be an integer, not a fraction"));
    default:
        return typeError(value, field, "an integer or a string of digits");
    }
}

} // namespace faultline::wire
