// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace faultline::ctl
{

/**
 * `faultlinectl watch --connect ENDPOINT... --journal FILE [--seconds N]`: records state changes,
 * alarms and stream problems to an incident journal without a display, until --seconds pass or
 * SIGINT or SIGTERM arrives. Returns the exit code.
 */
int runWatch(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
