// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonlocator.h"

#include <charconv>
#include <cstdint>
#include <vector>

#include <QCoreApplication>

#include "wire/utf8.h"

namespace faultline::wire
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("wire", text);
}

QString quoted(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 40)));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A validating scan in one pass with an explicit stack, so hostile nesting cannot overflow the call stack.
class Scanner
{
public:
    Scanner(std::string_view text, std::size_t maxDepth)
        : m_text(text)
        , m_maxDepth(maxDepth)
    {
    }

    std::optional<JsonSyntaxProblem> run();

private:
    enum class Expect { Value, ValueOrClose, Key, KeyOrClose, Colon, CommaOrClose, End };

    struct Level {
        char close;
        std::string_view key; // the key whose value is being read, or empty in arrays
    };

    JsonSyntaxProblem fail(std::size_t offset, const QString &problem) const;
    std::optional<QString> scanString(std::string_view &contents);
    std::optional<QString> scanEscape();
    std::optional<QString> scanNumber();
    std::optional<QString> scanLiteral();
    void afterValue() { m_expect = m_levels.empty() ? Expect::End : Expect::CommaOrClose; }

    std::string_view m_text;
    std::size_t m_maxDepth;
    std::size_t m_pos = 0;
    std::size_t m_tokenStart = 0;
    Expect m_expect = Expect::Value;
    std::vector<Level> m_levels;
};

JsonSyntaxProblem Scanner::fail(std::size_t offset, const QString &problem) const
{
    JsonSyntaxProblem result;
    result.offset = offset;
    result.problem = problem;
    for (const auto &level : m_levels) {
        // Hostile nesting would give a path of thousands of "[]"; the start names the field well enough.
        if (result.path.size() > 200) {
            result.path += "...";
            break;
        }
        if (level.close == ']') {
            result.path += "[]";
        } else if (!level.key.empty()) {
            if (!result.path.empty())
                result.path += '.';
            result.path += level.key.substr(0, 64);
        }
    }
    return result;
}

std::optional<QString> Scanner::scanEscape()
{
    // m_pos is at the backslash.
    if (m_pos + 1 >= m_text.size())
        return tr("the string is not terminated");
    const char kind = m_text[m_pos + 1];
    if (std::string_view("\"\\/bfnrt").find(kind) != std::string_view::npos) {
        m_pos += 2;
        return std::nullopt;
    }
    if (kind != 'u')
        return tr("invalid escape '\\%1' in a string").arg(QChar::fromLatin1(kind));

    auto readUnit = [&](std::size_t at) -> int {
        if (at + 6 > m_text.size() || m_text[at] != '\\' || m_text[at + 1] != 'u')
            return -1;
        int unit = 0;
        for (std::size_t i = at + 2; i < at + 6; ++i) {
            const int digit = hexValue(m_text[i]);
            if (digit < 0)
                return -1;
            unit = unit * 16 + digit;
        }
        return unit;
    };
    const int unit = readUnit(m_pos);
    if (unit < 0)
        return tr("a \\u escape needs four hex digits");
    m_pos += 6;
    if (unit >= 0xdc00 && unit <= 0xdfff)
        return tr("unpaired low surrogate \\u%1 in a string").arg(unit, 4, 16, QLatin1Char('0'));
    if (unit >= 0xd800 && unit <= 0xdbff) {
        const int low = readUnit(m_pos);
        if (low < 0xdc00 || low > 0xdfff)
            return tr("high surrogate \\u%1 is not followed by a low surrogate").arg(unit, 4, 16, QLatin1Char('0'));
        m_pos += 6;
    }
    return std::nullopt;
}

std::optional<QString> Scanner::scanString(std::string_view &contents)
{
    const std::size_t open = m_pos++;
    while (m_pos < m_text.size()) {
        const auto c = static_cast<unsigned char>(m_text[m_pos]);
        if (c == '"') {
            contents = m_text.substr(open + 1, m_pos - open - 1);
            ++m_pos;
            return std::nullopt;
        }
        m_tokenStart = m_pos;
        if (c == '\\') {
            if (auto problem = scanEscape())
                return problem;
        } else if (c < 0x20) {
            return tr("control character 0x%1 must be escaped in a string").arg(int(c), 2, 16, QLatin1Char('0'));
        } else if (c < 0x80) {
            ++m_pos;
        } else {
            const auto length = utf8SequenceLength(m_text, m_pos);
            if (length == 0)
                return tr("invalid UTF-8 byte 0x%1 in a string").arg(int(c), 2, 16, QLatin1Char('0'));
            m_pos += length;
        }
    }
    m_tokenStart = open;
    return tr("the string is not terminated");
}

