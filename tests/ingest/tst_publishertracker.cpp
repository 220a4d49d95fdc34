// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "ingest/publishertracker.h"

using namespace faultline;
using Sequence = PublisherTracker::Sequence;

namespace {

wire::Envelope envelope(std::uint64_t seq, const std::string &session = "s1", const std::string &publisher = "p")
{
    wire::Envelope result;
    result.publisher = publisher;
    result.session = session;
    result.seq = seq;
    return result;
}

} // namespace

class TestPublisherTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsGaps()
    {
        PublisherTracker tracker;
        QCOMPARE(tracker.noteMessage(envelope(5), "health.a", 0), Sequence::First);
        QCOMPARE(tracker.noteMessage(envelope(6), "health.a", 0), Sequence::InOrder);
        QCOMPARE(tracker.noteMessage(envelope(10), "health.a", 0), Sequence::Gap);
        QCOMPARE(tracker.totalGaps(), std::uint64_t(3));
        QCOMPARE(tracker.snapshots().at(0).messages, std::uint64_t(3));
    }

    void topicsCountedApart()
    {
        PublisherTracker tracker;
        tracker.noteMessage(envelope(1), "health.a", 0);
        tracker.noteMessage(envelope(1), "trace.a", 0);
        QCOMPARE(tracker.noteMessage(envelope(2), "health.a", 0), Sequence::InOrder);
        QCOMPARE(tracker.noteMessage(envelope(2), "trace.a", 0), Sequence::InOrder);
        QCOMPARE(tracker.totalGaps(), std::uint64_t(0));
    }

    void duplicatesAndReorderingAreNotGaps()
    {
        PublisherTracker tracker;
        tracker.noteMessage(envelope(1), "health.a", 0);
        tracker.noteMessage(envelope(2), "health.a", 0);
        QCOMPARE(tracker.noteMessage(envelope(2), "health.a", 0), Sequence::Duplicate);
        QCOMPARE(tracker.noteMessage(envelope(1), "health.a", 0), Sequence::Duplicate);
        QCOMPARE(tracker.totalGaps(), std::uint64_t(0));
    }

    void restartIsNotAGap()
    {
        PublisherTracker tracker;
        tracker.noteMessage(envelope(1000), "health.a", 0);
        QCOMPARE(tracker.noteMessage(envelope(1, "s2"), "health.a", 0), Sequence::First);
        QCOMPARE(tracker.noteMessage(envelope(2, "s2"), "health.a", 0), Sequence::InOrder);
        const auto snapshot = tracker.snapshots().at(0);
        QCOMPARE(snapshot.restarts, std::uint64_t(1));
        QCOMPARE(snapshot.gaps, std::uint64_t(0));
    }

    void hugeSequenceNumbers()
    {
        PublisherTracker tracker;
        const std::uint64_t big = (std::uint64_t(1) << 53) + 1;
        tracker.noteMessage(envelope(big), "health.a", 0);
        QCOMPARE(tracker.noteMessage(envelope(big + 2), "health.a", 0), Sequence::Gap);
        QCOMPARE(tracker.totalGaps(), std::uint64_t(1));
    }

    void malformedKeepsLastError()
    {
        PublisherTracker tracker;
        tracker.noteMalformed("p", QStringLiteral("first"), 5);
        tracker.noteMalformed("p", QStringLiteral("second"), 6);
        tracker.noteMalformed({}, QStringLiteral("no envelope"), 7);
        const auto snapshot = tracker.snapshots().at(0);
        QCOMPARE(snapshot.malformed, std::uint64_t(2));
        QCOMPARE(snapshot.lastError, QStringLiteral("second"));
        QCOMPARE(tracker.unattributedMalformed(), std::uint64_t(1));
    }

    void ratePerSecond()
    {
        PublisherTracker tracker;
        tracker.noteMessage(envelope(1), "health.a", 0);
        tracker.tick(1000);
        for (std::uint64_t seq = 2; seq <= 51; ++seq)
            tracker.noteMessage(envelope(seq), "health.a", 1500);
        tracker.tick(2000);
        QCOMPARE(tracker.snapshots().at(0).messagesPerSecond, 50.0);
    }
};

QTEST_GUILESS_MAIN(TestPublisherTracker)
#include "tst_publishertracker.moc"
