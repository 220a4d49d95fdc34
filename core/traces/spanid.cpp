// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanid.h"

#include <array>

namespace faultline {
namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+' || c == '-')
        return 62;
    if (c == '/' || c == '_')
        return 63;
    return -1;
}

bool isHex(std::string_view text)
{
    for (char c : text) {
        if (hexValue(c) < 0)
            return false;
    }
    return true;
}

std::optional<std::string> decodeBase64ToHex(std::string_view text)
{
    std::size_t padding = 0;
    while (!text.empty() && text.back() == '=') {
        text.remove_suffix(1);
        ++padding;
    }
    // Ids are 8 or 16 bytes: 11 or 22 characters, bare or padded with one or two '=' to 12 or 24.
    const bool eightBytes = text.size() == 11 && (padding == 0 || padding == 1);
    const bool sixteenBytes = text.size() == 22 && (padding == 0 || padding == 2);
    if (!eightBytes && !sixteenBytes)
        return std::nullopt;

    static constexpr std::array<char, 16> digits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    std::string hex;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        const int value = base64Value(c);
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | unsigned(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            const unsigned byte = (buffer >> bits) & 0xffu;
            hex.push_back(digits[byte >> 4]);
            hex.push_back(digits[byte & 0xfu]);
        }
    }
    return hex;
}

} // namespace

std::optional<std::string> normalizeId(std::string_view text, std::size_t hexDigits)
{
    if (text.empty())
        return std::nullopt;

    std::string hex;
    // Protobuf's JSON mapping writes 8- and 16-byte ids as 12 and 24 base64 characters ending in '='.
    const bool paddedBase64 = (text.size() == 12 || text.size() == 24) && text.back() == '=';
    if (!paddedBase64 && isHex(text)) {
        hex.reserve(text.size());
        for (char c : text)
            hex.push_back(c >= 'A' && c <= 'F' ? char(c - 'A' + 'a') : c);
    } else {
        auto decoded = decodeBase64ToHex(text);
        if (!decoded)
            return std::nullopt;
        hex = std::move(*decoded);
    }

    const auto firstNonZero = hex.find_first_not_of('0');
    if (firstNonZero == std::string::npos)
        return std::nullopt;
    if (hex.size() - firstNonZero > hexDigits)
        return std::nullopt;
    if (hex.size() > hexDigits)
        hex.erase(0, hex.size() - hexDigits);
    else if (hex.size() < hexDigits)
        hex.insert(0, hexDigits - hex.size(), '0');
    return hex;
}

} // namespace faultline
