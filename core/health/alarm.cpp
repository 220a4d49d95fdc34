// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarm.h"

#include <QCoreApplication>

namespace faultline
{

namespace
{

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Alarm", text, nullptr, n);
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', share < 0.1 ? 1 : 0);
}

} // namespace

std::string_view alarmPriorityName(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Low:
        return "low";
    case AlarmPriority::Medium:
        return "medium";
    case AlarmPriority::High:
        return "high";
    case AlarmPriority::Urgent:
        return "urgent";
    }
    return "low";
}

std::string_view alarmStateName(AlarmState state)
{
    switch (state) {
    case AlarmState::Unacknowledged:
        return "unacknowledged";
    case AlarmState::Acknowledged:
        return "acknowledged";
    case AlarmState::ReturnedUnacknowledged:
        return "returned_unacknowledged";
    case AlarmState::Shelved:
        return "shelved";
    case AlarmState::Suppressed:
        return "suppressed";
    case AlarmState::Normal:
        return "normal";
    }
    return "normal";
}

QString alarmText(const Alarm &alarm)
{
    const bool critical = alarm.level == HealthLevel::Critical;
    switch (alarm.condition) {
    case HealthCondition::ErrorRate:
        return (critical ? tr("error rate %1 % (critical at %2 %)") : tr("error rate %1 % (warning at %2 %)"))
            .arg(percent(alarm.value), percent(alarm.threshold));
    case HealthCondition::Latency:
        return (critical ? tr("p99 latency %1 ms (critical at %2 ms)") : tr("p99 latency %1 ms (warning at %2 ms)"))
            .arg(alarm.value, 0, 'f', 0)
            .arg(alarm.threshold, 0, 'f', 0);
    case HealthCondition::Saturation:
        return (critical ? tr("%1 % of capacity in use (critical at %2 %)")
                         : tr("%1 % of capacity in use (warning at %2 %)"))
            .arg(percent(alarm.value), percent(alarm.threshold));
    case HealthCondition::Heartbeat:
        return (critical ? tr("stale: no heartbeat for %1 intervals (stale after %2)")
                         : tr("heartbeat late: none for %1 intervals (late after %2)"))
            .arg(alarm.value, 0, 'f', 1)
            .arg(alarm.threshold, 0, 'g', 3);
    }
    return {};
}

bool alarmListOrder(const Alarm &a, const Alarm &b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.lastRaisedAtMs != b.lastRaisedAtMs)
        return a.lastRaisedAtMs > b.lastRaisedAtMs;
    return a.id > b.id;
}

QString floodSummaryText(const FloodSummary &flood)
{
    if (!flood.active)
        return {};
    QStringList services;
    for (const auto &[service, count] : flood.topServices)
        services.append(QStringLiteral("%1 (%2)").arg(QString::fromStdString(service)).arg(count));
    QStringList firstOut;
    for (const auto &service : flood.firstOutServices)
        firstOut.append(QString::fromStdString(service));
    auto text = tr("Alarm flood: %n alarms in the last 10 minutes", flood.alarmsInWindow);
    text += tr("; %1 urgent, %2 high")
                .arg(flood.byPriority[std::size_t(AlarmPriority::Urgent)])
                .arg(flood.byPriority[std::size_t(AlarmPriority::High)]);
    if (!firstOut.isEmpty())
        text += tr("; first out: %1").arg(firstOut.join(QStringLiteral(", ")));
    if (!services.isEmpty())
        text += tr("; most from %1").arg(services.join(QStringLiteral(", ")));
    if (flood.suppressed > 0)
        text += tr("; %n suppressed", flood.suppressed);
    return text;
}

} // namespace faultline
