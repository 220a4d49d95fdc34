// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentanalysis.h"

#include <algorithm>
#include <map>

namespace faultline
{

namespace
{

bool isImpairedState(ServiceState state)
{
    return state == ServiceState::Warning || state == ServiceState::Critical || state == ServiceState::Stale;
}

int stateRank(ServiceState state)
{
    switch (state) {
    case ServiceState::Ok:
        return 0;
    case ServiceState::Unknown:
        return 1;
    case ServiceState::Warning:
        return 2;
    case ServiceState::Stale:
        return 3;
    case ServiceState::Critical:
        return 4;
    }
    return 0;
}

bool isActionOutcome(EventKind kind)
{
    return kind == EventKind::ActionApplied || kind == EventKind::ActionRejected || kind == EventKind::ActionTimedOut;
}

// The running state of one service while the timeline is replayed.
struct ServiceTrack {
    ServiceImpact impact;
    bool stateImpaired = false;
    std::map<QString, bool> activeAlarms;
    QDateTime impairedSince;

    bool impaired() const { return stateImpaired || !activeAlarms.empty(); }
};

class ImpactReplay
{
public:
    void apply(const IncidentEvent &event)
    {
        if (event.service.isEmpty())
            return;
        auto &track = trackOf(event.service);
        const bool before = track.impaired();
        const auto criticality = criticalityFromName(event.details.value(QStringLiteral("criticality")).toStdString());
        if (criticality)
            track.impact.criticality = criticality;

        if (event.kind == EventKind::StateChanged) {
            const auto to = serviceStateFromName(event.details.value(QStringLiteral("to")).toStdString());
            if (to) {
                // Unknown after an impairment means no data, which never counts as recovery.
                if (*to != ServiceState::Unknown)
                    track.stateImpaired = isImpairedState(*to);
                if (stateRank(*to) > stateRank(track.impact.worstState))
                    track.impact.worstState = *to;
            }
        } else if (event.kind == EventKind::AlarmRaised) {
            track.activeAlarms[alarmKey(event)] = true;
            ++track.impact.alarms;
            const auto alarmState
                = event.severity == Severity::Critical ? ServiceState::Critical : ServiceState::Warning;
            if (event.severity != Severity::Info && stateRank(alarmState) > stateRank(track.impact.worstState))
                track.impact.worstState = alarmState;
        } else if (event.kind == EventKind::AlarmCleared) {
            track.activeAlarms.erase(alarmKey(event));
        }

        const bool after = track.impaired();
        if (!before && after) {
            track.impairedSince = event.time;
            if (!track.impact.firstImpaired.isValid())
                track.impact.firstImpaired = event.time;
            track.impact.lastRecovered = {};
            ++m_impairedServices;
        } else if (before && !after) {
            track.impact.impairedMs += track.impairedSince.msecsTo(event.time);
            track.impact.lastRecovered = event.time;
            if (--m_impairedServices == 0)
                m_lastAllClear = event.time;
        }
    }

    std::vector<ServiceImpact> finish(const QDateTime &end, const GraphSnapshot *graph)
    {
        std::vector<ServiceImpact> impacts;
        for (auto &[name, track] : m_tracks) {
            if (!track.impact.firstImpaired.isValid())
                continue;
            if (track.impaired())
                track.impact.impairedMs += std::max<qint64>(0, track.impairedSince.msecsTo(end));
            if (!track.impact.criticality && graph) {
                for (const auto &node : graph->nodes) {
                    if (node.name == name)
                        track.impact.criticality = node.criticality;
                }
            }
            impacts.push_back(track.impact);
        }
        std::stable_sort(impacts.begin(), impacts.end(), [](const ServiceImpact &a, const ServiceImpact &b) {
            const int rankA = a.criticality ? int(*a.criticality) : -1;
            const int rankB = b.criticality ? int(*b.criticality) : -1;
            if (rankA != rankB)
                return rankA > rankB;
            return a.firstImpaired < b.firstImpaired;
        });
        return impacts;
    }

