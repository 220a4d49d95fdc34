// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlexporter.h"

#include "incident/eventtext.h"
#include "incident/exporters/markdownexporter.h"
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
    return time.isValid() ? IncidentTime::toUtcText(time) : QStringLiteral("–");
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

QString duration(const IncidentAnalysis &analysis, const QDateTime &time)
{
    const auto ms = analysis.sinceImpactStart(time);
    return ms ? IncidentTime::durationText(*ms) : QStringLiteral("–");
}

QString section(const QString &title)
{
    return QStringLiteral("<h2>") + html(title) + QStringLiteral("</h2>\n");
}

} // namespace

QByteArray HtmlExporter::render(const Incident &incident)
{
    const auto analysis = IncidentAnalysis::of(incident);
    QString page;
    page += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                           "style-src 'unsafe-inline'; img-src data:\">\n");
    page += QStringLiteral("<title>") + html(tr("Incident report: %1").arg(incident.title))
        + QStringLiteral("</title>\n");
    page += QStringLiteral("<style>") + QLatin1String(styleSheet) + QStringLiteral("</style>\n</head>\n<body>\n");
    page += QStringLiteral("<h1>") + html(tr("Incident report: %1").arg(incident.title)) + QStringLiteral("</h1>\n");

    page += QStringLiteral("<table>\n");
    page += QStringLiteral("<tr><th>") + html(tr("Incident")) + QStringLiteral("</th>") + cell(incident.id)
        + QStringLiteral("</tr>\n");
    page += QStringLiteral("<tr><th>") + html(tr("Status")) + QStringLiteral("</th>")
        + cell(incident.state == IncidentState::Open ? tr("open") : tr("closed")) + QStringLiteral("</tr>\n");
    page += QStringLiteral("<tr><th>") + html(tr("Opened")) + QStringLiteral("</th>")
        + cell(utc(incident.openedAt), "time") + QStringLiteral("</tr>\n");
    page += QStringLiteral("<tr><th>") + html(tr("Closed")) + QStringLiteral("</th>")
        + cell(utc(incident.closedAt), "time") + QStringLiteral("</tr>\n</table>\n");

    page += section(tr("Summary"));
    for (const auto &sentence : MarkdownExporter::summary(incident, analysis))
        page += QStringLiteral("<p>") + html(sentence) + QStringLiteral("</p>\n");

    page += section(tr("Dependency graph at the first alarm"));
    const auto *snapshot = incident.graphAtFirstAlarm();
    if (!snapshot) {
        page += QStringLiteral("<p class=\"muted\">") + html(tr("No graph snapshot was recorded in this incident."))
            + QStringLiteral("</p>\n");
    } else {
        const auto visibleGraph = SvgGraphWriter::focus(*snapshot->graph, MaxGraphNodes);
        page += QStringLiteral("<p class=\"muted\">")
            + html(tr("Snapshot taken at %1; %2 of %3 services visibleGraph.")
                       .arg(utc(snapshot->time), QString::number(visibleGraph.nodes.size()),
                           QString::number(snapshot->graph->nodes.size())))
            + QStringLiteral("</p>\n");
        page += QStringLiteral("<div class=\"graph\">\n") + SvgGraphWriter::write(visibleGraph)
            + QStringLiteral("</div>\n");
    }

    page += section(tr("Impact"));
    if (analysis.impacts.empty()) {
        page += QStringLiteral("<p>") + html(tr("No service was recorded as impaired.")) + QStringLiteral("</p>\n");
    } else {
        page += QStringLiteral("<table>\n")
            + headerRow({ tr("Service"), tr("Criticality"), tr("Worst state"), tr("Impaired from (UTC)"),
                tr("Recovered at (UTC)"), tr("Time impaired"), tr("Alarms") });
        for (const auto &impact : analysis.impacts) {
            page += QStringLiteral("<tr>") + cell(impact.service)
                + cell(impact.criticality ? EventText::criticalityLabel(*impact.criticality) : tr("not stated"))
                + cell(EventText::stateLabel(impact.worstState)) + cell(utc(impact.firstImpaired), "time")
                + cell(impact.lastRecovered.isValid() ? utc(impact.lastRecovered) : tr("not recovered"), "time")
                + cell(IncidentTime::durationText(impact.impairedMs)) + cell(QString::number(impact.alarms))
                + QStringLiteral("</tr>\n");
        }
        page += QStringLiteral("</table>\n");
    }

    page += section(tr("Key times"));
    page
        += QStringLiteral("<table>\n") + headerRow({ tr("Measure"), tr("Time (UTC)"), tr("Since the impact started") });
    const std::pair<QString, QDateTime> keyTimes[] = {
        { tr("Impact started"), analysis.impactStart },
        { tr("Time to detect (first alarm)"), analysis.detected },
        { tr("Time to mitigate (first action applied)"), analysis.mitigated },
        { tr("Time to recover (every service normal)"), analysis.recovered },
    };
    for (const auto &[label, time] : keyTimes)
        page += QStringLiteral("<tr>") + cell(label) + cell(utc(time), "time") + cell(duration(analysis, time))
            + QStringLiteral("</tr>\n");
    page += QStringLiteral("</table>\n");

    page += section(tr("Timeline"));
    page += QStringLiteral("<table>\n")
        + headerRow({ tr("Time (UTC)"), tr("Seq"), tr("Severity"), tr("Event"), tr("Service"), tr("Source"),
            tr("Operator"), tr("Description") });
    for (const auto &event : analysis.timeline) {
        page += QStringLiteral("<tr class=\"%1\">").arg(QLatin1String(severityName(event.severity).data()))
            + cell(utc(event.time), "time") + cell(QString::number(event.sequence))
            + cell(EventText::severityLabel(event.severity), "severity") + cell(EventText::kindLabel(event.kind))
            + cell(event.service) + cell(event.source) + cell(event.operatorName) + cell(EventText::description(event))
            + QStringLiteral("</tr>\n");
    }
    page += QStringLiteral("</table>\n");

    page += section(tr("Actions taken"));
    if (analysis.actions.empty()) {
        page += QStringLiteral("<p>") + html(tr("No operator action was recorded.")) + QStringLiteral("</p>\n");
    } else {
        page += QStringLiteral("<table>\n")
            + headerRow({ tr("Sent (UTC)"), tr("Operator"), tr("Action"), tr("Service"), tr("Reason"), tr("Outcome"),
                tr("Outcome at (UTC)") });
        for (const auto &action : analysis.actions) {
            const auto &any = action.request ? *action.request : *action.outcome;
            QString outcome = action.outcome ? EventText::kindLabel(action.outcome->kind) : tr("no reply recorded");
            if (action.outcome && action.outcome->kind != EventKind::ActionApplied && !action.outcome->text.isEmpty())
                outcome = tr("%1: %2").arg(outcome, action.outcome->text);
            page += QStringLiteral("<tr>")
                + cell(action.request ? utc(action.request->time) : tr("not recorded"), "time") + cell(any.operatorName)
                + cell(any.details.value(QStringLiteral("operation"))) + cell(any.service)
                + cell(action.request ? action.request->text : QString()) + cell(outcome)
                + cell(action.outcome ? utc(action.outcome->time) : QStringLiteral("–"), "time")
                + QStringLiteral("</tr>\n");
        }
        page += QStringLiteral("</table>\n");
    }

    page += section(tr("Notes"));
    if (analysis.notes.empty())
        page += QStringLiteral("<p>") + html(tr("No notes were written during the incident."))
            + QStringLiteral("</p>\n");
    else
        page += QStringLiteral("<ul>\n");
    for (const auto &note : analysis.notes) {
        page += QStringLiteral("<li><strong>") + html(utc(note.time)) + QStringLiteral("</strong>, ")
            + html(note.operatorName.isEmpty() ? tr("unknown operator") : note.operatorName) + QStringLiteral(": ")
            + html(note.text) + QStringLiteral("</li>\n");
    }
    if (!analysis.notes.empty())
        page += QStringLiteral("</ul>\n");

    page += QStringLiteral("<p class=\"muted\">") + html(tr("Generated by Faultline; times are UTC."))
        + QStringLiteral("</p>\n");
    page += QStringLiteral("</body>\n</html>\n");
    return page.toUtf8();
}

} // namespace faultline
