// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace faultline::wire
{

/**
 * The second frame of every stream message: who sent it and its place in that sender's sequence.
 * Sequence numbers count per publisher and topic, starting at 1 for each session of the publisher.
 */
struct Envelope {
    int version = 1;
    std::string publisher;
    std::string session; // changes when the publisher restarts, so a new count is not taken for a gap
    std::uint64_t seq = 0;
    std::int64_t sentUnixNs = 0;
};

} // namespace faultline::wire
