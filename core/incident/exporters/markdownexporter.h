// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include "incident/incident.h"
#include "incident/incidentanalysis.h"

namespace faultline
{

/**
 * The post-mortem in Markdown (CommonMark with GitHub tables): summary, impact, key times,
 * timeline, actions, playbook steps, notes, stream problems and an empty follow-up section for
 * the review. Text from events is escaped, so a note cannot add headings, links or HTML.
 */
class MarkdownExporter final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::MarkdownExporter)

public:
    static QByteArray render(const Incident &incident);

    /** The summary as plain sentences, one paragraph per entry; the HTML report uses it too. */
    static QStringList summary(const Incident &incident, const IncidentAnalysis &analysis);

    /** Escapes @p text for a table cell or a line: Markdown punctuation gets a backslash, line breaks become <br>. */
    static QString escaped(const QString &text);
};

} // namespace faultline
