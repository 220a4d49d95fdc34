// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

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

    std::optional<ServiceMetrics> service(const QString &name) const override;
    QStringList services() const override;
    QStringList callers(const QString &name) const override;

private:
    QPointer<const LiveTopology> m_topology;
    Clock m_clock;
};

} // namespace faultline
