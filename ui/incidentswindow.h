// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QDialog>

#include "incident/incidentstore.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace faultline
{

/**
 * The incident journals in the store: title, times, state and event count, newest first. A closed
 * incident opens read-only in a timeline window of its own; a damaged journal shows what was skipped.
 */
class IncidentsWindow : public QDialog
{
    Q_OBJECT

public:
    explicit IncidentsWindow(const IncidentStore &store, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    /** Opens the journal of row @p row read-only; returns the window, or nullptr after showing an error. */
    QWidget *openRow(int row);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    /** The operator requested an export of a journal. The console prompts for the file and format. */
    void exportRequested(const QString &journalPath);

private:
    IncidentStore m_store;
    std::vector<JournalInfo> m_journals;
    QTreeWidget *m_list;
    QLabel *m_status;
    QPushButton *m_open;
    QPushButton *m_export;
};

} // namespace faultline
