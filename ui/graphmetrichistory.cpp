// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphmetrichistory.h"

#include <QDateTime>

#include "topology/livetopology.h"

namespace faultline
{

GraphMetricHistory::GraphMetricHistory(LiveTopology *topology, QObject *parent)
    : QObject(parent)
    , m_topology(topology)
{
    connect(topology, &LiveTopology::changed, this, &GraphMetricHistory::onTopologyChanged);
}

void GraphMetricHistory::record(const QString &service, qint64 nowMs, const ServiceSnapshot &snapshot)
{
    // Stale and unknown services send no figures, and a flat line at the last value would look healthy.
    if (snapshot.state == ServiceState::Unknown || snapshot.state == ServiceState::Stale)
        return;
    std::deque<MetricSample> &samples = m_samples[service];
    const MetricSample sample { nowMs, snapshot.rps, snapshot.errorRate, snapshot.latencyP50Ms, snapshot.latencyP99Ms };
    if (!samples.empty() && samples.back().timeMs / bucketMs == nowMs / bucketMs)
        samples.back() = sample;
    else if (samples.empty() || nowMs > samples.back().timeMs)
        samples.push_back(sample);
    // A clock step backwards would leave samples out of order; they are dropped rather than drawn as a loop.
    while (!samples.empty() && (samples.front().timeMs < nowMs - windowMs || samples.size() > maximumSamples))
        samples.pop_front();
}

void GraphMetricHistory::onTopologyChanged(const QStringList &changedServices, bool structureChanged)
{
    Q_UNUSED(structureChanged)
    if (!m_topology)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &name : changedServices) {
        if (const ServiceSnapshot *snapshot = m_topology->service(name.toStdString()))
            record(name, now, *snapshot);
    }
}

} // namespace faultline
