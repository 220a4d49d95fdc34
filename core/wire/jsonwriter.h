// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faultline::wire
{

/**
 * Appends compact JSON to a string. The caller keeps the structure balanced; the writer places the
 * commas and escapes strings per RFC 8259, so any UTF-8 text round-trips. Bytes that are not UTF-8
 * are written as U+FFFD, and NaN and infinities as null, so the output is always valid JSON.
 */
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out)
        : m_out(out)
    {
    }

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);

    JsonWriter &value(std::string_view text);
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(std::int64_t number);
    JsonWriter &value(std::uint64_t number);
    JsonWriter &value(int number) { return value(std::int64_t(number)); }
    JsonWriter &value(double number);
    JsonWriter &value(bool flag);
    JsonWriter &null();

    template<typename T> JsonWriter &field(std::string_view name, const T &v)
    {
        key(name);
        return value(v);
    }

    /** Appends @p text as a quoted JSON string. */
    static void appendEscaped(std::string &out, std::string_view text);

private:
    void separate();

    std::string &m_out;
    bool m_needsComma = false;
};

} // namespace faultline::wire
