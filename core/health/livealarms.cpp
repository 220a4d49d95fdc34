// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livealarms.h"

#include <algorithm>

#include <QCoreApplication>

#include "incident/incidentsink.h"

namespace faultline
{

namespace
{

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

IncidentEvent incidentEventOf(const AlarmEvent &event)
{
    const auto &alarm = event.alarm;
    IncidentEvent incident;
    incident.service = QString::fromStdString(alarm.service);
    incident.source = QStringLiteral("alarms");
    incident.operatorName = QString::fromStdString(event.operatorName);
    incident.correlationId = QString::number(alarm.id);
    incident.text = alarmText(alarm);
    incident.details.insert(QStringLiteral("condition"), qs(healthConditionName(alarm.condition)));
    incident.details.insert(QStringLiteral("level"), qs(healthLevelName(alarm.level)));
    incident.details.insert(QStringLiteral("priority"), qs(alarmPriorityName(alarm.priority)));
    incident.details.insert(QStringLiteral("state"), qs(alarmStateName(alarm.state)));
    incident.details.insert(QStringLiteral("criticality"), qs(criticalityName(alarm.criticality)));
    incident.severity = alarm.level == HealthLevel::Critical ? Severity::Critical : Severity::Warning;
    switch (event.kind) {
    case AlarmEventKind::Raised:
    case AlarmEventKind::Escalated:
        incident.kind = EventKind::AlarmRaised;
        incident.details.insert(QStringLiteral("count"), QString::number(alarm.count));
        if (alarm.firstOut)
            incident.details.insert(QStringLiteral("first_out"), QStringLiteral("true"));
        if (!alarm.suppressedBy.empty())
            incident.details.insert(QStringLiteral("suppressed_by"), QString::fromStdString(alarm.suppressedBy));
        break;
    case AlarmEventKind::Acknowledged:
        incident.kind = EventKind::AlarmAcknowledged;
        incident.severity = Severity::Info;
        break;
    case AlarmEventKind::Shelved:
    case AlarmEventKind::Unshelved:
        // The journal has one event kind for both, so the "action" detail distinguishes them.
        incident.kind = EventKind::AlarmShelved;
        incident.severity = Severity::Info;
        incident.details.insert(QStringLiteral("action"),
            event.kind == AlarmEventKind::Shelved ? QStringLiteral("shelve") : QStringLiteral("unshelve"));
        if (!event.reason.isEmpty())
            incident.text = event.reason;
        break;
    case AlarmEventKind::Cleared:
        incident.kind = EventKind::AlarmCleared;
        incident.severity = Severity::Info;
        break;
    }
    return incident;
}

} // namespace

LiveAlarms::LiveAlarms(QObject *parent)
    : QObject(parent)
{
}

const Alarm *LiveAlarms::alarm(quint64 id) const
{
    const auto it = m_alarms.find(id);
    return it == m_alarms.end() ? nullptr : &it->second;
}

int LiveAlarms::unacknowledgedCount() const
{
    return int(std::count_if(m_sorted.begin(), m_sorted.end(), [](const Alarm &alarm) {
        return alarm.state == AlarmState::Unacknowledged || alarm.state == AlarmState::ReturnedUnacknowledged;
    }));
}

void LiveAlarms::apply(const TopologyDelta &delta)
{
    const auto &health = delta.health;
    QList<quint64> changed;
    QList<quint64> removed;
    for (const auto &alarm : health.alarms) {
        m_alarms.insert_or_assign(alarm.id, alarm);
        changed.append(alarm.id);
    }
    for (const auto id : health.removedAlarms) {
        if (m_alarms.erase(id) > 0)
            removed.append(id);
    }
    if (!changed.isEmpty() || !removed.isEmpty()) {
        m_sorted.clear();
        for (const auto &[id, alarm] : m_alarms)
            m_sorted.push_back(alarm);
        std::sort(m_sorted.begin(), m_sorted.end(), alarmListOrder);
    }

    journal(health.events);
    if (!changed.isEmpty() || !removed.isEmpty())
        Q_EMIT alarmsChanged(changed, removed);
    for (const auto &event : health.events) {
        const bool raised = event.kind == AlarmEventKind::Raised || event.kind == AlarmEventKind::Escalated;
        if (raised && event.alarm.state == AlarmState::Unacknowledged)
            Q_EMIT alarmAnnunciated(event.alarm.id);
    }
    if (health.flood && *health.flood != m_flood) {
        m_flood = *health.flood;
        Q_EMIT floodChanged();
    }
    if (health.suspects && *health.suspects != m_suspects) {
        m_suspects = *health.suspects;
        Q_EMIT suspectsChanged();
    }
    for (const auto &message : health.commandErrors)
        Q_EMIT commandFailed(message);
}

void LiveAlarms::journal(const std::vector<AlarmEvent> &events)
{
    if (!m_sink || events.empty())
        return;
    std::vector<IncidentEvent> batch;
    batch.reserve(events.size());
    for (const auto &event : events)
        batch.push_back(incidentEventOf(event));
    m_sink->recordBatch(batch);
}

void LiveAlarms::send(HealthCommand command)
{
    if (!m_sender) {
        Q_EMIT commandFailed(QCoreApplication::translate(
            "LiveAlarms", "cannot change alarms: the console is not connected to a stream"));
        return;
    }
    command.operatorName = m_operatorName.toStdString();
    m_sender(command);
}

void LiveAlarms::acknowledge(quint64 id)
{
    HealthCommand command;
    command.kind = HealthCommand::Kind::Acknowledge;
    command.alarmId = id;
    send(std::move(command));
}

void LiveAlarms::acknowledgeAll()
{
    HealthCommand command;
    command.kind = HealthCommand::Kind::AcknowledgeAll;
    send(std::move(command));
}

void LiveAlarms::shelve(quint64 id, qint64 durationMs, const QString &reason)
{
    HealthCommand command;
    command.kind = HealthCommand::Kind::Shelve;
    command.alarmId = id;
    command.durationMs = durationMs;
    command.reason = reason;
    send(std::move(command));
}

void LiveAlarms::unshelve(quint64 id)
{
    HealthCommand command;
    command.kind = HealthCommand::Kind::Unshelve;
    command.alarmId = id;
    send(std::move(command));
}

void LiveAlarms::clear()
{
    QList<quint64> removed;
    for (const auto &[id, alarm] : m_alarms)
        removed.append(id);
    m_alarms.clear();
    m_sorted.clear();
    m_flood = {};
    m_suspects.clear();
    Q_EMIT alarmsChanged({}, removed);
    Q_EMIT floodChanged();
    Q_EMIT suspectsChanged();
}

} // namespace faultline
