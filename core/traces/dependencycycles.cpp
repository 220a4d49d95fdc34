// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Parent cycles for DependencyLinker: found when the closing link is about to be made, broken by dropping the
// link of the cycle member with the smallest span id, so the held spans always form a forest.
#include "traces/dependencylinker_p.h"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>

#include "common/logging.h"

namespace faultline
{

namespace
{

} // namespace

LinkNode *DependencyLinker::Impl::findTop(LinkTrace &trace, LinkNode &start)
{
    // Shortcuts only ever point at ancestors, so following them ends at the same top as the parent links, in
    // amortised near-constant steps even along a chain of 100,000 spans.
    std::vector<LinkNode *> path;
    LinkNode *current = &start;
    for (std::size_t steps = 0;; ++steps) {
        if (steps > trace.nodes.size()) {
            qCWarning(lcTraces) << "parent walk longer than its trace; stopping at span"
                                << QString::fromStdString(current->span.spanId);
            break;
        }
        LinkNode *next = nullptr;
        if (current->shortcutSequence != 0)
            next = findNode(current->shortcutSequence);
        if (!next && current->hasParentLink)
            next = findNode(current->parentSequence);
        if (!next)
            break;
        path.push_back(current);
        current = next;
    }
    for (LinkNode *node : path) {
        node->shortcutSequence = current->sequence;
    }
    return current;
}

bool DependencyLinker::Impl::breakCycle(LinkTrace &trace, LinkNode &child, LinkNode &parent)
{
    // The child has no parent link yet, so it is the top of its own tree. Reaching it from the parent means that
    // the new link would close a loop.
    if (findTop(trace, parent) != &child)
        return false;

    std::vector<LinkNode *> members { &child };
    for (LinkNode *node = &parent; node && node != &child && members.size() <= trace.nodes.size();
         node = node->hasParentLink ? findNode(node->parentSequence) : nullptr)
        members.push_back(node);
    LinkNode *smallest = *std::min_element(
        members.begin(), members.end(), [](const LinkNode *a, const LinkNode *b) { return a->key < b->key; });

    std::vector<std::string> ids;
    for (const LinkNode *member : members)
        ids.push_back(member->key.spanId);
    std::sort(ids.begin(), ids.end());
    QStringList listedIds;
    for (std::size_t i = 0; i < ids.size() && i < 5; ++i)
        listedIds.append(QString::fromStdString(ids[i]));
    if (ids.size() > 5)
        listedIds.append(QStringLiteral("…"));
    warnings.push_back({ LinkWarningKind::ParentCycle, child.span.traceId, smallest->key.spanId,
        QCoreApplication::translate("DependencyLinker",
            "%n span(s) form a parent cycle (%1); the parent link of span %2 "
            "was dropped",
            nullptr, int(members.size()))
            .arg(listedIds.join(QStringLiteral(", ")), QString::fromStdString(smallest->key.spanId))
            .toStdString() });

    if (smallest == &child)
        return true;

    // NOTE: links made by earlier addSpan() calls are already counted. Unless the last span to arrive is the
    // smallest-id member or its parent, the dropped link is one of those, and its calls stay counted.
    // Cutting a link invalidates shortcuts that jump across it; cycles are rare, so start the trace afresh.
    smallest->hasParentLink = false;
    smallest->cycleBroken = true;
    for (auto &[key, node] : trace.nodes)
        node.shortcutSequence = 0;
    return false;
}

} // namespace faultline
