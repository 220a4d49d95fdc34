// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimeZone>

#include "incident/incident.h"

namespace faultline
{

class IncidentManager;

/**
 * The events of one incident as a table for the timeline: one row per event in sequence order,
 * times in a chosen zone with their UTC offset. Follows an IncidentManager live (rows are
 * appended as events reach the disk, and the model resets when a new incident opens) or shows a
 * closed incident read from its journal. Sort and filter it with IncidentTimelineFilter.
 */
class IncidentTimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SeverityColumn,
        KindColumn,
        ServiceColumn,
        SourceColumn,
        OperatorColumn,
        DescriptionColumn,
        ColumnCount
    };

    enum Role {
        SequenceRole = Qt::UserRole + 1, // quint64
        UtcTimeRole, // QDateTime in UTC
        SeverityRole, // int of Severity
        KindRole, // int of EventKind
        ServiceRole, // QString
        SearchTextRole, // QString with every text field and detail value, for searching
    };

    explicit IncidentTimelineModel(QObject *parent = nullptr);

    /** Follows @p manager: shows its current incident and appends what it records. Nullptr stops following. */
    void setManager(IncidentManager *manager);
    /** Shows @p incident, for example a closed one read from its journal, and stops following a manager. */
    void setIncident(const Incident &incident);

    /** Sets the zone of the time column; the default is the machine's zone. */
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    const IncidentEvent &event(int row) const { return m_events.at(std::size_t(row)); }
    /** The services named in the events, sorted, for a filter menu. */
    QStringList services() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void append(const IncidentEvent &event);
    void reload();

    QPointer<IncidentManager> m_manager;
    std::vector<IncidentEvent> m_events;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QList<QMetaObject::Connection> m_connections;
};

} // namespace faultline
