// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace faultline {

/**
 * Normalises a trace or span id given as hex (any letter case, leading zeros optional) or as base64
 * of 8 or 16 bytes (as protobuf's JSON mapping writes bytes) to lowercase hex left-padded to @p hexDigits.
 * Returns nothing when the text is neither, is empty, is all zeros, or is longer than @p hexDigits.
 */
std::optional<std::string> normalizeId(std::string_view text, std::size_t hexDigits);

inline std::optional<std::string> normalizeTraceId(std::string_view text)
{
    return normalizeId(text, 32);
}

inline std::optional<std::string> normalizeSpanId(std::string_view text)
{
    return normalizeId(text, 16);
}

} // namespace faultline
