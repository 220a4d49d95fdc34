// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphfilecommand.h"

#include <QCoreApplication>

#include "ctlcommon.h"
#include "graphsvgwriter.h"
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

QString kindText(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Database:
        return tr("database");
    case NodeKind::Broker:
        return tr("message broker");
    case NodeKind::External:
        return tr("external service");
    case NodeKind::Service:
        break;
    }
    return tr("service");
}

} // namespace

QByteArray dependencyGraphSvg(const DependencyGraph &graph, const QString &title)
{
    std::vector<GraphSvgWriter::Node> nodes;
    for (const DependencyGraph::Node &node : graph.nodes())
        nodes.push_back({ qs(node.name), node.kind, std::nullopt, false, kindText(node.kind) });
    std::vector<GraphSvgWriter::Edge> edges;
    for (const DependencyGraph::Edge &edge : graph.edges()) {
        const double errorRate = edge.calls == 0 ? 0.0 : double(edge.errors) / double(edge.calls);
        QString tooltip
            = tr("%1 → %2: %3 calls, %4 errors").arg(qs(edge.caller), qs(edge.callee)).arg(edge.calls).arg(edge.errors);
        if (edge.p99Ms)
            tooltip += tr(", p99 %1 ms").arg(*edge.p99Ms, 0, 'f', 1);
        edges.push_back({ qs(edge.caller), qs(edge.callee), double(edge.calls), errorRate, tooltip });
    }
    return GraphSvgWriter::write(nodes, edges, title);
}

int runGraphFromFiles(const QStringList &files, const QString &format, QTextStream &out, QTextStream &err)
{
    if (!checkFormat(format,
            { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("dot"), QStringLiteral("svg") }, err))
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
    else if (format == QLatin1String("svg"))
        out << QString::fromUtf8(dependencyGraphSvg(graph, files.join(QStringLiteral(", "))));
    else
        out << qs(graph.toText());
    out.flush();
    return ExitOk;
}

} // namespace faultline::ctl
