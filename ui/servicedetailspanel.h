// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace faultline
{

class GraphMetricHistory;
class GraphServiceCharts;
class LiveTopology;
struct ServiceSnapshot;

/**
 * Everything known about the selected service: health, mode, load, charts of the last 15 minutes,
 * breakers, instances, and the callers and callees with the metrics of each edge. Follows the
 * LiveTopology while it changes.
 */
class ServiceDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceDetailsPanel(LiveTopology *topology, QWidget *parent = nullptr);

    QString service() const { return m_service; }
    GraphMetricHistory *history() const { return m_history; }
    GraphServiceCharts *charts() const { return m_charts; }

public Q_SLOTS:
    /** Shows @p name; an empty name shows the hint to select a service. */
    void setService(const QString &name);

private:
    QWidget *createDetailsPage();
    QLabel *addField(QFormLayout *form, const QString &label, const QString &objectName);
    QTreeWidget *createTree(const QStringList &headers, const QString &objectName);
    void onTopologyChanged(const QStringList &changedServices, bool structureChanged);
    void refresh();
    void fillHealth(const ServiceSnapshot &snapshot);
    void fillTraceOnly();
    void fillInstances(const ServiceSnapshot *snapshot);
    void fillBreakers(const ServiceSnapshot *snapshot);
    void fillEdges();

    QPointer<LiveTopology> m_topology;
    GraphMetricHistory *m_history;
    GraphServiceCharts *m_charts = nullptr;
    QString m_service;
    QStackedWidget *m_pages;
    QLabel *m_stateIcon;
    QLabel *m_title;
    QLabel *m_note;
    QLabel *m_state;
    QLabel *m_mode;
    QLabel *m_criticality;
    QLabel *m_kind;
    QLabel *m_rate;
    QLabel *m_errors;
    QLabel *m_latency;
    QLabel *m_load;
    QLabel *m_fallbacks;
    QLabel *m_shed;
    QLabel *m_cacheAge;
    QLabel *m_heartbeat;
    QTreeWidget *m_breakers;
    QTreeWidget *m_instances;
    QTreeWidget *m_callers;
    QTreeWidget *m_callees;
};

} // namespace faultline
