// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "traces/span.h"

namespace faultline
{

/**
 * The attributes (tags) of one span that name its callee, collected from any format. Keys use
 * OpenTelemetry's dotted names; callers translate other spellings (Jaeger's Elasticsearch '@', Data
 * Prepper's "span.attributes." prefix) before calling consider().
 */
class PeerAttributes
{
public:
    /** Records @p value if @p key is one of the attributes that name a callee. */
    void consider(std::string_view key, std::string_view value);
    /** Zipkin's remoteEndpoint.serviceName, the most specific name of all. */
    void setRemoteService(std::string_view name) { m_remoteService = name; }

    /** Sets Span::peerName and Span::peerKind from what was recorded, the most specific attribute first. */
    void applyTo(Span &span) const;

private:
    std::string m_remoteService;
    std::string m_peerService;
    std::string m_dbSystem;
    std::string m_messagingSystem;
    std::string m_serverAddress;
    bool m_databaseHint = false; // a db.* or sql.* attribute without db.system
};

/** Reads a span kind as "client", "CLIENT", "SPAN_KIND_CLIENT" or OTLP's number as text; nothing when unknown. */
std::optional<SpanKind> parseSpanKind(std::string_view text);

/** Converts an RFC 3339 time such as "2021-03-25T17:23:30.088478464Z" to unix nanoseconds. */
std::optional<std::int64_t> parseRfc3339Nanos(std::string_view text);

/**
 * Normalises an id like normalizeId(), but keeps any other id of 1 to 64 printable ASCII characters
 * as it is (hex letters in lowercase) rather than rejecting it. Test exports carry ids such as
 * "span-1" or 24-byte trace ids, and the linker only compares ids. Returns nothing for an empty,
 * all-zero or unprintable id.
 */
std::optional<std::string> normalizeImportedId(std::string_view text, std::size_t hexDigits);

inline std::optional<std::string> normalizeImportedTraceId(std::string_view text)
{
    return normalizeImportedId(text, 32);
}

inline std::optional<std::string> normalizeImportedSpanId(std::string_view text)
{
    return normalizeImportedId(text, 16);
}

/** The field names a format gives its ids, for error messages. */
struct IdFieldNames {
    const char *trace;
    const char *span;
    const char *parent;
};

/**
 * Normalises and stores the ids of @p span with normalizeImportedId(). An empty or all-zero parent id
 * means a root span. An Error names the field whose id is invalid.
 */
std::optional<Error> assignSpanIds(Span &span, std::string_view traceId, std::string_view spanId,
    std::string_view parentId, const IdFieldNames &fields);

/** Lowercase hex, for the ids of formats that write them as numbers or in capitals. */
std::string toLowerHex(std::string_view text);

} // namespace faultline
