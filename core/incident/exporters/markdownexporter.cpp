// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownexporter.h"

#include "incident/eventtext.h"
#include "incident/exporters/reportrows.h"
#include "incident/incidenttime.h"

namespace faultline
{

namespace
{

QString utc(const QDateTime &time)
{
    return ReportRows::utc(time);
}

QString sinceStart(const IncidentAnalysis &analysis, const QDateTime &time)
{
    const auto ms = analysis.sinceImpactStart(time);
    return ms ? IncidentTime::durationText(*ms) : QStringLiteral("–");
}

QString row(const QStringList &cells)
{
    QStringList escapedCells;
    for (const auto &cell : cells)
        escapedCells.append(MarkdownExporter::escaped(cell));
    return QStringLiteral("| ") + escapedCells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString header(const QStringList &cells)
{
    QString text = row(cells);
    QStringList rule;
    for (qsizetype i = 0; i < cells.size(); ++i)
        rule.append(QStringLiteral("---"));
    return text + QStringLiteral("|") + rule.join(QStringLiteral("|")) + QStringLiteral("|\n");
}

const IncidentEvent *openingEvent(const Incident &incident)
{
    for (const auto &event : incident.events) {
        if (event.kind == EventKind::IncidentOpened)
            return &event;
    }
    return nullptr;
}

} // namespace

QString MarkdownExporter::escaped(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_[]<>|#~!&");
    QString result;
    result.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            result += QStringLiteral("<br>");
        } else if (c == QLatin1Char('\n')) {
            result += QStringLiteral("<br>");
        } else if (special.contains(c)) {
            result += QLatin1Char('\\');
            result += c;
        } else if (c.unicode() < 0x20 && c != QLatin1Char('\t')) {
            continue;
        } else {
            result += c;
        }
    }
    // Text that starts like a list item ("-", "+", "1." or "1)") would become one, so its marker is escaped.
    qsizetype marker = 0;
    while (marker < result.size() && result.at(marker) == QLatin1Char(' '))
        ++marker;
    if (marker < result.size() && (result.at(marker) == QLatin1Char('-') || result.at(marker) == QLatin1Char('+'))) {
        result.insert(marker, QLatin1Char('\\'));
    } else {
        qsizetype digits = marker;
        while (digits < result.size() && result.at(digits).isDigit())
            ++digits;
        if (digits > marker && digits < result.size()
            && (result.at(digits) == QLatin1Char('.') || result.at(digits) == QLatin1Char(')')))
            result.insert(digits, QLatin1Char('\\'));
    }
    return result;
}

QStringList MarkdownExporter::summary(const Incident &incident, const IncidentAnalysis &analysis)
{
    QStringList sentences;
    const auto *opening = openingEvent(incident);
    if (opening && !opening->operatorName.isEmpty())
        sentences.append(tr("%1 opened the incident at %2.").arg(opening->operatorName, utc(incident.openedAt)));
    else if (opening && !opening->service.isEmpty())
        sentences.append(
            tr("A critical alarm on %1 opened the incident at %2.").arg(opening->service, utc(incident.openedAt)));
    else
        sentences.append(tr("The incident was opened at %1.").arg(utc(incident.openedAt)));

    if (incident.state == IncidentState::Closed) {
        sentences.append(
            tr("It was closed at %1, %2 after it opened.")
                .arg(utc(incident.closedAt), IncidentTime::durationText(incident.openedAt.msecsTo(incident.closedAt))));
    } else {
        sentences.append(tr("It is still open; the journal ends at %1.").arg(utc(analysis.end)));
    }

    if (analysis.impacts.empty()) {
        sentences.append(tr("No service was recorded as impaired."));
    } else {
        QStringList core;
        for (const auto &impact : analysis.impacts) {
            if (impact.criticality == Criticality::Core)
                core.append(impact.service);
        }
        if (core.isEmpty()) {
            sentences.append(tr("Services impaired: %1, none of them core.").arg(analysis.impacts.size()));
        } else {
            sentences.append(tr("Services impaired: %1, of them core: %2 (%3).")
                                 .arg(QString::number(analysis.impacts.size()), QString::number(core.size()),
                                     core.join(QStringLiteral(", "))));
        }
    }

    if (analysis.alarmsRaised > 0) {
        sentences.append(tr("The first alarm was raised at %1, %2 after the impact started.")
                             .arg(utc(analysis.detected), sinceStart(analysis, analysis.detected)));
    }

    int applied = 0;
    int rejected = 0;
    int timedOut = 0;
    int requests = 0;
    for (const auto &action : analysis.actions) {
        requests += action.request ? 1 : 0;
        const auto kind = action.outcome ? action.outcome->kind : EventKind::ActionSent;
        applied += kind == EventKind::ActionApplied ? 1 : 0;
        rejected += kind == EventKind::ActionRejected ? 1 : 0;
        timedOut += kind == EventKind::ActionTimedOut ? 1 : 0;
    }
    if (analysis.actions.empty()) {
        sentences.append(tr("No operator action was recorded."));
    } else {
        sentences.append(tr("Operator actions sent: %1 (applied: %2, rejected: %3, timed out: %4).")
                             .arg(QString::number(requests), QString::number(applied), QString::number(rejected),
                                 QString::number(timedOut)));
    }
    if (analysis.mitigated.isValid()) {
        sentences.append(tr("The impact was mitigated at %1, %2 after it started.")
                             .arg(utc(analysis.mitigated), sinceStart(analysis, analysis.mitigated)));
    }

    if (analysis.recovered.isValid()) {
        sentences.append(tr("Every service was back to normal at %1, %2 after the impact started.")
                             .arg(utc(analysis.recovered), sinceStart(analysis, analysis.recovered)));
    } else if (!analysis.impacts.empty()) {
        sentences.append(tr("At the end of the journal some services were still impaired."));
    }
    return sentences;
}

