// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Bookkeeping of DependencyLinker: which spans are held, waiting, linked and forgotten. The rules that turn
// links into calls are in dependencyrules.cpp; the reasons for them are in docs/dependency-rules.md.
#include "dependencylinker.h"

#include <algorithm>

#include <QCoreApplication>

#include "common/logging.h"
#include "traces/dependencylinker_p.h"

namespace faultline
{

namespace
{

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DependencyLinker", text, nullptr, n);
}

bool waitsForCallee(SpanKind kind)
{
    return kind == SpanKind::Client;
}

} // namespace

DependencyLinker::DependencyLinker()
    : DependencyLinker(Options {})
{
}

DependencyLinker::DependencyLinker(Options options)
    : d(std::make_unique<Impl>())
{
    d->options = options;
    d->options.maxPendingSpans = std::max<std::size_t>(d->options.maxPendingSpans, 1);
}

DependencyLinker::~DependencyLinker() = default;

void DependencyLinker::addSpan(const Span &span, std::int64_t nowMs, std::vector<CallRecord> &out)
{
    d->insert(span, nowMs, out);
}

void DependencyLinker::expire(std::int64_t nowMs, std::vector<CallRecord> &out)
{
    while (!d->waitQueue.empty() && d->waitQueue.front().dueMs <= nowMs) {
        const QueueEntry entry = d->waitQueue.front();
        d->waitQueue.pop_front();
        LinkNode *node = d->findNode(entry.sequence);
        if (!node || !node->pending)
            continue;
        d->resolve(d->traces.at(node->span.traceId), *node, entry.dueMs, out);
    }
    while (!d->retainQueue.empty() && d->retainQueue.front().dueMs <= nowMs) {
        const QueueEntry entry = d->retainQueue.front();
        d->retainQueue.pop_front();
        const LinkNode *node = d->findNode(entry.sequence);
        if (node && !node->pending)
            d->forget(*node);
    }
    d->pruneArrivalQueue();
}

void DependencyLinker::finish(std::vector<CallRecord> &out)
{
    // The wait queue is in arrival order, so fallbacks come out in the order their spans came in.
    for (const QueueEntry &entry : d->waitQueue) {
        LinkNode *node = d->findNode(entry.sequence);
        if (node && node->pending)
            d->resolve(d->traces.at(node->span.traceId), *node, 0, out);
    }

    std::vector<std::pair<std::uint64_t, const std::string *>> order;
    order.reserve(d->traces.size());
    for (const auto &[traceId, trace] : d->traces)
        order.emplace_back(trace.firstSequence, &traceId);
    std::sort(order.begin(), order.end());
    for (const auto &[sequence, traceId] : order)
        d->reportTrace(*traceId, d->traces.at(*traceId));

    d->traces.clear();
    d->waitQueue.clear();
    d->retainQueue.clear();
    d->arrivalQueue.clear();
    d->nodesBySequence.clear();
    d->heldSpans = 0;
}

std::vector<LinkWarning> DependencyLinker::takeWarnings()
{
    return std::exchange(d->warnings, {});
}

std::size_t DependencyLinker::pendingSpans() const
{
    return d->heldSpans;
}

std::uint64_t DependencyLinker::droppedForMemory() const
{
    return d->droppedForMemory;
}

LinkNode *DependencyLinker::Impl::findNode(std::uint64_t sequence) const
{
    const auto it = nodesBySequence.find(sequence);
    return it == nodesBySequence.end() ? nullptr : it->second;
}

