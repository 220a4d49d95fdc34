// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livecapture.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include "ingest/ingestclient.h"

namespace faultline::ctl {

Result<LiveCapture> captureLive(const std::vector<std::string> &endpoints, double seconds, const HealthConfig &health)
{
    IngestClient client;
    LiveTopology topology;
    LiveCapture capture;
    QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    QObject::connect(&topology, &LiveTopology::warningRaised, &topology,
                     [&capture](const QString &message) { capture.warnings.push_back(message); });
    // The ingest thread ranks suspects from the captured stream once a second while anything is wrong.
    QObject::connect(&client, &IngestClient::deltaReady, &topology, [&capture](const TopologyDelta &delta) {
        if (delta.health.suspects)
            capture.suspects = *delta.health.suspects;
    });

    IngestClient::Options options;
    options.endpoints = endpoints;
    options.health = health;
    if (auto error = client.start(options))
        return *error;

    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    client.stop();

    // Deltas queued before the stop still carry the last changes.
    QCoreApplication::sendPostedEvents(&client);
    capture.services = topology.services();
    capture.edges = topology.edges();
    capture.publishers = topology.publishers();
    capture.counters = topology.counters();
    return capture;
}

} // namespace faultline::ctl
