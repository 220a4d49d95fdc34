// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QString>
#include <QStringList>

#include "topology/servicestate.h"
#include "wire/healthreport.h"

namespace faultline
{

/** The state and measurements of one service at one moment, as playbook matching and checks read them. */
struct ServiceMetrics {
    QString name;
    ServiceState state = ServiceState::Unknown;
    ServiceMode mode = ServiceMode::Normal;
    Criticality criticality = Criticality::Important;
    double errorRate = 0; // 0..1
    double latencyP99Ms = 0;
    std::optional<double> stalenessMs; // age of the last heartbeat; empty before the first
    std::optional<double> saturation; // in-flight requests / capacity; empty when the service states no capacity
};

/**
 * The live metrics a playbook reads. LiveTopologyMetrics serves the console; tests script their
 * own. Called on the runner's thread only.
 */
class PlaybookMetrics
{
public:
    virtual ~PlaybookMetrics() = default;

    /** The named service, or empty when nothing is known of it. */
    virtual std::optional<ServiceMetrics> service(const QString &name) const = 0;
    /** Every service known, in a stable order. */
    virtual QStringList services() const = 0;
    /** The services that call @p name directly. */
    virtual QStringList callers(const QString &name) const = 0;
};

} // namespace faultline