    bool anyImpaired() const { return m_impairedServices > 0; }
    QDateTime lastAllClear() const { return m_lastAllClear; }

private:
    ServiceTrack &trackOf(const QString &service)
    {
        auto &track = m_tracks[service];
        track.impact.service = service;
        return track;
    }

    std::map<QString, ServiceTrack> m_tracks;
    int m_impairedServices = 0;
    QDateTime m_lastAllClear;
};

} // namespace

IncidentAnalysis IncidentAnalysis::of(const Incident &incident)
{
    IncidentAnalysis analysis;
    analysis.timeline = incident.eventsByTime();
    analysis.end = incident.closedAt.isValid() ? incident.closedAt
        : analysis.timeline.empty()            ? incident.openedAt
                                               : analysis.timeline.back().time;

    ImpactReplay replay;
    std::map<QString, std::size_t> actionByRequest;
    QDateTime firstApplied;
    QDateTime firstMitigatingMode;
    for (const auto &event : analysis.timeline) {
        replay.apply(event);

        switch (event.kind) {
        case EventKind::AlarmRaised:
            ++analysis.alarmsRaised;
            if (!analysis.detected.isValid())
                analysis.detected = event.time;
            break;
        case EventKind::ActionSent:
            actionByRequest[event.correlationId] = analysis.actions.size();
            analysis.actions.push_back({ event, std::nullopt });
            break;
        case EventKind::ModeChanged: {
            const auto to = event.details.value(QStringLiteral("to"));
            if (!firstMitigatingMode.isValid()
                && (to == QLatin1String("isolated") || to == QLatin1String("degraded")
                    || to == QLatin1String("shedding")))
                firstMitigatingMode = event.time;
            break;
        }
        case EventKind::PlaybookStepStarted:
        case EventKind::PlaybookCheckPassed:
        case EventKind::PlaybookCheckFailed:
        case EventKind::PlaybookStepSkipped:
            analysis.playbookSteps.push_back(event);
            break;
        case EventKind::OperatorNote:
            analysis.notes.push_back(event);
            break;
        case EventKind::PublisherLost:
        case EventKind::PublisherReturned:
        case EventKind::MessagesLost:
        case EventKind::MessagesMalformed:
            analysis.streamProblems.push_back(event);
            break;
        default:
            break;
        }

        if (isActionOutcome(event.kind)) {
            // The first outcome of a request counts; a retry's second reply does not replace it.
            const auto it
                = event.correlationId.isEmpty() ? actionByRequest.end() : actionByRequest.find(event.correlationId);
            if (it != actionByRequest.end() && !analysis.actions[it->second].outcome)
                analysis.actions[it->second].outcome = event;
            else if (it == actionByRequest.end())
                analysis.actions.push_back({ std::nullopt, event });
            if (event.kind == EventKind::ActionApplied && !firstApplied.isValid())
                firstApplied = event.time;
        }
    }

    analysis.mitigated = firstApplied.isValid() ? firstApplied : firstMitigatingMode;

    const auto *graphEvent = incident.graphAtFirstAlarm();
    analysis.impacts = replay.finish(analysis.end, graphEvent ? &*graphEvent->graph : nullptr);
    for (const auto &impact : analysis.impacts) {
        if (!analysis.impactStart.isValid() || impact.firstImpaired < analysis.impactStart)
            analysis.impactStart = impact.firstImpaired;
    }
    if (!analysis.impactStart.isValid())
        analysis.impactStart = analysis.detected.isValid() ? analysis.detected : incident.openedAt;
    if (!analysis.detected.isValid())
        analysis.detected = incident.openedAt;
    if (!replay.anyImpaired())
        analysis.recovered = replay.lastAllClear();
    return analysis;
}

std::optional<qint64> IncidentAnalysis::sinceImpactStart(const QDateTime &time) const
{
    if (!time.isValid() || !impactStart.isValid())
        return std::nullopt;
    return impactStart.msecsTo(time);
}

} // namespace faultline
