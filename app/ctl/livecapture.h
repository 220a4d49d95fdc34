// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QString>

#include "common/result.h"
#include "health/healthconfig.h"
#include "health/suspect.h"
#include "topology/livetopology.h"

namespace faultline::ctl {

/** What a few seconds of listening to the streams showed. */
struct LiveCapture {
    std::map<std::string, ServiceSnapshot> services;
    std::map<LiveTopology::EdgeKey, EdgeSnapshot> edges;
    std::vector<PublisherSnapshot> publishers;
    StreamCounters counters;
    std::vector<QString> warnings;
    // The last root-cause ranking of the ingest thread, best first, and empty while nothing was wrong.
    std::vector<Suspect> suspects;
};

/**
 * Subscribes to @p endpoints for @p seconds, running the event loop, and returns the final picture,
 * with services judged by the thresholds of @p health. Fails when an endpoint cannot be connected.
 */
Result<LiveCapture> captureLive(
    const std::vector<std::string> &endpoints, double seconds, const HealthConfig &health = HealthConfig::builtIn());

} // namespace faultline::ctl
