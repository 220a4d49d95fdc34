// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The coroutines of PlaybookRunner: actions, checks and roll-back. Each one keeps a QPointer to the
// runner and a generation number, and stops at its next resumption when either went away.

#include <algorithm>

#include <QCoreApplication>
#include <QPointer>
#include <QUuid>

#include <qcorotimer.h>

#include "control/commandsender.h"
#include "playbook/playbookcheck.h"
#include "playbook/playbooklogging.h"
#include "playbook/playbookmetrics.h"
#include "playbook/playbookrunner.h"

namespace faultline
{

namespace
{

std::optional<ControlOperation> controlOperation(StepAction action)
{
    switch (action) {
    case StepAction::Isolate:
        return ControlOperation::Isolate;
    case StepAction::Degrade:
        return ControlOperation::Degrade;
    case StepAction::Shed:
        return ControlOperation::Shed;
    case StepAction::Ramp:
        return ControlOperation::Ramp;
    case StepAction::Restore:
        return ControlOperation::Restore;
    default:
        return std::nullopt;
    }
}

} // namespace

QCoro::Task<> PlaybookRunner::runStep(std::uint64_t generation)
{
    QPointer<PlaybookRunner> self(this);
    const int index = m_index;
    const PlaybookStep step = m_playbook.steps[index];
    const bool confirmed = m_records[index].status == StepStatus::AwaitingConfirmation;

    setStepStatus(StepStatus::Acting);
    const auto failure = co_await performAction(step, stepId(index), confirmed, generation);
    if (!self || !isCurrent(generation))
        co_return;
    if (failure) {
        stepFailed(*failure, false);
        co_return;
    }

    if (step.check) {
        setStepStatus(StepStatus::Checking);
        const bool passed = co_await runCheck(*step.check, index, generation);
        if (!self || !isCurrent(generation))
            co_return;
        if (!passed) {
            stepFailed(
                tr("check failed: %1 (measured: %2)").arg(describeCheck(*step.check), m_records[index].observed), true);
            co_return;
        }
        record(EventKind::PlaybookCheckPassed, Severity::Info, m_service,
            tr("%1: %2").arg(step.title, describeCheck(*step.check)), stepId(index),
            { { QStringLiteral("observed"), m_records[index].observed } });
    }
    finishStep(StepStatus::Passed);
    enterStep(index + 1);
}

QCoro::Task<> PlaybookRunner::runRollback(std::uint64_t generation)
{
    QPointer<PlaybookRunner> self(this);
    const QString failedStep = m_playbook.steps[m_index].title;
    const auto rollback = m_playbook.rollback;
    for (std::size_t i = 0; i < rollback.size(); ++i) {
        const QString id = QStringLiteral("%1/rollback-%2").arg(m_runId).arg(i + 1);
        record(EventKind::PlaybookStepStarted, Severity::Warning, m_service, rollback[i].title, id,
            { { QStringLiteral("rollback"), QStringLiteral("true") } });
        const auto failure = co_await performAction(rollback[i], id, false, generation);
        if (!self || !isCurrent(generation))
            co_return;
        if (failure) {
            finish(Status::Failed,
                tr("roll-back step '%1' failed: %2; act on %3 by hand").arg(rollback[i].title, *failure, m_service));
            co_return;
        }
    }
    finish(Status::RolledBack, tr("step '%1' failed").arg(failedStep));
}

QCoro::Task<std::optional<QString>> PlaybookRunner::performAction(
    PlaybookStep step, QString stepId, bool confirmed, std::uint64_t generation)
{
    QPointer<PlaybookRunner> self(this);

    if (step.action == StepAction::Wait) {
        co_await QCoro::sleepFor(step.duration);
        co_return std::nullopt;
    }
    if (step.action == StepAction::Note) {
        record(EventKind::OperatorNote, Severity::Info, m_service,
            step.instructions.isEmpty() ? step.title : step.instructions, stepId);
        co_return std::nullopt;
    }
    const auto operation = controlOperation(step.action);
    if (!operation)
        co_return std::nullopt;

    if (!m_sender)
        co_return tr("no control endpoint is connected, so %1 cannot be sent; connect one or act by hand")
            .arg(QString::fromUtf8(stepActionName(step.action)));

    const QStringList targets = resolveTargets(step.target, m_service, *m_metrics);
    if (targets.isEmpty())
        co_return tr("no callers of %1 seen yet, so there is nothing to %2; act by hand or skip the step")
            .arg(m_service, QString::fromUtf8(stepActionName(step.action)));

    // Callers are acted on one after the other so that each outcome lands in the journal in order.
    for (const QString &target : targets) {
        ControlRequest request;
        request.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        request.operation = *operation;
        request.service = target.toStdString();
        request.percent = step.percent;
        request.capacity = step.capacity;
        request.operatorName = m_operatorName.toStdString();
        request.reason = tr("playbook %1: %2").arg(m_playbook.name, step.title).toStdString();

        const QString operationText = QString::fromUtf8(operationName(*operation));
        const QString requestId = QString::fromStdString(request.id);
        Details details { { QStringLiteral("operation"), operationText }, { QStringLiteral("step_id"), stepId } };
        if (step.percent)
            details.insert(QStringLiteral("percent"), QString::number(*step.percent));
        if (step.capacity)
            details.insert(QStringLiteral("capacity"), QString::number(*step.capacity));
        if (confirmed)
            details.insert(QStringLiteral("confirmed"), QStringLiteral("true"));
        if (m_journalCommands)
            record(EventKind::ActionSent, Severity::Info, target, describeAction(step), requestId, details);

        const CommandOutcome outcome = co_await m_sender->send(request, m_commandTimeout);
        if (!self)
            co_return tr("the playbook runner was closed");

        EventKind kind = EventKind::ActionApplied;
        QString failure;
        switch (outcome.kind) {
        case CommandOutcome::Kind::Applied:
            details.insert(QStringLiteral("mode"), QString::fromUtf8(modeName(outcome.mode)));
            break;
        case CommandOutcome::Kind::Rejected:
            kind = EventKind::ActionRejected;
            failure = tr("%1 of %2 was rejected: %3").arg(operationText, target, outcome.reason);
            break;
        case CommandOutcome::Kind::TimedOut:
            kind = EventKind::ActionTimedOut;
            failure = tr("%1 of %2 timed out; the service may or may not have applied it").arg(operationText, target);
            break;
        case CommandOutcome::Kind::Cancelled:
            // Journalled like a timeout, as the console's own actions do: no reply came.
            kind = EventKind::ActionTimedOut;
            failure = outcome.reason.isEmpty()
                ? tr("%1 of %2 was cancelled").arg(operationText, target)
                : tr("%1 of %2 was cancelled: %3").arg(operationText, target, outcome.reason);
            break;
        }
        if (!failure.isEmpty())
            details.insert(QStringLiteral("error"), failure);
        if (m_journalCommands)
            record(kind, failure.isEmpty() ? Severity::Info : Severity::Warning, target, describeAction(step),
                requestId, details);
        if (!failure.isEmpty()) {
            qCInfo(lcPlaybook) << "playbook action failed" << requestId << failure;
            co_return failure;
        }
        // The operator skipped or aborted meanwhile: the outcome above is journalled, the other targets are spared.
        if (!isCurrent(generation))
            co_return std::nullopt;
    }
    co_return std::nullopt;
}

QCoro::Task<bool> PlaybookRunner::runCheck(PlaybookCheck check, int index, std::uint64_t generation)
{
    using namespace std::chrono;
    QPointer<PlaybookRunner> self(this);
    QElapsedTimer clock;
    clock.start();
    std::optional<qint64> heldSince;

    while (true) {
        const CheckObservation observation = evaluateCheck(check, m_service, *m_metrics);
        const qint64 now = clock.elapsed();
        m_records[index].checkSatisfied = observation.satisfied;
        m_records[index].observed = observation.observed;
        Q_EMIT checkEvaluated(index, observation.satisfied, observation.observed);
        if (!self || !isCurrent(generation))
            co_return false;

        if (!observation.satisfied)
            heldSince.reset();
        else if (!heldSince)
            heldSince = now;
        if (heldSince && now - *heldSince >= check.hold.count())
            co_return true;
        if (now >= check.within.count())
            co_return false;

        // Wake at the deadline at the latest, so the last reading is taken when the time runs out.
        const qint64 remaining = check.within.count() - now;
        co_await QCoro::sleepFor(milliseconds(std::clamp<qint64>(m_pollInterval.count(), 1, remaining)));
        if (!self || !isCurrent(generation))
            co_return false;
    }
}

} // namespace faultline
