// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

#include "topology/topologydelta.h"
#include "wire/envelope.h"

namespace faultline {

/**
 * Per-publisher bookkeeping: messages, malformed messages with the last error, messages lost
 * (holes in the per-topic sequence numbers), restarts and the time last seen.
 */
class PublisherTracker
{
public:
    /** What the sequence number of one message says about the messages before it. */
    enum class Sequence : std::uint8_t { InOrder, Gap, Duplicate, Restart, First };

    /** Records a well-formed message; returns what its sequence number showed. */
    Sequence noteMessage(const wire::Envelope &envelope, std::string_view topic, std::int64_t nowMs);
    /** Records a message whose body was rejected; @p publisher may be empty when the envelope was unreadable. */
    void noteMalformed(const std::string &publisher, const QString &error, std::int64_t nowMs);

    /** Updates the per-second rates; call once a second. */
    void tick(std::int64_t nowMs);

    std::vector<PublisherSnapshot> snapshots() const;
    std::uint64_t totalGaps() const;
    std::uint64_t unattributedMalformed() const { return m_unattributedMalformed; }

private:
    struct TopicState {
        std::string session;
        std::uint64_t lastSeq = 0;
    };
    struct Record {
        PublisherSnapshot snapshot;
        std::map<std::string, TopicState, std::less<>> topics;
        std::string lastSession;
        std::uint64_t messagesAtLastTick = 0;
        std::int64_t lastTickMs = 0;
    };

    Record &record(const std::string &publisher);

    std::map<std::string, Record, std::less<>> m_records;
    std::uint64_t m_unattributedMalformed = 0;
};

} // namespace faultline
