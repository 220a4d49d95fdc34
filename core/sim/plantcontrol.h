// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "wire/decoder.h"

namespace faultline
{

class RequestSimulator;

/**
 * The demo plant's side of the control protocol: decodes a request, rejects it when it is past its
 * deadline or names an unknown service, applies it to the simulator, and replies with the same id.
 * Among the last maxRememberedReplies ids, each is applied at most once, and a retry with a known id
 * gets the stored reply again.
 */
class PlantControl
{
public:
    /** Replies kept for retries; the oldest id is forgotten past this many. */
    static constexpr std::size_t maxRememberedReplies = 10'000;

    explicit PlantControl(RequestSimulator &simulator);

    /** Handles one request body and returns the reply body (protocol v1 ControlReply JSON). */
    std::string handle(std::string_view requestJson, std::int64_t nowUnixMs, std::int64_t elapsedNs);

    /** Reply id for a request whose id cannot be read, since a protocol v1 reply must carry one. */
    static constexpr std::string_view unreadableId = "unreadable";

    /** The reply for a message that carried no request frame, or too many. */
    static std::string malformedReply(std::string_view problem);

    std::uint64_t applied() const { return m_applied; }
    std::uint64_t rejected() const { return m_rejected; }
    std::uint64_t replayed() const { return m_replayed; }

private:
    std::string reject(const std::string &id, const std::string &service, const QString &reason, bool rememberReply);
    void remember(const std::string &id, const std::string &reply);

    RequestSimulator &m_simulator;
    wire::Decoder m_decoder;
    std::unordered_map<std::string, std::string> m_replies;
    std::deque<std::string> m_replyOrder;
    std::uint64_t m_applied = 0;
    std::uint64_t m_rejected = 0;
    std::uint64_t m_replayed = 0;
};

} // namespace faultline
