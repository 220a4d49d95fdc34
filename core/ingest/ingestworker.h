// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <future>
#include <optional>
#include <thread>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common/result.h"
#include "ingest/ingestclient.h"

namespace faultline {

/**
 * The ingest thread: owns the SUB socket and everything fed from it. Created and stopped from one
 * owner thread, which also owns the PAIR socket used to wake the worker for shutdown.
 */
class IngestWorker
{
public:
    using DeltaSink = std::function<void(TopologyDelta &&)>;

    IngestWorker(IngestClient::Options options, DeltaSink sink);
    ~IngestWorker();

    /** Starts the thread and waits until its sockets are connected, or returns why they could not be. */
    std::optional<Error> start();
    void stop();
    bool isRunning() const { return m_thread.joinable(); }

private:
    void run(std::promise<std::optional<Error>> &ready);

    IngestClient::Options m_options;
    DeltaSink m_sink;
    std::string m_wakeEndpoint;
    std::optional<zmq::socket_t> m_wakeSender;
    std::thread m_thread;
};

} // namespace faultline
