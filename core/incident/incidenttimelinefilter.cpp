// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidenttimelinefilter.h"

#include <QDateTime>

#include "incident/incidenttimelinemodel.h"

namespace faultline
{

IncidentTimelineFilter::IncidentTimelineFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(IncidentTimelineModel::TimeColumn, Qt::AscendingOrder);
}

void IncidentTimelineFilter::setSeverities(const std::set<Severity> &severities)
{
    m_severities = severities;
    invalidateFilter();
}

void IncidentTimelineFilter::setServices(const QStringList &services, bool hideUnnamed)
{
    m_services = services;
    m_hideUnnamed = hideUnnamed;
    invalidateFilter();
}

void IncidentTimelineFilter::setKinds(const std::set<EventKind> &kinds)
{
    m_kinds = kinds;
    invalidateFilter();
}

void IncidentTimelineFilter::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    invalidateFilter();
}

bool IncidentTimelineFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto severity = Severity(index.data(IncidentTimelineModel::SeverityRole).toInt());
    if (!m_severities.empty() && !m_severities.count(severity))
        return false;
    const auto kind = EventKind(index.data(IncidentTimelineModel::KindRole).toInt());
    if (!m_kinds.empty() && !m_kinds.count(kind))
        return false;
    const auto service = index.data(IncidentTimelineModel::ServiceRole).toString();
    if (!m_services.isEmpty() && (service.isEmpty() ? m_hideUnnamed : !m_services.contains(service)))
        return false;
    if (!m_searchText.isEmpty()) {
        const auto text = index.data(IncidentTimelineModel::SearchTextRole).toString();
        if (!text.contains(m_searchText, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool IncidentTimelineFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto leftTime = left.data(IncidentTimelineModel::UtcTimeRole).toDateTime();
    const auto rightTime = right.data(IncidentTimelineModel::UtcTimeRole).toDateTime();
    if (leftTime != rightTime)
        return leftTime < rightTime;
    return left.data(IncidentTimelineModel::SequenceRole).toULongLong()
        < right.data(IncidentTimelineModel::SequenceRole).toULongLong();
}

} // namespace faultline
