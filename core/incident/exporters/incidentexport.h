// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "incident/incident.h"

namespace faultline
{

enum class ExportFormat : std::uint8_t { Markdown, Json, Csv, Html };

/** Renders an incident in one of the four export formats and writes it atomically. */
class IncidentExport final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::IncidentExport)

public:
    /** "md", "json", "csv", "html", as faultlinectl's --format takes them. */
    static QStringList formatNames();
    static std::optional<ExportFormat> formatFromName(const QString &name);

    static QByteArray render(const Incident &incident, ExportFormat format);

    /**
     * Writes @p data to @p path through QSaveFile: the data goes to a temporary file in the same
     * folder, which replaces @p path only when every byte was written and synced. A failed export
     * leaves an existing file as it was and removes the temporary file.
     */
    static std::optional<Error> writeAtomically(const QString &path, const QByteArray &data);

    /** render() and writeAtomically() together. */
    static std::optional<Error> exportTo(const Incident &incident, ExportFormat format, const QString &path);
};

} // namespace faultline
