// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "traces/span.h"

namespace faultline::ctl
{

/** Spans of one service to publish as one OTLP message, at an offset from the start of the replay. */
struct ReplayBatch {
    std::int64_t offsetNs = 0; // in the file's own time, before --speed
    std::string service;
    std::vector<Span> spans;
};

struct ReplayPlanOptions {
    std::int64_t batchWindowNs = 10'000'000; // spans of a service ending this close together share a message
    std::size_t maxBatchSpans = 500;
    std::int64_t maxGapNs = 5'000'000'000; // longer idle stretches of the file are shortened to this
};

/**
 * Orders spans by the time an exporter would send them (their end, else their start) and groups them
 * into per-service batches. Ids that the OTLP encoding cannot carry are made to fit first. Non-hex ids
 * are replaced by hashes of themselves. A Zipkin shared SERVER half gets an id of its own, with the
 * CLIENT half as its parent, because OTLP has no shared flag.
 */
std::vector<ReplayBatch> buildReplayPlan(std::vector<Span> spans, const ReplayPlanOptions &options = {});

/**
 * Returns the batches of one more pass of a looping replay: trace ids changed by @p pass so that the
 * linker does not take the spans for duplicates, and times moved on by @p shiftNs.
 */
std::vector<ReplayBatch> shiftedPass(const std::vector<ReplayBatch> &plan, std::uint64_t pass, std::int64_t shiftNs);

} // namespace faultline::ctl