void DependencyLinker::Impl::insert(const Span &span, std::int64_t nowMs, std::vector<CallRecord> &out)
{
    const SpanKey key { span.spanId, span.shared };
    if (const auto known = traces.find(span.traceId); known != traces.end() && known->second.nodes.contains(key)) {
        TraceIssues &issues = known->second.issues;
        if (issues.duplicates++ == 0)
            issues.firstDuplicate = span.spanId;
        return;
    }

    // Evict before taking references into the maps: eviction may remove a whole trace.
    while (heldSpans >= options.maxPendingSpans && heldSpans > 0)
        evictOldest(nowMs, out);

    auto [traceIt, newTrace] = traces.try_emplace(span.traceId);
    LinkTrace &trace = traceIt->second;
    const std::uint64_t sequence = nextSequence++;
    if (newTrace)
        trace.firstSequence = sequence;

    LinkNode &node = trace.nodes.try_emplace(key).first->second;
    node.key = key;
    node.sequence = sequence;
    node.span.traceId = span.traceId;
    node.span.spanId = span.spanId;
    node.span.parentSpanId = span.parentSpanId;
    node.span.service = span.service;
    node.span.kind = span.kind;
    node.span.startUnixNs = span.startUnixNs;
    node.span.endUnixNs = span.endUnixNs;
    node.span.error = span.error;
    node.span.shared = span.shared;
    node.span.peerName = span.peerName;
    node.span.peerKind = span.peerKind;
    ++heldSpans;
    nodesBySequence.emplace(sequence, &node);
    arrivalQueue.push_back({ nowMs, sequence });
    checkTimestamps(trace, node);

    // Link the waiting children and the span's own parent before counting any of those links: if together they
    // close a parent cycle, the link dropped to break it is then never counted.
    std::vector<SpanKey> children;
    for (auto [it, end] = trace.waiting.equal_range(span.spanId); it != end; ++it) {
        const SpanKey &childKey = it->second;
        // A shared half waits under its own id for the other half only, never for itself.
        if (childKey == key || (childKey.shared && key.shared))
            continue;
        children.push_back(childKey);
    }
    std::vector<LinkNode *> linkedChildren;
    for (const SpanKey &childKey : children) {
        const auto child = trace.nodes.find(childKey);
        if (child != trace.nodes.end() && child->second.waitsForParent && connect(trace, child->second, node))
            linkedChildren.push_back(&child->second);
    }

    // A shared SERVER half hangs below the CLIENT half of the same id; other spans below their parent id.
    std::string parentId;
    if (span.shared) {
        parentId = span.spanId;
        node.parentRequired = !span.parentSpanId.empty();
    } else if (span.parentSpanId == span.spanId) {
        warnings.push_back({ LinkWarningKind::ParentCycle, span.traceId, span.spanId,
            tr("span %1 names itself as its parent; it was treated as a root span")
                .arg(QString::fromStdString(span.spanId))
                .toStdString() });
    } else if (!span.parentSpanId.empty()) {
        parentId = span.parentSpanId;
        node.parentRequired = true;
    }
    LinkNode *parent = nullptr;
    if (!parentId.empty()) {
        parent = findParentFor(trace, node);
        if (parent && !connect(trace, node, *parent))
            parent = nullptr;
        if (!parent && !node.hasParentLink && !node.cycleBroken) {
            node.waitsForParent = true;
            trace.waiting.emplace(parentId, key);
        }
    }

    for (LinkNode *child : linkedChildren) {
        if (child->hasParentLink && child->parentSequence == sequence)
            countLink(trace, node, *child, out);
    }
    if (parent && node.hasParentLink)
        countLink(trace, *parent, node, out);

    callsOnArrival(node, out);

    if (node.waitsForParent || waitsForCallee(node.span.kind)) {
        waitQueue.push_back({ nowMs + options.parentWaitMs, sequence });
    } else {
        node.pending = false;
        retainQueue.push_back({ nowMs + options.retainMs, sequence });
    }
}

void DependencyLinker::Impl::resolve(LinkTrace &trace, LinkNode &node, std::int64_t nowMs, std::vector<CallRecord> &out)
{
    node.pending = false;
    if (node.waitsForParent && node.parentRequired && !node.parentMissing) {
        node.parentMissing = true;
        if (trace.issues.missingParents++ == 0)
            trace.issues.firstMissingParent = node.span.spanId;
    }
    callsOnResolve(node, out);
    retainQueue.push_back({ nowMs + options.retainMs, node.sequence });
}

void DependencyLinker::Impl::forget(const LinkNode &node)
{
    // Copies, because erasing the node frees the strings they would refer to.
    const std::string traceId = node.span.traceId;
    const SpanKey key = node.key;
    const auto traceIt = traces.find(traceId);
    if (traceIt == traces.end())
        return;
    LinkTrace &trace = traceIt->second;
    const auto it = trace.nodes.find(key);
    if (it == trace.nodes.end())
        return;
    if (it->second.waitsForParent)
        removeWaiting(trace, it->second);
    nodesBySequence.erase(it->second.sequence);
    trace.nodes.erase(it);
    --heldSpans;
    if (trace.nodes.empty()) {
        reportTrace(traceId, trace);
        traces.erase(traceIt);
    }
}

