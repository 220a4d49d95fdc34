// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "sim/fault.h"

namespace faultline
{

/** A named incident for the demo plant: faults that start and end over time. */
struct FaultScenario {
    std::string name;
    std::string description;
    std::vector<FaultSpec> faults;

    /**
     * Parses a scenario document: {"name", "description", "faults": [{"service", "kind", "start_s",
     * "duration_s"}]}. @p source names the file in error messages.
     */
    static Result<FaultScenario> fromJson(const QByteArray &json, const QString &source = QString());

    /**
     * Loads a built-in scenario by name (see builtInNames()) or a scenario file by path. A text that
     * contains '/' or ends in ".json" is always a path.
     */
    static Result<FaultScenario> load(const QString &nameOrPath);

    /** Names of the scenarios compiled into the program (resources/demo/scenarios), sorted. */
    static QStringList builtInNames();
};

} // namespace faultline
