// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <map>

#include <QPointer>

#include "playbook/playbookmetrics.h"
#include "topology/livetopology.h"

namespace faultline
{

/** PlaybookMetrics over the console's LiveTopology, read on the GUI thread. */
class LiveTopologyMetrics : public PlaybookMetrics
{
public:
    /** Monotonic milliseconds on the clock of the topology's heartbeat times (QDeadlineTimer's). */
    using Clock = std::function<qint64()>;

    /** @p topology is not owned; once it is destroyed every service reads as unknown. */
    explicit LiveTopologyMetrics(const LiveTopology *topology, Clock clock = {});
    ~LiveTopologyMetrics() override;
    Q_DISABLE_COPY_MOVE(LiveTopologyMetrics)

    std::optional<ServiceMetrics> service(const QString &name) const override;
    QStringList services() const override;
    QStringList callers(const QString &name) const override;

private:
    void indexCallers() const;

    QPointer<const LiveTopology> m_topology;
    Clock m_clock;
    QMetaObject::Connection m_structureWatch;
    // Callers by callee, rebuilt after the topology gained services or edges, because a scan of every
    // edge per call made suggestions for 1,000 services take most of a second.
    mutable std::map<QString, QStringList> m_callers;
    mutable bool m_callersStale = true;
};

} // namespace faultline
