// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

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

    /** Hands a health command to the ingest thread; callable from any thread. */
    void post(const HealthCommand &command);

private:
    void run(std::promise<std::optional<Error>> &ready);
    std::vector<HealthCommand> takeCommands();

    IngestClient::Options m_options;
    DeltaSink m_sink;
    std::string m_wakeEndpoint;
    std::optional<zmq::socket_t> m_wakeSender;
    std::thread m_thread;
    std::mutex m_commandMutex;
    std::vector<HealthCommand> m_commands; // guarded by m_commandMutex
};

} // namespace faultline
