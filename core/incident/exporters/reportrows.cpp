// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportrows.h"

#include "incident/eventtext.h"
#include "incident/incidenttime.h"

namespace faultline
{

QString ReportRows::utc(const QDateTime &time)
{
    return time.isValid() ? IncidentTime::toUtcText(time) : QStringLiteral("–");
}

QStringList ReportRows::impactHeader()
{
    return { tr("Service"), tr("Criticality"), tr("Worst state"), tr("Impaired from (UTC)"), tr("Recovered at (UTC)"),
        tr("Time impaired"), tr("Alarms") };
}

QStringList ReportRows::impactCells(const ServiceImpact &impact)
{
    return { impact.service, impact.criticality ? EventText::criticalityLabel(*impact.criticality) : tr("not stated"),
        EventText::stateLabel(impact.worstState), utc(impact.firstImpaired),
        impact.lastRecovered.isValid() ? utc(impact.lastRecovered) : tr("not recovered"),
        IncidentTime::durationText(impact.impairedMs), QString::number(impact.alarms) };
}

QStringList ReportRows::keyTimesHeader()
{
    return { tr("Measure"), tr("Time (UTC)"), tr("Since the impact started") };
}

QList<QStringList> ReportRows::keyTimes(const IncidentAnalysis &analysis)
{
    const std::pair<QString, QDateTime> measures[] = {
        { tr("Impact started"), analysis.impactStart },
        { tr("Time to detect (first alarm)"), analysis.detected },
        { tr("Time to mitigate (first action applied)"), analysis.mitigated },
        { tr("Time to recover (every service normal)"), analysis.recovered },
    };
    QList<QStringList> rows;
    for (const auto &[label, time] : measures) {
        const auto since = analysis.sinceImpactStart(time);
        rows.append({ label, utc(time), since ? IncidentTime::durationText(*since) : QStringLiteral("–") });
    }
    return rows;
}

QStringList ReportRows::timelineHeader()
{
    return { tr("Time (UTC)"), tr("Seq"), tr("Severity"), tr("Event"), tr("Service"), tr("Source"), tr("Operator"),
        tr("Description") };
}

QStringList ReportRows::timelineCells(const IncidentEvent &event)
{
    return { utc(event.time), QString::number(event.sequence), EventText::severityLabel(event.severity),
        EventText::kindLabel(event.kind), event.service, event.source, event.operatorName,
        EventText::description(event) };
}

QStringList ReportRows::actionHeader()
{
    return { tr("Sent (UTC)"), tr("Operator"), tr("Action"), tr("Service"), tr("Reason"), tr("Outcome"),
        tr("Outcome at (UTC)") };
}

QStringList ReportRows::actionCells(const ActionRecord &action)
{
    // A reply without a recorded request still names the operation and service.
    const auto &any = action.request ? *action.request : *action.outcome;
    QString outcome = action.outcome ? EventText::kindLabel(action.outcome->kind) : tr("no reply recorded");
    if (action.outcome && action.outcome->kind != EventKind::ActionApplied && !action.outcome->text.isEmpty())
        outcome = tr("%1: %2").arg(outcome, action.outcome->text);
    return { action.request ? utc(action.request->time) : tr("not recorded"), any.operatorName,
        any.details.value(QStringLiteral("operation")), any.service, action.request ? action.request->text : QString(),
        outcome, action.outcome ? utc(action.outcome->time) : QStringLiteral("–") };
}

} // namespace faultline