void DependencyLinker::Impl::evictOldest(std::int64_t nowMs, std::vector<CallRecord> &out)
{
    while (!arrivalQueue.empty()) {
        const QueueEntry entry = arrivalQueue.front();
        arrivalQueue.pop_front();
        LinkNode *node = findNode(entry.sequence);
        if (!node)
            continue;
        if (node->pending)
            resolve(traces.at(node->span.traceId), *node, nowMs, out);
        forget(*node);
        ++droppedForMemory;
        if (droppedForMemory == 1 || droppedForMemory % 10'000 == 0)
            qCWarning(lcTraces) << "linker memory bound reached; spans resolved early:" << droppedForMemory;
        return;
    }
}

void DependencyLinker::Impl::pruneArrivalQueue()
{
    while (!arrivalQueue.empty()) {
        if (findNode(arrivalQueue.front().sequence))
            return;
        arrivalQueue.pop_front();
    }
}

void DependencyLinker::Impl::reportTrace(const std::string &traceId, const LinkTrace &trace)
{
    const TraceIssues &issues = trace.issues;
    auto add = [&](LinkWarningKind kind, const std::string &spanId, const QString &message) {
        warnings.push_back({ kind, traceId, spanId, message.toStdString() });
    };
    if (issues.missingParents > 0)
        add(LinkWarningKind::IncompleteTrace, issues.firstMissingParent,
            tr("%n span(s) name a parent span that never arrived (first: %1); no call was derived across the "
               "missing spans",
                int(issues.missingParents))
                .arg(QString::fromStdString(issues.firstMissingParent)));
    if (issues.duplicates > 0)
        add(LinkWarningKind::DuplicateSpan, issues.firstDuplicate,
            tr("%n span report(s) repeated a span already held (first: %1); each span was counted once, as first "
               "reported",
                int(issues.duplicates))
                .arg(QString::fromStdString(issues.firstDuplicate)));
    if (issues.skewed > 0)
        add(LinkWarningKind::ClockSkew, issues.firstSkewed,
            tr("%n span(s) start before their parent or end after their calling client (first: %1, by up to %2 ms); "
               "the calls follow the parent links, not the timestamps",
                int(issues.skewed))
                .arg(QString::fromStdString(issues.firstSkewed))
                .arg(double(issues.largestSkewNs) / 1e6, 0, 'f', 3));
    if (issues.endBeforeStart + issues.missingTimestamps > 0)
        add(LinkWarningKind::BadTimestamps, issues.firstBadTimestamps,
            tr("%1 span(s) end before they start and %2 lack a start or end time (first: %3); their calls were "
               "counted without a duration")
                .arg(issues.endBeforeStart)
                .arg(issues.missingTimestamps)
                .arg(QString::fromStdString(issues.firstBadTimestamps)));
}

LinkNode *DependencyLinker::Impl::findParentFor(LinkTrace &trace, const LinkNode &child)
{
    if (child.span.shared) {
        const auto clientHalf = trace.nodes.find(SpanKey { child.span.spanId, false });
        return clientHalf == trace.nodes.end() ? nullptr : &clientHalf->second;
    }

    // With both halves of a shared id present, a child belongs to the half of its own service, else the server.
    LinkNode *serverHalf = nullptr;
    LinkNode *clientHalf = nullptr;
    if (const auto it = trace.nodes.find(SpanKey { child.span.parentSpanId, true }); it != trace.nodes.end())
        serverHalf = &it->second;
    if (const auto it = trace.nodes.find(SpanKey { child.span.parentSpanId, false }); it != trace.nodes.end())
        clientHalf = &it->second;
    if (serverHalf && clientHalf && clientHalf->span.service == child.span.service
        && serverHalf->span.service != child.span.service)
        return clientHalf;
    return serverHalf ? serverHalf : clientHalf;
}

void DependencyLinker::Impl::removeWaiting(LinkTrace &trace, const LinkNode &child)
{
    const std::string &parentId = child.span.shared ? child.span.spanId : child.span.parentSpanId;
    for (auto [it, end] = trace.waiting.equal_range(parentId); it != end; ++it) {
        if (it->second == child.key) {
            trace.waiting.erase(it);
            return;
        }
    }
}

bool DependencyLinker::Impl::connect(LinkTrace &trace, LinkNode &child, LinkNode &parent)
{
    if (child.waitsForParent) {
        removeWaiting(trace, child);
        child.waitsForParent = false;
    }
    if (breakCycle(trace, child, parent)) {
        child.cycleBroken = true;
        return false;
    }

    child.hasParentLink = true;
    child.parentSequence = parent.sequence;
    if (child.parentMissing) {
        child.parentMissing = false;
        --trace.issues.missingParents;
    }
    return true;
}

void DependencyLinker::Impl::countLink(
    LinkTrace &trace, LinkNode &parent, LinkNode &child, std::vector<CallRecord> &out)
{
    checkSkew(trace, parent, child);
    callsForLink(parent, child, out);
}

} // namespace faultline
