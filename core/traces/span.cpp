// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "span.h"

namespace faultline {

std::string_view spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Unspecified:
        return "unspecified";
    case SpanKind::Internal:
        return "internal";
    case SpanKind::Server:
        return "server";
    case SpanKind::Client:
        return "client";
    case SpanKind::Producer:
        return "producer";
    case SpanKind::Consumer:
        return "consumer";
    }
    return "unspecified";
}

std::string_view nodeKindName(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Service:
        return "service";
    case NodeKind::Database:
        return "database";
    case NodeKind::Broker:
        return "broker";
    case NodeKind::External:
        return "external";
    }
    return "service";
}

std::optional<NodeKind> nodeKindFromName(std::string_view name)
{
    for (auto kind : {NodeKind::Service, NodeKind::Database, NodeKind::Broker, NodeKind::External}) {
        if (nodeKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

} // namespace faultline
