// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

#include "wire/controlmessages.h"

namespace faultline::ctl
{

/**
 * `faultlinectl isolate|degrade|shed|ramp|restore SERVICE --control ENDPOINT [--percent N] [--capacity N]
 * [--reason TEXT] [--operator NAME] [--timeout SECONDS]`: sends one control request and prints its
 * outcome. Returns 0 when the agent applied it, 1 when it was rejected or timed out, 2 for bad arguments.
 */
int runAction(ControlOperation operation, const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace faultline::ctl
