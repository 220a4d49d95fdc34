// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookpanel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "playbook/playbookcheck.h"
#include "playbook/playbooklibrary.h"
#include "playbook/playbookmatcher.h"
#include "playbook/playbookmetrics.h"

namespace faultline
{

namespace
{

enum StepColumn { NumberColumn, TitleColumn, StatusColumn, TimeColumn };

QString stepStatusText(PlaybookRunner::StepStatus status)
{
    using StepStatus = PlaybookRunner::StepStatus;
    switch (status) {
    case StepStatus::Pending:
        return PlaybookPanel::tr("pending");
    case StepStatus::AwaitingConfirmation:
        return PlaybookPanel::tr("waiting for you");
    case StepStatus::Acting:
        return PlaybookPanel::tr("sending");
    case StepStatus::Checking:
        return PlaybookPanel::tr("checking");
    case StepStatus::Passed:
        return PlaybookPanel::tr("passed");
    case StepStatus::Failed:
        return PlaybookPanel::tr("failed");
    case StepStatus::Skipped:
        return PlaybookPanel::tr("skipped");
    case StepStatus::Aborted:
        return PlaybookPanel::tr("aborted");
    }
    return {};
}

QPushButton *createButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    return button;
}

} // namespace

PlaybookPanel::PlaybookPanel(const PlaybookLibrary *library, CommandSender *sender, const PlaybookMetrics *metrics,
    IncidentSink *sink, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_metrics(metrics)
    , m_runner(new PlaybookRunner(sender, metrics, sink, this))
    , m_header(new QLabel(this))
    , m_suggestions(new QListWidget(this))
    , m_emptyHint(new QLabel(this))
    , m_startButton(createButton(tr("Start playbook"), QStringLiteral("startButton"), this))
    , m_timer(new QTimer(this))
{
    // In the panel every step is the operator's click; traffic-cutting ones get a second confirmation.
    m_runner->setConfirmEveryStep(true);

    m_suggestions->setObjectName(QStringLiteral("suggestions"));
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_suggestions, 1);
    layout->addWidget(m_emptyHint);
    layout->addWidget(m_startButton);
    layout->addWidget(createRunArea(), 3);

    connect(m_suggestions, &QListWidget::currentRowChanged, this, &PlaybookPanel::updateButtons);
    connect(m_startButton, &QPushButton::clicked, this, &PlaybookPanel::onStartClicked);
    connect(m_runner, &PlaybookRunner::statusChanged, this, &PlaybookPanel::onStatusChanged);
    connect(m_runner, &PlaybookRunner::stepChanged, this, &PlaybookPanel::onStepChanged);
    connect(m_runner, &PlaybookRunner::checkEvaluated, this, &PlaybookPanel::onCheckEvaluated);
    // A hidden dock skips the refresh: suggestions for every failing service walk the whole graph.
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        updateTimes();
        refreshSuggestions();
    });
    m_timer->start(1000);

    setSelectedService({});
    onStatusChanged();
}

QWidget *PlaybookPanel::createRunArea()
{
    auto *area = new QWidget(this);
    auto *layout = new QVBoxLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);

    m_runTitle = new QLabel(area);
    m_runTitle->setObjectName(QStringLiteral("runTitle"));
    QFont bold = m_runTitle->font();
    bold.setBold(true);
    m_runTitle->setFont(bold);
    m_status = new QLabel(area);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_progress = new QProgressBar(area);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setFormat(tr("%v of %m steps"));

    m_steps = new QTreeWidget(area);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({ tr("#"), tr("Step"), tr("Status"), tr("Time") });
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);

    m_stepTitle = new QLabel(area);
    m_stepTitle->setFont(bold);
    m_stepTitle->setWordWrap(true);
    m_instructions = new QLabel(area);
    m_instructions->setObjectName(QStringLiteral("instructions"));
    m_instructions->setWordWrap(true);
    m_actionButton = createButton({}, QStringLiteral("actionButton"), area);
    connect(m_actionButton, &QPushButton::clicked, this, &PlaybookPanel::onActionClicked);

    m_confirmBar = new QFrame(area);
    m_confirmBar->setObjectName(QStringLiteral("confirmBar"));
    m_confirmBar->setFrameShape(QFrame::StyledPanel);
    m_confirmText = new QLabel(m_confirmBar);
    m_confirmText->setWordWrap(true);
    m_confirmButton = createButton(tr("Confirm"), QStringLiteral("confirmButton"), m_confirmBar);
    m_cancelButton = createButton(tr("Cancel"), QStringLiteral("cancelButton"), m_confirmBar);
    auto *confirmLayout = new QHBoxLayout(m_confirmBar);
    confirmLayout->addWidget(m_confirmText, 1);
    confirmLayout->addWidget(m_confirmButton);
    confirmLayout->addWidget(m_cancelButton);
    m_confirmBar->hide();
    connect(m_confirmButton, &QPushButton::clicked, this, &PlaybookPanel::onConfirmClicked);
    connect(m_cancelButton, &QPushButton::clicked, m_confirmBar, &QWidget::hide);

    m_check = new QLabel(area);
    m_check->setObjectName(QStringLiteral("checkLabel"));
    m_check->setWordWrap(true);
    m_message = new QLabel(area);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);

    m_skipButton = createButton(tr("Skip step"), QStringLiteral("skipButton"), area);
    m_retryButton = createButton(tr("Retry step"), QStringLiteral("retryButton"), area);
    m_abortButton = createButton(tr("Abort playbook"), QStringLiteral("abortButton"), area);
    connect(m_skipButton, &QPushButton::clicked, m_runner, &PlaybookRunner::skip);
    connect(m_retryButton, &QPushButton::clicked, m_runner, &PlaybookRunner::retry);
    connect(m_abortButton, &QPushButton::clicked, m_runner, &PlaybookRunner::abort);
    auto *operatorButtons = new QHBoxLayout;
    operatorButtons->addWidget(m_skipButton);
    operatorButtons->addWidget(m_retryButton);
    operatorButtons->addWidget(m_abortButton);

    for (QWidget *widget :
        { static_cast<QWidget *>(m_runTitle), static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_progress) })
        layout->addWidget(widget);
    layout->addWidget(m_steps, 1);
    for (QWidget *widget : { static_cast<QWidget *>(m_stepTitle), static_cast<QWidget *>(m_instructions),
             static_cast<QWidget *>(m_actionButton), static_cast<QWidget *>(m_confirmBar),
             static_cast<QWidget *>(m_check), static_cast<QWidget *>(m_message) })
        layout->addWidget(widget);
    layout->addLayout(operatorButtons);
    return area;
}

void PlaybookPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshSuggestions();
    updateTimes();
}

void PlaybookPanel::setOperatorName(const QString &name)
{
    m_runner->setOperatorName(name);
}

void PlaybookPanel::setSelectedService(const QString &name)
{
    m_selectedService = name;
    m_header->setText(name.isEmpty() ? tr("Playbooks for the failing services") : tr("Playbooks for %1").arg(name));
    m_suggestions->clear();
    m_suggestionKeys.clear();
    refreshSuggestions();
}

void PlaybookPanel::refreshSuggestions()
{
    std::vector<PlaybookSuggestion> suggestions;
    if (m_selectedService.isEmpty()) {
        suggestions = suggestPlaybooks(*m_library, *m_metrics);
    } else {
        for (const Playbook *playbook : applicablePlaybooks(*m_library, m_selectedService, *m_metrics))
            suggestions.push_back({ m_selectedService, playbook, false, AlarmPriority::Low });
    }

    QStringList keys;
    for (const auto &suggestion : suggestions)
        keys.append(suggestion.service + QLatin1Char('\n') + suggestion.playbook->id);
    // Rebuilding an unchanged list would drop the operator's selection every second.
    if (keys != m_suggestionKeys) {
        const QString selected
            = m_suggestions->currentRow() >= 0 ? m_suggestionKeys.value(m_suggestions->currentRow()) : QString();
        m_suggestions->clear();
        for (const auto &suggestion : suggestions) {
            const QString text = m_selectedService.isEmpty()
                ? tr("%1: %2").arg(suggestion.service, suggestion.playbook->name)
                : suggestion.playbook->name;
            auto *item = new QListWidgetItem(text, m_suggestions);
            item->setToolTip(suggestion.playbook->description);
        }
        m_suggestionKeys = keys;
        m_suggestions->setCurrentRow(std::max<int>(0, int(keys.indexOf(selected))));
    }

    m_emptyHint->setVisible(suggestions.empty());
    m_emptyHint->setText(m_selectedService.isEmpty()
            ? tr("No playbook applies: no service is failing.")
            : tr("No playbook applies to %1 in its current state.").arg(m_selectedService));
    updateButtons();
}

void PlaybookPanel::onStartClicked()
{
    const QString key = m_suggestionKeys.value(m_suggestions->currentRow());
    const QString service = key.section(QLatin1Char('\n'), 0, 0);
    const Playbook *playbook = m_library->find(key.section(QLatin1Char('\n'), 1));
    if (!playbook || service.isEmpty())
        return;

    m_steps->clear();
    for (std::size_t i = 0; i < playbook->steps.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(NumberColumn, QString::number(i + 1));
        item->setText(TitleColumn, playbook->steps[i].title);
        item->setText(StatusColumn, stepStatusText(PlaybookRunner::StepStatus::Pending));
    }
    m_progress->setRange(0, int(playbook->steps.size()));
    m_progress->setValue(0);
    m_message->clear();
    m_check->clear();
    m_runTitle->setText(tr("%1 on %2").arg(playbook->name, service));
    m_runner->start(*playbook, service);
}

void PlaybookPanel::onActionClicked()
{
    const int index = m_runner->currentStep();
    if (m_runner->status() != PlaybookRunner::Status::AwaitingConfirmation)
        return;
    const PlaybookStep &step = m_runner->playbook().steps[index];
    if (!step.cutsTraffic()) {
        m_runner->confirm();
        return;
    }
    m_confirmText->setText(tr("This takes traffic away from %1. Send it?")
                               .arg(resolveTargets(step.target, m_runner->service(), *m_metrics).join(tr(", "))));
    m_confirmBar->show();
    m_confirmButton->setFocus();
}

