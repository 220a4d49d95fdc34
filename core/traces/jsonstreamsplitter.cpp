// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonstreamsplitter.h"

#include <algorithm>

#include <QCoreApplication>

namespace faultline
{

namespace
{

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QString describeChar(char c)
{
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
        return QStringLiteral("byte 0x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
    return QStringLiteral("'%1'").arg(QLatin1Char(c));
}

} // namespace

JsonStreamSplitter::JsonStreamSplitter(std::vector<std::string> streamedKeys, std::size_t maxPieceBytes)
    : m_streamedKeys(std::move(streamedKeys))
    , m_maxPieceBytes(maxPieceBytes)
{
}

std::optional<Error> JsonStreamSplitter::unexpected(char c, std::uint64_t offset, const char *expected) const
{
    return Error { QCoreApplication::translate(
                       "JsonStreamSplitter", "invalid JSON at byte %1: %2 where %3 was expected")
                       .arg(offset)
                       .arg(describeChar(c), QCoreApplication::translate("JsonStreamSplitter", expected)),
        QStringLiteral("byte %1").arg(offset) };
}

void JsonStreamSplitter::beginValue(char c, std::uint64_t offset, bool element, State returnState)
{
    m_state = State::InValue;
    m_returnState = returnState;
    m_value.clear();
    m_valueOffset = offset;
    m_valueIsElement = element;
    m_depth = 0;
    m_inString = false;
    m_escaped = false;
    m_scalar = c != '{' && c != '[' && c != '"';
}

std::optional<Error> JsonStreamSplitter::feed(std::string_view chunk, const Handler &handler)
{
    std::size_t i = 0;
    while (i < chunk.size()) {
        const char c = chunk[i];
        const std::uint64_t offset = m_consumed + i;
        switch (m_state) {
        case State::Start:
            if (isSpace(c)) {
                ++i;
            } else if (offset == 0 && chunk.substr(i).starts_with("\xEF\xBB\xBF")) {
                i += 3;
            } else if (c == '[') {
                m_state = State::BetweenRootElements;
                ++i;
            } else if (c == '{') {
                m_state = State::BetweenMembers;
                ++i;
            } else {
                m_consumed += i;
                return unexpected(c, offset, QT_TRANSLATE_NOOP("JsonStreamSplitter", "'[' or '{'"));
            }
            continue;
        case State::BetweenRootElements:
        case State::BetweenStreamedElements:
            if (isSpace(c) || c == ',') {
                ++i;
            } else if (c == ']') {
                m_state = m_state == State::BetweenRootElements ? State::Done : State::BetweenMembers;
                ++i;
            } else {
                beginValue(c, offset, true, m_state);
            }
            continue;
        case State::BetweenMembers:
            if (isSpace(c) || c == ',') {
                ++i;
            } else if (c == '}') {
                m_state = State::Done;
                ++i;
            } else if (c == '"') {
                m_state = State::InKey;
                m_key.clear();
                m_keyEscaped = false;
                ++i;
            } else {
                m_consumed += i;
                return unexpected(c, offset, QT_TRANSLATE_NOOP("JsonStreamSplitter", "a key or '}'"));
            }
            continue;
        case State::InKey:
            if (m_keyEscaped) {
                m_keyEscaped = false;
                m_key.push_back(c);
            } else if (c == '\\') {
                m_keyEscaped = true;
            } else if (c == '"') {
                m_state = State::AfterKey;
            } else {
                m_key.push_back(c);
            }
            ++i;
            continue;
        case State::AfterKey:
            if (isSpace(c)) {
                ++i;
            } else if (c == ':') {
                m_state = State::BeforeValue;
                ++i;
            } else {
                m_consumed += i;
                return unexpected(c, offset, QT_TRANSLATE_NOOP("JsonStreamSplitter", "':'"));
            }
            continue;
        case State::BeforeValue:
            if (isSpace(c)) {
                ++i;
            } else if (c == '['
                && std::find(m_streamedKeys.begin(), m_streamedKeys.end(), m_key) != m_streamedKeys.end()) {
                m_state = State::BetweenStreamedElements;
                ++i;
            } else {
                beginValue(c, offset, false, State::BetweenMembers);
            }
            continue;
        case State::Done:
            if (!isSpace(c)) {
                m_consumed += i;
                return unexpected(c, offset, QT_TRANSLATE_NOOP("JsonStreamSplitter", "the end of the file"));
            }
            ++i;
            continue;
        case State::InValue:
            break;
        }

        // Inside a value: scan to its end in this chunk and copy the bytes in one go.
        const std::size_t start = i;
        bool complete = false;
        for (; i < chunk.size() && !complete; ++i) {
            const char byte = chunk[i];
            if (m_inString) {
                if (m_escaped)
                    m_escaped = false;
                else if (byte == '\\')
                    m_escaped = true;
                else if (byte == '"') {
                    m_inString = false;
                    complete = m_depth == 0;
                }
                continue;
            }
            if (m_scalar) {
                if (byte == ',' || byte == ']' || byte == '}' || isSpace(byte)) {
                    complete = true;
                    break; // the delimiter belongs to the enclosing state
                }
                continue;
            }
            if (byte == '"') {
                m_inString = true;
            } else if (byte == '{' || byte == '[') {
                ++m_depth;
            } else if (byte == '}' || byte == ']') {
                complete = --m_depth == 0;
            }
        }
        m_value.append(chunk.substr(start, i - start));
        if (m_value.size() > m_maxPieceBytes) {
            m_consumed += i;
            return Error { QCoreApplication::translate("JsonStreamSplitter",
                               "the JSON value at byte %1 is larger than %2 MiB; split the file into smaller ones")
                               .arg(m_valueOffset)
                               .arg(m_maxPieceBytes >> 20),
                QStringLiteral("byte %1").arg(m_valueOffset) };
        }
        if (complete) {
            // Elements of a streamed array keep the key of their member; elements of a root array have none.
            const bool rootElement = m_returnState == State::BetweenRootElements;
            handler(Piece {
                rootElement ? std::string_view() : std::string_view(m_key), m_value, m_valueIsElement, m_valueOffset });
            m_state = m_returnState;
        }
    }
    m_consumed += chunk.size();
    return std::nullopt;
}

std::optional<Error> JsonStreamSplitter::finish() const
{
    if (m_state == State::Done)
        return std::nullopt;
    return Error { QCoreApplication::translate(
                       "JsonStreamSplitter", "the JSON document ends early at byte %1; the file is cut off or not JSON")
                       .arg(m_consumed),
        QStringLiteral("byte %1").arg(m_consumed) };
}

} // namespace faultline
