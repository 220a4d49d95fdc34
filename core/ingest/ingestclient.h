// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QObject>
#include <QStringList>

#include "common/result.h"
#include "health/healthconfig.h"
#include "health/healthdelta.h"
#include "topology/topologydelta.h"
#include "traces/dependencylinker.h"

namespace faultline {

class IngestWorker;

/**
 * Subscribes to the health and trace streams on a thread of its own and emits one coalesced
 * TopologyDelta at most every deltaIntervalMs. Lives on the GUI (or main) thread; the worker owns
 * the SUB socket, decodes, links spans and keeps the windows, and the GUI thread only gets deltas.
 */
class IngestClient : public QObject
{
    Q_OBJECT

public:
    struct Options {
        std::vector<std::string> endpoints;          // tcp://host:port, ipc://path or inproc://name
        int receiveHighWaterMark = 1'000'000;        // messages queued in ZeroMQ before it drops
        int deltaIntervalMs = 100;
        std::vector<std::string> serviceFilter;      // exact service names; empty takes every service
        DependencyLinker::Options linker;
        HealthConfig health = HealthConfig::builtIn(); // thresholds for health evaluation and alarms
    };

    explicit IngestClient(QObject *parent = nullptr);
    ~IngestClient() override;

    /** Starts the worker thread; an Error names the endpoint that could not be connected. */
    std::optional<Error> start(const Options &options);
    /** Stops and joins the worker; returns within a few milliseconds, whatever the network does. */
    void stop();
    bool isRunning() const;

    /**
     * Queues an alarm acknowledgement, shelving or threshold change for the ingest thread, which
     * applies it within one delta interval; a failure comes back in HealthDelta::commandErrors.
     * Returns false when the worker is not running.
     */
    bool sendHealthCommand(const HealthCommand &command);

Q_SIGNALS:
    void deltaReady(const faultline::TopologyDelta &delta);

private:
    std::unique_ptr<IngestWorker> m_worker;
};

} // namespace faultline
