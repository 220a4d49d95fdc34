// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookrunner.h"

#include <QCoreApplication>
#include <QMetaEnum>
#include <QUuid>

#include "incident/incidentsink.h"
#include "playbook/playbooklogging.h"

namespace faultline
{

PlaybookRunner::PlaybookRunner(
    CommandSender *sender, const PlaybookMetrics *metrics, IncidentSink *sink, QObject *parent)
    : QObject(parent)
    , m_sender(sender)
    , m_metrics(metrics)
    , m_sink(sink)
{
}

// Coroutines still suspended hold a QPointer to the runner and stop when they resume.
PlaybookRunner::~PlaybookRunner() = default;

bool PlaybookRunner::isActive() const
{
    switch (m_status) {
    case Status::Running:
    case Status::AwaitingConfirmation:
    case Status::AwaitingDecision:
    case Status::RollingBack:
        return true;
    default:
        return false;
    }
}

bool PlaybookRunner::start(const Playbook &playbook, const QString &service)
{
    if (isActive()) {
        qCWarning(lcPlaybook) << "playbook start ignored, a run is active" << m_runId;
        return false;
    }

    ++m_generation;
    m_playbook = playbook;
    m_service = service;
    m_runId = QStringLiteral("%1-%2").arg(playbook.id, QUuid::createUuid().toString(QUuid::Id128).left(8));
    m_records.assign(playbook.steps.size(), StepRecord {});
    m_index = 0;
    m_clock.start();
    qCInfo(lcPlaybook) << "playbook started" << m_runId << "on" << service;
    setStatus(Status::Running);
    enterStep(0);
    return true;
}

qint64 PlaybookRunner::stepElapsedMs(int index) const
{
    if (index < 0 || std::size_t(index) >= m_records.size() || !m_records[index].startedMs)
        return 0;
    const auto &step = m_records[index];
    return step.finishedMs.value_or(m_clock.elapsed()) - *step.startedMs;
}

bool PlaybookRunner::stepNeedsConfirmation(int index) const
{
    if (index < 0 || std::size_t(index) >= m_playbook.steps.size())
        return false;
    return m_confirmEveryStep || m_playbook.steps[index].needsConfirmation();
}

void PlaybookRunner::enterStep(int index)
{
    m_index = index;
    if (std::size_t(index) >= m_playbook.steps.size()) {
        finish(Status::Completed, {});
        return;
    }
    m_records[index].startedMs = m_clock.elapsed();
    beginAttempt(true);
}

void PlaybookRunner::beginAttempt(bool askConfirmation)
{
    const PlaybookStep &step = m_playbook.steps[m_index];
    auto &current = m_records[m_index];
    ++current.attempts;
    current.finishedMs.reset();
    current.message.clear();
    record(EventKind::PlaybookStepStarted, Severity::Info, m_service, step.title, stepId(m_index),
        { { QStringLiteral("attempt"), QString::number(current.attempts) },
            { QStringLiteral("action"), QString::fromUtf8(stepActionName(step.action)) } });

    if (askConfirmation && stepNeedsConfirmation(m_index)) {
        setStepStatus(StepStatus::AwaitingConfirmation);
        setStatus(Status::AwaitingConfirmation);
        return;
    }
    execute();
}

void PlaybookRunner::execute()
{
    setStatus(Status::Running);
    // The task runs to its first suspension here and finishes on its own; its result is not needed.
    runStep(++m_generation);
}

void PlaybookRunner::confirm()
{
    if (m_status != Status::AwaitingConfirmation)
        return;
    execute();
}

void PlaybookRunner::skip()
{
    if (m_status != Status::Running && m_status != Status::AwaitingConfirmation && m_status != Status::AwaitingDecision)
        return;
    ++m_generation;
    const PlaybookStep &step = m_playbook.steps[m_index];
    const QString reason = tr("skipped by the operator");
    record(EventKind::PlaybookStepSkipped, Severity::Warning, m_service, step.title, stepId(m_index),
        { { QStringLiteral("operator_action"), QStringLiteral("skip") } });
    finishStep(StepStatus::Skipped, reason);
    setStatus(Status::Running);
    enterStep(m_index + 1);
}

void PlaybookRunner::retry()
{
    if (m_status != Status::AwaitingDecision)
        return;
    ++m_generation;
    record(EventKind::OperatorNote, Severity::Info, m_service,
        tr("Retrying step %1: %2").arg(m_index + 1).arg(m_playbook.steps[m_index].title), stepId(m_index),
        { { QStringLiteral("operator_action"), QStringLiteral("retry") } });
    beginAttempt(true);
}

void PlaybookRunner::abort()
{
    if (!isActive())
        return;
    ++m_generation;
    const QString message = tr("aborted by the operator at step %1").arg(m_index + 1);
    if (std::size_t(m_index) < m_records.size() && !m_records[m_index].finishedMs && m_records[m_index].startedMs)
        finishStep(StepStatus::Aborted, message);
    record(EventKind::OperatorNote, Severity::Warning, m_service,
        tr("Aborted playbook %1 at step %2").arg(m_playbook.name).arg(m_index + 1), stepId(m_index),
        { { QStringLiteral("operator_action"), QStringLiteral("abort") } });
    finish(Status::Aborted, message);
}

void PlaybookRunner::stepFailed(const QString &message, bool checkFailed)
{
    const PlaybookStep &step = m_playbook.steps[m_index];
    auto &current = m_records[m_index];
    const bool attemptsLeft = current.attempts <= step.retries;
    FailurePolicy policy = step.onFailure;
    if (policy == FailurePolicy::Retry && !attemptsLeft)
        policy = FailurePolicy::Escalate;

    record(EventKind::PlaybookCheckFailed, policy == FailurePolicy::Escalate ? Severity::Critical : Severity::Warning,
        m_service, tr("%1: %2").arg(step.title, message), stepId(m_index),
        { { QStringLiteral("cause"), checkFailed ? QStringLiteral("check") : QStringLiteral("action") },
            { QStringLiteral("policy"), QString::fromUtf8(failurePolicyName(policy)) },
            { QStringLiteral("attempt"), QString::number(current.attempts) } });
    qCInfo(lcPlaybook) << "playbook step failed" << stepId(m_index) << message
                       << QString::fromUtf8(failurePolicyName(policy));

    switch (policy) {
    case FailurePolicy::Retry:
        current.message = message;
        beginAttempt(false);
        return;
    case FailurePolicy::Continue:
        finishStep(StepStatus::Failed, message);
        enterStep(m_index + 1);
        return;
    case FailurePolicy::Rollback:
        finishStep(StepStatus::Failed, message);
        setStatus(Status::RollingBack);
        runRollback(++m_generation);
        return;
    case FailurePolicy::Escalate:
        finishStep(StepStatus::Failed, message);
        setStatus(Status::AwaitingDecision);
        return;
    }
}

void PlaybookRunner::finishStep(StepStatus status, const QString &message)
{
    auto &current = m_records[m_index];
    current.status = status;
    current.finishedMs = m_clock.elapsed();
    if (!message.isEmpty())
        current.message = message;
    Q_EMIT stepChanged(m_index);
}

void PlaybookRunner::finish(Status status, const QString &message)
{
    const Severity severity = status == Status::Completed ? Severity::Info
        : status == Status::Failed                        ? Severity::Critical
                                                          : Severity::Warning;
    QString text;
    switch (status) {
    case Status::Completed:
        text = tr("Playbook %1 completed on %2").arg(m_playbook.name, m_service);
        break;
    case Status::RolledBack:
        text = tr("Playbook %1 rolled back on %2: %3").arg(m_playbook.name, m_service, message);
        break;
    case Status::Failed:
        text = tr("Playbook %1 failed on %2: %3").arg(m_playbook.name, m_service, message);
        break;
    default:
        break;
    }
    // An abort is already recorded as the operator's action.
    if (!text.isEmpty())
        record(EventKind::OperatorNote, severity, m_service, text, m_runId,
            { { QStringLiteral("outcome"),
                QString::fromLatin1(QMetaEnum::fromType<Status>().valueToKey(int(status))) } });
    qCInfo(lcPlaybook) << "playbook ended" << m_runId << status << message;
    setStatus(status);
    Q_EMIT finished(status, message);
}

void PlaybookRunner::setStatus(Status status)
{
    if (m_status == status)
        return;
    m_status = status;
    Q_EMIT statusChanged(status);
}

void PlaybookRunner::setStepStatus(StepStatus status)
{
    m_records[m_index].status = status;
    Q_EMIT stepChanged(m_index);
}

QString PlaybookRunner::stepId(int index) const
{
    return QStringLiteral("%1/%2").arg(m_runId).arg(index + 1);
}

void PlaybookRunner::record(EventKind kind, Severity severity, const QString &service, const QString &text,
    const QString &correlationId, Details details)
{
    if (!m_sink)
        return;
    IncidentEvent event;
    event.kind = kind;
    event.severity = severity;
    event.service = service;
    event.source = QStringLiteral("playbook");
    event.operatorName = m_operatorName;
    event.correlationId = correlationId;
    event.text = text;
    details.insert(QStringLiteral("playbook"), m_playbook.id);
    details.insert(QStringLiteral("run"), m_runId);
    if (!details.contains(QStringLiteral("step")) && std::size_t(m_index) < m_playbook.steps.size())
        details.insert(QStringLiteral("step"), QString::number(m_index + 1));
    event.details = std::move(details);
    m_sink->record(event);
}

} // namespace faultline
