// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "control/agentruntime.h"

namespace faultline
{

class RequestSimulator;

/**
 * The demo plant's side of the control protocol. It hands each request to the simulator's
 * AgentRuntime, which rejects it when it is invalid, past its deadline or names an unknown service,
 * applies each id at most once, and replies with the same id. Among the last maxRememberedReplies
 * ids, a retry with a known id gets the stored reply again.
 */
class PlantControl
{
public:
    /** Replies kept for retries; the oldest id is forgotten past this many. */
    static constexpr std::size_t maxRememberedReplies = AgentRuntimeConfig {}.maxRememberedReplies;

    explicit PlantControl(RequestSimulator &simulator);

    /** Handles one request body and returns the reply body (protocol v1 ControlReply JSON). */
    std::string handle(std::string_view requestJson, std::int64_t nowUnixMs, std::int64_t elapsedNs);

    /** Reply id for a request whose id cannot be read, since a protocol v1 reply must carry one. */
    static constexpr std::string_view unreadableId = AgentRuntime::unreadableId;

    /** The reply for a message that carried no request frame, or too many. */
    static std::string malformedReply(std::string_view problem) { return AgentRuntime::malformedReply(problem); }

    std::uint64_t applied() const;
    std::uint64_t rejected() const;
    std::uint64_t replayed() const;

private:
    RequestSimulator &m_simulator;
};

} // namespace faultline
