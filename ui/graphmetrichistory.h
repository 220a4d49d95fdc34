// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

namespace faultline
{

class LiveTopology;
struct ServiceSnapshot;

/** One point of a service's recent history; time in ms since the epoch. */
struct MetricSample {
    qint64 timeMs = 0;
    double rps = 0;
    double errorRate = 0;
    double latencyP50Ms = 0;
    double latencyP99Ms = 0;
};

/**
 * The last 15 minutes of request rate, error rate and latency of every service, one sample per
 * 5 s bucket (the newest value in a bucket wins), so each service keeps at most 181 points.
 */
class GraphMetricHistory : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 windowMs = 15 * 60 * 1000;
    static constexpr qint64 bucketMs = 5000;
    static constexpr int maximumSamples = int(windowMs / bucketMs) + 1;

    explicit GraphMetricHistory(LiveTopology *topology, QObject *parent = nullptr);

    /** The samples of @p service, oldest first; empty for a service never recorded. */
    std::deque<MetricSample> samples(const QString &service) const { return m_samples.value(service); }
    /** Records @p snapshot at @p nowMs and drops samples older than the window. */
    void record(const QString &service, qint64 nowMs, const ServiceSnapshot &snapshot);

private:
    void onTopologyChanged(const QStringList &changedServices, bool structureChanged);

    QPointer<LiveTopology> m_topology;
    QHash<QString, std::deque<MetricSample>> m_samples;
};

} // namespace faultline
