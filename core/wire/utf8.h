// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

namespace faultline::wire
{

/**
 * Returns the length in bytes of the well-formed UTF-8 sequence that starts at @p pos of @p text.
 * Returns 0 for a stray continuation byte, an overlong form, a surrogate, a code point above U+10FFFF
 * or a sequence cut by the end of the text, as RFC 3629 defines well-formed UTF-8.
 */
std::size_t utf8SequenceLength(std::string_view text, std::size_t pos);

/** Returns the offset of the first byte that is not part of well-formed UTF-8, or npos when all are. */
std::size_t firstInvalidUtf8(std::string_view text);

} // namespace faultline::wire
