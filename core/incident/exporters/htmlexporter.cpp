// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexporter.h"

#include "incident/eventtext.h"
#include "incident/exporters/markdownexporter.h"
#include "incident/exporters/reportrows.h"
#include "incident/exporters/svggraphwriter.h"
#include "incident/incidentanalysis.h"
#include "incident/incidenttime.h"

namespace faultline
{

namespace
{

const char *const styleSheet = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em; color: #212121; max-width: 1400px; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #bdbdbd; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #e0e0e0; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.time { white-space: nowrap; font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
tr.critical td.severity { color: #c62828; font-weight: bold; }
tr.warning td.severity { color: #e65100; font-weight: bold; }
.graph { overflow-x: auto; border: 1px solid #e0e0e0; padding: 0.5em; }
.muted { color: #757575; }
)";

QString html(const QString &text)
{
    return SvgGraphWriter::escaped(text).replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString utc(const QDateTime &time)
{
    return ReportRows::utc(time);
}

QString cell(const QString &text, const char *cssClass = nullptr)
{
    if (cssClass)
        return QStringLiteral("<td class=\"%1\">%2</td>").arg(QLatin1String(cssClass), html(text));
    return QStringLiteral("<td>") + html(text) + QStringLiteral("</td>");
}

QString headerRow(const QStringList &titles)
{
    QString row = QStringLiteral("<tr>");
    for (const auto &title : titles)
        row += QStringLiteral("<th>") + html(title) + QStringLiteral("</th>");
    return row + QStringLiteral("</tr>\n");
}

// One table row; the cell in @p timeColumn gets the monospace time style.
QString bodyRow(const QStringList &cells, int timeColumn = -1)
{
    QString row = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cells.size(); ++i)
        row += i == timeColumn ? cell(cells[i], "time") : cell(cells[i]);
    return row + QStringLiteral("</tr>\n");
}

QString section(const QString &title)
{
    return QStringLiteral("<h2>") + html(title) + QStringLiteral("</h2>\n");
}

QString paragraph(const QString &text, const char *cssClass = nullptr)
{
    const QString open
        = cssClass ? QStringLiteral("<p class=\"%1\">").arg(QLatin1String(cssClass)) : QStringLiteral("<p>");
    return open + html(text) + QStringLiteral("</p>\n");
}

QString headerTable(const Incident &incident)
{
    const QList<QStringList> rows = {
        { HtmlExporter::tr("Incident"), incident.id },
        { HtmlExporter::tr("Status"),
            incident.state == IncidentState::Open ? HtmlExporter::tr("open") : HtmlExporter::tr("closed") },
        { HtmlExporter::tr("Opened"), utc(incident.openedAt) },
        { HtmlExporter::tr("Closed"), utc(incident.closedAt) },
    };
    QString table = QStringLiteral("<table>\n");
    for (const auto &row : rows)
        table += QStringLiteral("<tr><th>") + html(row[0]) + QStringLiteral("</th>") + cell(row[1])
            + QStringLiteral("</tr>\n");
    return table + QStringLiteral("</table>\n");
}

QString graphSection(const Incident &incident)
{
    QString text = section(HtmlExporter::tr("Dependency graph at the first alarm"));
    const auto *snapshot = incident.graphAtFirstAlarm();
    if (!snapshot)
        return text + paragraph(HtmlExporter::tr("No graph snapshot was recorded in this incident."), "muted");
    const auto visibleGraph = SvgGraphWriter::focus(*snapshot->graph, HtmlExporter::MaxGraphNodes);
    text += paragraph(HtmlExporter::tr("Snapshot taken at %1; %2 of %3 services shown.")
                          .arg(utc(snapshot->time), QString::number(visibleGraph.nodes.size()),
                              QString::number(snapshot->graph->nodes.size())),
        "muted");
    return text + QStringLiteral("<div class=\"graph\">\n") + SvgGraphWriter::write(visibleGraph)
        + QStringLiteral("</div>\n");
}

QString timelineTable(const IncidentAnalysis &analysis)
{
    QString table = QStringLiteral("<table>\n") + headerRow(ReportRows::timelineHeader());
    for (const auto &event : analysis.timeline) {
        // The row's class colours the severity cell of critical and warning events.
        const auto cells = ReportRows::timelineCells(event);
        table += QStringLiteral("<tr class=\"%1\">").arg(QLatin1String(severityName(event.severity).data()));
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const char *cssClass = nullptr;
            if (i == 0)
                cssClass = "time";
            else if (i == 2)
                cssClass = "severity";
            table += cell(cells[i], cssClass);
        }
        table += QStringLiteral("</tr>\n");
    }
    return table + QStringLiteral("</table>\n");
}

} // namespace

QByteArray HtmlExporter::render(const Incident &incident)
{
    const auto analysis = IncidentAnalysis::of(incident);
    const auto title = html(tr("Incident report: %1").arg(incident.title));
    // Translators replace "en" with the code of their language, so the page declares what it is written in.
    const auto language = html(tr("en", "BCP 47 code of the language of this translation"));
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n").arg(language);
    page += QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'; img-src data:\">\n");
    page += QStringLiteral("<title>") + title + QStringLiteral("</title>\n");
    page += QStringLiteral("<style>") + QLatin1String(styleSheet) + QStringLiteral("</style>\n</head>\n<body>\n");
    page += QStringLiteral("<h1>") + title + QStringLiteral("</h1>\n");
    page += headerTable(incident);

    page += section(tr("Summary"));
    for (const auto &sentence : MarkdownExporter::summary(incident, analysis))
        page += paragraph(sentence);

    page += graphSection(incident);

    page += section(tr("Impact"));
    if (analysis.impacts.empty()) {
        page += paragraph(tr("No service was recorded as impaired."));
    } else {
        page += QStringLiteral("<table>\n") + headerRow(ReportRows::impactHeader());
        for (const auto &impact : analysis.impacts)
            page += bodyRow(ReportRows::impactCells(impact), 3);
        page += QStringLiteral("</table>\n");
    }

    page += section(tr("Key times"));
    page += QStringLiteral("<table>\n") + headerRow(ReportRows::keyTimesHeader());
    for (const auto &cells : ReportRows::keyTimes(analysis))
        page += bodyRow(cells, 1);
    page += QStringLiteral("</table>\n");

    page += section(tr("Timeline"));
    page += timelineTable(analysis);

    page += section(tr("Actions taken"));
    if (analysis.actions.empty()) {
        page += paragraph(tr("No operator action was recorded."));
    } else {
        page += QStringLiteral("<table>\n") + headerRow(ReportRows::actionHeader());
        for (const auto &action : analysis.actions)
            page += bodyRow(ReportRows::actionCells(action), 0);
        page += QStringLiteral("</table>\n");
    }

    page += section(tr("Notes"));
    if (analysis.notes.empty())
        page += paragraph(tr("No notes were written during the incident."));
    else
        page += QStringLiteral("<ul>\n");
    for (const auto &note : analysis.notes) {
        page += QStringLiteral("<li><strong>") + html(utc(note.time)) + QStringLiteral("</strong>, ")
            + html(note.operatorName.isEmpty() ? tr("unknown operator") : note.operatorName) + QStringLiteral(": ")
            + html(note.text) + QStringLiteral("</li>\n");
    }
    if (!analysis.notes.empty())
        page += QStringLiteral("</ul>\n");

    page += paragraph(tr("Generated by Faultline; times are UTC."), "muted");
    page += QStringLiteral("</body>\n</html>\n");
    return page.toUtf8();
}

} // namespace faultline
