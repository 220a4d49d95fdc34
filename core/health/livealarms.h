// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <map>
#include <vector>

#include <QList>
#include <QObject>
#include <QString>

#include "health/alarm.h"
#include "health/healthdelta.h"
#include "health/suspect.h"
#include "topology/topologydelta.h"

namespace faultline
{

class IncidentSink;

/**
 * The console's alarm list, flood summary and root-cause suspects, on the GUI thread. It applies
 * the health part of each TopologyDelta, records alarm events into an IncidentSink, and sends the
 * operator's acknowledgements and shelving to the ingest thread through a command sender. Plain
 * structs and signals only, so any view (or none, as in faultlinectl) can sit on top.
 */
class LiveAlarms : public QObject
{
    Q_OBJECT

public:
    using CommandSender = std::function<void(const HealthCommand &)>;

    explicit LiveAlarms(QObject *parent = nullptr);

    /** Where alarm events are journalled; not owned, may be null. */
    void setIncidentSink(IncidentSink *sink) { m_sink = sink; }
    /** Where commands go, usually IngestClient::sendHealthCommand. Without one, commands fail with a message. */
    void setCommandSender(CommandSender sender) { m_sender = std::move(sender); }
    void setOperatorName(const QString &name) { m_operatorName = name; }

    /** The rows of the list in alarmListOrder: highest priority first, then the most recently raised. */
    const std::vector<Alarm> &alarms() const { return m_sorted; }
    const Alarm *alarm(quint64 id) const;
    int unacknowledgedCount() const;
    const FloodSummary &flood() const { return m_flood; }
    /** The latest ranking, best first; empty while nothing is wrong. */
    const std::vector<Suspect> &suspects() const { return m_suspects; }

public Q_SLOTS:
    void apply(const faultline::TopologyDelta &delta);
    void acknowledge(quint64 id);
    void acknowledgeAll();
    void shelve(quint64 id, qint64 durationMs, const QString &reason);
    void unshelve(quint64 id);
    void clear();

Q_SIGNALS:
    /** Emitted once per applied delta that changed the list, after alarms() is updated. */
    void alarmsChanged(const QList<quint64> &changedIds, const QList<quint64> &removedIds);
    /** An alarm was raised, raised again or escalated, and is not hidden by suppression or shelving. */
    void alarmAnnunciated(quint64 id);
    void floodChanged();
    void suspectsChanged();
    void commandFailed(const QString &message);

private:
    void send(HealthCommand command);
    void journal(const std::vector<AlarmEvent> &events);

    std::map<quint64, Alarm> m_alarms;
    std::vector<Alarm> m_sorted;
    FloodSummary m_flood;
    std::vector<Suspect> m_suspects;
    IncidentSink *m_sink = nullptr;
    CommandSender m_sender;
    QString m_operatorName;
};

} // namespace faultline
