// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "traces/dependencylinker.h"

namespace faultline
{

/** A span's identity inside its trace: Zipkin's shared SERVER half reuses its client's id, so the flag is part of it.
 */
struct SpanKey {
    std::string spanId;
    bool shared = false;

    bool operator==(const SpanKey &other) const = default;
    bool operator<(const SpanKey &other) const
    {
        return spanId != other.spanId ? spanId < other.spanId : shared < other.shared;
    }
};

struct SpanKeyHash {
    std::size_t operator()(const SpanKey &key) const noexcept
    {
        return std::hash<std::string>()(key.spanId) ^ (key.shared ? 0x9e3779b97f4a7c15ull : 0);
    }
};

/** One held span and what the linker has decided about it so far. */
struct LinkNode {
    Span span;
    SpanKey key;
    std::uint64_t sequence = 0; // arrival order, never reused; queues and links name the node by it
    bool hasParentLink = false;
    std::uint64_t parentSequence = 0; // the linked parent, by its sequence
    bool waitsForParent = false; // names a parent that is not linked yet
    bool parentRequired = false; // a missing parent makes the trace incomplete
    bool parentMissing = false; // the wait ran out while the parent was absent
    bool cycleBroken = false; // its parent link was dropped to break a parent cycle
    bool pending = true; // inside parentWaitMs of its arrival
    bool hasCallee = false; // a CLIENT/PRODUCER whose callee showed up as a span
    bool fellBack = false; // a CLIENT whose call was counted to its peerName
    std::vector<std::string> claimedCallees; // callees already counted for this CLIENT/PRODUCER span
    // An ancestor found by an earlier walk (path compression), by its sequence; 0 for none.
    std::uint64_t shortcutSequence = 0;
};

/** Per-trace warnings gathered while the trace is held and reported once when it leaves memory. */
struct TraceIssues {
    std::size_t duplicates = 0;
    std::string firstDuplicate;
    std::size_t skewed = 0;
    std::string firstSkewed;
    std::int64_t largestSkewNs = 0;
    std::size_t endBeforeStart = 0;
    std::size_t missingTimestamps = 0;
    std::string firstBadTimestamps;
    std::size_t missingParents = 0; // spans whose wait ran out and that are still unlinked
    std::string firstMissingParent;
};

struct LinkTrace {
    std::uint64_t firstSequence = 0;
    std::unordered_map<SpanKey, LinkNode, SpanKeyHash> nodes;
    // Parent span id -> unlinked spans that name it, so that an arriving parent finds its children.
    std::unordered_multimap<std::string, SpanKey> waiting;
    TraceIssues issues;
};

// Queue entries name a node by its sequence only, so an entry costs 16 bytes and outlives its node safely.
struct QueueEntry {
    std::int64_t dueMs = 0;
    std::uint64_t sequence = 0;
};

struct DependencyLinker::Impl {
    Options options;
    std::unordered_map<std::string, LinkTrace> traces;
    std::unordered_map<std::uint64_t, LinkNode *> nodesBySequence; // every held node
    std::deque<QueueEntry> waitQueue; // due at arrival + parentWaitMs
    std::deque<QueueEntry> retainQueue; // due at resolution + retainMs
    std::deque<QueueEntry> arrivalQueue; // oldest first, for the memory bound
    std::vector<LinkWarning> warnings;
    std::size_t heldSpans = 0;
    std::uint64_t droppedForMemory = 0;
    std::uint64_t nextSequence = 1;

    // Bookkeeping (dependencylinker.cpp).
    LinkNode *findNode(std::uint64_t sequence) const;
    void insert(const Span &span, std::int64_t nowMs, std::vector<CallRecord> &out);
    void resolve(LinkTrace &trace, LinkNode &node, std::int64_t nowMs, std::vector<CallRecord> &out);
    void forget(const LinkNode &node);
    void evictOldest(std::int64_t nowMs, std::vector<CallRecord> &out);
    void reportTrace(const std::string &traceId, const LinkTrace &trace);
    void pruneArrivalQueue();

    // Parent links (dependencylinker.cpp) and cycles (dependencycycles.cpp).
    LinkNode *findParentFor(LinkTrace &trace, const LinkNode &child);
    bool connect(LinkTrace &trace, LinkNode &child, LinkNode &parent);
    void countLink(LinkTrace &trace, LinkNode &parent, LinkNode &child, std::vector<CallRecord> &out);
    void removeWaiting(LinkTrace &trace, const LinkNode &child);
    LinkNode *findTop(LinkTrace &trace, LinkNode &start);
    bool breakCycle(LinkTrace &trace, LinkNode &child, LinkNode &parent);

    // The call rules of docs/dependency-rules.md (dependencyrules.cpp).
    void callsOnArrival(LinkNode &node, std::vector<CallRecord> &out);
    void callsForLink(LinkNode &parent, LinkNode &child, std::vector<CallRecord> &out);
    void callsOnResolve(LinkNode &node, std::vector<CallRecord> &out);
    void checkTimestamps(LinkTrace &trace, const LinkNode &node);
    void checkSkew(LinkTrace &trace, const LinkNode &parent, const LinkNode &child);
};

} // namespace faultline
