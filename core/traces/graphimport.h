// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <vector>

#include <QStringList>

#include "common/result.h"
#include "traces/dependencygraph.h"
#include "traces/dependencylinker.h"
#include "traces/traceimporter.h"

namespace faultline
{

struct GraphImportOptions {
    /** Called with bytes read over the total of all files, on the importing thread. */
    TraceImporter::ProgressCallback progress;
    /** Polled between 1 MiB chunks; raising it ends the import with an Error. Must outlive the import. */
    const std::atomic<bool> *cancel = nullptr;
    DependencyLinker::Options linker;
};

struct GraphImport {
    DependencyGraph graph;
    std::vector<ImportSummary> files;
    std::vector<LinkWarning> linkWarnings; // also in graph.warnings(), kept typed for callers that count them
    std::uint64_t droppedForMemory = 0;
};

/**
 * Imports trace files into one dependency graph: each file through TraceImporter, its spans through
 * a DependencyLinker finished at the end of that file (a file is taken to hold whole traces), and
 * dependency files straight into the graph. Stops at the first file that cannot be read, with an
 * Error naming it. Runs on any thread; nothing in it touches the GUI.
 */
Result<GraphImport> importDependencyGraph(const QStringList &paths, const GraphImportOptions &options = {});

/** Readable names of LinkWarningKind, as the JSON and text output spell them. */
std::string_view linkWarningKindName(LinkWarningKind kind);

} // namespace faultline
