// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmpanel.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "alarmlistmodel.h"
#include "health/livealarms.h"

namespace faultline
{

/** Hides shelved and suppressed rows unless asked, and during a flood all but the alarms that matter most. */
class AlarmFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setShowHidden(bool show)
    {
        m_showHidden = show;
        invalidateFilter();
    }

    void setFloodFilter(bool on)
    {
        m_floodFilter = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &) const override
    {
        const auto *model = static_cast<const AlarmListModel *>(sourceModel());
        const Alarm &alarm = model->alarm(sourceRow);
        if (!m_showHidden && (alarm.state == AlarmState::Shelved || alarm.state == AlarmState::Suppressed))
            return false;
        if (m_floodFilter)
            return alarm.firstOut || alarm.priority >= AlarmPriority::High;
        return true;
    }

private:
    bool m_showHidden = false;
    bool m_floodFilter = false;
};

AlarmPanel::AlarmPanel(LiveAlarms *alarms, QWidget *parent)
    : QWidget(parent)
    , m_alarms(alarms)
    , m_model(new AlarmListModel(alarms, this))
    , m_filter(new AlarmFilter(this))
    , m_view(new QTableView(this))
    , m_floodLabel(new QLabel(this))
    , m_showAll(new QCheckBox(tr("Show every alarm"), this))
    , m_showHidden(new QCheckBox(tr("Show shelved and suppressed"), this))
    , m_acknowledge(new QPushButton(tr("&Acknowledge"), this))
    , m_acknowledgeAll(new QPushButton(tr("Acknowledge a&ll"), this))
    , m_shelve(new QToolButton(this))
    , m_unshelve(new QPushButton(tr("&Unshelve"), this))
    , m_countLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("alarmPanel"));
    m_reasonPrompt = [this](const QString &service) -> std::optional<QString> {
        bool ok = false;
        const auto reason = QInputDialog::getText(this, tr("Shelve alarm"),
            tr("Why is the alarm on %1 shelved? The reason goes into the incident timeline.").arg(service),
            QLineEdit::Normal, {}, &ok);
        if (!ok)
            return std::nullopt;
        return reason;
    };

    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->setObjectName(QStringLiteral("alarmList"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(AlarmListModel::ConditionColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(AlarmListModel::PriorityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlarmListModel::ServiceColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlarmListModel::CountColumn, QHeaderView::ResizeToContents);

    m_floodLabel->setObjectName(QStringLiteral("floodSummary"));
    m_floodLabel->setWordWrap(true);
    m_floodLabel->setStyleSheet(QStringLiteral("QLabel { background: #fff3e0; color: #5d2c00; padding: 6px; "
                                               "border: 2px solid #ef6c00; font-weight: bold; }"));
    m_floodLabel->hide();
    m_showAll->hide();

    m_shelve->setText(tr("&Shelve"));
    m_shelve->setPopupMode(QToolButton::InstantPopup);
    auto *shelveMenu = new QMenu(m_shelve);
    const std::pair<const char *, qint64> durations[] = {
        { QT_TR_NOOP("For 15 minutes"), 15 * 60'000 },
        { QT_TR_NOOP("For 1 hour"), 60 * 60'000 },
        { QT_TR_NOOP("For 8 hours (a shift)"), 8 * 60 * 60'000 },
    };
    for (const auto &[label, ms] : durations) {
        const qint64 durationMs = ms;
        shelveMenu->addAction(tr(label), this, [this, durationMs] { shelveSelected(durationMs); });
    }
    m_shelve->setMenu(shelveMenu);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_acknowledge);
    buttons->addWidget(m_acknowledgeAll);
    buttons->addWidget(m_shelve);
    buttons->addWidget(m_unshelve);
    buttons->addStretch();
    buttons->addWidget(m_showHidden);
    buttons->addWidget(m_countLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_floodLabel);
    layout->addWidget(m_showAll);
    layout->addWidget(m_view);
    layout->addLayout(buttons);

    connect(m_acknowledge, &QPushButton::clicked, this, &AlarmPanel::acknowledgeSelected);
    connect(m_acknowledgeAll, &QPushButton::clicked, alarms, &LiveAlarms::acknowledgeAll);
    connect(m_unshelve, &QPushButton::clicked, this, &AlarmPanel::unshelveSelected);
    connect(m_showHidden, &QCheckBox::toggled, this, &AlarmPanel::setShowHidden);
    connect(m_showAll, &QCheckBox::toggled, this, &AlarmPanel::setShowAllDuringFlood);
    connect(alarms, &LiveAlarms::floodChanged, this, &AlarmPanel::updateFlood);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AlarmPanel::updateButtons);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        const auto rows = m_view->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            Q_EMIT serviceSelected(rows.first().data(AlarmListModel::ServiceRole).toString());
    });

    // Keep the selected alarm selected across the model resets that each delta causes.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keptSelection = selectedAlarm(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_model->rowOf(m_keptSelection);
        if (row < 0)
            return;
        const auto index = m_filter->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });

    updateFlood();
    updateButtons();
}

