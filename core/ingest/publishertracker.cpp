// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishertracker.h"

namespace faultline {

PublisherTracker::Record &PublisherTracker::record(const std::string &publisher)
{
    auto [it, inserted] = m_records.try_emplace(publisher);
    if (inserted)
        it->second.snapshot.publisher = publisher;
    return it->second;
}

PublisherTracker::Sequence PublisherTracker::noteMessage(const wire::Envelope &envelope, std::string_view topic,
                                                         std::int64_t nowMs)
{
    auto &entry = record(envelope.publisher);
    auto &snapshot = entry.snapshot;
    ++snapshot.messages;
    snapshot.lastSeenMs = nowMs;

    if (!entry.lastSession.empty() && entry.lastSession != envelope.session) {
        // The publisher restarted: every topic counts afresh from this session on.
        ++snapshot.restarts;
        entry.topics.clear();
    }
    entry.lastSession = envelope.session;

    auto it = entry.topics.find(topic);
    if (it == entry.topics.end()) {
        entry.topics.emplace(std::string(topic), TopicState {envelope.session, envelope.seq});
        // The messages before the first one seen were sent before we subscribed: not a loss.
        return Sequence::First;
    }

    auto &state = it->second;
    if (envelope.seq <= state.lastSeq)
        return Sequence::Duplicate;
    const auto missing = envelope.seq - state.lastSeq - 1;
    state.lastSeq = envelope.seq;
    if (missing == 0)
        return Sequence::InOrder;
    snapshot.gaps += missing;
    return Sequence::Gap;
}

void PublisherTracker::noteMalformed(const std::string &publisher, const QString &error, std::int64_t nowMs)
{
    if (publisher.empty()) {
        ++m_unattributedMalformed;
        return;
    }
    auto &snapshot = record(publisher).snapshot;
    ++snapshot.malformed;
    snapshot.lastError = error;
    snapshot.lastSeenMs = nowMs;
}

void PublisherTracker::tick(std::int64_t nowMs)
{
    for (auto &[name, entry] : m_records) {
        const auto elapsedMs = nowMs - entry.lastTickMs;
        if (entry.lastTickMs == 0) {
            entry.lastTickMs = nowMs;
            entry.messagesAtLastTick = entry.snapshot.messages;
            continue;
        }
        if (elapsedMs <= 0)
            continue;
        entry.snapshot.messagesPerSecond
            = double(entry.snapshot.messages - entry.messagesAtLastTick) * 1000.0 / double(elapsedMs);
        entry.messagesAtLastTick = entry.snapshot.messages;
        entry.lastTickMs = nowMs;
    }
}

std::vector<PublisherSnapshot> PublisherTracker::snapshots() const
{
    std::vector<PublisherSnapshot> result;
    result.reserve(m_records.size());
    for (const auto &[name, entry] : m_records)
        result.push_back(entry.snapshot);
    return result;
}

std::uint64_t PublisherTracker::totalGaps() const
{
    std::uint64_t total = 0;
    for (const auto &[name, entry] : m_records)
        total += entry.snapshot.gaps;
    return total;
}

} // namespace faultline
