// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttimelinemodel.h"

#include <set>

#include "incident/eventtext.h"
#include "incident/incidentmanager.h"
#include "incident/incidenttime.h"

namespace faultline
{

IncidentTimelineModel::IncidentTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IncidentTimelineModel::setManager(IncidentManager *manager)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_manager = manager;
    if (manager) {
        m_connections.append(connect(manager, &IncidentManager::eventRecorded, this, &IncidentTimelineModel::append));
        m_connections.append(connect(manager, &IncidentManager::incidentOpened, this, &IncidentTimelineModel::reload));
    }
    reload();
}

void IncidentTimelineModel::setIncident(const Incident &incident)
{
    setManager(nullptr);
    beginResetModel();
    m_events = incident.events;
    endResetModel();
}

void IncidentTimelineModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_events.empty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), { Qt::DisplayRole });
}

QStringList IncidentTimelineModel::services() const
{
    std::set<QString> names;
    for (const auto &event : m_events) {
        if (!event.service.isEmpty())
            names.insert(event.service);
    }
    return QStringList(names.begin(), names.end());
}

void IncidentTimelineModel::reload()
{
    beginResetModel();
    const auto *incident = m_manager ? m_manager->currentIncident() : nullptr;
    m_events = incident ? incident->events : std::vector<IncidentEvent> {};
    endResetModel();
}

void IncidentTimelineModel::append(const IncidentEvent &event)
{
    // reload() may already have taken events that are signalled afterwards, so skip those.
    if (!m_events.empty() && event.sequence <= m_events.back().sequence)
        return;
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_events.push_back(event);
    endInsertRows();
}

int IncidentTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int IncidentTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &event = m_events[std::size_t(index.row())];
    switch (role) {
    case SequenceRole:
        return QVariant::fromValue(quint64(event.sequence));
    case UtcTimeRole:
        return event.time;
    case SeverityRole:
        return int(event.severity);
    case KindRole:
        return int(event.kind);
    case ServiceRole:
        return event.service;
    case SearchTextRole: {
        QStringList parts { event.service, event.source, event.operatorName, event.correlationId,
            EventText::kindLabel(event.kind), EventText::description(event) };
        for (const auto &value : event.details)
            parts.append(value);
        return parts.join(QLatin1Char('\n'));
    }
    case Qt::ToolTipRole:
        return index.column() == TimeColumn ? IncidentTime::toUtcText(event.time) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case TimeColumn:
        return IncidentTime::toLocalText(event.time, m_zone);
    case SeverityColumn:
        return EventText::severityLabel(event.severity);
    case KindColumn:
        return EventText::kindLabel(event.kind);
    case ServiceColumn:
        return event.service;
    case SourceColumn:
        return event.source;
    case OperatorColumn:
        return event.operatorName;
    case DescriptionColumn:
        return EventText::description(event);
    default:
        return {};
    }
}

QVariant IncidentTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SeverityColumn:
        return tr("Severity");
    case KindColumn:
        return tr("Event");
    case ServiceColumn:
        return tr("Service");
    case SourceColumn:
        return tr("Source");
    case OperatorColumn:
        return tr("Operator");
    case DescriptionColumn:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace faultline
