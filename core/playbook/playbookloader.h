// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include "common/result.h"
#include "playbook/playbook.h"

namespace faultline
{

/** Files above this size are rejected before parsing; the shipped playbooks are under 4 KiB. */
inline constexpr qint64 maxPlaybookFileBytes = 256 * 1024;
/** Steps per playbook after ramp schedules are expanded, roll-back steps included. */
inline constexpr int maxPlaybookSteps = 100;

/**
 * Parses and validates one playbook in the YAML format of docs/playbooks.md. On failure the
 * Error's `where` is "file:line" and its message starts with it, then states what is wrong and how
 * to fix it. @p fileName names the source in messages; its base name becomes the playbook's id.
 */
Result<Playbook> parsePlaybook(const QByteArray &yaml, const QString &fileName);

/** Reads @p path (a file or a ":/" resource) and parses it with parsePlaybook(). */
Result<Playbook> loadPlaybookFile(const QString &path);

} // namespace faultline
