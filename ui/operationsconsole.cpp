// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "operationsconsole.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>

#include "alarmpanel.h"
#include "graphview.h"
#include "health/livealarms.h"
#include "incident/exporters/incidentexport.h"
#include "incident/incidentjournal.h"
#include "incident/incidentmanager.h"
#include "incident/topologyrecorder.h"
#include "incidentswindow.h"
#include "ingest/ingestclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "playbook/livetopologymetrics.h"
#include "playbook/playbooklibrary.h"
#include "playbookpanel.h"
#include "serviceactions.h"
#include "suspectspanel.h"
#include "thresholdsdialog.h"
#include "timelinepanel.h"
#include "topology/livetopology.h"

namespace faultline
{

namespace
{

QDockWidget *makeDock(QMainWindow *window, QWidget *panel, const QString &title, const QString &objectName)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(
        QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    return dock;
}

/** The file filter and suffix of each export format, in the order the save dialog lists them. */
struct FormatChoice {
    ExportFormat format;
    const char *filter;
    const char *suffix;
};

const FormatChoice formatChoices[] = {
    { ExportFormat::Markdown, QT_TRANSLATE_NOOP("faultline::OperationsConsole", "Markdown post-mortem (*.md)"), "md" },
    { ExportFormat::Html, QT_TRANSLATE_NOOP("faultline::OperationsConsole", "HTML report (*.html)"), "html" },
    { ExportFormat::Json, QT_TRANSLATE_NOOP("faultline::OperationsConsole", "JSON (*.json)"), "json" },
    { ExportFormat::Csv, QT_TRANSLATE_NOOP("faultline::OperationsConsole", "CSV spreadsheet (*.csv)"), "csv" },
};

} // namespace

OperationsConsole::OperationsConsole(MainWindow *window, LiveTopology *topology, CommandSender *sender, Options options)
    : QObject(window)
    , m_window(window)
    , m_topology(topology)
    , m_sender(sender)
    , m_options(std::move(options))
    , m_alarms(std::make_unique<LiveAlarms>())
    , m_incidents(std::make_unique<IncidentManager>())
{
    m_incidents->setStore(m_options.store);
    m_incidents->setGraphSnapshotProvider([topology] { return TopologyRecorder::snapshotOf(*topology); });
    TopologyRecorder::Options recorderOptions;
    recorderOptions.source = QStringLiteral("console");
    m_recorder = std::make_unique<TopologyRecorder>(*topology, *m_incidents, recorderOptions);
    m_alarms->setIncidentSink(m_incidents.get());
    m_alarms->setOperatorName(m_options.operatorName);

    m_actions = new ServiceActions(sender, m_incidents.get(), window);
    m_actions->setOperatorName(m_options.operatorName);
    connect(m_actions, &ServiceActions::finished, this, [this](const CommandOutcome &outcome, const QString &summary) {
        m_window->banner()->showMessage(
            summary, outcome.applied() ? MessageBanner::Level::Information : MessageBanner::Level::Warning);
    });
    connect(window->graphView(), &GraphView::selectedServiceChanged, m_actions, &ServiceActions::setCurrentService);
    connect(window->graphView(), &GraphView::selectedServiceChanged, this, [this](const QString &service) {
        m_currentService = service;
        m_thresholds->setEnabled(!service.isEmpty());
    });
    connect(window->graphView(), &GraphView::serviceContextMenuRequested, this, &OperationsConsole::showServiceMenu);

    connect(m_alarms.get(), &LiveAlarms::commandFailed, window, &MainWindow::showProblem);
    connect(m_incidents.get(), &IncidentManager::journalFailed, window, &MainWindow::showProblem);

    m_playbooks = std::make_unique<PlaybookLibrary>(PlaybookLibrary::builtIn());
    for (const auto &directory : std::as_const(m_options.playbookDirectories))
        m_playbooks->addDirectory(directory);
    m_metrics = std::make_unique<LiveTopologyMetrics>(topology);

    createDocks();
    createMenus();
    for (const auto &error : m_playbooks->errors())
        m_window->showProblem(tr("A playbook was not loaded: %1").arg(error.message));
    if (m_options.resumeOpenIncident)
        resume();
    updateIncidentActions();
}

OperationsConsole::~OperationsConsole()
{
    // The panels read the alarms and the incident manager, so they go first, then the recorder that
    // reports into the manager.
    for (const auto &dock : std::as_const(m_docks))
        delete dock.data();
    m_recorder.reset();
}

void OperationsConsole::connectIngest(IngestClient *ingest)
{
    m_ingest = ingest;
    connect(ingest, &IngestClient::deltaReady, m_alarms.get(), &LiveAlarms::apply);
    m_alarms->setCommandSender([this](const HealthCommand &command) { sendHealthCommand(command); });
}

void OperationsConsole::sendHealthCommand(const HealthCommand &command)
{
    if (!m_ingest || !m_ingest->sendHealthCommand(command))
        m_window->showProblem(tr("The command did not reach the ingest thread; it is not running. Restart the console "
                                 "with --connect or --demo."));
}

void OperationsConsole::showServiceMenu(const QString &service, const QPoint &globalPos)
{
    m_actions->setCurrentService(service);
    m_currentService = service;
    m_thresholds->setEnabled(true);
    QMenu menu;
    menu.addSection(service);
    m_actions->addTo(&menu);
    menu.addSeparator();
    menu.addAction(m_thresholds);
    menu.exec(globalPos);
}

void OperationsConsole::editThresholds(const QString &service)
{
    if (service.isEmpty())
        return;
    const auto name = service.toStdString();
    ThresholdsDialog dialog(service, m_options.health.thresholdsFor(name), m_window);
    const int result = dialog.exec();
    HealthCommand command;
    command.service = name;
    command.operatorName = m_options.operatorName.toStdString();
    if (result == QDialog::Accepted) {
        command.kind = HealthCommand::Kind::SetThresholds;
        command.thresholds = dialog.thresholds();
        if (auto error = m_options.health.setOverride(name, command.thresholds)) {
            m_window->showProblem(error->message);
            return;
        }
    } else if (result == ThresholdsDialog::ResetToDefaults) {
        command.kind = HealthCommand::Kind::ClearThresholds;
        m_options.health.clearOverride(name);
    } else {
        return;
    }
    sendHealthCommand(command);
}

void OperationsConsole::createDocks()
{
    m_alarmPanel = new AlarmPanel(m_alarms.get(), m_window);
    m_suspectsPanel = new SuspectsPanel(m_alarms.get(), m_window);
    m_timelinePanel = new TimelinePanel(m_window);
    m_timelinePanel->follow(m_incidents.get(), m_options.operatorName);

    auto *alarmDock = makeDock(m_window, m_alarmPanel, tr("Alarms"), QStringLiteral("alarmDock"));
    auto *timelineDock = makeDock(m_window, m_timelinePanel, tr("Incident timeline"), QStringLiteral("timelineDock"));
    m_suspectsDock = makeDock(m_window, m_suspectsPanel, tr("Likely root cause"), QStringLiteral("suspectsDock"));
    m_docks = { alarmDock, timelineDock, m_suspectsDock };
    m_window->addDockWidget(Qt::BottomDockWidgetArea, alarmDock);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, timelineDock);
    m_window->splitDockWidget(alarmDock, timelineDock, Qt::Horizontal);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_suspectsDock);

    auto select = [this](const QString &service) { m_window->graphView()->selectService(service); };
    connect(m_alarmPanel, &AlarmPanel::serviceSelected, this, select);
    connect(m_suspectsPanel, &SuspectsPanel::serviceSelected, this, select);

    m_playbookPanel = new PlaybookPanel(m_playbooks.get(), m_sender, m_metrics.get(), m_incidents.get(), m_window);
    m_playbookPanel->setOperatorName(m_options.operatorName);
    addSideDock(m_playbookPanel, tr("Playbooks"), QStringLiteral("playbookDock"));
    connect(
        m_window->graphView(), &GraphView::selectedServiceChanged, m_playbookPanel, &PlaybookPanel::setSelectedService);

    // A new alarm that is not hidden by design should be seen even when the dock was closed.
    connect(m_alarms.get(), &LiveAlarms::alarmAnnunciated, alarmDock, [alarmDock] {
        if (!alarmDock->isVisible())
            alarmDock->show();
    });
}

