// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include "common/result.h"
#include "health/suspect.h"

namespace faultline::rcaeval
{

/** The rank of the labelled root cause of one Nezha TrainTicket trace file, and the rankings behind it. */
struct NezhaResult {
    std::string label; // the service of the fault list's inject_pod
    QString injectTime; // as the fault list spells it
    std::int64_t injectUnixNs = 0; // on the clock of the trace file
    std::uint64_t spans = 0;
    std::uint64_t calls = 0;
    std::uint64_t callsAfterInject = 0;
    // The live pipeline (TopologyStore, absolute thresholds) replayed over the file.
    std::vector<Suspect> live;
    int liveRank = 0; // 0 when the label is not among the suspects
    // Edges judged against their own latency before the fault, as a trace-only reading.
    std::vector<Suspect> relative;
    int relativeRank = 0;
};

/**
 * Reads a Nezha span CSV and its fault list and ranks suspects as of the end of the file. The fault
 * is the one whose inject_time falls inside the file's time range, because the CSV's timestamps are
 * the fault list's local times written as UTC.
 */
Result<NezhaResult> evaluateNezha(const QString &csvPath, const QString &faultListPath);

QJsonObject toJson(const NezhaResult &result);
void writeText(const NezhaResult &result, QTextStream &out);

} // namespace faultline::rcaeval
