// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>
#include <vector>

#include <simdjson.h>

#include "common/result.h"
#include "traces/span.h"
#include "wire/controlmessages.h"
#include "wire/envelope.h"
#include "wire/healthreport.h"
#include "wire/jsonreader.h"

namespace faultline::wire
{

/** Spans decoded from one OTLP/JSON document, with the problems of the spans that were skipped. */
struct TraceBatch {
    std::vector<Span> spans;
    std::vector<Error> skipped;
};

/**
 * Decodes protocol v1 frames with simdjson. Holds a parser and a buffer, so keep one per thread and
 * reuse it. No method throws; each returns the value or an Error naming the field at fault. A field
 * that is null counts as absent, and unknown fields are ignored (docs/protocol.md).
 */
class Decoder
{
public:
    Result<Envelope> envelope(std::string_view json);
    Result<HealthReport> health(std::string_view json);
    Result<ControlRequest> controlRequest(std::string_view json);
    Result<ControlReply> controlReply(std::string_view json);

    /**
     * Decodes an OTLP/JSON ExportTraceServiceRequest: `resourceSpans` (or Tempo's `batches`), then
     * `scopeSpans` (or the older `instrumentationLibrarySpans`), then `spans`. A span with an invalid
     * field is skipped and listed in TraceBatch::skipped; a fault outside the spans is an Error.
     */
    Result<TraceBatch> traces(std::string_view json);

private:
    simdjson::dom::parser m_parser;
    PaddedBuffer m_buffer;
};

} // namespace faultline::wire