QDockWidget *OperationsConsole::addSideDock(QWidget *panel, const QString &title, const QString &objectName)
{
    auto *dock = makeDock(m_window, panel, title, objectName);
    m_docks.append(dock);
    m_window->addDockWidget(Qt::RightDockWidgetArea, dock);
    if (m_suspectsDock)
        m_window->splitDockWidget(m_suspectsDock, dock, Qt::Vertical);
    return dock;
}

void OperationsConsole::createMenus()
{
    auto *bar = m_window->menuBar();
    const auto existing = bar->actions();
    QAction *before = existing.isEmpty() ? nullptr : existing.last();

    auto *service = new QMenu(tr("&Service"), bar);
    m_actions->addTo(service);
    service->addSeparator();
    m_thresholds = service->addAction(tr("Alarm &thresholds..."), this, [this] { editThresholds(m_currentService); });
    m_thresholds->setEnabled(false);
    bar->insertMenu(before, service);

    auto *incident = new QMenu(tr("&Incident"), bar);
    m_openIncident = incident->addAction(tr("&Open incident..."), this, &OperationsConsole::openIncidentByHand);
    m_closeIncident = incident->addAction(tr("&Close incident..."), this, &OperationsConsole::closeIncidentByHand);
    incident->addSeparator();
    auto *note = incident->addAction(tr("Add &note"), this, [this] {
        m_timelinePanel->parentWidget()->show();
        m_timelinePanel->noteField()->setFocus();
    });
    note->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_exportIncident = incident->addAction(tr("&Export current incident..."), this, [this] { exportIncident(); });
    m_exportIncident->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    incident->addSeparator();
    auto *list = incident->addAction(tr("&Incidents..."), this, &OperationsConsole::showIncidentsWindow);
    list->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    bar->insertMenu(before, incident);

    connect(m_incidents.get(), &IncidentManager::incidentOpened, this, &OperationsConsole::updateIncidentActions);
    connect(m_incidents.get(), &IncidentManager::incidentClosed, this, &OperationsConsole::updateIncidentActions);
}

