// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace faultline
{

class GraphMetricHistory;

/**
 * Charts of one service over the last 15 minutes: request rate, error rate, and p50 and p99
 * latency. They redraw from the history once every two seconds, not on every delta.
 */
class GraphServiceCharts : public QWidget
{
    Q_OBJECT

public:
    static constexpr int refreshIntervalMs = 2000;

    explicit GraphServiceCharts(GraphMetricHistory *history, QWidget *parent = nullptr);

    QString service() const { return m_service; }
    void setService(const QString &service);
    /** Points in the rate, error, p50 and p99 series, for tests. */
    QList<int> pointCounts() const;

public Q_SLOTS:
    /** Replaces the series with the current history of the service. */
    void refresh();

private:
    QChartView *createChart(const QString &title, const QList<QLineSeries *> &series, QValueAxis *values);

    QPointer<GraphMetricHistory> m_history;
    QString m_service;
    QTimer m_timer;
    QLineSeries *m_rate;
    QLineSeries *m_errors;
    QLineSeries *m_p50;
    QLineSeries *m_p99;
    QList<QDateTimeAxis *> m_timeAxes;
    QValueAxis *m_rateAxis;
    QValueAxis *m_errorAxis;
    QValueAxis *m_latencyAxis;
};

} // namespace faultline
