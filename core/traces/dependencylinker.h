// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "traces/span.h"

namespace faultline {

/** One call from a caller to a callee, derived from one or two spans. */
struct CallRecord {
    std::string caller;
    std::string callee;
    NodeKind callerKind = NodeKind::Service; // Broker for the broker -> consumer half of a message
    NodeKind calleeKind = NodeKind::Service;
    bool error = false;
    std::optional<std::int64_t> durationNs; // as the caller measured it when it can, else the callee
    std::int64_t timeUnixNs = 0;            // start of the call; 0 when no span had a timestamp
    std::string traceId;
};

enum class LinkWarningKind : std::uint8_t {
    IncompleteTrace, // a span names a parent that never arrived
    ParentCycle,     // parent links form a loop, or a span is its own parent
    ClockSkew,       // a child starts before its parent or ends after it by more than the tolerance
    BadTimestamps,   // an end before its start, or a missing timestamp
    DuplicateSpan,   // the same span reported twice; counted once
};

struct LinkWarning {
    LinkWarningKind kind;
    std::string traceId;
    std::string spanId;
    std::string message; // for the operator: what was seen and what the linker did about it
};

/**
 * Derives caller-to-callee calls from spans by the rules in docs/dependency-rules.md. The same
 * linker serves the live stream (spans arrive in any order, parents possibly after their children)
 * and imported files (every span known, then finish()). Memory is bounded by Options.
 */
class DependencyLinker
{
public:
    struct Options {
        // How long a span whose parent is unknown waits for it before its trace counts as incomplete.
        std::int64_t parentWaitMs = 5000;
        // Spans held at once for pairing; past it the oldest are resolved early and counted.
        std::size_t maxPendingSpans = 200'000;
        // How long a resolved span stays known so that late children and duplicates still pair with it.
        std::int64_t retainMs = 30'000;
    };

    DependencyLinker();
    explicit DependencyLinker(Options options);
    ~DependencyLinker();
    DependencyLinker(const DependencyLinker &) = delete;
    DependencyLinker &operator=(const DependencyLinker &) = delete;

    /** Adds one span at monotonic time @p nowMs and appends the calls it completes to @p out. */
    void addSpan(const Span &span, std::int64_t nowMs, std::vector<CallRecord> &out);

    /** Resolves spans that waited past parentWaitMs and forgets those past retainMs. */
    void expire(std::int64_t nowMs, std::vector<CallRecord> &out);

    /** Resolves every span still held, as at the end of a file. */
    void finish(std::vector<CallRecord> &out);

    /** Warnings raised since the last call, moved out to the caller. */
    std::vector<LinkWarning> takeWarnings();

    /** Spans held in memory, both those still waiting and those retained for late children. */
    std::size_t pendingSpans() const;
    /** Spans resolved early and forgotten because maxPendingSpans was reached. */
    std::uint64_t droppedForMemory() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace faultline