void AlarmPanel::setReasonPrompt(std::function<std::optional<QString>(const QString &)> prompt)
{
    m_reasonPrompt = std::move(prompt);
}

int AlarmPanel::visibleRows() const
{
    return m_filter->rowCount();
}

quint64 AlarmPanel::selectedAlarm() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return 0;
    return rows.first().data(AlarmListModel::AlarmIdRole).value<quint64>();
}

void AlarmPanel::acknowledgeSelected()
{
    if (const auto id = selectedAlarm())
        m_alarms->acknowledge(id);
}

void AlarmPanel::shelveSelected(qint64 durationMs)
{
    const auto id = selectedAlarm();
    const Alarm *alarm = id ? m_alarms->alarm(id) : nullptr;
    if (!alarm)
        return;
    const auto reason = m_reasonPrompt(QString::fromStdString(alarm->service));
    if (!reason)
        return;
    m_alarms->shelve(id, durationMs, *reason);
}

void AlarmPanel::unshelveSelected()
{
    if (const auto id = selectedAlarm())
        m_alarms->unshelve(id);
}

void AlarmPanel::setShowHidden(bool show)
{
    if (m_showHidden->isChecked() != show)
        m_showHidden->setChecked(show);
    m_filter->setShowHidden(show);
    updateButtons();
}

void AlarmPanel::setShowAllDuringFlood(bool show)
{
    if (m_showAll->isChecked() != show)
        m_showAll->setChecked(show);
    m_filter->setFloodFilter(m_alarms->flood().active && !show);
    updateButtons();
}

void AlarmPanel::updateFlood()
{
    if (!m_alarms)
        return;
    const auto &flood = m_alarms->flood();
    m_floodLabel->setVisible(flood.active);
    m_showAll->setVisible(flood.active);
    if (flood.active)
        m_floodLabel->setText(floodSummaryText(flood));
    m_filter->setFloodFilter(flood.active && !m_showAll->isChecked());
    updateButtons();
}

void AlarmPanel::updateButtons()
{
    if (!m_alarms)
        return;
    const auto id = selectedAlarm();
    const Alarm *alarm = id ? m_alarms->alarm(id) : nullptr;
    m_acknowledge->setEnabled(alarm && !alarm->acknowledged);
    m_acknowledgeAll->setEnabled(m_alarms->unacknowledgedCount() > 0);
    m_shelve->setEnabled(alarm && alarm->state != AlarmState::Shelved);
    m_unshelve->setEnabled(alarm && alarm->state == AlarmState::Shelved);
    const int total = m_model->rowCount();
    const int shown = m_filter->rowCount();
    m_countLabel->setText(
        shown == total ? tr("%n alarm(s)", nullptr, total) : tr("%1 of %n alarm(s) shown", nullptr, total).arg(shown));
}

} // namespace faultline
