// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace faultline::ctl
{

/**
 * `faultlinectl graph --input FILE... | --connect ENDPOINT... --seconds N [--format text|json|dot]`: the
 * dependency graph derived from trace files or from live streams; returns the exit code.
 */
int runGraph(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
