// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <charconv>
#include <cmath>

#include "wire/utf8.h"

namespace faultline::wire
{

void JsonWriter::separate()
{
    if (m_needsComma)
        m_out.push_back(',');
    m_needsComma = true;
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.push_back('{');
    m_needsComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.push_back('}');
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.push_back('[');
    m_needsComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.push_back(']');
    m_needsComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    separate();
    appendEscaped(m_out, name);
    m_out.push_back(':');
    // The value that follows the key takes no comma of its own.
    m_needsComma = false;
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(std::int64_t number)
{
    separate();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, end);
    return *this;
}

JsonWriter &JsonWriter::value(std::uint64_t number)
{
    separate();
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, end);
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    separate();
    // JSON has no NaN or infinity; write null so that the document stays valid.
    if (!std::isfinite(number)) {
        m_out.append("null");
        return *this;
    }
    // The shortest form of -0.0 is "-0", which readers take for the integer 0 and lose the sign.
    if (number == 0 && std::signbit(number)) {
        m_out.append("-0.0");
        return *this;
    }
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    m_out.append(buffer, end);
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

void JsonWriter::appendEscaped(std::string &out, std::string_view text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto c = static_cast<unsigned char>(text[pos]);
        if (c >= 0x80) {
            const auto length = utf8SequenceLength(text, pos);
            // JSON text must be UTF-8, so a byte that is not becomes U+FFFD instead of breaking the document.
            if (length == 0) {
                out.append("\xef\xbf\xbd");
                ++pos;
            } else {
                out.append(text.substr(pos, length));
                pos += length;
            }
            continue;
        }
        ++pos;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (c < 0x20) {
                out.append("\\u00");
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(char(c));
            }
        }
    }
    out.push_back('"');
}

} // namespace faultline::wire
