// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <QObject>
#include <QStringList>

#include "topology/topologydelta.h"

namespace faultline {

/**
 * The console's current picture of the plant, on the GUI thread. It only applies the coalesced
 * deltas of the ingest thread; it never parses or touches a socket.
 */
class LiveTopology : public QObject
{
    Q_OBJECT

public:
    using EdgeKey = std::pair<std::string, std::string>;

    explicit LiveTopology(QObject *parent = nullptr);

    const std::map<std::string, ServiceSnapshot> &services() const { return m_services; }
    const std::map<EdgeKey, EdgeSnapshot> &edges() const { return m_edges; }
    const std::vector<PublisherSnapshot> &publishers() const { return m_publishers; }
    const StreamCounters &counters() const { return m_counters; }
    const ServiceSnapshot *service(const std::string &name) const;

    /** Callers and callees of @p service, from the edges seen so far. */
    std::vector<const EdgeSnapshot *> edgesOf(const std::string &service) const;

public Q_SLOTS:
    void apply(const faultline::TopologyDelta &delta);
    void clear();

Q_SIGNALS:
    /** Emitted once per applied delta that changed anything, after the maps are updated. */
    void changed(const QStringList &changedServices, bool structureChanged);
    void publishersChanged();
    void warningRaised(const QString &message);

private:
    std::map<std::string, ServiceSnapshot> m_services;
    std::map<EdgeKey, EdgeSnapshot> m_edges;
    std::vector<PublisherSnapshot> m_publishers;
    StreamCounters m_counters;
};

} // namespace faultline
