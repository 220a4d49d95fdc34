// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include <zmq.hpp>

#include "common/result.h"
#include "traces/span.h"
#include "wire/healthreport.h"

namespace faultline {

/**
 * The sending side of protocol v1: a PUB socket that writes [topic, envelope, body] messages and
 * numbers them per topic. Use it from one thread only, as every ZeroMQ socket.
 */
class StreamPublisher
{
public:
    /** @p publisherId names this sender in the envelope; a fresh session id is drawn per instance. */
    StreamPublisher(zmq::context_t &context, std::string publisherId, int sendHighWaterMark = 100'000);

    /** Binds the PUB socket; "tcp://127.0.0.1:*" picks a free port, which boundEndpoint() reports. */
    std::optional<Error> bind(const std::string &endpoint);
    /** Connects instead of binding, for a proxy (XSUB) that binds. */
    std::optional<Error> connect(const std::string &endpoint);
    std::string boundEndpoint() const;

    void publishHealth(const HealthReport &report);
    /** Publishes @p spans of one service as one OTLP/JSON batch on `trace.<service>`. */
    void publishSpans(std::string_view service, std::span<const Span> spans);
    /** Publishes a pre-encoded body on @p topic, for tests that send hostile payloads. */
    void publishRaw(std::string_view topic, std::string_view body);

    const std::string &publisherId() const { return m_publisherId; }
    const std::string &session() const { return m_session; }
    std::uint64_t sentMessages() const { return m_sent; }

private:
    void send(std::string_view topic, std::string_view body);

    zmq::socket_t m_socket;
    std::string m_publisherId;
    std::string m_session;
    std::unordered_map<std::string, std::uint64_t> m_sequence;
    std::uint64_t m_sent = 0;
};

} // namespace faultline