void OperationsConsole::resume()
{
    const auto resumed = m_incidents->resume();
    if (!resumed) {
        m_window->showProblem(tr("The open incident could not be resumed: %1").arg(resumed.error().message));
        return;
    }
    if (!resumed->isEmpty())
        m_window->banner()->showMessage(
            tr("Resumed the open incident \"%1\" from its journal.").arg(m_incidents->currentIncident()->title),
            MessageBanner::Level::Information);
}

void OperationsConsole::updateIncidentActions()
{
    const bool open = m_incidents->hasOpenIncident();
    m_openIncident->setEnabled(!open);
    m_closeIncident->setEnabled(open);
    m_exportIncident->setEnabled(m_incidents->currentIncident() != nullptr);
}

void OperationsConsole::openIncidentByHand()
{
    bool ok = false;
    const auto title = QInputDialog::getText(
        m_window, tr("Open incident"), tr("Title of the incident:"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const auto opened = m_incidents->openIncident(
        title.trimmed().isEmpty() ? tr("Incident opened by %1").arg(m_options.operatorName) : title.trimmed(),
        m_options.operatorName, tr("opened by hand"));
    if (!opened)
        m_window->showProblem(opened.error().message);
}

void OperationsConsole::closeIncidentByHand()
{
    bool ok = false;
    const auto reason = QInputDialog::getText(m_window, tr("Close incident"),
        tr("How was the incident resolved? The answer goes into the post-mortem."), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    if (auto error = m_incidents->closeIncident(m_options.operatorName, reason.trimmed()))
        m_window->showProblem(error->message);
}

void OperationsConsole::showIncidentsWindow()
{
    if (!m_incidentsWindow) {
        m_incidentsWindow = new IncidentsWindow(m_options.store, m_window);
        m_incidentsWindow->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_incidentsWindow, &IncidentsWindow::exportRequested, this, &OperationsConsole::exportIncident);
    } else {
        m_incidentsWindow->reload();
    }
    m_incidentsWindow->show();
    m_incidentsWindow->raise();
}

void OperationsConsole::exportIncident(const QString &journalPath)
{
    Incident incident;
    if (journalPath.isEmpty()) {
        if (!m_incidents->currentIncident())
            return;
        incident = *m_incidents->currentIncident();
    } else {
        auto contents = IncidentJournal::read(journalPath);
        if (!contents) {
            m_window->showProblem(tr("Cannot export %1: %2").arg(journalPath, contents.error().message));
            return;
        }
        incident = std::move(contents->incident);
    }

    QStringList filters;
    for (const auto &choice : formatChoices)
        filters.append(tr(choice.filter));
    QString chosenFilter = filters.first();
    const auto folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const auto path = QFileDialog::getSaveFileName(m_window, tr("Export incident"),
        folder + QLatin1Char('/') + incident.id + QStringLiteral(".md"), filters.join(QStringLiteral(";;")),
        &chosenFilter);
    if (path.isEmpty())
        return;
    const auto &choice = formatChoices[std::max<qsizetype>(0, filters.indexOf(chosenFilter))];
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += QLatin1Char('.') + QLatin1String(choice.suffix);
    if (auto error = IncidentExport::exportTo(incident, choice.format, target)) {
        QMessageBox::warning(m_window, tr("Export incident"), error->message);
        return;
    }
    m_window->banner()->showMessage(
        tr("Exported \"%1\" to %2").arg(incident.title, target), MessageBanner::Level::Information);
}

} // namespace faultline
