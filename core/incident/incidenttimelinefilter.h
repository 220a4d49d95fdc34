// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>

#include <QSortFilterProxyModel>
#include <QStringList>

#include "incident/incidentevent.h"

namespace faultline
{

/**
 * Filters and sorts an IncidentTimelineModel for the timeline: by severity, service and kind,
 * and by a case-insensitive search over every text field and detail value. Rows are sorted by
 * time, with ties in sequence order. An empty set of severities, services or kinds lets all through.
 */
class IncidentTimelineFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit IncidentTimelineFilter(QObject *parent = nullptr);

    void setSeverities(const std::set<Severity> &severities);
    /** Keeps only these services; events without a service (notes, stream problems) stay unless @p hideUnnamed. */
    void setServices(const QStringList &services, bool hideUnnamed = false);
    void setKinds(const std::set<EventKind> &kinds);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::set<Severity> m_severities;
    QStringList m_services;
    bool m_hideUnnamed = false;
    std::set<EventKind> m_kinds;
    QString m_searchText;
};

} // namespace faultline
