// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The console's incident panels offscreen: the alarm list with its flood summary, acknowledgement
// and shelving, the suspects, the timeline with notes and filters, the Incidents window, and the
// actions on a service with their confirmation and journal events.
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "alarmlistmodel.h"
#include "alarmpanel.h"
#include "health/livealarms.h"
#include "incident/incidentjournal.h"
#include "incident/incidentmanager.h"
#include "incident/incidenttimelinefilter.h"
#include "incident/incidenttimelinemodel.h"
#include "incidentswindow.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "operationsconsole.h"
#include "playbook/playbooklibrary.h"
#include "serviceactions.h"
#include "suspectspanel.h"
#include "thresholdsdialog.h"
#include "timelinepanel.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace
{

Alarm alarmRow(
    std::uint64_t id, const std::string &service, AlarmPriority priority, AlarmState state, bool firstOut = false)
{
    Alarm alarm;
    alarm.id = id;
    alarm.service = service;
    alarm.priority = priority;
    alarm.state = state;
    alarm.acknowledged = state == AlarmState::Acknowledged;
    alarm.firstOut = firstOut;
    alarm.raisedAtMs = 1000 + std::int64_t(id);
    alarm.lastRaisedAtMs = alarm.raisedAtMs;
    alarm.condition = HealthCondition::ErrorRate;
    alarm.level = HealthLevel::Critical;
    alarm.value = 0.4;
    alarm.threshold = 0.2;
    return alarm;
}

TopologyDelta deltaWith(std::vector<Alarm> alarms)
{
    TopologyDelta delta;
    delta.health.alarms = std::move(alarms);
    return delta;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(role).toString());
    return values;
}

/** Replies to every command with the next scripted outcome and records the requests. */
class ScriptedSender : public CommandSender
{
public:
    QCoro::Task<CommandOutcome> send(ControlRequest request, std::chrono::milliseconds) override
    {
        requests.push_back(request);
        CommandOutcome outcome = next;
        outcome.id = request.id;
        co_return outcome;
    }

    std::vector<ControlRequest> requests;
    CommandOutcome next;
};

class RecordingSink : public IncidentSink
{
public:
    void record(const IncidentEvent &event) override { events.push_back(event); }
    std::vector<IncidentEvent> events;
};

} // namespace

