// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace faultline::ctl
{

/**
 * `faultlinectl replay FILE... --publish ENDPOINT [--speed X] [--loop]`: reads trace files of any
 * supported format and publishes their spans as protocol v1 OTLP batches on `trace.<service>`, paced
 * as the files recorded them and sped up by X. @p arguments starts with the command name. Returns 0,
 * 1 when a file cannot be read or the endpoint not bound or connected, or 2 for a usage error.
 */
int runReplay(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
