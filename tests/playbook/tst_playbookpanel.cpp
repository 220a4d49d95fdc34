// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFrame>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include "playbook/playbooklibrary.h"
#include "playbook/playbookloader.h"
#include "playbookpanel.h"
#include "playbooktestsupport.h"

using namespace faultline;
using namespace faultline::testing;
using Status = PlaybookRunner::Status;

namespace
{

const char *panelPlaybook = R"(
name: Panel test
description: Isolate, degrade a caller, then note.
applies_when: {state: critical}
steps:
  - title: Isolate the suspect
    instructions: Cut it off.
    action: isolate
    check: {of: callers, metric: error_rate, below: 5 %, within: 300ms}
    on_failure: escalate
  - title: Degrade plc
    instructions: Serve cached data.
    action: degrade
    target: plc
  - title: Tell the owners
    instructions: Call them.
    action: note
)";

} // namespace

class TestPlaybookPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void runsPlaybookByClicking();
    void escalationOffersRetryAndAbort();
    void suggestionsFollowSelection();

private:
    template<typename T = QPushButton> T *find(const char *name)
    {
        auto *widget = m_panel->findChild<T *>(QString::fromLatin1(name));
        Q_ASSERT(widget);
        return widget;
    }
    void click(const char *name);

    std::unique_ptr<RecordingCommandSender> m_sender;
    std::unique_ptr<ScriptedMetrics> m_metrics;
    std::unique_ptr<RecordingSink> m_sink;
    std::unique_ptr<PlaybookLibrary> m_library;
    std::unique_ptr<PlaybookPanel> m_panel;
};

