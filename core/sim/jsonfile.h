// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "common/result.h"

namespace faultline::sim
{

/**
 * Maximum size of a topology or scenario file. A plant of PlantTopology::maxServices services with a
 * few edges each takes a few megabytes, so a larger file is not one of ours.
 */
inline constexpr qint64 maxJsonFileBytes = 16 * 1024 * 1024;

/** Reads @p path, a file or a Qt resource; @p kind names the file in errors ("topology", "scenario"). */
Result<QByteArray> readJsonFile(const QString &path, const QString &kind);

/** Parses @p json as one JSON object; @p name names the document and @p fields lists what it should contain. */
Result<QJsonObject> parseJsonObject(const QByteArray &json, const QString &name, const QString &fields);

} // namespace faultline::sim
