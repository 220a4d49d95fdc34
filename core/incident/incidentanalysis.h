// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QDateTime>
#include <QString>

#include "incident/incident.h"

namespace faultline
{

/** How one service suffered during an incident. */
struct ServiceImpact {
    QString service;
    std::optional<Criticality> criticality; // from the events, else from the graph snapshot
    ServiceState worstState = ServiceState::Ok;
    QDateTime firstImpaired;
    QDateTime lastRecovered; // null when the service was still impaired at the end
    qint64 impairedMs = 0; // total time impaired, counted to the incident's end when it never recovered
    int alarms = 0;
};

/** An operator action: the request and what came of it. Either side may be missing from the journal. */
struct ActionRecord {
    std::optional<IncidentEvent> request; // ActionSent
    std::optional<IncidentEvent> outcome; // ActionApplied, ActionRejected or ActionTimedOut
};

/**
 * What the post-mortem exports derive from an incident. A service is impaired while its state is
 * warning, critical or stale (an unknown state keeps an impairment going) or while an alarm on
 * it is active. The key times:
 *  - impact start: the first impairment, else the first alarm, else the opening;
 *  - detected: the first alarm raised, else the opening (an incident opened by hand);
 *  - mitigated: the first action applied, else the first mode change to isolated, degraded or shedding;
 *  - recovered: the last moment at which no service was impaired, when that holds at the end.
 */
struct IncidentAnalysis {
    static IncidentAnalysis of(const Incident &incident);

    std::vector<IncidentEvent> timeline; // every event, by time
    std::vector<ServiceImpact> impacts; // core services first, then by first impairment
    QDateTime impactStart;
    QDateTime detected;
    QDateTime mitigated;
    QDateTime recovered;
    QDateTime end; // the closing time, else the last event
    std::vector<ActionRecord> actions; // by request time
    std::vector<IncidentEvent> playbookSteps;
    std::vector<IncidentEvent> notes;
    std::vector<IncidentEvent> streamProblems;
    int alarmsRaised = 0;

    /** Milliseconds from the impact start to @p time, or nothing when either is unknown. */
    std::optional<qint64> sinceImpactStart(const QDateTime &time) const;
};

} // namespace faultline
