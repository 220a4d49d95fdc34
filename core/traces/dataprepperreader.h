// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <simdjson.h>

#include "common/result.h"
#include "traces/dependencygraph.h"
#include "traces/span.h"

// Readers of the documents OpenSearch Data Prepper writes for trace analytics.
namespace faultline::dataprepper
{

/**
 * Reads one otel-v1-apm-span document: the flat form ("status.code", "span.attributes.db@system",
 * "resource.attributes.service@name") or the nested one ("status": {"code"}, "attributes": {...},
 * "resource": {"attributes": {...}}). Status code 2 is an error.
 */
std::optional<Error> readSpan(simdjson::dom::element element, Span &span);

/**
 * Reads one service-map document: otel-v1-apm-service-map ({"serviceName", "destination": {"domain"}})
 * or the newer {"sourceNode", "targetNode"} form. Returns false in @p isEdge for a document that only
 * names a service (a "target" entry), which then comes back in @p link.parent.
 */
std::optional<Error> readServiceMapEntry(simdjson::dom::element element, DependencyLink &link, bool &isEdge);

} // namespace faultline::dataprepper
