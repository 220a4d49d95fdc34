// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include <QIODevice>
#include <QString>

#include "common/result.h"
#include "traces/dependencygraph.h"
#include "traces/span.h"
#include "traces/traceformat.h"

namespace faultline
{

/** An NDJSON or CSV line that was skipped, and why. */
struct BadLine {
    std::uint64_t line = 0; // 1-based
    QString reason;
};

/** A span of a JSON document that was skipped (an invalid id, say), and why. */
struct SkippedSpan {
    std::uint64_t offset = 0; // byte offset of the element that held it
    QString reason;
};

/** The contents of one imported file, counted. The lists keep the first maxListedProblems entries; the counts are complete. */
struct ImportSummary {
    static constexpr std::size_t maxListedProblems = 1000;

    QString file;
    TraceFormat format = TraceFormat::ZipkinV2;
    std::uint64_t bytes = 0;
    std::uint64_t spans = 0;
    std::uint64_t traces = 0;
    std::uint64_t services = 0; // distinct service names of spans, or of link ends in a dependency file
    std::uint64_t links = 0; // entries of a dependency or service-map file
    std::vector<BadLine> badLines;
    std::uint64_t badLineCount = 0;
    std::vector<SkippedSpan> skippedSpans;
    std::uint64_t skippedSpanCount = 0;
};

/**
 * Reads a trace file of any format in traceformat.h, recognised by its content, and streams what it
 * holds to handlers in batches: JSON documents are cut into one span, trace or resource at a time and
 * NDJSON and CSV are read line by line, so memory does not grow with the file. A malformed NDJSON or
 * CSV line is skipped and listed by number; a malformed JSON document is an Error naming the byte offset.
 *
 * Safe to run on a worker thread: it touches no GUI object and calls the handlers and the progress
 * callback on the thread that runs it. Raising the cancel flag from any thread stops it at the next
 * chunk (1 MiB) with an Error.
 */
class TraceImporter
{
public:
    using ProgressCallback = std::function<void(std::uint64_t bytesRead, std::uint64_t bytesTotal)>;

    struct Handlers {
        std::function<void(std::vector<Span> &batch)> spans; // the batch may be moved from
        std::function<void(const DependencyLink &link)> links;
    };

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    /** A flag to poll between chunks; it must outlive the import. */
    void setCancelFlag(const std::atomic<bool> *cancel) { m_cancel = cancel; }

    Result<ImportSummary> importFile(const QString &path, const Handlers &handlers);
    /** Imports from an open device; @p name is used in messages. */
    Result<ImportSummary> importDevice(QIODevice &device, const QString &name, const Handlers &handlers);

private:
    ProgressCallback m_progress;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace faultline
