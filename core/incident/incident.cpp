// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incident.h"

#include <algorithm>
#include <set>

#include <QRandomGenerator>

namespace faultline
{

std::string_view incidentStateName(IncidentState state)
{
    return state == IncidentState::Open ? "open" : "closed";
}

std::optional<IncidentState> incidentStateFromName(std::string_view name)
{
    if (name == "open")
        return IncidentState::Open;
    if (name == "closed")
        return IncidentState::Closed;
    return std::nullopt;
}

QString alarmKey(const IncidentEvent &event)
{
    return event.correlationId.isEmpty() ? event.service : event.correlationId;
}

bool isCriticalEvent(const IncidentEvent &event)
{
    if (event.kind == EventKind::AlarmRaised)
        return event.severity == Severity::Critical;
    if (event.kind == EventKind::StateChanged)
        return event.details.value(QStringLiteral("to")) == QLatin1String("critical");
    return false;
}

void Incident::apply(const IncidentEvent &event)
{
    if (event.kind == EventKind::IncidentOpened) {
        if (!openedAt.isValid())
            openedAt = event.time;
        const auto newTitle = event.details.value(QStringLiteral("title"));
        if (!newTitle.isEmpty())
            title = newTitle;
        state = IncidentState::Open;
        closedAt = {};
    } else if (event.kind == EventKind::IncidentClosed) {
        closedAt = event.time;
        state = IncidentState::Closed;
    }
    events.push_back(event);
}

std::vector<IncidentEvent> Incident::eventsByTime() const
{
    auto sorted = events;
    std::stable_sort(sorted.begin(), sorted.end(), [](const IncidentEvent &a, const IncidentEvent &b) {
        if (a.time != b.time)
            return a.time < b.time;
        return a.sequence < b.sequence;
    });
    return sorted;
}

QStringList Incident::activeAlarms() const
{
    std::set<QString> active;
    for (const auto &event : events) {
        if (event.kind == EventKind::AlarmRaised)
            active.insert(alarmKey(event));
        else if (event.kind == EventKind::AlarmCleared)
            active.erase(alarmKey(event));
    }
    return QStringList(active.begin(), active.end());
}

bool Incident::hadAlarms() const
{
    return std::any_of(
        events.begin(), events.end(), [](const IncidentEvent &event) { return event.kind == EventKind::AlarmRaised; });
}

const IncidentEvent *Incident::graphAtFirstAlarm() const
{
    // The first critical event marks the start best; without one the first alarm of any severity does.
    QDateTime reference;
    for (const auto &event : events) {
        if (isCriticalEvent(event) && (!reference.isValid() || event.time < reference))
            reference = event.time;
    }
    for (const auto &event : events) {
        if (!reference.isValid() && event.kind == EventKind::AlarmRaised)
            reference = event.time;
    }

    // Nearest in time wins, the earlier on a tie; without any alarm the first snapshot stands for the start.
    const IncidentEvent *best = nullptr;
    qint64 bestDistance = 0;
    for (const auto &event : events) {
        if (event.kind != EventKind::GraphSnapshot || !event.graph)
            continue;
        const qint64 distance = reference.isValid() ? std::abs(reference.msecsTo(event.time)) : 0;
        if (!best || distance < bestDistance || (distance == bestDistance && event.time < best->time)) {
            best = &event;
            bestDistance = distance;
        }
    }
    return best;
}

QString Incident::newId(const QDateTime &openedAt)
{
    const auto suffix = QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
    return openedAt.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-")) + suffix;
}

} // namespace faultline
