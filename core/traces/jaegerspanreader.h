// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include <simdjson.h>

#include "common/result.h"
#include "traces/dependencygraph.h"
#include "traces/span.h"

// Readers of Jaeger's JSON shapes: the query API and UI trace objects, Elasticsearch span documents
// (tags as a "tag" map whose keys write '.' as '@') and the dependencies list.
namespace faultline::jaeger
{

struct Process {
    std::string service;
    std::string instance; // the hostname or ip tag, when present
};
using Processes = std::unordered_map<std::string, Process>;

/** Reads a trace's "processes" object ({"p1": {"serviceName", "tags"}, ...}). */
std::optional<Error> readProcesses(simdjson::dom::element element, Processes &processes);

/**
 * Reads one span. Its service comes from an inline "process" object when it has one; otherwise
 * @p processId receives its "processID" for the caller to look up. The parent is the first CHILD_OF
 * reference in the same trace, else the first reference of any type, else "parentSpanID". Copies of
 * the parent that the UI embeds in references are ignored.
 */
std::optional<Error> readSpan(simdjson::dom::element element, Span &span, std::string &processId);

/** Reads one {"parent", "child", "callCount"} entry of a dependencies list. */
std::optional<Error> readDependency(simdjson::dom::element element, DependencyLink &link);

} // namespace faultline::jaeger
