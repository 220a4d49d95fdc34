// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentexport.h"

#include <cerrno>
#include <cstring>

#include <unistd.h>

#include <QSaveFile>

#include "incident/exporters/csvexporter.h"
#include "incident/exporters/htmlexporter.h"
#include "incident/exporters/markdownexporter.h"
#include "incident/incidentjson.h"
#include "incident/incidentlogging.h"

namespace faultline
{

QStringList IncidentExport::formatNames()
{
    return { QStringLiteral("md"), QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html") };
}

std::optional<ExportFormat> IncidentExport::formatFromName(const QString &name)
{
    if (name == QLatin1String("md") || name == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    if (name == QLatin1String("json"))
        return ExportFormat::Json;
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (name == QLatin1String("html"))
        return ExportFormat::Html;
    return std::nullopt;
}

QByteArray IncidentExport::render(const Incident &incident, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return MarkdownExporter::render(incident);
    case ExportFormat::Json:
        return IncidentJson::exportDocument(incident);
    case ExportFormat::Csv:
        return CsvExporter::render(incident);
    case ExportFormat::Html:
        return HtmlExporter::render(incident);
    }
    return {};
}

std::optional<Error> IncidentExport::writeAtomically(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error {
            tr("cannot write %1: %2; check that the folder exists and is writable").arg(path, file.errorString()), path
        };
    }
    // Qt 6.4.2's commit() returned true after a short write (seen with RLIMIT_FSIZE), so the write,
    // the flush and an fsync are each checked here before commit() renames the file.
    const bool written = file.write(data) == data.size() && file.flush();
    if (!written || ::fsync(file.handle()) != 0) {
        const auto reason = written ? QString::fromLocal8Bit(std::strerror(errno)) : file.errorString();
        file.cancelWriting();
        return Error { tr("cannot write %1: %2; the previous file, if any, is unchanged").arg(path, reason), path };
    }
    if (!file.commit()) {
        return Error { tr("cannot write %1: %2; the previous file, if any, is unchanged").arg(path, file.errorString()),
            path };
    }
    qCInfo(lcIncident) << "exported" << data.size() << "bytes to" << path;
    return std::nullopt;
}

std::optional<Error> IncidentExport::exportTo(const Incident &incident, ExportFormat format, const QString &path)
{
    return writeAtomically(path, render(incident, format));
}

} // namespace faultline
