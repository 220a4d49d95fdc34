// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QPointer>

#include "health/healthconfig.h"
#include "incident/incidentstore.h"

class QAction;
class QDockWidget;
class QMenu;

namespace faultline
{

class AlarmPanel;
class CommandSender;
class IncidentManager;
class IncidentsWindow;
class IngestClient;
class LiveTopologyMetrics;
class PlaybookLibrary;
class PlaybookPanel;
class LiveAlarms;
class LiveTopology;
class MainWindow;
class ServiceActions;
class SuspectsPanel;
struct HealthCommand;
class TimelinePanel;
class TopologyRecorder;
struct Incident;

/**
 * The console's incident tools around the graph: the alarm list, the root-cause
 * suspects, the incident timeline with its journal, the Incidents window, exports, and the actions
 * on services. It wires them to the ingest stream and to the command sender and owns them.
 */
class OperationsConsole : public QObject
{
    Q_OBJECT

public:
    struct Options {
        QString operatorName;
        IncidentStore store; // where journals live; the standard data location by default
        bool resumeOpenIncident = true;
        HealthConfig health = HealthConfig::builtIn(); // the thresholds the ingest thread starts with
        QStringList playbookDirectories; // loaded after the shipped playbooks; a file of the same name replaces one
    };

    /** Installs the docks and menus into @p window. @p sender may be null (no control endpoint). */
    OperationsConsole(MainWindow *window, LiveTopology *topology, CommandSender *sender, Options options);
    ~OperationsConsole() override;

    /** Feeds the alarms from @p ingest and sends the operator's acknowledgements and shelving to it. */
    void connectIngest(IngestClient *ingest);

    LiveAlarms *alarms() const { return m_alarms.get(); }
    IncidentManager *incidents() const { return m_incidents.get(); }
    ServiceActions *actions() const { return m_actions; }
    AlarmPanel *alarmPanel() const { return m_alarmPanel; }
    SuspectsPanel *suspectsPanel() const { return m_suspectsPanel; }
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    PlaybookPanel *playbookPanel() const { return m_playbookPanel; }
    const PlaybookLibrary &playbooks() const { return *m_playbooks; }
    /** Adds a dock next to the suspects, for panels that other parts of the console provide. */
    QDockWidget *addSideDock(QWidget *panel, const QString &title, const QString &objectName);

public Q_SLOTS:
    void openIncidentByHand();
    void closeIncidentByHand();
    void showIncidentsWindow();
    /** Asks for a format and a file, then exports the incident of @p journalPath, or the current one when empty. */
    void exportIncident(const QString &journalPath = {});
    /** Opens the alarm thresholds of @p service for editing and sends the override to the ingest thread. */
    void editThresholds(const QString &service);

private:
    void createDocks();
    void createMenus();
    void resume();
    void updateIncidentActions();
    void showServiceMenu(const QString &service, const QPoint &globalPos);
    void sendHealthCommand(const HealthCommand &command);

    MainWindow *m_window;
    IngestClient *m_ingest = nullptr;
    QString m_currentService;
    QAction *m_thresholds = nullptr;
    LiveTopology *m_topology;
    CommandSender *m_sender;
    Options m_options;
    std::unique_ptr<LiveAlarms> m_alarms;
    std::unique_ptr<IncidentManager> m_incidents;
    std::unique_ptr<TopologyRecorder> m_recorder;
    std::unique_ptr<PlaybookLibrary> m_playbooks;
    std::unique_ptr<LiveTopologyMetrics> m_metrics;
    PlaybookPanel *m_playbookPanel = nullptr;
    ServiceActions *m_actions = nullptr;
    AlarmPanel *m_alarmPanel = nullptr;
    SuspectsPanel *m_suspectsPanel = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    QDockWidget *m_suspectsDock = nullptr;
    QList<QPointer<QDockWidget>> m_docks; // deleted before the alarms and incidents their panels show
    QPointer<IncidentsWindow> m_incidentsWindow;
    QAction *m_openIncident = nullptr;
    QAction *m_closeIncident = nullptr;
    QAction *m_exportIncident = nullptr;
};

} // namespace faultline
