// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentmanager.h"

#include <QFileInfo>

#include "incident/incidentjournal.h"
#include "incident/incidentlogging.h"
#include "incident/incidenttime.h"

namespace faultline
{

namespace
{

const QString managerSource = QStringLiteral("incident manager");

bool isManagerKind(EventKind kind)
{
    return kind == EventKind::IncidentOpened || kind == EventKind::IncidentClosed || kind == EventKind::IncidentResumed;
}

} // namespace

IncidentManager::IncidentManager(QObject *parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_autoCloseTimer.setSingleShot(true);
    connect(&m_autoCloseTimer, &QTimer::timeout, this, &IncidentManager::autoClose);
    m_retryTimer.setInterval(2000);
    connect(&m_retryTimer, &QTimer::timeout, this, &IncidentManager::flushPending);
}

IncidentManager::~IncidentManager() = default;

void IncidentManager::setStore(const IncidentStore &store)
{
    if (hasOpenIncident()) {
        qCWarning(lcIncident) << "journal folder not changed while incident" << m_incident->id << "is open";
        return;
    }
    m_store = store;
}

void IncidentManager::setAutoCloseDelay(std::chrono::milliseconds delay)
{
    m_autoCloseDelay = delay;
    if (delay.count() <= 0)
        m_autoCloseTimer.stop();
}

void IncidentManager::setBacklogLimits(std::size_t maxEvents, std::chrono::milliseconds maxAge)
{
    m_backlogLimit = maxEvents;
    m_backlogAge = maxAge;
}

void IncidentManager::setGraphSnapshotProvider(std::function<GraphSnapshot()> provider)
{
    m_graphProvider = std::move(provider);
}

void IncidentManager::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QStringList IncidentManager::activeAlarms() const
{
    return QStringList(m_activeAlarms.begin(), m_activeAlarms.end());
}

IncidentEvent IncidentManager::stamped(IncidentEvent event) const
{
    if (!event.time.isValid())
        event.time = m_clock();
    event.time = event.time.toUTC();
    event.sequence = 0;
    return event;
}

Result<QString> IncidentManager::resume()
{
    if (hasOpenIncident())
        return m_incident->id;
    const auto path = m_store.newestOpenJournal();
    if (!path)
        return QString();
    IncidentEvent resumed;
    resumed.kind = EventKind::IncidentResumed;
    resumed.source = managerSource;
    resumed.time = m_clock();
    return startIncident(resumed, *path);
}

Result<QString> IncidentManager::openIncident(
    const QString &title, const QString &operatorName, const QString &reason, const QString &journalPath)
{
    if (hasOpenIncident()) {
        return Error { tr("incident '%1' is already open; close it before opening another").arg(m_incident->title),
            m_incident->id };
    }
    IncidentEvent opening;
    opening.kind = EventKind::IncidentOpened;
    opening.source = operatorName.isEmpty() ? managerSource : QStringLiteral("operator");
    opening.operatorName = operatorName;
    opening.text = reason;
    opening.details.insert(QStringLiteral("title"), title);
    opening.time = m_clock();
    return startIncident(opening, journalPath);
}

Result<QString> IncidentManager::startIncident(const IncidentEvent &opening, const QString &journalPath)
{
    IncidentJournal::Contents contents;
    std::unique_ptr<IncidentJournal> journal;
    auto firstEvent = opening;

    if (!journalPath.isEmpty() && QFileInfo::exists(journalPath)) {
        auto opened = IncidentJournal::openForAppend(journalPath, contents);
        if (!opened)
            return opened.error();
        if (contents.incident.state == IncidentState::Closed) {
            return Error {
                tr("journal %1 belongs to a closed incident; give a new file name to start another").arg(journalPath),
                journalPath
            };
        }
        journal = std::move(opened).value();
        firstEvent = IncidentEvent {};
        firstEvent.kind = EventKind::IncidentResumed;
        firstEvent.source = opening.source;
        firstEvent.time = opening.time;
        firstEvent.text = tr("journal reopened after a restart");
        if (contents.tornTail)
            firstEvent.details.insert(
                QStringLiteral("dropped_bytes"), QString::number(contents.fileBytes - contents.validBytes));
        if (contents.skippedRecords > 0)
            firstEvent.details.insert(QStringLiteral("skipped_records"), QString::number(contents.skippedRecords));
    } else {
        QString path = journalPath;
        contents.incident.id = Incident::newId(opening.time);
        if (path.isEmpty()) {
            if (auto error = m_store.ensureDirectory())
                return *error;
            path = m_store.pathFor(contents.incident.id);
        }
        auto created = IncidentJournal::create(path, contents.incident.id);
        if (!created)
            return created.error();
        journal = std::move(created).value();
    }

    m_journal = std::move(journal);
    m_incident = std::make_unique<Incident>(std::move(contents.incident));
    m_nextSequence = m_incident->events.empty() ? 1 : m_incident->events.back().sequence + 1;
    const auto active = m_incident->activeAlarms();
    m_activeAlarms = std::set<QString>(active.begin(), active.end());
    m_snapshotTaken = false;
    m_criticalSnapshotTaken = false;
    bool criticalSeen = false;
    for (const auto &event : m_incident->events) {
        criticalSeen = criticalSeen || isCriticalEvent(event);
        if (event.kind == EventKind::GraphSnapshot) {
            m_snapshotTaken = true;
            m_criticalSnapshotTaken = m_criticalSnapshotTaken || criticalSeen;
        }
    }
    m_pending.clear();
    qCInfo(lcIncident) << "incident" << m_incident->id << "recording to" << m_journal->path();
    Q_EMIT incidentOpened(m_incident->id);

    std::vector<IncidentEvent> first { stamped(firstEvent) };
    for (const auto &event : m_backlog)
        first.push_back(event);
    m_backlog.clear();
    appendEvents(std::move(first));

    if (!m_snapshotTaken && hasOpenIncident())
        takeGraphSnapshot(m_clock(), false);
    // A resumed incident whose alarms had all cleared still closes itself, counted from now.
    if (m_activeAlarms.empty() && m_incident->hadAlarms() && m_autoCloseDelay.count() > 0)
        m_autoCloseTimer.start(m_autoCloseDelay);
    return m_incident->id;
}

std::optional<Error> IncidentManager::closeIncident(const QString &operatorName, const QString &reason)
{
    if (!hasOpenIncident())
        return std::nullopt;
    IncidentEvent closing;
    closing.kind = EventKind::IncidentClosed;
    closing.source = operatorName.isEmpty() ? managerSource : QStringLiteral("operator");
    closing.operatorName = operatorName;
    closing.text = reason;
    appendEvents({ stamped(closing) });
    if (!m_pending.empty()) {
        return Error { tr("the journal could not be written, so incident '%1' stays open until the write succeeds")
                           .arg(m_incident->title),
            m_journal->path() };
    }
    return std::nullopt;
}

void IncidentManager::addNote(const QString &operatorName, const QString &text, const QString &service)
{
    IncidentEvent note;
    note.kind = EventKind::OperatorNote;
    note.source = QStringLiteral("operator");
    note.operatorName = operatorName;
    note.text = text;
    note.service = service;
    record(note);
}

void IncidentManager::record(const IncidentEvent &event)
{
    recordBatch({ event });
}

void IncidentManager::recordBatch(const std::vector<IncidentEvent> &events)
{
    std::vector<IncidentEvent> toWrite;
    for (const auto &original : events) {
        if (isManagerKind(original.kind)) {
            qCWarning(lcIncident) << "event kind" << eventKindName(original.kind).data()
                                  << "is set by the incident manager; use openIncident or closeIncident";
            continue;
        }
        auto event = stamped(original);
        if (hasOpenIncident()) {
            toWrite.push_back(std::move(event));
            continue;
        }
        if (!m_autoOpen || event.kind != EventKind::AlarmRaised || event.severity != Severity::Critical) {
            addToBacklog(event);
            continue;
        }

        // The first critical alarm opens the incident, with the backlog before it.
        addToBacklog(event);
        IncidentEvent opening;
        opening.kind = EventKind::IncidentOpened;
        opening.source = managerSource;
        opening.time = event.time;
        opening.service = event.service;
        opening.correlationId = event.correlationId;
        opening.text = tr("opened by a critical alarm");
        opening.details.insert(QStringLiteral("title"),
            event.service.isEmpty() ? event.text : tr("%1: %2").arg(event.service, event.text));
        auto opened = startIncident(opening, {});
        if (!opened) {
            qCWarning(lcIncident) << "cannot open incident:" << opened.error().message;
            Q_EMIT journalFailed(opened.error().message);
        }
    }
    if (!toWrite.empty())
        appendEvents(std::move(toWrite));
}

void IncidentManager::addToBacklog(const IncidentEvent &event)
{
    m_backlog.push_back(event);
    const auto oldest = m_clock().addMSecs(-m_backlogAge.count());
    while (!m_backlog.empty() && (m_backlog.size() > m_backlogLimit || m_backlog.front().time < oldest))
        m_backlog.pop_front();
}

void IncidentManager::appendEvents(std::vector<IncidentEvent> events)
{
    for (auto &event : events) {
        event.sequence = m_nextSequence++;
        m_pending.push_back(std::move(event));
    }
    flushPending();
}

void IncidentManager::flushPending()
{
    if (m_pending.empty() || !m_journal) {
        m_retryTimer.stop();
        return;
    }
    if (auto error = m_journal->append(m_pending)) {
        qCWarning(lcIncident) << "journal write failed:" << error->message << m_pending.size() << "events wait";
        if (!m_retryTimer.isActive()) {
            m_retryTimer.start();
            Q_EMIT journalFailed(error->message);
        }
        return;
    }
    m_retryTimer.stop();

    auto written = std::move(m_pending);
    m_pending.clear();
    bool closed = false;
    bool critical = false;
    for (const auto &event : written) {
        m_incident->apply(event);
        trackAlarms(event);
        closed = closed || event.kind == EventKind::IncidentClosed;
        critical = critical || isCriticalEvent(event);
        Q_EMIT eventRecorded(event);
    }

    if (closed) {
        const auto id = m_incident->id;
        qCInfo(lcIncident) << "incident" << id << "closed; journal" << m_journal->path();
        m_journal.reset();
        m_autoCloseTimer.stop();
        m_activeAlarms.clear();
        Q_EMIT incidentClosed(id);
        return;
    }
    // The opening snapshot may have found no graph yet (a recorder starts before the first heartbeat).
    if (!m_snapshotTaken || (critical && !m_criticalSnapshotTaken))
        takeGraphSnapshot(written.back().time, critical);
}

void IncidentManager::trackAlarms(const IncidentEvent &event)
{
    if (event.kind == EventKind::AlarmRaised) {
        m_activeAlarms.insert(alarmKey(event));
        m_autoCloseTimer.stop();
    } else if (event.kind == EventKind::AlarmCleared) {
        m_activeAlarms.erase(alarmKey(event));
        if (m_activeAlarms.empty() && m_autoCloseDelay.count() > 0)
            m_autoCloseTimer.start(m_autoCloseDelay);
    }
}

void IncidentManager::takeGraphSnapshot(const QDateTime &time, bool critical)
{
    if (!m_graphProvider)
        return;
    auto graph = m_graphProvider();
    if (graph.empty())
        return;
    m_snapshotTaken = true;
    m_criticalSnapshotTaken = m_criticalSnapshotTaken || critical;
    IncidentEvent snapshot;
    snapshot.kind = EventKind::GraphSnapshot;
    snapshot.source = managerSource;
    snapshot.time = time.toUTC();
    snapshot.text = tr("dependency graph of %n services", nullptr, int(graph.nodes.size()));
    snapshot.graph = std::move(graph);
    appendEvents({ snapshot });
}

void IncidentManager::autoClose()
{
    if (!hasOpenIncident() || !m_activeAlarms.empty())
        return;
    closeIncident(
        {}, tr("every alarm has been clear for %1").arg(IncidentTime::durationText(m_autoCloseDelay.count())));
}

} // namespace faultline
