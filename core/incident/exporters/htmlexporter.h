// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>

#include "incident/incident.h"

namespace faultline
{

/**
 * A self-contained HTML report: one file with inline CSS and the dependency graph at the first
 * alarm as inline SVG, no scripts and no external resources. Its Content-Security-Policy allows
 * nothing but the inline styles, so text from events that slipped past escaping still could not
 * run or load anything.
 */
class HtmlExporter final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::HtmlExporter)

public:
    /** Graphs larger than this are cut down to the impaired services and their neighbours. */
    static constexpr int MaxGraphNodes = 120;

    static QByteArray render(const Incident &incident);
};

} // namespace faultline
