// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <set>

#include <QObject>
#include <QTimer>

#include "common/result.h"
#include "incident/incident.h"
#include "incident/incidentsink.h"
#include "incident/incidentstore.h"

namespace faultline
{

class IncidentJournal;

/**
 * Keeps the open incident and its journal. It opens an incident on the first critical alarm (or
 * by hand), records what the alarm, control and playbook code report through IncidentSink, and
 * closes the incident by hand or once every alarm has been clear for autoCloseDelay().
 *
 * Every event in currentIncident() and every eventRecorded() signal is on disk: events are
 * written and fdatasync()ed first. While no incident is open, events wait in a bounded backlog
 * (the last backlogLimit() events of the last backlogAge()) and go into the next incident, so its
 * timeline starts with the warnings that led to it. Use it on one thread.
 *
 * NOTE: the write and its fdatasync run on the calling thread, typically 4 ms and rarely up to
 * 100 ms on the development VM, so record bursts with recordBatch(), which costs one sync.
 */
class IncidentManager : public QObject, public IncidentSink
{
    Q_OBJECT

public:
    explicit IncidentManager(QObject *parent = nullptr);
    ~IncidentManager() override;

    /** Sets the journal folder; only takes effect while no incident is open. */
    void setStore(const IncidentStore &store);
    const IncidentStore &store() const { return m_store; }

    /** How long every alarm must stay clear before the incident closes itself; zero turns that off. */
    void setAutoCloseDelay(std::chrono::milliseconds delay);
    std::chrono::milliseconds autoCloseDelay() const { return m_autoCloseDelay; }

    /** Whether the first critical alarm opens an incident (on by default; off for a recorder). */
    void setAutoOpen(bool enabled) { m_autoOpen = enabled; }

    void setBacklogLimits(std::size_t maxEvents, std::chrono::milliseconds maxAge);
    std::size_t backlogLimit() const { return m_backlogLimit; }
    std::chrono::milliseconds backlogAge() const { return m_backlogAge; }

    /** Supplies the dependency graph, recorded when an incident opens and at its first critical event. */
    void setGraphSnapshotProvider(std::function<GraphSnapshot()> provider);

    /** Replaces the clock (UTC now), for tests. */
    void setClock(std::function<QDateTime()> clock);

    /**
     * Resumes the most recent open incident in the store after a restart: cuts a torn tail off
     * its journal and records IncidentResumed. Returns the resumed id, or an empty string when
     * no incident was open.
     */
    Result<QString> resume();

    /**
     * Opens an incident by hand. With @p journalPath empty the journal goes into the store;
     * otherwise that file is created, or resumed when it is an open journal. Returns the id.
     */
    Result<QString> openIncident(
        const QString &title, const QString &operatorName, const QString &reason = {}, const QString &journalPath = {});

    /** Closes the open incident by hand; does nothing when none is open. */
    std::optional<Error> closeIncident(const QString &operatorName, const QString &reason);

    /** Adds an operator note to the open incident (or to the backlog). */
    void addNote(const QString &operatorName, const QString &text, const QString &service = {});

    void record(const IncidentEvent &event) override;
    void recordBatch(const std::vector<IncidentEvent> &events) override;

    bool hasOpenIncident() const { return m_journal != nullptr; }
    /** The open incident, or the last one closed in this session; nullptr before either exists. */
    const Incident *currentIncident() const { return m_incident ? m_incident.get() : nullptr; }
    /** Keys of the alarms raised and not yet cleared in the open incident. */
    QStringList activeAlarms() const;
    /** Events recorded but not yet on disk because the last write failed. */
    std::size_t pendingEvents() const { return m_pending.size(); }
    std::size_t backlogSize() const { return m_backlog.size(); }

Q_SIGNALS:
    void incidentOpened(const QString &incidentId);
    void incidentClosed(const QString &incidentId);
    /** Emitted for each event once it is on disk, in sequence order. */
    void eventRecorded(const faultline::IncidentEvent &event);
    /** The journal could not be written; the events wait and are retried every few seconds. */
    void journalFailed(const QString &message);

private:
    IncidentEvent stamped(IncidentEvent event) const;
    Result<QString> startIncident(const IncidentEvent &opening, const QString &journalPath);
    void addToBacklog(const IncidentEvent &event);
    void appendEvents(std::vector<IncidentEvent> events);
    void flushPending();
    void trackAlarms(const IncidentEvent &event);
    void takeGraphSnapshot(const QDateTime &time, bool critical);
    void autoClose();

    IncidentStore m_store;
    std::unique_ptr<IncidentJournal> m_journal;
    std::unique_ptr<Incident> m_incident;
    std::uint64_t m_nextSequence = 1;
    std::set<QString> m_activeAlarms;
    bool m_snapshotTaken = false;
    bool m_criticalSnapshotTaken = false;
    std::vector<IncidentEvent> m_pending;
    std::deque<IncidentEvent> m_backlog;
    std::size_t m_backlogLimit = 1000;
    std::chrono::milliseconds m_backlogAge = std::chrono::minutes(15);
    std::chrono::milliseconds m_autoCloseDelay = std::chrono::minutes(10);
    bool m_autoOpen = true;
    std::function<GraphSnapshot()> m_graphProvider;
    std::function<QDateTime()> m_clock;
    QTimer m_autoCloseTimer;
    QTimer m_retryTimer;
};

} // namespace faultline
