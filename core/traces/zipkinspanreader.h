// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <simdjson.h>

#include "common/result.h"
#include "traces/span.h"

namespace faultline::zipkin
{

/**
 * Reads one Zipkin v2 span: ids, kind, localEndpoint.serviceName as the service, remoteEndpoint and
 * tags as the peer, the "error" tag, "shared", and microsecond timestamp and duration. An Error names
 * the field that made the span unusable.
 */
std::optional<Error> readSpan(simdjson::dom::element element, Span &span);

} // namespace faultline::zipkin
