// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "publisherstatuswidget.h"

#include <algorithm>

#include <QDeadlineTimer>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include "displayformat.h"
#include "statestyle.h"
#include "topology/livetopology.h"

namespace faultline
{
namespace
{

std::int64_t monotonicNowMs()
{
    // The ingest thread stamps lastSeenMs on the same monotonic clock.
    return QDeadlineTimer::current().deadline();
}

bool publisherIsSilent(const PublisherSnapshot &publisher, std::int64_t now)
{
    return publisher.lastSeenMs > 0 && now - publisher.lastSeenMs >= PublisherStatusWidget::silenceThresholdMs;
}

} // namespace

PublisherStatusWidget::PublisherStatusWidget(LiveTopology *topology, QWidget *parent)
    : QWidget(parent)
    , m_topology(topology)
    , m_startedMs(monotonicNowMs())
    , m_layout(new QHBoxLayout(this))
    , m_streamIcon(new QLabel(this))
    , m_streamLabel(new QLabel(this))
    , m_moreLabel(new QLabel(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_streamLabel->setObjectName(QStringLiteral("streamStatus"));
    m_layout->addWidget(m_streamIcon);
    m_layout->addWidget(m_streamLabel);
    m_layout->addWidget(m_moreLabel);
    m_layout->addStretch(1);
    m_moreLabel->hide();

    connect(topology, &LiveTopology::publishersChanged, this, &PublisherStatusWidget::refresh);
    connect(topology, &LiveTopology::changed, this, &PublisherStatusWidget::refresh);
    // Silence is the absence of updates, so a clock has to notice it.
    connect(&m_clock, &QTimer::timeout, this, &PublisherStatusWidget::refresh);
    m_clock.start(1000);
    refresh();
}

QString PublisherStatusWidget::streamText() const
{
    return m_streamLabel->text();
}

QStringList PublisherStatusWidget::publisherTexts() const
{
    QStringList texts;
    for (const QLabel *label : m_publisherLabels) {
        if (label->isVisibleTo(this))
            texts.append(label->text());
    }
    return texts;
}

QLabel *PublisherStatusWidget::publisherLabel(int index)
{
    while (m_publisherLabels.size() <= index) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("publisher%1").arg(m_publisherLabels.size()));
        label->setFrameShape(QFrame::StyledPanel);
        m_layout->insertWidget(m_layout->indexOf(m_moreLabel), label);
        m_publisherLabels.append(label);
    }
    return m_publisherLabels.at(index);
}

void PublisherStatusWidget::refresh()
{
    if (!m_topology)
        return;
    const std::int64_t now = monotonicNowMs();
    const auto &publishers = m_topology->publishers();
    const StreamCounters &counters = m_topology->counters();

    // With named publishers their own timestamps tell silence; otherwise only growing totals do.
    std::int64_t lastActivity = 0;
    for (const PublisherSnapshot &publisher : publishers)
        lastActivity = std::max(lastActivity, publisher.lastSeenMs);
    if (counters.messages != m_lastMessageCount) {
        m_lastMessageCount = counters.messages;
        m_lastProgressMs = now;
    }
    if (publishers.empty())
        lastActivity = m_lastProgressMs;

    if (lastActivity == 0) {
        m_status = StreamStatus::NoData;
        m_streamIcon->setPixmap(StateStyle::stateIcon(ServiceState::Unknown).pixmap(16, 16));
        m_streamLabel->setText(tr("No data yet (waiting %1)").arg(DisplayFormat::age(double(now - m_startedMs))));
    } else if (now - lastActivity >= silenceThresholdMs) {
        m_status = StreamStatus::Silent;
        m_streamIcon->setPixmap(StateStyle::stateIcon(ServiceState::Stale).pixmap(16, 16));
        m_streamLabel->setText(tr("Stream silent for %1").arg(DisplayFormat::age(double(now - lastActivity))));
    } else {
        m_status = StreamStatus::Receiving;
        m_streamIcon->setPixmap(StateStyle::stateIcon(ServiceState::Ok).pixmap(16, 16));
        m_streamLabel->setText(tr("Receiving"));
    }
    // Without live data the label stands out, since the graph then shows old or no figures.
    m_streamLabel->setStyleSheet(
        m_status == StreamStatus::Receiving ? QString() : QStringLiteral("font-weight: bold; color: #8a4b00;"));
    QStringList totals { tr("%1 messages, %2 malformed, %3 spans in total")
                             .arg(DisplayFormat::count(counters.messages), DisplayFormat::count(counters.malformed),
                                 DisplayFormat::count(counters.spans)) };
    if (!counters.lastError.isEmpty())
        totals << tr("Last error: %1").arg(counters.lastError);
    m_streamLabel->setToolTip(totals.join(QLatin1Char('\n')));

    const int labelled = std::min(int(publishers.size()), maxPublisherLabels);
    for (int i = 0; i < labelled; ++i) {
        QLabel *label = publisherLabel(i);
        const PublisherSnapshot &publisher = publishers[i];
        label->setText(publisherText(publisher, now));
        label->setToolTip(publisherToolTip(publisher, now));
        const bool hasProblems = publisher.gaps > 0 || publisher.malformed > 0 || publisherIsSilent(publisher, now);
        label->setStyleSheet(hasProblems ? QStringLiteral("color: #8a4b00;") : QString());
        label->show();
    }
    for (int i = labelled; i < m_publisherLabels.size(); ++i)
        m_publisherLabels.at(i)->hide();

    const int hidden = int(publishers.size()) - labelled;
    m_moreLabel->setVisible(hidden > 0);
    if (hidden > 0) {
        m_moreLabel->setText(tr("+%n more publisher(s)", nullptr, hidden));
        QStringList lines;
        for (std::size_t i = labelled; i < publishers.size(); ++i)
            lines.append(publisherText(publishers[i], now));
        m_moreLabel->setToolTip(lines.join(QLatin1Char('\n')));
    }
}

QString PublisherStatusWidget::publisherText(const PublisherSnapshot &publisher, std::int64_t now) const
{
    const QString name = QString::fromStdString(publisher.publisher);
    if (publisherIsSilent(publisher, now))
        return tr("%1: silent for %2").arg(name, DisplayFormat::age(double(now - publisher.lastSeenMs)));
    return tr("%1: %2 msg/s, %3 gaps, %4 malformed")
        .arg(name, QLocale().toString(publisher.messagesPerSecond, 'f', 0), DisplayFormat::count(publisher.gaps),
            DisplayFormat::count(publisher.malformed));
}

QString PublisherStatusWidget::publisherToolTip(const PublisherSnapshot &publisher, std::int64_t now) const
{
    QStringList lines;
    lines << tr("Publisher %1 at %2")
                 .arg(QString::fromStdString(publisher.publisher), QString::fromStdString(publisher.endpoint));
    lines << tr("%1 messages, %2 lost in gaps, %3 malformed, %4 restarts")
                 .arg(DisplayFormat::count(publisher.messages), DisplayFormat::count(publisher.gaps),
                     DisplayFormat::count(publisher.malformed), DisplayFormat::count(publisher.restarts));
    if (publisher.lastSeenMs > 0)
        lines << tr("Last message %1 ago").arg(DisplayFormat::age(double(now - publisher.lastSeenMs)));
    lines << (publisher.lastError.isEmpty() ? tr("No errors") : tr("Last error: %1").arg(publisher.lastError));
    return lines.join(QLatin1Char('\n'));
}

} // namespace faultline
