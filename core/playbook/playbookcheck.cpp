// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookcheck.h"

#include <algorithm>

#include <QCoreApplication>

namespace faultline
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::PlaybookCheck", text);
}

bool compare(PlaybookCheck::Comparison comparison, double value, double threshold)
{
    return comparison == PlaybookCheck::Comparison::Below ? value < threshold : value > threshold;
}

// Evaluates the check on one service and describes the value it read.
std::pair<bool, QString> evaluateOne(const PlaybookCheck &check, const ServiceMetrics &metrics)
{
    const bool fresh = metrics.state != ServiceState::Stale && metrics.state != ServiceState::Unknown;
    const QString stateText = QString::fromUtf8(serviceStateName(metrics.state));
    switch (check.metric) {
    case CheckMetric::ErrorRate:
        if (!fresh)
            return { false, tr("%1 %2, no fresh data").arg(metrics.name, stateText) };
        return { compare(check.comparison, metrics.errorRate, check.threshold),
            tr("%1 %2 %").arg(metrics.name).arg(metrics.errorRate * 100, 0, 'f', 1) };
    case CheckMetric::LatencyP99:
        if (!fresh)
            return { false, tr("%1 %2, no fresh data").arg(metrics.name, stateText) };
        return { compare(check.comparison, metrics.latencyP99Ms, check.threshold),
            tr("%1 %2 ms").arg(metrics.name).arg(metrics.latencyP99Ms, 0, 'f', 0) };
    case CheckMetric::Staleness:
        if (!metrics.stalenessMs)
            return { false, tr("%1 no heartbeat yet").arg(metrics.name) };
        return { compare(check.comparison, *metrics.stalenessMs, check.threshold),
            tr("%1 last heartbeat %2 s ago").arg(metrics.name).arg(*metrics.stalenessMs / 1000.0, 0, 'f', 1) };
    case CheckMetric::State:
        return { std::find(check.states.begin(), check.states.end(), metrics.state) != check.states.end(),
            tr("%1 %2").arg(metrics.name, stateText) };
    case CheckMetric::Mode:
        return { std::find(check.modes.begin(), check.modes.end(), metrics.mode) != check.modes.end(),
            tr("%1 %2").arg(metrics.name, QString::fromUtf8(modeName(metrics.mode))) };
    }
    return { false, {} };
}

} // namespace

QStringList resolveTargets(const PlaybookTarget &target, const QString &suspect, const PlaybookMetrics &metrics)
{
    switch (target.kind) {
    case PlaybookTarget::Kind::Suspect:
        return { suspect };
    case PlaybookTarget::Kind::Callers:
        return metrics.callers(suspect);
    case PlaybookTarget::Kind::Service:
        return { target.service };
    }
    return {};
}

CheckObservation evaluateCheck(const PlaybookCheck &check, const QString &suspect, const PlaybookMetrics &metrics)
{
    const QStringList targets = resolveTargets(check.subject, suspect, metrics);
    if (targets.isEmpty())
        return { false, tr("no callers of %1 seen yet").arg(suspect) };

    CheckObservation observation { true, {} };
    QStringList parts;
    for (const QString &name : targets) {
        const auto service = metrics.service(name);
        if (!service) {
            observation.satisfied = false;
            parts.append(tr("%1 no data").arg(name));
            continue;
        }
        const auto [satisfied, text] = evaluateOne(check, *service);
        observation.satisfied = observation.satisfied && satisfied;
        parts.append(text);
    }
    observation.observed = parts.join(QStringLiteral(", "));
    return observation;
}

} // namespace faultline
