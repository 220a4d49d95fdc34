// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <zmq.hpp>

#include "common/result.h"

namespace faultline
{

class AgentRuntime;

/**
 * The socket layer of an agent: a ZeroMQ ROUTER that binds (or connects to) a control endpoint and
 * hands each request body to an AgentRuntime. It owns no thread: create it, poll it and destroy it on
 * the thread that runs the service's loop, and call serve() when socket() is readable.
 */
class AgentServer
{
public:
    /** Largest request accepted; ZeroMQ disconnects a peer that sends a larger message. */
    static constexpr std::int64_t maxRequestBytes = 64 * 1024;
    /** Requests handled per serve() call, so that a flood of requests cannot starve the service's loop. */
    static constexpr int maxRequestsPerServe = 100;

    explicit AgentServer(zmq::context_t &context);

    /** Binds the control endpoint; an Error names it. `tcp://127.0.0.1:*` picks a free port. */
    std::optional<Error> bind(const std::string &endpoint);
    /** Connects to a console or proxy that binds instead; an Error names the endpoint. */
    std::optional<Error> connect(const std::string &endpoint);
    /** The endpoint bound last, with the port filled in. */
    std::string boundEndpoint() const;

    zmq::socket_t &socket() { return m_socket; }

    /**
     * Handles the requests waiting on the socket, up to maxRequestsPerServe, without blocking:
     * @p handle maps a request body to its reply body (usually AgentRuntime::handle). Returns how
     * many were handled.
     */
    int serve(const std::function<std::string(std::string_view request)> &handle);

    /** Waits up to @p timeout for requests and serves them; for a service loop with nothing else to poll. */
    int pollAndServe(std::chrono::milliseconds timeout, const std::function<std::string(std::string_view)> &handle);

private:
    zmq::socket_t m_socket;
};

} // namespace faultline
