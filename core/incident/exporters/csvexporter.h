// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "incident/incident.h"

namespace faultline
{

/**
 * The timeline as CSV per RFC 4180: a header row, CRLF line ends, fields with commas, quotes or
 * line breaks in double quotes with inner quotes doubled. A cell that a spreadsheet would read as
 * a formula (starting with =, +, -, @, tab or carriage return, or their full-width forms) gets a
 * leading apostrophe, so opening the file never runs anything. Details are one JSON object per
 * row; graph snapshots are left out (the JSON export has them).
 */
class CsvExporter final
{
public:
    static QByteArray render(const Incident &incident);

    /** One CSV field: neutralised against formulas, then quoted when RFC 4180 requires it. */
    static QString field(const QString &value);
};

} // namespace faultline
