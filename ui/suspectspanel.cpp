// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "suspectspanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "health/livealarms.h"

namespace faultline
{

namespace
{

enum Column { RankColumn, ServiceColumn, ScoreColumn, ReasonColumn };

} // namespace

SuspectsPanel::SuspectsPanel(LiveAlarms *alarms, QWidget *parent)
    : QWidget(parent)
    , m_alarms(alarms)
    , m_placeholder(new QLabel(tr("No suspects: nothing is failing."), this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("suspectsPanel"));
    m_list->setObjectName(QStringLiteral("suspectList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({ tr("#"), tr("Service"), tr("Score"), tr("Why") });
    m_list->header()->setSectionResizeMode(RankColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ServiceColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ScoreColumn, QHeaderView::ResizeToContents);
    m_list->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_list);

    connect(alarms, &LiveAlarms::suspectsChanged, this, &SuspectsPanel::reload);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            Q_EMIT serviceSelected(item->text(ServiceColumn));
    });
    reload();
}

void SuspectsPanel::reload()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text(ServiceColumn) : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int rank = 0;
    for (const auto &suspect : m_alarms->suspects()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(RankColumn, QString::number(++rank));
        item->setText(ServiceColumn, QString::fromStdString(suspect.service));
        item->setText(ScoreColumn, QString::number(suspect.score, 'f', 2));
        item->setText(ReasonColumn, suspect.reason);
        item->setToolTip(ReasonColumn, suspect.reason);
        if (rank == 1) {
            QFont bold = item->font(ServiceColumn);
            bold.setBold(true);
            item->setFont(ServiceColumn, bold);
        }
        if (item->text(ServiceColumn) == current)
            m_list->setCurrentItem(item);
    }
    m_placeholder->setVisible(rank == 0);
    m_list->setVisible(rank > 0);
}

} // namespace faultline
