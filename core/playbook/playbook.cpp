// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbook.h"

#include <array>
#include <utility>

#include <QCoreApplication>

namespace faultline
{

namespace
{

constexpr std::array<std::pair<StepAction, std::string_view>, 8> actions { {
    { StepAction::None, "none" },
    { StepAction::Isolate, "isolate" },
    { StepAction::Degrade, "degrade" },
    { StepAction::Shed, "shed" },
    { StepAction::Ramp, "ramp" },
    { StepAction::Restore, "restore" },
    { StepAction::Wait, "wait" },
    { StepAction::Note, "note" },
} };

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::Playbook", text);
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const auto ms = duration.count();
    if (ms % 1000 != 0)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(ms / 1000);
}

QString formatNumber(double value)
{
    return QString::number(value, 'g', 6);
}

QString joinNames(const auto &values, auto nameOf)
{
    QStringList names;
    for (const auto &value : values)
        names.append(QString::fromUtf8(nameOf(value)));
    return names.join(tr(" or "));
}

} // namespace

std::string_view stepActionName(StepAction action)
{
    for (const auto &[entry, name] : actions) {
        if (entry == action)
            return name;
    }
    return {};
}

std::optional<StepAction> stepActionFromName(std::string_view name)
{
    for (const auto &[entry, entryName] : actions) {
        if (entryName == name)
            return entry;
    }
    return std::nullopt;
}

std::string_view checkMetricName(CheckMetric metric)
{
    switch (metric) {
    case CheckMetric::ErrorRate:
        return "error_rate";
    case CheckMetric::LatencyP99:
        return "p99";
    case CheckMetric::Staleness:
        return "staleness";
    case CheckMetric::State:
        return "state";
    case CheckMetric::Mode:
        return "mode";
    }
    return {};
}

std::string_view failurePolicyName(FailurePolicy policy)
{
    switch (policy) {
    case FailurePolicy::Retry:
        return "retry";
    case FailurePolicy::Continue:
        return "continue";
    case FailurePolicy::Rollback:
        return "rollback";
    case FailurePolicy::Escalate:
        return "escalate";
    }
    return {};
}

bool PlaybookStep::cutsTraffic() const
{
    switch (action) {
    case StepAction::Isolate:
    case StepAction::Shed:
        return true;
    case StepAction::Ramp:
        return percent.value_or(0) < 100;
    default:
        return false;
    }
}

int MatchClause::conditionCount() const
{
    return int(!states.empty()) + int(!modes.empty()) + int(!criticalities.empty()) + int(errorRateAbove.has_value())
        + int(errorRateBelow.has_value()) + int(latencyP99AboveMs.has_value()) + int(staleAboveMs.has_value())
        + int(callersErrorRateAbove.has_value()) + int(saturationAbove.has_value());
}

QString describeTarget(const PlaybookTarget &target)
{
    switch (target.kind) {
    case PlaybookTarget::Kind::Suspect:
        return tr("the suspect");
    case PlaybookTarget::Kind::Callers:
        return tr("the suspect's callers");
    case PlaybookTarget::Kind::Service:
        return target.service;
    }
    return {};
}

QString describeAction(const PlaybookStep &step)
{
    const QString target = describeTarget(step.target);
    switch (step.action) {
    case StepAction::None:
        return {};
    case StepAction::Isolate:
        return tr("Isolate %1").arg(target);
    case StepAction::Degrade:
        return tr("Degrade %1").arg(target);
    case StepAction::Shed:
        return tr("Shed load on %1 above %2 in-flight requests").arg(target, formatNumber(step.capacity.value_or(0)));
    case StepAction::Ramp:
        return tr("Ramp %1 to %2 %").arg(target, formatNumber(step.percent.value_or(0)));
    case StepAction::Restore:
        return tr("Restore %1").arg(target);
    case StepAction::Wait:
        return tr("Wait %1").arg(formatDuration(step.duration));
    case StepAction::Note:
        return tr("Note in the journal");
    }
    return {};
}

QString describeCheck(const PlaybookCheck &check)
{
    QString subject;
    switch (check.subject.kind) {
    case PlaybookTarget::Kind::Suspect:
        subject = tr("the suspect's");
        break;
    case PlaybookTarget::Kind::Callers:
        subject = tr("callers'");
        break;
    case PlaybookTarget::Kind::Service:
        subject = tr("%1's").arg(check.subject.service);
        break;
    }

    QString condition;
    const bool below = check.comparison == PlaybookCheck::Comparison::Below;
    switch (check.metric) {
    case CheckMetric::ErrorRate:
        condition = (below ? tr("error rate below %1 %") : tr("error rate above %1 %"))
                        .arg(formatNumber(check.threshold * 100));
        break;
    case CheckMetric::LatencyP99:
        condition = (below ? tr("p99 latency below %1 ms") : tr("p99 latency above %1 ms"))
                        .arg(formatNumber(check.threshold));
        break;
    case CheckMetric::Staleness:
        condition = (below ? tr("heartbeat age below %1") : tr("heartbeat age above %1"))
                        .arg(formatDuration(std::chrono::milliseconds(qint64(check.threshold))));
        break;
    case CheckMetric::State:
        condition = tr("state %1").arg(joinNames(check.states, serviceStateName));
        break;
    case CheckMetric::Mode:
        condition = tr("mode %1").arg(joinNames(check.modes, modeName));
        break;
    }

    if (check.hold.count() > 0)
        return tr("%1 %2 for %3 within %4")
            .arg(subject, condition, formatDuration(check.hold), formatDuration(check.within));
    return tr("%1 %2 within %3").arg(subject, condition, formatDuration(check.within));
}

} // namespace faultline
