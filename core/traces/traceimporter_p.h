// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "traces/jaegerspanreader.h"
#include "traces/jsonstreamsplitter.h"
#include "traces/nezhacsvreader.h"
#include "traces/traceimporter.h"
#include "wire/decoder.h"

namespace faultline
{

/** The state of one TraceImporter run over one file. */
class ImportRun
{
public:
    ImportRun(QIODevice &device, const QString &name, const TraceImporter::Handlers &handlers,
        const TraceImporter::ProgressCallback &progress, const std::atomic<bool> *cancel);

    Result<ImportSummary> run();

private:
    static constexpr std::size_t chunkBytes = 1 << 20;
    static constexpr std::size_t batchSpans = 1024;

    // Reading (traceimporter.cpp).
    std::optional<Error> readChunk(std::string &chunk, bool &atEnd);
    Error locatedError(const QString &message, const QString &where) const;

    // JSON documents (traceimporter.cpp).
    std::optional<Error> runDocument(std::string chunk, bool atEnd);
    std::optional<Error> handlePiece(const JsonStreamSplitter::Piece &piece);
    std::optional<Error> parsePiece(std::string_view json, std::uint64_t offset, simdjson::dom::element &out);
    void readJaegerTrace(simdjson::dom::element trace, std::uint64_t offset);
    void readOtlp(std::string_view json, std::uint64_t offset, bool wrapResource);
    void flushPendingJaegerSpans();

    // Lines: NDJSON and CSV (traceimporterlines.cpp).
    std::optional<Error> runLines(std::string chunk, bool atEnd);
    void handleLine(std::string_view line, std::uint64_t number);
    void handleJsonLine(std::string_view line, std::uint64_t number);

    // Output (traceimporter.cpp).
    void emitSpan(Span &&span);
    void emitLink(const DependencyLink &link);
    void addBadLine(std::uint64_t line, const QString &reason);
    void addSkippedSpan(std::uint64_t offset, const QString &reason);
    void flushSpans();

    QIODevice &m_device;
    const TraceImporter::Handlers &m_handlers;
    const TraceImporter::ProgressCallback &m_progress;
    const std::atomic<bool> *m_cancel;
    std::uint64_t m_total = 0;
    ImportSummary m_summary;

    std::vector<Span> m_batch;
    std::unordered_set<std::string> m_traceIds;
    std::unordered_set<std::string> m_services;

    simdjson::dom::parser m_parser;
    std::string m_padded;
    wire::Decoder m_otlpDecoder;
    jaeger::Processes m_processes;
    bool m_processesSeen = false;
    std::vector<std::pair<std::string, Span>> m_pendingJaegerSpans; // process id, span
    NezhaCsvReader m_csv;
    bool m_csvHeaderRead = false;
    std::optional<Error> m_fatal; // a problem found inside a line handler that ends the import
};

} // namespace faultline
