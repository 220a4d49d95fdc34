// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphfilecommand.h"

#include <QCoreApplication>

#include "ctlcommon.h"
#include "traces/graphimport.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ctl", text, nullptr, n);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

void writeSummary(const ImportSummary &summary, QTextStream &err)
{
    err << tr("%1: %2, %3 spans in %4 traces, %5 services")
               .arg(summary.file, qs(traceFormatName(summary.format)))
               .arg(summary.spans)
               .arg(summary.traces)
               .arg(summary.services);
    if (summary.links > 0)
        err << tr(", %1 dependency entries").arg(summary.links);
    err << QLatin1Char('\n');
    for (const BadLine &bad : summary.badLines)
        err << tr("  line %1 skipped: %2\n").arg(bad.line).arg(bad.reason);
    if (summary.badLineCount > summary.badLines.size())
        err << tr("  ... and %1 more bad lines\n").arg(summary.badLineCount - summary.badLines.size());
    for (const SkippedSpan &skipped : summary.skippedSpans)
        err << tr("  span at byte %1 skipped: %2\n").arg(skipped.offset).arg(skipped.reason);
    if (summary.skippedSpanCount > summary.skippedSpans.size())
        err << tr("  ... and %1 more skipped spans\n").arg(summary.skippedSpanCount - summary.skippedSpans.size());
}

} // namespace

int runGraphFromFiles(const QStringList &files, const QString &format, QTextStream &out, QTextStream &err)
{
    if (!checkFormat(format, { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("dot") }, err))
        return ExitUsage;
    if (files.isEmpty()) {
        err << tr("faultlinectl graph: give at least one trace file, or --connect ENDPOINT for live streams\n");
        return ExitUsage;
    }

    auto imported = importDependencyGraph(files);
    if (!imported) {
        err << tr("faultlinectl graph: %1\n").arg(imported.error().message);
        return ExitFailure;
    }
    for (const ImportSummary &summary : imported->files)
        writeSummary(summary, err);
    if (imported->droppedForMemory > 0)
        err << tr("faultlinectl graph: %n span(s) were linked early to stay within the memory bound; calls across "
                  "them may be missing\n",
            int(imported->droppedForMemory));

    const DependencyGraph &graph = imported->graph;
    if (format == QLatin1String("json"))
        out << qs(graph.toJson());
    else if (format == QLatin1String("dot"))
        out << qs(graph.toDot());
    else
        out << qs(graph.toText());
    out.flush();
    return ExitOk;
}

} // namespace faultline::ctl
