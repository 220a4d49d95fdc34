// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace faultline
{

/**
 * Cuts one JSON document, fed in chunks, into pieces small enough to parse one at a time with the DOM
 * parser: each element of a root array, or each member of a root object, where a member whose key is
 * one of the streamed keys and whose value is an array comes element by element. Only the structure
 * between pieces is checked here; a piece's own syntax is the parser's job. So a 200 MB Zipkin array
 * needs memory for one span at a time, not for the whole document.
 */
class JsonStreamSplitter
{
public:
    struct Piece {
        std::string_view key; // the root object's key; empty for an element of a root array
        std::string_view json; // one element, or one member's whole value
        bool element = false; // an element of a streamed array (or of the root array)
        std::uint64_t offset = 0; // byte offset of the piece in the document
    };
    using Handler = std::function<void(const Piece &piece)>;

    explicit JsonStreamSplitter(std::vector<std::string> streamedKeys, std::size_t maxPieceBytes = 256u << 20);

    /** Consumes the next @p chunk, calling @p handler for each piece it completes. */
    std::optional<Error> feed(std::string_view chunk, const Handler &handler);
    /** Checks that the document ended; an Error names the byte offset where it was cut off. */
    std::optional<Error> finish() const;

    std::uint64_t bytesConsumed() const { return m_consumed; }

private:
    enum class State : std::uint8_t {
        Start,
        BetweenRootElements,
        BetweenMembers,
        InKey,
        AfterKey,
        BeforeValue,
        BetweenStreamedElements,
        InValue,
        Done,
    };

    std::optional<Error> unexpected(char c, std::uint64_t offset, const char *expected) const;
    void beginValue(char c, std::uint64_t offset, bool element, State returnState);

    std::vector<std::string> m_streamedKeys;
    std::size_t m_maxPieceBytes;
    State m_state = State::Start;
    State m_returnState = State::Done;
    std::uint64_t m_consumed = 0;
    std::string m_key;
    bool m_keyEscaped = false;
    std::string m_value;
    std::uint64_t m_valueOffset = 0;
    bool m_valueIsElement = false;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_scalar = false;
};

} // namespace faultline
