// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QString>

#include <qcorotask.h>

#include "incident/incidentevent.h"
#include "playbook/playbook.h"

namespace faultline
{

class CommandSender;
class IncidentSink;
class PlaybookMetrics;

/**
 * Runs one playbook against one service, step by step, on the GUI thread. Each step may wait for
 * the operator's confirmation, sends its action through the CommandSender, then polls its check
 * against the PlaybookMetrics until it passes or times out, and applies the step's failure policy.
 * The operator can confirm, skip, retry and abort. Every step, command, check and operator action
 * is recorded to the IncidentSink with source "playbook". No widgets: the panel and tests drive it.
 */
class PlaybookRunner : public QObject
{
    Q_OBJECT

public:
    enum class Status : std::uint8_t {
        Idle, // nothing started yet
        Running, // a step's action or check is in progress
        AwaitingConfirmation, // the current step's action waits for confirm(), skip() or abort()
        AwaitingDecision, // a step failed and escalated: retry(), skip() or abort()
        RollingBack, // running the playbook's roll-back steps after a failed step
        Completed, // every step passed, failed with policy continue, or was skipped
        RolledBack, // a failed step rolled back and the roll-back steps were applied
        Aborted, // the operator aborted
        Failed, // a roll-back step failed; the service needs the operator's hand
    };
    Q_ENUM(Status)

    enum class StepStatus : std::uint8_t {
        Pending,
        AwaitingConfirmation,
        Acting,
        Checking,
        Passed,
        Failed,
        Skipped,
        Aborted, // the run was aborted while this step was in progress
    };
    Q_ENUM(StepStatus)

    /** The progress of one step so far. Times are milliseconds since the run started. */
    struct StepRecord {
        StepStatus status = StepStatus::Pending;
        int attempts = 0;
        std::optional<qint64> startedMs;
        std::optional<qint64> finishedMs;
        std::optional<bool> checkSatisfied; // the latest check evaluation
        QString observed; // what the latest check evaluation measured
        QString message; // why the step failed or was skipped
    };

    /**
     * None of the pointers is owned, and each must outlive the runner. @p sink may be null, and so may
     * @p sender when no control endpoint is connected: every action step then fails with a message.
     */
    PlaybookRunner(
        CommandSender *sender, const PlaybookMetrics *metrics, IncidentSink *sink, QObject *parent = nullptr);
    ~PlaybookRunner() override;

    void setOperatorName(const QString &name) { m_operatorName = name; }
    /** How often a check reads the metrics; 500 ms by default. */
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    /** How long each command may take before it counts as timed out; 5 s by default. */
    void setCommandTimeout(std::chrono::milliseconds timeout) { m_commandTimeout = timeout; }
    /**
     * Whether every step waits for confirm() before it runs, as in the panel where the operator reads
     * each step and moves on with a click. Off by default: then only needsConfirmation() steps wait,
     * and steps without a control action run as soon as they are reached.
     */
    void setConfirmEveryStep(bool confirm) { m_confirmEveryStep = confirm; }
    /**
     * Whether the runner records action.sent/applied/rejected/timed_out itself (the default). Turn it
     * off when the console already journals every outcome of the CommandSender.
     */
    void setJournalCommands(bool journal) { m_journalCommands = journal; }

    /** Starts @p playbook against @p service; returns false, changing nothing, while a run is active. */
    bool start(const Playbook &playbook, const QString &service);

    Status status() const { return m_status; }
    /** True while a run is started and not yet ended. */
    bool isActive() const;
    const Playbook &playbook() const { return m_playbook; }
    QString service() const { return m_service; }
    /** Ties the incident events of this run together, such as "dependency-down-1a2b3c4d". */
    QString runId() const { return m_runId; }
    /** Index of the current step; equals steps().size() once the steps are done. */
    int currentStep() const { return m_index; }
    const std::vector<StepRecord> &steps() const { return m_records; }
    /** True when step @p index waits for confirm() before its action under the current settings. */
    bool stepNeedsConfirmation(int index) const;
    /** Time step @p index took, or has taken so far while it runs; 0 before it started. */
    qint64 stepElapsedMs(int index) const;

public Q_SLOTS:
    /** Sends the action of the step awaiting confirmation. */
    void confirm();
    /** Leaves the current step, recording who skipped it, and goes on with the next one. */
    void skip();
    /** Runs the escalated step again, asking for confirmation first when its action cuts traffic. */
    void retry();
    /** Ends the run; commands already sent are not undone. */
    void abort();

Q_SIGNALS:
    void statusChanged(faultline::PlaybookRunner::Status status);
    /** The record of step @p index changed. */
    void stepChanged(int index);
    void checkEvaluated(int index, bool satisfied, const QString &observed);
    /** The run ended with @p status; @p message gives the reason for RolledBack, Aborted and Failed. */
    void finished(faultline::PlaybookRunner::Status status, const QString &message);

private:
    using Details = QMap<QString, QString>;

    void enterStep(int index);
    void beginAttempt(bool askConfirmation);
    void execute();
    void stepFailed(const QString &message, bool checkFailed);
    void finishStep(StepStatus status, const QString &message = {});
    void finish(Status status, const QString &message);
    void setStatus(Status status);
    void setStepStatus(StepStatus status);
    bool isCurrent(std::uint64_t generation) const { return generation == m_generation; }

    QCoro::Task<> runStep(std::uint64_t generation);
    QCoro::Task<> runRollback(std::uint64_t generation);
    /** Performs the step's action; completes with the failure message, or empty when it succeeded. */
    QCoro::Task<std::optional<QString>> performAction(
        PlaybookStep step, QString stepId, bool confirmed, std::uint64_t generation);
    QCoro::Task<bool> runCheck(PlaybookCheck check, int index, std::uint64_t generation);

    QString stepId(int index) const;
    void record(EventKind kind, Severity severity, const QString &service, const QString &text,
        const QString &correlationId, Details details = {});

    CommandSender *m_sender;
    const PlaybookMetrics *m_metrics;
    IncidentSink *m_sink;
    QString m_operatorName;
    std::chrono::milliseconds m_pollInterval { 500 };
    std::chrono::milliseconds m_commandTimeout { 5000 };
    bool m_journalCommands = true;
    bool m_confirmEveryStep = false;

    Playbook m_playbook;
    QString m_service;
    QString m_runId;
    Status m_status = Status::Idle;
    int m_index = 0;
    std::vector<StepRecord> m_records;
    QElapsedTimer m_clock;
    std::uint64_t m_generation = 0; // bumped whenever the operator or a policy moves on, so stale coroutines stop
};

} // namespace faultline
