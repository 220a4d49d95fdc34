// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include <charconv>
#include <cmath>

#include <QCoreApplication>

#include "wire/jsonlocator.h"
#include "wire/protocol.h"

namespace faultline::wire
{

using simdjson::dom::element_type;

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("wire", text);
}

QString shortText(std::string_view text, std::size_t maxBytes = 40)
{
    return QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), maxBytes)));
}

Error typeError(JsonValue value, std::string_view field, const char *expected)
{
    return fieldError(field, tr("must be %1 (got %2)").arg(QString::fromLatin1(expected), jsonTypeName(value.type())));
}

} // namespace

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
    return Error { QCoreApplication::translate("wire", "field '%1': %2").arg(name, problem), name };
}

Error missingField(std::string_view field)
{
    return fieldError(field, tr("is missing or null"));
}

Error syntaxError(simdjson::error_code code, std::string_view json)
{
    const auto problem = locateSyntaxProblem(json, simdjson::DEFAULT_MAX_DEPTH);
    if (!problem)
        return Error { tr("invalid JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code))), {} };
    const auto path = QString::fromUtf8(problem->path.data(), qsizetype(problem->path.size()));
    if (path.isEmpty())
        return Error { tr("invalid JSON at byte %1: %2").arg(problem->offset).arg(problem->problem), {} };
    return Error { tr("invalid JSON at byte %1 in field '%2': %3").arg(problem->offset).arg(path, problem->problem),
        path };
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

std::optional<Error> readString(JsonValue value, std::string_view field, std::string &out)
{
    std::string_view text;
    if (value.get_string().get(text))
        return typeError(value, field, "a string");
    out.assign(text);
    return std::nullopt;
}

std::optional<Error> readBoundedString(
    JsonValue value, std::string_view field, std::size_t minBytes, std::size_t maxBytes, std::string &out)
{
    if (auto error = readString(value, field, out))
        return error;
    if (out.size() < minBytes || out.size() > maxBytes)
        return fieldError(
            field, tr("must be %1 to %2 bytes long (got %3)").arg(minBytes).arg(maxBytes).arg(out.size()));
    return std::nullopt;
}

std::optional<Error> readServiceName(JsonValue value, std::string_view field, std::string &out)
{
    if (auto error = readString(value, field, out))
        return error;
    if (!isValidServiceName(out))
        return fieldError(field,
            tr("'%1' is not a valid service name: use 1 to 200 characters of letters, digits and . _ : / -")
                .arg(shortText(out, 200)));
    return std::nullopt;
}

std::optional<Error> readDouble(JsonValue value, std::string_view field, double &out)
{
    if (value.get_double().get(out))
        return typeError(value, field, "a number");
    if (!std::isfinite(out))
        return fieldError(field, tr("must be a finite number"));
    return std::nullopt;
}

std::optional<Error> readNonNegative(JsonValue value, std::string_view field, double &out)
{
    if (auto error = readDouble(value, field, out))
        return error;
    if (out < 0)
        return fieldError(field, tr("must not be negative (got %1)").arg(out));
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
            return fieldError(field, tr("must not be negative (got %1)").arg(value.get_int64().value_unsafe()));
        return std::nullopt;
    case element_type::DOUBLE:
        return fieldError(field,
            tr("must be an integer written without a fraction or exponent (got %1)")
                .arg(value.get_double().value_unsafe()));
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
            return fieldError(
                field, tr("must be a decimal integer from -2^63 to 2^63-1 (got \"%1\")").arg(shortText(text)));
        return std::nullopt;
    }
    case element_type::INT64:
        out = value.get_int64().value_unsafe();
        return std::nullopt;
    case element_type::UINT64:
        return fieldError(field, tr("must be an integer below 2^63 (got %1)").arg(value.get_uint64().value_unsafe()));
    case element_type::DOUBLE:
        return fieldError(field,
            tr("must be an integer written without a fraction or exponent (got %1)")
                .arg(value.get_double().value_unsafe()));
    default:
        return typeError(value, field, "an integer or a string of digits");
    }
}

std::optional<Error> readUnixTime(JsonValue value, std::string_view field, std::int64_t &out)
{
    if (auto error = readInt64Flexible(value, field, out))
        return error;
    if (out < 0)
        return fieldError(field, tr("must not be negative (got %1); times count from the Unix epoch").arg(out));
    return std::nullopt;
}

std::optional<Error> checkProtocolVersion(JsonValue value)
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

std::optional<Error> readMode(JsonValue value, std::string_view field, ServiceMode &out)
{
    std::string name;
    if (auto error = readString(value, field, name))
        return error;
    const auto mode = modeFromName(name);
    if (!mode)
        return fieldError(field,
            tr("unknown mode '%1'; expected normal, isolated, degraded, ramping or shedding")
                .arg(shortText(name, 200)));
    out = *mode;
    return std::nullopt;
}

std::optional<Error> openObject(JsonValue value, std::string_view field, simdjson::dom::object &out)
{
    if (value.get_object().get(out))
        return typeError(value, field, "an object");
    return std::nullopt;
}

std::optional<Error> openArray(JsonValue value, std::string_view field, simdjson::dom::array &out)
{
    if (value.get_array().get(out))
        return typeError(value, field, "an array");
    return std::nullopt;
}

std::optional<Error> parseObject(
    simdjson::dom::parser &parser, PaddedBuffer &buffer, std::string_view json, simdjson::dom::object &root)
{
    if (json.size() > maxPayloadBytes)
        return Error {
            tr("message of %1 bytes is larger than the limit of %2 bytes").arg(json.size()).arg(maxPayloadBytes), {}
        };
    JsonValue document;
    if (auto code = parser.parse(buffer.assign(json), json.size(), false).get(document))
        return syntaxError(code, json);
    if (document.get_object().get(root))
        return Error { tr("message must be a JSON object (got %1)").arg(jsonTypeName(document.type())), {} };
    return std::nullopt;
}

} // namespace faultline::wire
