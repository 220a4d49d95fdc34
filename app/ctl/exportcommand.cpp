// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include <QCoreApplication>
#include <QFileInfo>

#include "ctlcommon.h"
#include "incident/exporters/incidentexport.h"
#include "incident/incidentjournal.h"
#include "incident/incidentstore.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

// The format named by the output file's suffix, for when --format is left out.
QString formatFromSuffix(const QString &output)
{
    const auto suffix = QFileInfo(output).suffix().toLower();
    if (suffix == QLatin1String("md") || suffix == QLatin1String("markdown"))
        return QStringLiteral("md");
    if (suffix == QLatin1String("htm"))
        return QStringLiteral("html");
    return suffix;
}

} // namespace

int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export an incident journal as a Markdown post-mortem, JSON, CSV or a self-contained HTML report. "
           "JOURNAL is a journal file or an incident id in %1. The output is replaced only when the whole "
           "export was written.")
            .arg(IncidentStore::defaultDirectory()));
    parser.addPositionalArgument(QStringLiteral("JOURNAL"), tr("Journal file or incident id."));
    const QCommandLineOption format(QStringLiteral("format"),
        tr("Export format: md, json, csv or html; taken from the output's suffix when "
           "left out."),
        tr("format"));
    const QCommandLineOption output(
        QStringLiteral("output"), tr("File to write, or - for standard output."), tr("file"));
    parser.addOptions({ format, output });
    if (auto exit = parseCommandLine(parser, arguments, out, err))
        return *exit;

    const auto positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << tr("faultlinectl export: give exactly one JOURNAL, for example "
                  "faultlinectl export incident.fljournal --format md --output report.md\n");
        return ExitUsage;
    }
    if (!parser.isSet(output)) {
        err << tr("faultlinectl export: --output FILE is required; use --output - for standard output\n");
        return ExitUsage;
    }
    const auto outputPath = parser.value(output);
    const auto formatName = parser.isSet(format) ? parser.value(format) : formatFromSuffix(outputPath);
    if (!parser.isSet(format) && !IncidentExport::formatFromName(formatName)) {
        err << tr("faultlinectl export: cannot tell the format from '%1'; give --format md, json, csv or html\n")
                   .arg(outputPath);
        return ExitUsage;
    }
    if (!checkFormat(formatName, IncidentExport::formatNames(), err))
        return ExitUsage;

    const IncidentStore store;
    const auto journalPath = store.resolve(positional.first());
    if (!journalPath) {
        err << tr("faultlinectl export: journal '%1' not found; give a journal file or an incident id from %2\n")
                   .arg(positional.first(), store.directory());
        return ExitFailure;
    }
    const auto contents = IncidentJournal::read(*journalPath);
    if (!contents) {
        err << QStringLiteral("faultlinectl export: %1\n").arg(contents.error().message);
        return ExitFailure;
    }
    for (const auto &warning : contents->warnings)
        err << tr("faultlinectl export: warning: %1\n").arg(warning);

    const auto bytes = IncidentExport::render(contents->incident, *IncidentExport::formatFromName(formatName));
    if (outputPath == QLatin1String("-")) {
        out << QString::fromUtf8(bytes);
        return ExitOk;
    }
    if (auto error = IncidentExport::writeAtomically(outputPath, bytes)) {
        err << QStringLiteral("faultlinectl export: %1\n").arg(error->message);
        return ExitFailure;
    }
    out << tr("exported %1 events of incident %2 to %3\n")
               .arg(QString::number(contents->incident.events.size()), contents->incident.id, outputPath);
    return ExitOk;
}

} // namespace faultline::ctl