void PlaybookPanel::onConfirmClicked()
{
    m_confirmBar->hide();
    m_runner->confirm();
}

void PlaybookPanel::onStatusChanged()
{
    using Status = PlaybookRunner::Status;
    const Status status = m_runner->status();
    const int step = m_runner->currentStep() + 1;
    switch (status) {
    case Status::Idle:
        m_status->setText(tr("Choose a playbook and start it."));
        break;
    case Status::Running:
        m_status->setText(tr("Step %1 is running.").arg(step));
        break;
    case Status::AwaitingConfirmation:
        m_status->setText(tr("Step %1 waits for you to send its action.").arg(step));
        break;
    case Status::AwaitingDecision:
        m_status->setText(tr("Step %1 failed. Retry it, skip it or abort the playbook.").arg(step));
        break;
    case Status::RollingBack:
        m_status->setText(tr("Step %1 failed; rolling back.").arg(step));
        break;
    case Status::Completed:
        m_status->setText(tr("Completed."));
        break;
    case Status::RolledBack:
        m_status->setText(tr("Rolled back after step %1 failed.").arg(step));
        break;
    case Status::Aborted:
        m_status->setText(tr("Aborted at step %1.").arg(step));
        break;
    case Status::Failed:
        m_status->setText(tr("The roll-back failed; act by hand."));
        break;
    }
    if (status != Status::AwaitingConfirmation)
        m_confirmBar->hide();
    updateCurrentStep();
    updateButtons();
}

void PlaybookPanel::onStepChanged(int index)
{
    const auto &records = m_runner->steps();
    if (auto *item = m_steps->topLevelItem(index); item && std::size_t(index) < records.size()) {
        item->setText(StatusColumn, stepStatusText(records[index].status));
        item->setToolTip(StatusColumn, records[index].message);
    }
    int done = 0;
    for (const auto &record : records) {
        using StepStatus = PlaybookRunner::StepStatus;
        done += int(record.status == StepStatus::Passed || record.status == StepStatus::Failed
            || record.status == StepStatus::Skipped || record.status == StepStatus::Aborted);
    }
    m_progress->setValue(done);
    if (std::size_t(index) < records.size() && !records[index].message.isEmpty())
        m_message->setText(records[index].message);
    updateTimes();
    updateCurrentStep();
    updateButtons();
}

void PlaybookPanel::onCheckEvaluated(int index, bool satisfied, const QString &observed)
{
    const auto &check = m_runner->playbook().steps[index].check;
    if (!check)
        return;
    m_check->setText(
        tr("Check: %1\nNow: %2 (%3)").arg(describeCheck(*check), observed, satisfied ? tr("met") : tr("not met")));
}

void PlaybookPanel::updateCurrentStep()
{
    const auto &steps = m_runner->playbook().steps;
    const int index = m_runner->currentStep();
    const bool hasStep = m_runner->status() != PlaybookRunner::Status::Idle && std::size_t(index) < steps.size();
    m_stepTitle->setVisible(hasStep);
    m_instructions->setVisible(hasStep);
    m_actionButton->setVisible(hasStep);
    if (!hasStep)
        return;
    const PlaybookStep &step = steps[index];
    m_stepTitle->setText(tr("Step %1 of %2: %3").arg(index + 1).arg(steps.size()).arg(step.title));
    m_instructions->setText(step.instructions);
    m_actionButton->setText(actionText(step));
    if (m_steps->topLevelItem(index))
        m_steps->setCurrentItem(m_steps->topLevelItem(index));
}

void PlaybookPanel::updateButtons()
{
    using Status = PlaybookRunner::Status;
    const Status status = m_runner->status();
    m_startButton->setEnabled(!m_runner->isActive() && m_suggestions->currentRow() >= 0 && m_suggestions->count() > 0);
    m_actionButton->setEnabled(status == Status::AwaitingConfirmation);
    m_skipButton->setEnabled(
        status == Status::Running || status == Status::AwaitingConfirmation || status == Status::AwaitingDecision);
    m_retryButton->setEnabled(status == Status::AwaitingDecision);
    m_abortButton->setEnabled(m_runner->isActive());
}

void PlaybookPanel::updateTimes()
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        const qint64 ms = m_runner->stepElapsedMs(i);
        m_steps->topLevelItem(i)->setText(TimeColumn, ms > 0 ? tr("%1 s").arg(ms / 1000.0, 0, 'f', 1) : QString());
    }
}

QString PlaybookPanel::actionText(const PlaybookStep &step) const
{
    if (step.action == StepAction::None)
        return step.check ? tr("Start the check") : tr("Done, next step");
    if (step.target.kind == PlaybookTarget::Kind::Service || step.action == StepAction::Wait
        || step.action == StepAction::Note)
        return describeAction(step);
    // Name the services behind "the suspect" so the operator sees what the click acts on.
    const QStringList targets = resolveTargets(step.target, m_runner->service(), *m_metrics);
    return tr("%1 (%2)").arg(describeAction(step), targets.join(tr(", ")));
}

} // namespace faultline