std::optional<QString> Scanner::scanNumber()
{
    const std::size_t start = m_pos;
    auto digits = [&] {
        const std::size_t first = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
        return m_pos > first;
    };
    auto invalid
        = [&] { return tr("'%1' is not a valid JSON number").arg(quoted(m_text.substr(start, m_pos + 1 - start))); };

    if (m_text[m_pos] == '-')
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '0') {
        ++m_pos;
        if (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            return tr("numbers must not have leading zeros");
    } else if (!digits()) {
        return invalid();
    }
    bool integer = true;
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        ++m_pos;
        integer = false;
        if (!digits())
            return invalid();
    }
    bool negativeExponent = false;
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        ++m_pos;
        integer = false;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            negativeExponent = m_text[m_pos++] == '-';
        if (!digits())
            return invalid();
    }

    const auto token = m_text.substr(start, m_pos - start);
    const char *first = token.data();
    const char *last = token.data() + token.size();
    if (integer && token.front() == '-') {
        std::int64_t value = 0;
        if (std::from_chars(first, last, value).ec != std::errc())
            return tr("integer %1 is below -2^63, the smallest integer a receiver reads").arg(quoted(token));
    } else if (integer) {
        std::uint64_t value = 0;
        if (std::from_chars(first, last, value).ec != std::errc())
            return tr("integer %1 is above 2^64-1, the largest integer a receiver reads").arg(quoted(token));
    } else {
        double value = 0;
        // from_chars also reports underflow as out of range, but simdjson reads tiny numbers as zero.
        if (std::from_chars(first, last, value).ec == std::errc::result_out_of_range && !negativeExponent)
            return tr("number %1 is too large for a double").arg(quoted(token));
    }
    return std::nullopt;
}

std::optional<QString> Scanner::scanLiteral()
{
    const auto rest = m_text.substr(m_pos);
    for (std::string_view literal : { "true", "false", "null" }) {
        if (rest.starts_with(literal)) {
            m_pos += literal.size();
            return std::nullopt;
        }
        if (literal.starts_with(rest))
            return tr("the document ends early; it may be truncated");
    }
    return tr("expected a value but found '%1'").arg(quoted(m_text.substr(m_pos, 1)));
}

std::optional<JsonSyntaxProblem> Scanner::run()
{
    while (true) {
        while (m_pos < m_text.size() && std::string_view(" \t\n\r").find(m_text[m_pos]) != std::string_view::npos)
            ++m_pos;
        if (m_pos == m_text.size()) {
            if (m_expect == Expect::End)
                return std::nullopt;
            if (m_levels.empty() && m_expect == Expect::Value)
                return fail(m_pos, tr("the document is empty"));
            return fail(m_pos, tr("the document ends early; it may be truncated"));
        }

        const char c = m_text[m_pos];
        m_tokenStart = m_pos;
        std::optional<QString> problem;
        switch (m_expect) {
        case Expect::End:
            return fail(m_pos, tr("unexpected content after the end of the document"));
        case Expect::Colon:
            if (c != ':')
                return fail(m_pos, tr("expected ':' after the key"));
            ++m_pos;
            m_expect = Expect::Value;
            continue;
        case Expect::CommaOrClose:
            if (c == ',') {
                ++m_pos;
                m_levels.back().key = {};
                m_expect = m_levels.back().close == '}' ? Expect::Key : Expect::Value;
            } else if (c == m_levels.back().close) {
                ++m_pos;
                m_levels.pop_back();
                afterValue();
            } else {
                return fail(m_pos, tr("expected ',' or '%1'").arg(QChar::fromLatin1(m_levels.back().close)));
            }
            continue;
        case Expect::KeyOrClose:
        case Expect::Key:
            if (c == '}' && m_expect == Expect::KeyOrClose) {
                ++m_pos;
                m_levels.pop_back();
                afterValue();
                continue;
            }
            if (c != '"')
                return fail(m_pos, tr("expected a key in double quotes"));
            {
                std::string_view key;
                if ((problem = scanString(key)))
                    return fail(m_tokenStart, *problem);
                m_levels.back().key = key;
            }
            m_expect = Expect::Colon;
            continue;
        case Expect::Value:
        case Expect::ValueOrClose:
            break;
        }

        if (c == ']' && m_expect == Expect::ValueOrClose) {
            ++m_pos;
            m_levels.pop_back();
            afterValue();
            continue;
        }
        if (c == '{' || c == '[') {
            if (m_levels.size() >= m_maxDepth)
                return fail(m_pos, tr("arrays and objects are nested deeper than %1 levels").arg(m_maxDepth));
            m_levels.push_back({ c == '{' ? '}' : ']', {} });
            ++m_pos;
            m_expect = c == '{' ? Expect::KeyOrClose : Expect::ValueOrClose;
            continue;
        }
        std::string_view ignored;
        if (c == '"')
            problem = scanString(ignored);
        else if (c == '-' || isDigit(c))
            problem = scanNumber();
        else
            problem = scanLiteral();
        if (problem)
            return fail(m_tokenStart, *problem);
        afterValue();
    }
}

} // namespace

std::optional<JsonSyntaxProblem> locateSyntaxProblem(std::string_view json, std::size_t maxDepth)
{
    return Scanner(json, maxDepth).run();
}

} // namespace faultline::wire
