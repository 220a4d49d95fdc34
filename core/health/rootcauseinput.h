// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

#include "health/rootcause.h"

namespace faultline
{

class TopologyStore;

/** Seconds of edge history that EdgeEvidence summarises: the last closed seconds, so percentiles are final. */
inline constexpr int evidenceSeconds = 3;

/**
 * Collects the evidence for rankRootCauses from the live store at @p nowMs: every service snapshot,
 * each edge over its last evidenceSeconds closed seconds judged by the callee's thresholds, and
 * baselines (median p50) from the minute before the first current symptom.
 */
RootCauseInput rootCauseInputFrom(const TopologyStore &store, std::int64_t nowMs);

} // namespace faultline