QByteArray MarkdownExporter::render(const Incident &incident)
{
    const auto analysis = IncidentAnalysis::of(incident);
    QString md;
    md += QStringLiteral("# ") + escaped(tr("Post-incident review: %1").arg(incident.title)) + QStringLiteral("\n\n");

    md += header({ tr("Field"), tr("Value") });
    md += row({ tr("Incident"), incident.id });
    md += row({ tr("Status"), incident.state == IncidentState::Open ? tr("open") : tr("closed") });
    md += row({ tr("Opened"), utc(incident.openedAt) });
    md += row({ tr("Closed"), utc(incident.closedAt) });
    if (incident.closedAt.isValid())
        md += row({ tr("Duration"), IncidentTime::durationText(incident.openedAt.msecsTo(incident.closedAt)) });
    md += row({ tr("Events"), QString::number(incident.events.size()) });
    md += QStringLiteral("\n");

    md += QStringLiteral("## ") + tr("Summary") + QStringLiteral("\n\n");
    md += escaped(summary(incident, analysis).join(QLatin1Char(' '))) + QStringLiteral("\n\n");

    md += QStringLiteral("## ") + tr("Impact") + QStringLiteral("\n\n");
    if (analysis.impacts.empty()) {
        md += tr("No service changed to a warning, critical or stale state, and no alarm named a service.")
            + QStringLiteral("\n\n");
    } else {
        md += header(ReportRows::impactHeader());
        for (const auto &impact : analysis.impacts)
            md += row(ReportRows::impactCells(impact));
        md += QStringLiteral("\n");
    }

    md += QStringLiteral("## ") + tr("Key times") + QStringLiteral("\n\n");
    md += tr("Durations count from the start of the impact.") + QStringLiteral("\n\n");
    md += header(ReportRows::keyTimesHeader());
    for (const auto &cells : ReportRows::keyTimes(analysis))
        md += row(cells);
    md += QStringLiteral("\n");

    md += QStringLiteral("## ") + tr("Timeline") + QStringLiteral("\n\n");
    md += header(ReportRows::timelineHeader());
    for (const auto &event : analysis.timeline)
        md += row(ReportRows::timelineCells(event));
    md += QStringLiteral("\n");

    md += QStringLiteral("## ") + tr("Actions taken") + QStringLiteral("\n\n");
    if (analysis.actions.empty()) {
        md += tr("No operator action was recorded.") + QStringLiteral("\n\n");
    } else {
        md += header(ReportRows::actionHeader());
        for (const auto &action : analysis.actions)
            md += row(ReportRows::actionCells(action));
        md += QStringLiteral("\n");
    }

    if (!analysis.playbookSteps.empty()) {
        md += QStringLiteral("## ") + tr("Playbook steps") + QStringLiteral("\n\n");
        md += header({ tr("Time (UTC)"), tr("Step"), tr("Event"), tr("Service"), tr("Description") });
        for (const auto &event : analysis.playbookSteps) {
            md += row({ utc(event.time), event.correlationId, EventText::kindLabel(event.kind), event.service,
                EventText::description(event) });
        }
        md += QStringLiteral("\n");
    }

    md += QStringLiteral("## ") + tr("Notes") + QStringLiteral("\n\n");
    if (analysis.notes.empty())
        md += tr("No notes were written during the incident.") + QStringLiteral("\n");
    for (const auto &note : analysis.notes) {
        const auto author = note.operatorName.isEmpty() ? tr("unknown operator") : note.operatorName;
        md += QStringLiteral("- **%1**, %2: %3\n").arg(escaped(utc(note.time)), escaped(author), escaped(note.text));
    }
    md += QStringLiteral("\n");

    if (!analysis.streamProblems.empty()) {
        md += QStringLiteral("## ") + tr("Stream problems") + QStringLiteral("\n\n");
        md += tr("Gaps and malformed messages mean the console saw less than the plant sent.") + QStringLiteral("\n\n");
        md += header({ tr("Time (UTC)"), tr("Event"), tr("Publisher"), tr("Count"), tr("Description") });
        for (const auto &event : analysis.streamProblems) {
            md += row(
                { utc(event.time), EventText::kindLabel(event.kind), event.details.value(QStringLiteral("publisher")),
                    event.details.value(QStringLiteral("count")), EventText::description(event) });
        }
        md += QStringLiteral("\n");
    }

    md += QStringLiteral("## ") + tr("Follow-up") + QStringLiteral("\n\n");
    md += QStringLiteral("_") + tr("For the team to complete in the review.") + QStringLiteral("_\n\n");
    md += QStringLiteral("### ") + tr("Root cause") + QStringLiteral("\n\n");
    md += QStringLiteral("### ") + tr("What went well") + QStringLiteral("\n\n");
    md += QStringLiteral("### ") + tr("What went wrong") + QStringLiteral("\n\n");
    md += QStringLiteral("### ") + tr("Action items") + QStringLiteral("\n\n");
    md += header({ tr("Action"), tr("Owner"), tr("Due") });
    md += QStringLiteral("| | | |\n");
    return md.toUtf8();
}

} // namespace faultline
