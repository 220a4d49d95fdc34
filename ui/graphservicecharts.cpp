// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphservicecharts.h"

#include <algorithm>

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include "graphmetrichistory.h"

namespace faultline
{
namespace
{

constexpr int chartHeight = 130;

/** A rounded-up axis maximum, so that a flat line does not sit on the top edge. */
double niceMaximum(double maximum, double floor)
{
    return std::max(floor, maximum * 1.15);
}

} // namespace

GraphServiceCharts::GraphServiceCharts(GraphMetricHistory *history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_rate(new QLineSeries(this))
    , m_errors(new QLineSeries(this))
    , m_p50(new QLineSeries(this))
    , m_p99(new QLineSeries(this))
    , m_rateAxis(new QValueAxis(this))
    , m_errorAxis(new QValueAxis(this))
    , m_latencyAxis(new QValueAxis(this))
{
    m_rate->setName(tr("req/s"));
    m_errors->setName(tr("errors %"));
    m_p50->setName(tr("p50 ms"));
    m_p99->setName(tr("p99 ms"));
    m_errors->setColor(QColor(0xc6, 0x28, 0x28));
    m_p50->setColor(QColor(0x15, 0x65, 0xc0));
    m_p99->setColor(QColor(0x8e, 0x24, 0xaa));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(createChart(tr("Requests per second"), { m_rate }, m_rateAxis));
    layout->addWidget(createChart(tr("Error rate (%)"), { m_errors }, m_errorAxis));
    layout->addWidget(createChart(tr("Latency p50 / p99 (ms)"), { m_p50, m_p99 }, m_latencyAxis));

    m_timer.setInterval(refreshIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &GraphServiceCharts::refresh);
}

QChartView *GraphServiceCharts::createChart(
    const QString &title, const QList<QLineSeries *> &series, QValueAxis *values)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(series.size() > 1);
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *time = new QDateTimeAxis(chart);
    time->setFormat(QStringLiteral("HH:mm"));
    time->setTickCount(4);
    values->setLabelFormat(QStringLiteral("%.3g"));
    values->setTickCount(3);
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    for (QLineSeries *line : series) {
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(values);
    }
    m_timeAxes.append(time);

    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(chartHeight);
    view->setMaximumHeight(chartHeight);
    return view;
}

void GraphServiceCharts::setService(const QString &service)
{
    m_service = service;
    refresh();
    if (service.isEmpty())
        m_timer.stop();
    else
        m_timer.start();
}

QList<int> GraphServiceCharts::pointCounts() const
{
    return { int(m_rate->count()), int(m_errors->count()), int(m_p50->count()), int(m_p99->count()) };
}

void GraphServiceCharts::refresh()
{
    QList<QPointF> rate;
    QList<QPointF> errors;
    QList<QPointF> p50;
    QList<QPointF> p99;
    double maxRate = 0;
    double maxError = 0;
    double maxLatency = 0;
    if (m_history && !m_service.isEmpty()) {
        for (const MetricSample &sample : m_history->samples(m_service)) {
            const auto x = double(sample.timeMs);
            rate.append({ x, sample.rps });
            errors.append({ x, sample.errorRate * 100 });
            p50.append({ x, sample.latencyP50Ms });
            p99.append({ x, sample.latencyP99Ms });
            maxRate = std::max(maxRate, sample.rps);
            maxError = std::max(maxError, sample.errorRate * 100);
            maxLatency = std::max({ maxLatency, sample.latencyP50Ms, sample.latencyP99Ms });
        }
    }
    // replace() swaps the whole series at once, which redraws once instead of once per point.
    m_rate->replace(rate);
    m_errors->replace(errors);
    m_p50->replace(p50);
    m_p99->replace(p99);

    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeAxis *axis : std::as_const(m_timeAxes))
        axis->setRange(now.addMSecs(-GraphMetricHistory::windowMs), now);
    m_rateAxis->setRange(0, niceMaximum(maxRate, 1));
    m_errorAxis->setRange(0, niceMaximum(maxError, 1));
    m_latencyAxis->setRange(0, niceMaximum(maxLatency, 10));
}

} // namespace faultline
