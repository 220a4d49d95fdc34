// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace faultline::ctl {

/** `faultlinectl status --connect ENDPOINT... --seconds N [--format text|json] [--suspects]`; returns the exit code. */
int runStatus(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