class TestOperationsPanels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alarmListOrderAndHiddenRows()
    {
        LiveAlarms alarms;
        AlarmPanel panel(&alarms);
        alarms.apply(deltaWith({ alarmRow(1, "historian", AlarmPriority::Low, AlarmState::Unacknowledged),
            alarmRow(2, "servo-controller", AlarmPriority::Urgent, AlarmState::Unacknowledged, true),
            alarmRow(3, "robot-arm", AlarmPriority::High, AlarmState::Suppressed),
            alarmRow(4, "analytics", AlarmPriority::Medium, AlarmState::Shelved) }));

        // Shelved and suppressed rows stay hidden until requested, and the rest are in priority order.
        const auto *view = panel.view();
        QCOMPARE(panel.visibleRows(), 2);
        QCOMPARE(column(*view->model(), AlarmListModel::ServiceColumn),
            (QStringList { QStringLiteral("servo-controller (first out)"), QStringLiteral("historian") }));
        panel.setShowHidden(true);
        QCOMPARE(panel.visibleRows(), 4);
        QCOMPARE(column(*view->model(), AlarmListModel::PriorityColumn),
            (QStringList {
                QStringLiteral("Urgent"), QStringLiteral("High"), QStringLiteral("Medium"), QStringLiteral("Low") }));
        QVERIFY(view->model()
                    ->index(1, AlarmListModel::StateColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Suppressed")));

        // Unacknowledged rows are bold, and acknowledged ones are not.
        QVERIFY(view->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
        alarms.apply(
            deltaWith({ alarmRow(2, "servo-controller", AlarmPriority::Urgent, AlarmState::Acknowledged, true) }));
        QVERIFY(!view->model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    }

    void floodShowsSummaryAndImportantRows()
    {
        LiveAlarms alarms;
        AlarmPanel panel(&alarms);
        std::vector<Alarm> rows;
        for (std::uint64_t id = 1; id <= 14; ++id)
            rows.push_back(
                alarmRow(id, "service-" + std::to_string(id), AlarmPriority::Low, AlarmState::Unacknowledged));
        rows.push_back(alarmRow(20, "plc-gateway", AlarmPriority::Low, AlarmState::Unacknowledged, true));
        rows.push_back(alarmRow(21, "line-controller", AlarmPriority::High, AlarmState::Unacknowledged));
        TopologyDelta delta = deltaWith(rows);
        FloodSummary flood;
        flood.active = true;
        flood.alarmsInWindow = 16;
        flood.firstOutServices = { "plc-gateway" };
        delta.health.flood = flood;
        alarms.apply(delta);

        auto *summary = panel.findChild<QLabel *>(QStringLiteral("floodSummary"));
        QVERIFY(summary);
        QVERIFY(!summary->isHidden());
        QVERIFY(summary->text().contains(QStringLiteral("16")));
        QVERIFY(summary->text().contains(QStringLiteral("plc-gateway")));
        QCOMPARE(panel.visibleRows(), 2);
        panel.setShowAllDuringFlood(true);
        QCOMPARE(panel.visibleRows(), 16);

        // Once the flood ends the whole list is back without asking.
        panel.setShowAllDuringFlood(false);
        TopologyDelta calm;
        calm.health.flood = FloodSummary {};
        alarms.apply(calm);
        QVERIFY(summary->isHidden());
        QCOMPARE(panel.visibleRows(), 16);
    }

    void acknowledgeAndShelveSendCommands()
    {
        LiveAlarms alarms;
        std::vector<HealthCommand> sent;
        alarms.setCommandSender([&sent](const HealthCommand &command) { sent.push_back(command); });
        AlarmPanel panel(&alarms);
        alarms.apply(deltaWith({ alarmRow(7, "conveyor", AlarmPriority::High, AlarmState::Unacknowledged) }));
        QSignalSpy selected(&panel, &AlarmPanel::serviceSelected);
        panel.view()->selectRow(0);
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), QStringLiteral("conveyor"));

        panel.acknowledgeSelected();
        QCOMPARE(int(sent.size()), 1);
        QCOMPARE(sent[0].kind, HealthCommand::Kind::Acknowledge);
        QCOMPARE(sent[0].alarmId, std::uint64_t(7));

        // A cancelled reason prompt shelves nothing, and an answered one sends the duration and reason.
        panel.setReasonPrompt([](const QString &) { return std::optional<QString>(); });
        panel.shelveSelected(15 * 60'000);
        QCOMPARE(int(sent.size()), 1);
        panel.setReasonPrompt([](const QString &) { return std::optional<QString>(QStringLiteral("sensor swap")); });
        panel.shelveSelected(15 * 60'000);
        QCOMPARE(int(sent.size()), 2);
        QCOMPARE(sent[1].kind, HealthCommand::Kind::Shelve);
        QCOMPARE(sent[1].durationMs, qint64(15 * 60'000));

        // The selection survives the reset that the next delta causes.
        alarms.apply(deltaWith({ alarmRow(7, "conveyor", AlarmPriority::High, AlarmState::Acknowledged),
            alarmRow(8, "inventory", AlarmPriority::Urgent, AlarmState::Unacknowledged) }));
        const auto rows = panel.view()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(AlarmListModel::AlarmIdRole).value<quint64>(), quint64(7));
    }

    void suspectsListBestFirst()
    {
        LiveAlarms alarms;
        SuspectsPanel panel(&alarms);
        QCOMPARE(panel.list()->topLevelItemCount(), 0);
        QVERIFY(panel.list()->isHidden());

        TopologyDelta delta;
        delta.health.suspects = std::vector<Suspect> {
            { "servo-controller", 0.9, QStringLiteral("latency rose here first; its own callees are healthy") },
            { "plc-gateway", 0.4, QStringLiteral("degraded after servo-controller") },
        };
        alarms.apply(delta);
        QCOMPARE(panel.list()->topLevelItemCount(), 2);
        QCOMPARE(panel.list()->topLevelItem(0)->text(1), QStringLiteral("servo-controller"));
        QCOMPARE(panel.list()->topLevelItem(0)->text(2), QStringLiteral("0.90"));
        QVERIFY(panel.list()->topLevelItem(0)->text(3).contains(QStringLiteral("first")));

        QSignalSpy selected(&panel, &SuspectsPanel::serviceSelected);
        panel.list()->setCurrentItem(panel.list()->topLevelItem(1));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().toString(), QStringLiteral("plc-gateway"));

        // An empty ranking means the trouble is over.
        TopologyDelta over;
        over.health.suspects = std::vector<Suspect> {};
        alarms.apply(over);
        QCOMPARE(panel.list()->topLevelItemCount(), 0);
    }

    void timelineNotesAndFilters()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        IncidentManager manager;
        manager.setStore(IncidentStore(dir.path()));
        TimelinePanel panel;
        panel.follow(&manager, QStringLiteral("dana"));
        QVERIFY(manager.openIncident(QStringLiteral("Line 2 stopped"), QStringLiteral("dana")).ok());

        IncidentEvent alarm;
        alarm.kind = EventKind::AlarmRaised;
        alarm.severity = Severity::Critical;
        alarm.service = QStringLiteral("robot-arm");
        alarm.source = QStringLiteral("alarms");
        alarm.text = QStringLiteral("error rate 40 %");
        manager.record(alarm);

        // Filtering by service makes a typed note about that service.
        QTRY_VERIFY(panel.serviceBox()->findText(QStringLiteral("robot-arm")) > 0);
        panel.serviceBox()->setCurrentIndex(panel.serviceBox()->findText(QStringLiteral("robot-arm")));
        QTest::keyClicks(panel.noteField(), QStringLiteral("gripper replaced"));
        QTest::keyClick(panel.noteField(), Qt::Key_Return);
        QVERIFY(panel.noteField()->text().isEmpty());
        const auto &events = manager.currentIncident()->events;
        QCOMPARE(events.back().kind, EventKind::OperatorNote);
        QCOMPARE(events.back().text, QStringLiteral("gripper replaced"));
        QCOMPARE(events.back().service, QStringLiteral("robot-arm"));
        QCOMPARE(events.back().operatorName, QStringLiteral("dana"));

        // An empty note is not recorded.
        const auto count = events.size();
        panel.addNote();
        QCOMPARE(manager.currentIncident()->events.size(), count);

        panel.serviceBox()->setCurrentIndex(0);
        const int all = panel.filter()->rowCount();
        QCOMPARE(all, int(count));
        panel.severityBox()->setCurrentIndex(2); // critical only
        QCOMPARE(panel.filter()->rowCount(), 1);
        panel.severityBox()->setCurrentIndex(0);
        panel.kindBox()->setCurrentIndex(panel.kindBox()->findText(QStringLiteral("Notes")));
        QCOMPARE(panel.filter()->rowCount(), 1);
        panel.kindBox()->setCurrentIndex(0);
        panel.searchField()->setText(QStringLiteral("GRIPPER"));
        QCOMPARE(panel.filter()->rowCount(), 1);
        panel.searchField()->clear();
        QCOMPARE(panel.filter()->rowCount(), all);
    }

    void incidentsWindowOpensJournalsReadOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            IncidentManager manager;
            manager.setStore(IncidentStore(dir.path()));
            QVERIFY(manager.openIncident(QStringLiteral("Conveyor jam"), QStringLiteral("lee")).ok());
            manager.addNote(QStringLiteral("lee"), QStringLiteral("belt cleared"));
            QVERIFY(!manager.closeIncident(QStringLiteral("lee"), QStringLiteral("fixed")));
        }
        // A second journal whose last record was torn by a crash.
        {
            IncidentManager manager;
            manager.setStore(IncidentStore(dir.path()));
            QVERIFY(manager.openIncident(QStringLiteral("Vision drift"), QStringLiteral("lee")).ok());
        }
        const auto journals = IncidentStore(dir.path()).list();
        QCOMPARE(int(journals.size()), 2);
        for (const auto &journal : journals) {
            if (journal.title == QStringLiteral("Vision drift")) {
                QFile file(journal.path);
                QVERIFY(file.open(QIODevice::Append));
                file.write("{\"torn", 6);
            }
        }

        IncidentsWindow window(IncidentStore(dir.path()));
        QCOMPARE(window.list()->topLevelItemCount(), 2);
        QStringList titles;
        for (int row = 0; row < 2; ++row)
            titles.append(window.list()->topLevelItem(row)->text(0));
        QVERIFY(titles.contains(QStringLiteral("Conveyor jam")));
        QVERIFY(titles.contains(QStringLiteral("Vision drift")));

        for (int row = 0; row < 2; ++row) {
            auto *viewer = window.openRow(row);
            QVERIFY(viewer);
            auto *panel = viewer->findChild<TimelinePanel *>();
            QVERIFY(panel);
            QVERIFY(!panel->noteField()->isEnabled());
            QVERIFY(panel->model()->rowCount() >= 1);
            viewer->close();
        }
        QVERIFY(!window.openRow(5));
    }

    void actionsConfirmSendAndJournal()
    {
        ScriptedSender sender;
        RecordingSink sink;
        QWidget parent;
        ServiceActions actions(&sender, &sink, &parent);
        actions.setOperatorName(QStringLiteral("sam"));
        QVERIFY(!actions.action(ControlOperation::Isolate)->isEnabled());
        actions.setCurrentService(QStringLiteral("servo-controller"));
        QVERIFY(actions.action(ControlOperation::Isolate)->isEnabled());

        // Cancelling the confirmation sends nothing.
        int prompts = 0;
        actions.setConfirmPrompt([&prompts](ControlOperation, const QString &) {
            ++prompts;
            return std::optional<ServiceActions::Confirmation>();
        });
        actions.action(ControlOperation::Isolate)->trigger();
        QCOMPARE(prompts, 1);
        QVERIFY(sender.requests.empty());
        QVERIFY(sink.events.empty());

        // A confirmed isolate is sent with the operator and reason, and journalled as sent then applied.
        actions.setConfirmPrompt([](ControlOperation, const QString &) {
            ServiceActions::Confirmation confirmation;
            confirmation.reason = QStringLiteral("servo faults");
            return std::optional(confirmation);
        });
        sender.next.kind = CommandOutcome::Kind::Applied;
        sender.next.mode = ServiceMode::Isolated;
        QSignalSpy finished(&actions, &ServiceActions::finished);
        actions.action(ControlOperation::Isolate)->trigger();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(int(sender.requests.size()), 1);
        QCOMPARE(sender.requests[0].operation, ControlOperation::Isolate);
        QCOMPARE(sender.requests[0].service, std::string("servo-controller"));
        QCOMPARE(sender.requests[0].operatorName, std::string("sam"));
        QCOMPARE(sender.requests[0].reason, std::string("servo faults"));
        QVERIFY(!sender.requests[0].id.empty());
        QVERIFY(sender.requests[0].deadlineUnixMs > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(int(sink.events.size()), 2);
        QCOMPARE(sink.events[0].kind, EventKind::ActionSent);
        QCOMPARE(sink.events[1].kind, EventKind::ActionApplied);
        QCOMPARE(sink.events[1].correlationId, QString::fromStdString(sender.requests[0].id));
        QCOMPARE(sink.events[1].details.value(QStringLiteral("mode")), QStringLiteral("isolated"));

        // Degrade cuts no traffic, so it needs no confirmation. A rejection is a warning with the reason.
        prompts = 0;
        actions.setConfirmPrompt([&prompts](ControlOperation, const QString &) {
            ++prompts;
            return std::optional<ServiceActions::Confirmation>();
        });
        sender.next.kind = CommandOutcome::Kind::Rejected;
        sender.next.reason = QStringLiteral("unknown service 'servo-controller'");
        actions.action(ControlOperation::Degrade)->trigger();
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(prompts, 0);
        QCOMPARE(sink.events.back().kind, EventKind::ActionRejected);
        QCOMPARE(sink.events.back().severity, Severity::Warning);
        QVERIFY(finished.last().at(1).toString().contains(QStringLiteral("unknown service")));

        // A ramp below 100 % needs confirmation and carries its percent. A time-out is journalled as one.
        actions.setConfirmPrompt([](ControlOperation operation, const QString &) {
            ServiceActions::Confirmation confirmation;
            if (operation == ControlOperation::Ramp)
                confirmation.percent = 25;
            return std::optional(confirmation);
        });
        sender.next.kind = CommandOutcome::Kind::TimedOut;
        actions.action(ControlOperation::Ramp)->trigger();
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(sender.requests.back().percent, std::optional<double>(25));
        QCOMPARE(sink.events.back().kind, EventKind::ActionTimedOut);
        QVERIFY(ServiceActions::cutsTraffic(ControlOperation::Ramp, 25));
        QVERIFY(!ServiceActions::cutsTraffic(ControlOperation::Ramp, 100));
        QVERIFY(!ServiceActions::cutsTraffic(ControlOperation::Restore, std::nullopt));
    }

    void consoleInstallsDocksAndResumes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // An incident left open by a console that died.
        {
            IncidentManager manager;
            manager.setStore(IncidentStore(dir.path()));
            QVERIFY(manager.openIncident(QStringLiteral("Left open"), QStringLiteral("kim")).ok());
        }

        LiveTopology topology;
        MainWindow window(&topology);
        OperationsConsole::Options options;
        options.operatorName = QStringLiteral("kim");
        options.store = IncidentStore(dir.path());
        auto *console = new OperationsConsole(&window, &topology, nullptr, options);

        for (const char *name : { "alarmDock", "timelineDock", "suspectsDock", "playbookDock" })
            QVERIFY2(window.findChild<QDockWidget *>(QLatin1String(name)), name);
        QStringList menus;
        for (auto *action : window.menuBar()->actions())
            menus.append(action->text());
        QVERIFY(menus.contains(QStringLiteral("&Incident")));
        QVERIFY(menus.contains(QStringLiteral("&Service")));

        QVERIFY(console->playbooks().playbooks().size() >= 4);
        QVERIFY(console->playbooks().errors().empty());
        QVERIFY(console->incidents()->hasOpenIncident());
        QCOMPARE(console->incidents()->currentIncident()->title, QStringLiteral("Left open"));
        QCOMPARE(console->incidents()->currentIncident()->events.back().kind, EventKind::IncidentResumed);
        QVERIFY(window.banner()->text().contains(QStringLiteral("Left open")));

        // Without a control endpoint the actions stay disabled even with a service selected.
        console->actions()->setCurrentService(QStringLiteral("conveyor"));
        QVERIFY(!console->actions()->action(ControlOperation::Isolate)->isEnabled());
    }

    void thresholdsDialogValidates()
    {
        HealthThresholds current;
        current.deadband = 0.2;
        ThresholdsDialog dialog(QStringLiteral("conveyor"), current);
        QCOMPARE(dialog.thresholds(), current);

        // A warning above its critical level is rejected with the reason, and the dialog stays open.
        auto edited = current;
        edited.errorRateWarning = 0.5;
        edited.errorRateCritical = 0.1;
        dialog.setThresholds(edited);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.problem().isEmpty());

        edited.errorRateCritical = 0.6;
        edited.p99WarningMs = 250;
        dialog.setThresholds(edited);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.problem().isEmpty());
        QCOMPARE(dialog.thresholds().errorRateWarning, 0.5);
        QCOMPARE(dialog.thresholds().p99WarningMs, 250.0);
        // Fields the dialog does not show keep their values.
        QCOMPARE(dialog.thresholds().deadband, 0.2);
    }
};

QTEST_MAIN(TestOperationsPanels)
#include "tst_operationspanels.moc"
