// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "playbook/playbookrunner.h"

class QFrame;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace faultline
{

class CommandSender;
class IncidentSink;
class PlaybookLibrary;
class PlaybookMetrics;

/**
 * The playbook dock: suggests the playbooks that apply to the selected service, or to every failing
 * service in alarm priority order while none is selected, and runs one step by step. Each step's
 * action is one click away; actions that cut traffic ask for a second, explicit confirmation. The
 * operator can skip, retry and abort, and sees each check's live reading and each step's time.
 */
class PlaybookPanel : public QWidget
{
    Q_OBJECT

public:
    /**
     * None of the pointers is owned, and each must outlive the panel. @p sink may be null, and so may
     * @p sender when no control endpoint is connected; the actions then fail with a message.
     */
    PlaybookPanel(const PlaybookLibrary *library, CommandSender *sender, const PlaybookMetrics *metrics,
        IncidentSink *sink, QWidget *parent = nullptr);

    QString selectedService() const { return m_selectedService; }
    PlaybookRunner *runner() const { return m_runner; }
    /** Names the operator in the journal entries of the playbook runs. */
    void setOperatorName(const QString &name);

public Q_SLOTS:
    /** Suggests the playbooks for @p name; an empty name suggests them for every failing service. */
    void setSelectedService(const QString &name);
    /** Re-reads the metrics and updates the suggestions; a timer also calls it every second. */
    void refreshSuggestions();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createRunArea();
    void onStartClicked();
    void onActionClicked();
    void onConfirmClicked();
    void onStatusChanged();
    void onStepChanged(int index);
    void onCheckEvaluated(int index, bool satisfied, const QString &observed);
    void updateCurrentStep();
    void updateButtons();
    void updateTimes();
    QString actionText(const PlaybookStep &step) const;

    const PlaybookLibrary *m_library;
    const PlaybookMetrics *m_metrics;
    PlaybookRunner *m_runner;
    QString m_selectedService;
    QStringList m_suggestionKeys; // service and playbook id of each row, to keep the selection across refreshes

    QLabel *m_header;
    QListWidget *m_suggestions;
    QLabel *m_emptyHint;
    QPushButton *m_startButton;
    QLabel *m_runTitle;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTreeWidget *m_steps;
    QLabel *m_stepTitle;
    QLabel *m_instructions;
    QPushButton *m_actionButton;
    QFrame *m_confirmBar;
    QLabel *m_confirmText;
    QPushButton *m_confirmButton;
    QPushButton *m_cancelButton;
    QLabel *m_check;
    QLabel *m_message;
    QPushButton *m_skipButton;
    QPushButton *m_retryButton;
    QPushButton *m_abortButton;
    QTimer *m_timer;
};

} // namespace faultline
