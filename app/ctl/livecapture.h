// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QString>

#include "common/result.h"
#include "topology/livetopology.h"

namespace faultline::ctl {

/** What a few seconds of listening to the streams showed. */
struct LiveCapture {
    std::map<std::string, ServiceSnapshot> services;
    std::map<LiveTopology::EdgeKey, EdgeSnapshot> edges;
    std::vector<PublisherSnapshot> publishers;
    StreamCounters counters;
    std::vector<QString> warnings;
};

/**
 * Subscribes to @p endpoints for @p seconds, running the event loop, and returns the final picture.
 * Fails when an endpoint cannot be connected.
 */
Result<LiveCapture> captureLive(const std::vector<std::string> &endpoints, double seconds);

} // namespace faultline::ctl
