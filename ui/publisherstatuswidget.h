// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace faultline
{

class LiveTopology;
struct PublisherSnapshot;

/**
 * The status bar's view of the streams: whether data arrives at all, and per publisher the message
 * rate, gaps (lost messages) and malformed messages, with the last error in the tooltip.
 */
class PublisherStatusWidget : public QWidget
{
    Q_OBJECT

public:
    enum class StreamStatus { NoData, Receiving, Silent };

    /** Without any message for this long, the stream counts as silent. */
    static constexpr std::int64_t silenceThresholdMs = 5000;
    /** Publishers shown by name; the rest are summed up in one label. */
    static constexpr int maxPublisherLabels = 4;

    explicit PublisherStatusWidget(LiveTopology *topology, QWidget *parent = nullptr);

    StreamStatus streamStatus() const { return m_status; }
    QString streamText() const;
    /** The text of each publisher label, in the order shown. */
    QStringList publisherTexts() const;

public Q_SLOTS:
    void refresh();

private:
    QString publisherText(const PublisherSnapshot &publisher, std::int64_t now) const;
    QString publisherToolTip(const PublisherSnapshot &publisher, std::int64_t now) const;
    QLabel *publisherLabel(int index);

    QPointer<LiveTopology> m_topology;
    QTimer m_clock;
    StreamStatus m_status = StreamStatus::NoData;
    std::int64_t m_startedMs;
    std::uint64_t m_lastMessageCount = 0;
    std::int64_t m_lastProgressMs = 0;
    QHBoxLayout *m_layout;
    QLabel *m_streamIcon;
    QLabel *m_streamLabel;
    QList<QLabel *> m_publisherLabels;
    QLabel *m_moreLabel;
};

} // namespace faultline
