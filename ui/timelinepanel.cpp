// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinepanel.h"

#include <set>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "incident/eventtext.h"
#include "incident/incidentmanager.h"
#include "incident/incidenttimelinefilter.h"
#include "incident/incidenttimelinemodel.h"

namespace faultline
{

namespace
{

/** The kind filter's groups: one entry per group keeps the box short. */
struct KindGroup {
    const char *label;
    std::set<EventKind> kinds;
};

const std::vector<KindGroup> &kindGroups()
{
    static const std::vector<KindGroup> groups = {
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Alarms"),
            { EventKind::AlarmRaised, EventKind::AlarmAcknowledged, EventKind::AlarmShelved,
                EventKind::AlarmCleared } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "State and mode changes"),
            { EventKind::StateChanged, EventKind::ModeChanged } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Operator actions"),
            { EventKind::ActionSent, EventKind::ActionApplied, EventKind::ActionRejected, EventKind::ActionTimedOut } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Playbook steps"),
            { EventKind::PlaybookStepStarted, EventKind::PlaybookCheckPassed, EventKind::PlaybookCheckFailed,
                EventKind::PlaybookStepSkipped } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Notes"), { EventKind::OperatorNote } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Stream problems"),
            { EventKind::PublisherLost, EventKind::PublisherReturned, EventKind::MessagesLost,
                EventKind::MessagesMalformed } },
        { QT_TRANSLATE_NOOP("faultline::TimelinePanel", "Incident"),
            { EventKind::IncidentOpened, EventKind::IncidentClosed, EventKind::IncidentResumed,
                EventKind::GraphSnapshot } },
    };
    return groups;
}

QString utcOffsetText(const QTimeZone &zone)
{
    const int seconds = zone.offsetFromUtc(QDateTime::currentDateTimeUtc());
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(seconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new IncidentTimelineModel(this))
    , m_filter(new IncidentTimelineFilter(this))
    , m_header(new QLabel(this))
    , m_severity(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_note(new QLineEdit(this))
    , m_addNote(new QPushButton(tr("Add &note"), this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    m_filter->setSourceModel(m_model);
    m_filter->sort(IncidentTimelineModel::TimeColumn);

    m_severity->addItem(tr("All severities"));
    m_severity->addItem(tr("Warning and critical"));
    m_severity->addItem(tr("Critical only"));
    m_service->addItem(tr("All services"));
    m_kind->addItem(tr("All kinds"));
    for (const auto &group : kindGroups())
        m_kind->addItem(tr(group.label));
    m_search->setPlaceholderText(tr("Search the timeline"));
    m_search->setClearButtonEnabled(true);
    m_note->setPlaceholderText(tr("Type a note for the timeline and press Enter"));

    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(IncidentTimelineModel::DescriptionColumn, QHeaderView::Stretch);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_severity);
    filters->addWidget(m_service);
    filters->addWidget(m_kind);
    filters->addWidget(m_search, 1);

    auto *notes = new QHBoxLayout;
    notes->addWidget(m_note, 1);
    notes->addWidget(m_addNote);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addLayout(filters);
    layout->addWidget(m_view);
    layout->addLayout(notes);

    connect(m_severity, &QComboBox::currentIndexChanged, this, &TimelinePanel::applySeverityFilter);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &TimelinePanel::applyKindFilter);
    connect(m_service, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setServices(index <= 0 ? QStringList() : QStringList { m_service->currentText() });
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &IncidentTimelineFilter::setSearchText);
    connect(m_note, &QLineEdit::returnPressed, this, &TimelinePanel::addNote);
    connect(m_addNote, &QPushButton::clicked, this, &TimelinePanel::addNote);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        // Rebuilding the service list scans every event, so it runs only when a new service appears.
        for (int row = first; row <= last; ++row) {
            const QString &service = m_model->event(row).service;
            if (!service.isEmpty() && m_service->findText(service) < 0) {
                updateServices();
                break;
            }
        }
        updateHeader();
        // Follow the newest event unless the operator scrolled back to read.
        if (m_view->verticalScrollBar()->value() >= m_view->verticalScrollBar()->maximum() - 2)
            m_view->scrollToBottom();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateServices();
        updateHeader();
    });
    updateHeader();
}

void TimelinePanel::follow(IncidentManager *manager, const QString &operatorName)
{
    m_manager = manager;
    m_operatorName = operatorName;
    m_model->setManager(manager);
    connect(manager, &IncidentManager::incidentOpened, this, &TimelinePanel::updateHeader);
    connect(manager, &IncidentManager::incidentClosed, this, &TimelinePanel::updateHeader);
    m_note->setEnabled(true);
    m_addNote->setEnabled(true);
    updateHeader();
}

void TimelinePanel::show(const Incident &incident)
{
    m_manager = nullptr;
    m_readOnlyTitle = incident.title;
    m_model->setIncident(incident);
    m_note->setEnabled(false);
    m_note->setPlaceholderText(tr("A closed incident is read-only"));
    m_addNote->setEnabled(false);
    updateHeader();
}

void TimelinePanel::addNote()
{
    const auto text = m_note->text().trimmed();
    if (text.isEmpty() || !m_manager)
        return;
    // A note typed while the operator filters by service is about that service.
    const QString service = m_service->currentIndex() > 0 ? m_service->currentText() : QString();
    m_manager->addNote(m_operatorName, text, service);
    m_note->clear();
}

void TimelinePanel::updateHeader()
{
    const auto zone = utcOffsetText(m_model->timeZone());
    const int rows = m_model->rowCount();
    if (!m_manager) {
        m_header->setText(m_readOnlyTitle.isEmpty()
                ? tr("No incident shown.")
                : tr("%1 (closed, read-only): %n event(s); times in %2", nullptr, rows).arg(m_readOnlyTitle, zone));
        return;
    }
    const Incident *incident = m_manager->currentIncident();
    if (!m_manager->hasOpenIncident()) {
        m_header->setText(incident
                ? tr("No open incident; \"%1\" is closed. Times in %2.").arg(incident->title, zone)
                : tr("No open incident. Events before one opens are kept for it. Times in %1.").arg(zone));
        return;
    }
    m_header->setText(tr("%1: %n event(s); times in %2", nullptr, rows).arg(incident->title, zone));
}

void TimelinePanel::updateServices()
{
    const auto services = m_model->services();
    const QString current = m_service->currentIndex() > 0 ? m_service->currentText() : QString();
    const QSignalBlocker blocker(m_service);
    while (m_service->count() > 1)
        m_service->removeItem(1);
    m_service->addItems(services);
    const int index = current.isEmpty() ? 0 : m_service->findText(current);
    m_service->setCurrentIndex(std::max(index, 0));
}

void TimelinePanel::applyKindFilter()
{
    const int index = m_kind->currentIndex();
    if (index <= 0) {
        m_filter->setKinds({});
        return;
    }
    m_filter->setKinds(kindGroups()[std::size_t(index - 1)].kinds);
}

void TimelinePanel::applySeverityFilter()
{
    switch (m_severity->currentIndex()) {
    case 1:
        m_filter->setSeverities({ Severity::Warning, Severity::Critical });
        break;
    case 2:
        m_filter->setSeverities({ Severity::Critical });
        break;
    default:
        m_filter->setSeverities({});
        break;
    }
}

} // namespace faultline
