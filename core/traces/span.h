// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace faultline {

/** Span kinds with OpenTelemetry's numbering (SPAN_KIND_UNSPECIFIED = 0 ... SPAN_KIND_CONSUMER = 5). */
enum class SpanKind : std::uint8_t { Unspecified = 0, Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };

/** What a node of the dependency graph is: an instrumented service, or a callee seen only from its callers. */
enum class NodeKind : std::uint8_t { Service, Database, Broker, External };

std::string_view spanKindName(SpanKind kind);
std::string_view nodeKindName(NodeKind kind);
std::optional<NodeKind> nodeKindFromName(std::string_view name);

/**
 * One span, normalised from whichever format carried it. Ids are lowercase hex: trace ids padded to
 * 32 digits (so a 64-bit id equals the 128-bit id with zero high bits), span ids to 16.
 */
struct Span {
    std::string traceId;
    std::string spanId;
    std::string parentSpanId; // empty for a root span
    std::string service;      // empty when the format named none
    std::string instance;     // service.instance.id or host, when known
    std::string name;
    SpanKind kind = SpanKind::Unspecified;
    std::optional<std::int64_t> startUnixNs;
    std::optional<std::int64_t> endUnixNs;
    bool error = false;
    // Zipkin's shared flag: this SERVER span reuses the span id of the CLIENT span that called it.
    bool shared = false;
    // The callee as the caller named it (remoteEndpoint, peer.service, server.address, db.system,
    // messaging.system), for callees that report no spans of their own.
    std::string peerName;
    NodeKind peerKind = NodeKind::Service;

    std::optional<std::int64_t> durationNs() const
    {
        if (!startUnixNs || !endUnixNs)
            return std::nullopt;
        return *endUnixNs - *startUnixNs;
    }
};

} // namespace faultline
