// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace faultline
{

class IncidentManager;
class IncidentTimelineFilter;
class IncidentTimelineModel;
struct Incident;

/**
 * The incident timeline: live while it follows an IncidentManager, read-only for a closed incident.
 * Filters by severity, service and kind, searches every field, and takes notes typed inline. Times
 * are local with their UTC offset.
 */
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    /** Follows @p manager: its current incident, with notes enabled. */
    void follow(IncidentManager *manager, const QString &operatorName);
    /** Shows @p incident read-only. */
    void show(const Incident &incident);

    IncidentTimelineModel *model() const { return m_model; }
    IncidentTimelineFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QLineEdit *noteField() const { return m_note; }
    QComboBox *severityBox() const { return m_severity; }
    QComboBox *serviceBox() const { return m_service; }
    QComboBox *kindBox() const { return m_kind; }

public Q_SLOTS:
    void addNote();

private:
    void updateHeader();
    void updateServices();
    void applyKindFilter();
    void applySeverityFilter();

    using QWidget::show;

    IncidentManager *m_manager = nullptr;
    QString m_operatorName;
    QString m_readOnlyTitle;
    IncidentTimelineModel *m_model;
    IncidentTimelineFilter *m_filter;
    QLabel *m_header;
    QComboBox *m_severity;
    QComboBox *m_service;
    QComboBox *m_kind;
    QLineEdit *m_search;
    QTableView *m_view;
    QLineEdit *m_note;
    QPushButton *m_addNote;
};

} // namespace faultline
