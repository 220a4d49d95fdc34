// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livetopologymetrics.h"

#include <QDeadlineTimer>

namespace faultline
{

LiveTopologyMetrics::LiveTopologyMetrics(const LiveTopology *topology, Clock clock)
    : m_topology(topology)
    , m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDeadlineTimer::current().deadline(); };
    if (topology) {
        m_structureWatch = QObject::connect(
            topology, &LiveTopology::changed, topology, [this](const QStringList &, bool structureChanged) {
                m_callersStale = m_callersStale || structureChanged;
            });
    }
}

LiveTopologyMetrics::~LiveTopologyMetrics()
{
    QObject::disconnect(m_structureWatch);
}

std::optional<ServiceMetrics> LiveTopologyMetrics::service(const QString &name) const
{
    if (!m_topology)
        return std::nullopt;
    const ServiceSnapshot *snapshot = m_topology->service(name.toStdString());
    if (!snapshot)
        return std::nullopt;

    ServiceMetrics metrics;
    metrics.name = name;
    metrics.state = snapshot->state;
    metrics.mode = snapshot->mode;
    metrics.criticality = snapshot->criticality;
    metrics.errorRate = snapshot->errorRate;
    metrics.latencyP99Ms = snapshot->latencyP99Ms;
    if (snapshot->capacity > 0)
        metrics.saturation = snapshot->inFlight / snapshot->capacity;
    if (snapshot->lastHeartbeatMs > 0)
        metrics.stalenessMs = double(std::max<qint64>(0, m_clock() - snapshot->lastHeartbeatMs));
    return metrics;
}

QStringList LiveTopologyMetrics::services() const
{
    QStringList names;
    if (!m_topology)
        return names;
    for (const auto &[name, snapshot] : m_topology->services())
        names.append(QString::fromStdString(name));
    return names;
}

QStringList LiveTopologyMetrics::callers(const QString &name) const
{
    if (!m_topology)
        return {};
    if (m_callersStale)
        indexCallers();
    const auto it = m_callers.find(name);
    return it == m_callers.end() ? QStringList() : it->second;
}

void LiveTopologyMetrics::indexCallers() const
{
    m_callers.clear();
    // Edges are keyed by (caller, callee), so each caller appears once per callee.
    for (const auto &[key, edge] : m_topology->edges()) {
        if (key.first != key.second)
            m_callers[QString::fromStdString(key.second)].append(QString::fromStdString(key.first));
    }
    m_callersStale = false;
}

} // namespace faultline
