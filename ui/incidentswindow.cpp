// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentswindow.h"

#include <algorithm>

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "incident/incidentjournal.h"
#include "timelinepanel.h"

namespace faultline
{

namespace
{

enum Column { TitleColumn, OpenedColumn, ClosedColumn, StateColumn, EventsColumn, FileColumn };

QString localTime(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return QLocale().toString(utc.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace

IncidentsWindow::IncidentsWindow(const IncidentStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_export(new QPushButton(tr("&Export..."), this))
{
    setObjectName(QStringLiteral("incidentsWindow"));
    setWindowTitle(tr("Incidents"));
    resize(900, 480);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({ tr("Title"), tr("Opened"), tr("Closed"), tr("State"), tr("Events"), tr("File") });
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_open, QDialogButtonBox::ActionRole);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    auto *refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Journals in %1").arg(m_store.directory()), this));
    layout->addWidget(m_list);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refresh, &QPushButton::clicked, this, &IncidentsWindow::reload);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (auto *item = m_list->currentItem())
            openRow(m_list->indexOfTopLevelItem(item));
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        if (auto *item = m_list->currentItem())
            Q_EMIT exportRequested(m_journals[std::size_t(m_list->indexOfTopLevelItem(item))].path);
    });
    connect(m_list, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { openRow(m_list->indexOfTopLevelItem(item)); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_open->setEnabled(item != nullptr);
        m_export->setEnabled(item != nullptr);
        if (!item) {
            m_status->clear();
            return;
        }
        const auto &journal = m_journals[std::size_t(m_list->indexOfTopLevelItem(item))];
        m_status->setText(journal.warnings.isEmpty()
                ? journal.path
                : tr("%1\nSkipped while reading: %2").arg(journal.path, journal.warnings.join(QStringLiteral("; "))));
    });
    reload();
}

void IncidentsWindow::reload()
{
    m_journals = m_store.list();
    std::sort(m_journals.begin(), m_journals.end(),
        [](const JournalInfo &a, const JournalInfo &b) { return a.openedAt > b.openedAt; });
    m_list->clear();
    for (const auto &journal : m_journals) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(TitleColumn, journal.readable ? journal.title : tr("(unreadable journal)"));
        item->setText(OpenedColumn, localTime(journal.openedAt));
        item->setText(ClosedColumn, localTime(journal.closedAt));
        item->setText(StateColumn, journal.state == IncidentState::Open ? tr("open") : tr("closed"));
        item->setText(EventsColumn, QString::number(journal.eventCount));
        item->setText(FileColumn, QFileInfo(journal.path).fileName());
        if (!journal.warnings.isEmpty())
            item->setToolTip(TitleColumn, journal.warnings.join(QLatin1Char('\n')));
    }
    m_open->setEnabled(false);
    m_export->setEnabled(false);
    m_status->setText(m_journals.empty() ? tr("No incidents recorded yet.") : QString());
}

QWidget *IncidentsWindow::openRow(int row)
{
    if (row < 0 || row >= int(m_journals.size()))
        return nullptr;
    const auto &journal = m_journals[std::size_t(row)];
    // Reading never writes, so an open journal that the console is appending to is safe to view too.
    auto contents = IncidentJournal::read(journal.path);
    if (!contents) {
        QMessageBox::warning(
            this, tr("Incidents"), tr("Cannot open %1: %2").arg(journal.path, contents.error().message));
        return nullptr;
    }
    auto *window = new QWidget(this, Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setObjectName(QStringLiteral("incidentViewer"));
    window->setWindowTitle(tr("Incident: %1").arg(contents->incident.title));
    auto *panel = new TimelinePanel(window);
    panel->show(contents->incident);
    auto *layout = new QVBoxLayout(window);
    layout->addWidget(panel);
    if (!contents->warnings.isEmpty()) {
        auto *warning = new QLabel(
            tr("Damage skipped while reading: %1").arg(contents->warnings.join(QStringLiteral("; "))), window);
        warning->setWordWrap(true);
        layout->addWidget(warning);
    }
    window->resize(1100, 600);
    window->show();
    return window;
}

} // namespace faultline
