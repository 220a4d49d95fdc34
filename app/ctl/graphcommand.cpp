// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphcommand.h"

#include <algorithm>

#include <QCoreApplication>

#include "ctlcommon.h"
#include "graphfilecommand.h"
#include "graphsvgwriter.h"
#include "livecapture.h"
#include "traces/dependencygraph.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

DependencyGraph graphFromCapture(const LiveCapture &capture)
{
    DependencyGraph graph;
    for (const auto &[name, service] : capture.services) {
        if (service.kind == NodeKind::Service)
            graph.addService(name);
        else
            graph.addPeer(name, service.kind);
    }
    for (const auto &[key, edge] : capture.edges)
        graph.addLink(DependencyLink { edge.caller, edge.callee, edge.totalCalls, edge.totalErrors });
    for (const auto &warning : capture.warnings)
        graph.addWarning(GraphWarning { "Stream", {}, warning.toStdString() });
    return graph;
}

/** The capture with its health: node states and criticality, edge rates, error rates and p99. */
QByteArray captureSvg(const LiveCapture &capture, const QString &title)
{
    std::vector<GraphSvgWriter::Node> nodes;
    for (const auto &[name, service] : capture.services) {
        const bool core = service.criticalityKnown && service.criticality == Criticality::Core;
        QString detail
            = tr("%1 req/s, %2 % errors").arg(service.rps, 0, 'f', 1).arg(service.errorRate * 100, 0, 'f', 1);
        if (core)
            detail = tr("core · %1").arg(detail);
        nodes.push_back({ QString::fromStdString(name), service.kind, service.state, core, detail });
    }
    std::vector<GraphSvgWriter::Edge> edges;
    for (const auto &[key, edge] : capture.edges) {
        // Callees without heartbeats appear only in edges; they are drawn with unknown health.
        if (!capture.services.count(edge.callee)) {
            const bool added = std::any_of(nodes.begin(), nodes.end(),
                [&](const GraphSvgWriter::Node &node) { return node.name == QString::fromStdString(edge.callee); });
            if (!added)
                nodes.push_back({ QString::fromStdString(edge.callee), edge.calleeKind, ServiceState::Unknown, false,
                    tr("no heartbeat") });
        }
        const QString tooltip = tr("%1 → %2: %3 req/s, %4 % errors, p99 %5 ms")
                                    .arg(QString::fromStdString(edge.caller), QString::fromStdString(edge.callee))
                                    .arg(edge.rps, 0, 'f', 1)
                                    .arg(edge.errorRate * 100, 0, 'f', 1)
                                    .arg(edge.latencyP99Ms, 0, 'f', 1);
        edges.push_back({ QString::fromStdString(edge.caller), QString::fromStdString(edge.callee), edge.rps,
            edge.errorRate, tooltip });
    }
    return GraphSvgWriter::write(nodes, edges, title);
}

std::string render(const DependencyGraph &graph, const QString &format)
{
    if (format == QLatin1String("json"))
        return graph.toJson();
    if (format == QLatin1String("dot"))
        return graph.toDot();
    return graph.toText();
}

} // namespace

int runGraph(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the dependency graph derived from trace files or from live streams."));
    const QCommandLineOption input(QStringLiteral("input"),
        tr("Trace file to read (Zipkin, Jaeger, OTLP, Data Prepper, Nezha CSV); repeatable, "
           "and further files may follow as arguments."),
        tr("file"));
    const QCommandLineOption connect(
        QStringLiteral("connect"), tr("Publisher endpoint to subscribe to (repeatable)."), tr("endpoint"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), tr("How long to listen to live streams, in seconds."),
        tr("seconds"), QStringLiteral("3"));
    const QCommandLineOption format(
        QStringLiteral("format"), tr("Output format: text, json, dot or svg."), tr("format"), QStringLiteral("text"));
    parser.addOptions({ input, connect, seconds, format });
    if (auto exit = parseCommandLine(parser, arguments, out, err))
        return *exit;
    if (!checkFormat(parser.value(format),
            { QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("dot"), QStringLiteral("svg") }, err))
        return ExitUsage;

    const bool fromFiles = parser.isSet(input);
    if (fromFiles == parser.isSet(connect)) {
        err << tr("faultlinectl graph: give either --input FILE... or --connect ENDPOINT, not both and not neither\n");
        return ExitUsage;
    }
    if (fromFiles)
        return runGraphFromFiles(parser.values(input) + parser.positionalArguments(), parser.value(format), out, err);

    if (!parser.positionalArguments().isEmpty()) {
        err << tr("faultlinectl graph: unexpected argument '%1'\n").arg(parser.positionalArguments().first());
        return ExitUsage;
    }
    const auto duration = positiveSeconds(parser, QStringLiteral("seconds"), err);
    if (!duration)
        return ExitUsage;
    std::vector<std::string> endpoints;
    for (const auto &endpoint : parser.values(connect))
        endpoints.push_back(endpoint.toStdString());
    auto capture = captureLive(endpoints, *duration);
    if (!capture) {
        err << QStringLiteral("faultlinectl graph: %1\n").arg(capture.error().message);
        return ExitFailure;
    }
    if (parser.value(format) == QLatin1String("svg"))
        out << QString::fromUtf8(captureSvg(capture.value(), parser.values(connect).join(QStringLiteral(", "))));
    else
        out << QString::fromStdString(render(graphFromCapture(capture.value()), parser.value(format)));
    if (capture->counters.messages == 0) {
        err << tr("faultlinectl graph: no message arrived in %1 s; check that a publisher is running at %2\n")
                   .arg(*duration)
                   .arg(parser.values(connect).join(QStringLiteral(", ")));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace faultline::ctl