void TestPlaybookPanel::init()
{
    m_sender = std::make_unique<RecordingCommandSender>();
    m_metrics = std::make_unique<ScriptedMetrics>();
    m_sink = std::make_unique<RecordingSink>();
    m_library = std::make_unique<PlaybookLibrary>();
    auto playbook = parsePlaybook(panelPlaybook, QStringLiteral("panel-test.yaml"));
    QVERIFY(playbook.ok());
    m_library->add(playbook.value());

    m_metrics->set(QStringLiteral("servo"), ServiceState::Critical, 0.9);
    m_metrics->set(QStringLiteral("plc"), ServiceState::Warning, 0.3);
    m_metrics->addCall(QStringLiteral("plc"), QStringLiteral("servo"));
    m_panel = std::make_unique<PlaybookPanel>(m_library.get(), m_sender.get(), m_metrics.get(), m_sink.get());
    m_panel->runner()->setPollInterval(std::chrono::milliseconds(10));
    m_panel->setOperatorName(QStringLiteral("tester"));
    m_panel->resize(400, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestPlaybookPanel::cleanup()
{
    m_panel.reset();
    m_library.reset();
    m_sink.reset();
    m_metrics.reset();
    m_sender.reset();
}

void TestPlaybookPanel::click(const char *name)
{
    QPushButton *button = find(name);
    QVERIFY2(button->isVisible(), name);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestPlaybookPanel::runsPlaybookByClicking()
{
    m_sender->onApplied = [this](const ControlRequest &request) {
        if (request.operation == ControlOperation::Isolate)
            m_metrics->set(QStringLiteral("plc"), ServiceState::Ok, 0.0);
    };
    m_panel->setSelectedService(QStringLiteral("servo"));
    QCOMPARE(find<QListWidget>("suggestions")->count(), 1);

    click("startButton");
    QCOMPARE(m_panel->runner()->status(), Status::AwaitingConfirmation);
    QVERIFY(find("actionButton")->text().contains(QStringLiteral("servo")));
    QVERIFY(!find("startButton")->isEnabled());

    // Isolating cuts traffic, so the first click only opens the confirmation.
    click("actionButton");
    QVERIFY(find<QFrame>("confirmBar")->isVisible());
    QVERIFY(m_sender->requests.empty());
    click("confirmButton");
    QVERIFY(!find<QFrame>("confirmBar")->isVisible());
    QTRY_COMPARE(m_sender->requests.size(), std::size_t(1));
    QCOMPARE(m_sender->requests[0].operation, ControlOperation::Isolate);
    QCOMPARE(m_sender->requests[0].operatorName, std::string("tester"));

    // Degrading a caller does not cut traffic: one click sends it.
    QTRY_COMPARE(m_panel->runner()->currentStep(), 1);
    QTRY_COMPARE(m_panel->runner()->status(), Status::AwaitingConfirmation);
    QVERIFY(find("actionButton")->text().contains(QStringLiteral("plc")));
    click("actionButton");

    // The last step is a note: the operator reads it and moves on with one click.
    QTRY_COMPARE(m_panel->runner()->currentStep(), 2);
    QCOMPARE(m_panel->runner()->status(), Status::AwaitingConfirmation);
    QVERIFY(find("actionButton")->text().contains(QStringLiteral("journal")));
    click("actionButton");
    QTRY_COMPARE(m_panel->runner()->status(), Status::Completed);
    QCOMPARE(m_sender->requests.size(), std::size_t(2));
    QCOMPARE(m_sender->requests[1].operation, ControlOperation::Degrade);
    QCOMPARE(m_sender->requests[1].service, std::string("plc"));

    auto *steps = find<QTreeWidget>("steps");
    QCOMPARE(steps->topLevelItemCount(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(steps->topLevelItem(i)->text(2), QStringLiteral("passed"));
    QCOMPARE(find<QProgressBar>("progress")->value(), 3);
    QVERIFY(find<QLabel>("checkLabel")->text().contains(QStringLiteral("plc 0.0 %")));
    QCOMPARE(find<QLabel>("statusLabel")->text(), QStringLiteral("Completed."));
    QVERIFY(find("startButton")->isEnabled());
    QCOMPARE(m_sink->count(EventKind::PlaybookStepStarted), 3);
}

void TestPlaybookPanel::escalationOffersRetryAndAbort()
{
    m_panel->setSelectedService(QStringLiteral("servo"));
    click("startButton");
    click("actionButton");
    click("confirmButton");

    // plc keeps failing, so the check times out and escalates to the operator.
    QTRY_COMPARE(m_panel->runner()->status(), Status::AwaitingDecision);
    QVERIFY(find<QLabel>("messageLabel")->text().contains(QStringLiteral("check failed")));
    QVERIFY(find("retryButton")->isEnabled());
    QCOMPARE(find<QTreeWidget>("steps")->topLevelItem(0)->text(2), QStringLiteral("failed"));

    click("retryButton");
    QCOMPARE(m_panel->runner()->status(), Status::AwaitingConfirmation);
    QCOMPARE(m_panel->runner()->steps()[0].attempts, 2);
    click("skipButton");
    QCOMPARE(m_panel->runner()->currentStep(), 1);
    QCOMPARE(find<QTreeWidget>("steps")->topLevelItem(0)->text(2), QStringLiteral("skipped"));
    click("abortButton");
    QCOMPARE(m_panel->runner()->status(), Status::Aborted);
    QCOMPARE(find<QTreeWidget>("steps")->topLevelItem(1)->text(2), QStringLiteral("aborted"));
    QVERIFY(!find("abortButton")->isEnabled());
    QCOMPARE(m_sender->requests.size(), std::size_t(1));
    QCOMPARE(m_sink->count(EventKind::PlaybookStepSkipped), 1);
}

void TestPlaybookPanel::suggestionsFollowSelection()
{
    auto *suggestions = find<QListWidget>("suggestions");
    auto *hint = find<QLabel>("emptyHint");

    // Without a selection, every failing service with a playbook is listed.
    m_panel->setSelectedService({});
    QCOMPARE(suggestions->count(), 1);
    QVERIFY(suggestions->item(0)->text().startsWith(QStringLiteral("servo")));
    QVERIFY(!hint->isVisible());

    m_panel->setSelectedService(QStringLiteral("plc"));
    QCOMPARE(suggestions->count(), 0);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("plc")));
    QVERIFY(!find("startButton")->isEnabled());

    // The suggestions follow the metrics while nothing runs.
    m_metrics->set(QStringLiteral("plc"), ServiceState::Critical, 0.6);
    m_panel->refreshSuggestions();
    QCOMPARE(suggestions->count(), 1);
    QVERIFY(find("startButton")->isEnabled());
}

QTEST_MAIN(TestPlaybookPanel)
#include "tst_playbookpanel.moc"
