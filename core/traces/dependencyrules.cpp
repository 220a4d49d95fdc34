// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The call rules of DependencyLinker; docs/dependency-rules.md states them and gives the reasons.
#include "traces/dependencylinker_p.h"

#include <algorithm>

namespace faultline
{

namespace
{

// Skew below this is taken for clock jitter between hosts and not reported.
constexpr std::int64_t skewToleranceNs = 1'000'000;

bool isCaller(SpanKind kind)
{
    return kind == SpanKind::Client || kind == SpanKind::Producer;
}

std::optional<std::int64_t> validDuration(const Span &span)
{
    const auto duration = span.durationNs();
    if (duration && *duration < 0)
        return std::nullopt;
    return duration;
}

// Counts @p callee once per CLIENT/PRODUCER span: one such span is one request, however many server spans it has.
bool claim(LinkNode &caller, const std::string &callee)
{
    auto &claimed = caller.claimedCallees;
    if (std::find(claimed.begin(), claimed.end(), callee) != claimed.end())
        return false;
    claimed.push_back(callee);
    return true;
}

struct CallParts {
    const std::string &caller;
    NodeKind callerKind;
    const std::string &callee;
    NodeKind calleeKind;
    const Span &errorSource;
    const Span &timingSource; // the span whose duration and start describe the call
    const Span &fallbackTiming;
};

void emit(const CallParts &parts, std::vector<CallRecord> &out)
{
    if (parts.caller.empty() || parts.callee.empty())
        return;
    CallRecord call;
    call.caller = parts.caller;
    call.callerKind = parts.callerKind;
    call.callee = parts.callee;
    call.calleeKind = parts.calleeKind;
    call.error = parts.errorSource.error;
    call.durationNs = validDuration(parts.timingSource);
    if (!call.durationNs)
        call.durationNs = validDuration(parts.fallbackTiming);
    call.timeUnixNs = parts.timingSource.startUnixNs.value_or(parts.fallbackTiming.startUnixNs.value_or(0));
    call.traceId = parts.timingSource.traceId;
    out.push_back(std::move(call));
}

} // namespace

void DependencyLinker::Impl::callsOnArrival(LinkNode &node, std::vector<CallRecord> &out)
{
    const Span &span = node.span;
    if (span.peerName.empty())
        return;

    // A producer's remote end is the broker and a consumer's the broker it read from: both are known without
    // the other side, so they count at once and never wait.
    if (span.kind == SpanKind::Producer) {
        claim(node, span.peerName);
        emit({ span.service, NodeKind::Service, span.peerName, NodeKind::Broker, span, span, span }, out);
    } else if (span.kind == SpanKind::Consumer) {
        emit({ span.peerName, NodeKind::Broker, span.service, NodeKind::Service, span, span, span }, out);
    }
}

void DependencyLinker::Impl::callsForLink(LinkNode &parent, LinkNode &child, std::vector<CallRecord> &out)
{
    const Span &caller = parent.span;
    const Span &callee = child.span;
    if (caller.service.empty() || callee.service.empty())
        return;
    const bool crossService = caller.service != callee.service;

    if (caller.kind == SpanKind::Producer && (callee.kind == SpanKind::Consumer || crossService)) {
        parent.hasCallee = true;
        const bool consumerNamedBroker = callee.kind == SpanKind::Consumer && !callee.peerName.empty();
        const std::string &broker = !caller.peerName.empty() ? caller.peerName
            : consumerNamedBroker                            ? callee.peerName
                                                             : caller.peerName;
        if (broker.empty()) {
            if (crossService && claim(parent, callee.service))
                emit({ caller.service, NodeKind::Service, callee.service, NodeKind::Service, callee, caller, callee },
                    out);
            return;
        }
        // Each half of producer -> broker -> consumer counts once; halves counted on arrival are skipped here.
        if (caller.peerName.empty() && claim(parent, broker))
            emit({ caller.service, NodeKind::Service, broker, NodeKind::Broker, caller, caller, caller }, out);
        if (!consumerNamedBroker)
            emit({ broker, NodeKind::Broker, callee.service, NodeKind::Service, callee, callee, callee }, out);
        return;
    }

    // A consumer that named its broker already counted broker -> consumer on arrival.
    if (callee.kind == SpanKind::Consumer && !callee.peerName.empty()) {
        if (crossService && isCaller(caller.kind))
            parent.hasCallee = true;
        return;
    }

    const bool selfCall = !crossService && caller.kind == SpanKind::Client && callee.kind == SpanKind::Server;
    if (!crossService && !selfCall)
        return;
    if (isCaller(caller.kind)) {
        // A client that already fell back to its peerName was counted; a late server span must not count again.
        if (parent.fellBack)
            return;
        parent.hasCallee = true;
        if (!claim(parent, callee.service))
            return;
    }
    const bool callerTimed = caller.kind == SpanKind::Client || caller.kind == SpanKind::Producer;
    emit({ caller.service, NodeKind::Service, callee.service, NodeKind::Service, callee, callerTimed ? caller : callee,
             callerTimed ? callee : caller },
        out);
}

void DependencyLinker::Impl::callsOnResolve(LinkNode &node, std::vector<CallRecord> &out)
{
    const Span &span = node.span;
    if (span.kind != SpanKind::Client || node.hasCallee || node.fellBack || span.peerName.empty())
        return;
    // A client naming its own service as the peer is no call: self calls need an explicit CLIENT/SERVER pair.
    if (span.peerName == span.service)
        return;
    node.fellBack = true;
    emit({ span.service, NodeKind::Service, span.peerName, span.peerKind, span, span, span }, out);
}

void DependencyLinker::Impl::checkTimestamps(LinkTrace &trace, const LinkNode &node)
{
    const Span &span = node.span;
    TraceIssues &issues = trace.issues;
    const bool missing = !span.startUnixNs || !span.endUnixNs;
    const bool reversed = !missing && *span.endUnixNs < *span.startUnixNs;
    if (!missing && !reversed)
        return;
    if (issues.endBeforeStart + issues.missingTimestamps == 0)
        issues.firstBadTimestamps = span.spanId;
    if (missing)
        ++issues.missingTimestamps;
    else
        ++issues.endBeforeStart;
}

void DependencyLinker::Impl::checkSkew(LinkTrace &trace, const LinkNode &parent, const LinkNode &child)
{
    const Span &caller = parent.span;
    const Span &callee = child.span;
    std::int64_t skew = 0;
    if (caller.startUnixNs && callee.startUnixNs)
        skew = std::max(skew, *caller.startUnixNs - *callee.startUnixNs);
    // Only a synchronous call must end inside its caller; messages and detached work may outlive their parent.
    const bool synchronous = caller.kind == SpanKind::Client && callee.kind == SpanKind::Server;
    if (synchronous && caller.endUnixNs && callee.endUnixNs)
        skew = std::max(skew, *callee.endUnixNs - *caller.endUnixNs);
    if (skew <= skewToleranceNs)
        return;
    TraceIssues &issues = trace.issues;
    if (issues.skewed++ == 0)
        issues.firstSkewed = callee.spanId;
    issues.largestSkewNs = std::max(issues.largestSkewNs, skew);
}

} // namespace faultline
