// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faultline::wire
{

/** Protocol version this build writes and the highest it reads; docs/protocol.md defines it. */
inline constexpr int protocolVersion = 1;

inline constexpr std::string_view healthPrefix = "health.";
inline constexpr std::string_view tracePrefix = "trace.";

/** Largest payload frame a receiver decodes; larger frames are counted as malformed and dropped. */
inline constexpr std::size_t maxPayloadBytes = 64 * 1024 * 1024;

enum class Stream : std::uint8_t { Health, Trace };

struct Topic {
    Stream stream;
    std::string_view service;
};

std::string healthTopic(std::string_view service);
std::string traceTopic(std::string_view service);

/** Splits a topic frame into its stream and service; nothing for an unknown prefix or an invalid service name. */
std::optional<Topic> parseTopic(std::string_view topic);

/**
 * True when @p topic is exactly the health or trace topic of @p service. ZeroMQ subscriptions match
 * by prefix, so a subscription to "health.a" also delivers "health.ab"; receivers filter with this.
 */
bool topicIsForService(std::string_view topic, std::string_view service);

/** Whether @p name may be used as a service name: 1 to 200 bytes of [A-Za-z0-9._:/-], no spaces. */
bool isValidServiceName(std::string_view name);

} // namespace faultline::wire
