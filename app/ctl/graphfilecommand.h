// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>
#include <QTextStream>

namespace faultline
{
class DependencyGraph;
}

namespace faultline::ctl
{

/**
 * `faultlinectl graph FILE...`: imports trace files of any supported format, links their spans into
 * calls and writes the dependency graph to @p out as "text", "json", "dot" or "svg" (@p format). A
 * summary per file goes to @p err. Returns 0, 1 when a file cannot be read, or 2 for a usage error.
 */
int runGraphFromFiles(const QStringList &files, const QString &format, QTextStream &out, QTextStream &err);

/** The graph as an SVG document, laid out like the console's graph, with call counts as edge widths. */
QByteArray dependencyGraphSvg(const DependencyGraph &graph, const QString &title);

} // namespace faultline::ctl
