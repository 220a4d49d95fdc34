// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QTextStream>

#include "common/result.h"
#include "health/suspect.h"
#include "sim/fault.h"
#include "sim/planttopology.h"

namespace faultline::rcaeval
{

/** One run of the demo plant with one or two faults that start together after the warm-up. */
struct Scenario {
    std::vector<FaultSpec> faults;
    std::uint64_t plantSeed = 1;
};

struct Options {
    std::uint64_t seed = 1; // draws the scenarios
    int singles = 20;
    int pairs = 10;
    double warmupS = 6; // plant time before the faults start, which also gives the baselines
    double observeS = 8; // time after the fault start at which the ranking is taken
    double requestsPerSecond = 200;
    PlantTopology topology; // PlantTopology::builtIn() when empty
};

struct ScenarioResult {
    Scenario scenario;
    std::vector<Suspect> suspects; // the last ranking before the end, best first
    std::vector<int> ranks; // per fault: 1-based rank of its service among the suspects, 0 when absent
    std::vector<std::optional<double>> alarmDelaysS; // per fault: fault start to the first alarm on its service
    std::optional<double> firstAlarmS; // fault start to the first alarm on any service
    int alarmsBeforeFault = 0; // raised during the warm-up, when nothing was wrong
    std::optional<Error> error;

    /** True when every fault's service ranks within the first @p places. */
    bool allWithin(int places) const;
};

/** Draws @p options.singles single-fault and @p options.pairs two-fault scenarios from @p options.seed. */
std::vector<Scenario> makeScenarios(const PlantTopology &topology, const Options &options);

/**
 * Runs one scenario in-process: the demo plant on inproc:// endpoints, an IngestClient on the
 * shared ZeroMQ context, and the event loop of the calling thread for warmupS + observeS seconds.
 */
ScenarioResult runScenario(const Scenario &scenario, const Options &options);

/** The figures over many scenarios. */
struct Summary {
    int singles = 0;
    int singlesTop1 = 0;
    int singlesTop3 = 0;
    int pairs = 0;
    int pairsBothTop3 = 0;
    int failed = 0; // scenarios that could not run
    std::vector<double> alarmDelaysS; // of every fault whose service alarmed
    std::vector<double> firstAlarmDelaysS; // fault start to the first alarm on any service, per scenario
    int faultsWithoutAlarm = 0;
    int alarmsBeforeFault = 0;
};

Summary summarize(const std::vector<ScenarioResult> &results);
double percentile(std::vector<double> values, double q);

QJsonObject toJson(const std::vector<ScenarioResult> &results, const Summary &summary);
void writeText(const std::vector<ScenarioResult> &results, const Summary &summary, QTextStream &out);
/** One line per scenario, for progress output while the runs go on. */
QString describe(const ScenarioResult &result);

} // namespace faultline::rcaeval
