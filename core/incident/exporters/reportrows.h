// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "incident/incidentanalysis.h"

namespace faultline
{

/** The tables that the Markdown and HTML reports share, as plain cell text that each format escapes. */
class ReportRows final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::ReportRows)

public:
    /** "2026-03-14T10:15:02.123+00:00", or a dash for a null time. */
    static QString utc(const QDateTime &time);

    static QStringList impactHeader();
    static QStringList impactCells(const ServiceImpact &impact);

    static QStringList keyTimesHeader();
    /** Rows for the impact start and the times to detect, mitigate and recover, each with a UTC time and a duration. */
    static QList<QStringList> keyTimes(const IncidentAnalysis &analysis);

    static QStringList timelineHeader();
    static QStringList timelineCells(const IncidentEvent &event);

    static QStringList actionHeader();
    static QStringList actionCells(const ActionRecord &action);
};

} // namespace faultline
