// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faultline
{

/** The file formats TraceImporter reads, recognised by their content. */
enum class TraceFormat : std::uint8_t {
    ZipkinV2, // JSON array of Zipkin v2 spans
    JaegerApi, // {"data": [trace, ...]} from the query API or the UI's "Download JSON"
    JaegerTrace, // one trace object {traceID, spans, processes}, bare or as {"data": {...}}
    JaegerElasticsearch, // NDJSON of Jaeger's Elasticsearch span documents, bulk action lines allowed
    JaegerDependencies, // JSON array of {"parent", "child", "callCount"}
    Otlp, // one OTLP/JSON ExportTraceServiceRequest (or Tempo's {"batches": ...})
    OtlpNdjson, // one ExportTraceServiceRequest per line, as the collector's file exporter writes
    DataPrepperSpans, // NDJSON of Data Prepper otel-v1-apm-span documents, flat or with nested resource
    DataPrepperServiceMap, // NDJSON of Data Prepper otel-v1-apm-service-map documents
    NezhaCsv, // TrainTicket CSV of the Nezha data set
};

std::string_view traceFormatName(TraceFormat format);

/** The format of a file judged from its first bytes, or why none fits. */
struct FormatGuess {
    std::optional<TraceFormat> format;
    std::string problem; // when no format fits: what was seen, for the error message
};

/**
 * Judges the format from @p head, the first bytes of a file (64 KiB is plenty). JSON documents are
 * recognised by their keys, NDJSON by a complete first document followed by another line, and the
 * CSV by its header. Only the content counts, never the file name.
 */
FormatGuess detectTraceFormat(std::string_view head);

} // namespace faultline
