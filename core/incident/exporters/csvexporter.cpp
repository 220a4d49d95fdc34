// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexporter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "incident/incidenttime.h"

namespace faultline
{

namespace
{

bool startsLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    switch (value.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case 0xff1d: // FULLWIDTH EQUALS SIGN
    case 0xff0b: // FULLWIDTH PLUS SIGN
    case 0xff0d: // FULLWIDTH HYPHEN-MINUS
    case 0xff20: // FULLWIDTH COMMERCIAL AT
        return true;
    default:
        return false;
    }
}

QString detailsText(const IncidentEvent &event)
{
    if (event.details.isEmpty())
        return {};
    QJsonObject object;
    for (auto it = event.details.cbegin(); it != event.details.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString CsvExporter::field(const QString &value)
{
    QString cell = startsLikeFormula(value) ? QLatin1Char('\'') + value : value;
    const bool quote = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
        || cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'));
    if (!quote)
        return cell;
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray CsvExporter::render(const Incident &incident)
{
    const QStringList columns
        = { QStringLiteral("incident"), QStringLiteral("seq"), QStringLiteral("time_utc"), QStringLiteral("severity"),
              QStringLiteral("kind"), QStringLiteral("service"), QStringLiteral("source"), QStringLiteral("operator"),
              QStringLiteral("correlation_id"), QStringLiteral("text"), QStringLiteral("details") };
    QString csv = columns.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (const auto &event : incident.eventsByTime()) {
        const QStringList cells = { incident.id, QString::number(event.sequence), IncidentTime::toUtcText(event.time),
            QString::fromLatin1(severityName(event.severity).data()),
            QString::fromLatin1(eventKindName(event.kind).data()), event.service, event.source, event.operatorName,
            event.correlationId, event.text, detailsText(event) };
        QStringList fields;
        for (const auto &cell : cells)
            fields.append(field(cell));
        csv += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv.toUtf8();
}

} // namespace faultline
