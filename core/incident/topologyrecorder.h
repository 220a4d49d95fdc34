// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <string>

#include <QObject>

#include "incident/incidentsink.h"
#include "topology/livetopology.h"

namespace faultline
{

/**
 * Turns changes of the live topology into incident events: state changes (including to stale
 * and unknown), mode changes, publishers that fall silent or come back, and messages lost or
 * malformed. Stream counts are reported at most once per streamReportInterval per publisher.
 * A lossy link so adds a few events a minute instead of ten a second, and flush() reports the rest.
 */
class TopologyRecorder : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QString source = QStringLiteral("topology");
        std::chrono::milliseconds publisherLostAfter { 5000 };
        std::chrono::milliseconds streamReportInterval { 10000 };
    };

    TopologyRecorder(const LiveTopology &topology, IncidentSink &sink, Options options, QObject *parent = nullptr);

    /** Replaces the steady clock (milliseconds, the clock of PublisherSnapshot::lastSeenMs), for tests. */
    void setSteadyClock(std::function<std::int64_t()> nowMs);

    /** Reports the stream problems counted but not reported yet; call before stopping. */
    void flush();

    /** The graph as @p topology shows it now, for IncidentManager::setGraphSnapshotProvider. */
    static GraphSnapshot snapshotOf(const LiveTopology &topology);

private:
    struct ServiceSeen {
        ServiceState state = ServiceState::Unknown;
        ServiceMode mode = ServiceMode::Normal;
        bool settled = false; // left the unknown state at least once
    };
    struct PublisherSeen {
        std::uint64_t reportedGaps = 0;
        std::uint64_t reportedMalformed = 0;
        // Far in the past, so that the first problem of a publisher is reported at once.
        std::int64_t lastGapReportMs = std::numeric_limits<std::int64_t>::min() / 2;
        std::int64_t lastMalformedReportMs = std::numeric_limits<std::int64_t>::min() / 2;
        bool lost = false;
    };

    void recordServiceChanges(const QStringList &services);
    void recordStreamProblems(bool force);
    IncidentEvent event(EventKind kind, Severity severity) const;

    const LiveTopology &m_topology;
    IncidentSink &m_sink;
    Options m_options;
    std::function<std::int64_t()> m_nowMs;
    std::map<std::string, ServiceSeen> m_services;
    std::map<std::string, PublisherSeen> m_publishers;
    std::uint64_t m_reportedUnattributed = 0;
    std::int64_t m_lastUnattributedReportMs = std::numeric_limits<std::int64_t>::min() / 2;
};

} // namespace faultline
