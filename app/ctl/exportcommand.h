// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace faultline::ctl
{

/** `faultlinectl export JOURNAL --format md|json|csv|html --output FILE`; returns the exit code. */
int runExport(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
