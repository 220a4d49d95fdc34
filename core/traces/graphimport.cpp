// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphimport.h"

#include <QFileInfo>

#include "common/logging.h"

namespace faultline
{

std::string_view linkWarningKindName(LinkWarningKind kind)
{
    switch (kind) {
    case LinkWarningKind::IncompleteTrace:
        return "IncompleteTrace";
    case LinkWarningKind::ParentCycle:
        return "ParentCycle";
    case LinkWarningKind::ClockSkew:
        return "ClockSkew";
    case LinkWarningKind::BadTimestamps:
        return "BadTimestamps";
    case LinkWarningKind::DuplicateSpan:
        return "DuplicateSpan";
    }
    return "Unknown";
}

Result<GraphImport> importDependencyGraph(const QStringList &paths, const GraphImportOptions &options)
{
    GraphImport result;

    std::uint64_t totalBytes = 0;
    for (const QString &path : paths)
        totalBytes += std::uint64_t(std::max<qint64>(0, QFileInfo(path).size()));
    std::uint64_t bytesBefore = 0;

    for (const QString &path : paths) {
        DependencyLinker linker(options.linker);
        std::vector<CallRecord> calls;
        auto addCalls = [&] {
            for (const CallRecord &call : calls)
                result.graph.addCall(call);
            calls.clear();
        };

        TraceImporter::Handlers handlers;
        // File imports have no clock: every span arrives at time 0 and finish() ends the waits.
        handlers.spans = [&](std::vector<Span> &batch) {
            for (const Span &span : batch) {
                result.graph.addService(span.service);
                linker.addSpan(span, 0, calls);
            }
            addCalls();
        };
        handlers.links = [&](const DependencyLink &link) { result.graph.addLink(link); };

        TraceImporter importer;
        importer.setCancelFlag(options.cancel);
        if (options.progress) {
            importer.setProgressCallback([&](std::uint64_t read, std::uint64_t) {
                options.progress(bytesBefore + read, std::max(totalBytes, bytesBefore + read));
            });
        }
        auto summary = importer.importFile(path, handlers);
        if (!summary)
            return summary.error();

        linker.finish(calls);
        addCalls();
        result.droppedForMemory += linker.droppedForMemory();
        if (linker.droppedForMemory() > 0)
            qCWarning(lcTraces) << "linker memory bound reached in" << path
                                << "spans resolved early:" << linker.droppedForMemory();

        const std::string file = path.toStdString();
        for (LinkWarning &warning : linker.takeWarnings()) {
            result.graph.addWarning({ std::string(linkWarningKindName(warning.kind)),
                file + " trace " + warning.traceId, warning.message });
            result.linkWarnings.push_back(std::move(warning));
        }
        for (const BadLine &bad : summary->badLines)
            result.graph.addWarning({ "BadLine", file + ":" + std::to_string(bad.line), bad.reason.toStdString() });
        for (const SkippedSpan &skipped : summary->skippedSpans)
            result.graph.addWarning(
                { "SkippedSpan", file + " byte " + std::to_string(skipped.offset), skipped.reason.toStdString() });

        bytesBefore += summary->bytes;
        result.files.push_back(std::move(summary).value());
    }
    return result;
}

} // namespace faultline
