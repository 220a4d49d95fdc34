// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <QString>

#include "topology/servicestate.h"
#include "wire/healthreport.h"

namespace faultline
{

/** The action of a playbook step, taken before its check; docs/playbooks.md lists the YAML names. */
enum class StepAction : std::uint8_t { None, Isolate, Degrade, Shed, Ramp, Restore, Wait, Note };

std::string_view stepActionName(StepAction action);
std::optional<StepAction> stepActionFromName(std::string_view name);

/** The services a step acts on or a check reads. */
struct PlaybookTarget {
    enum class Kind : std::uint8_t {
        Suspect, // the service the playbook runs against
        Callers, // every direct caller of the suspect
        Service, // the service named in `service`
    };

    Kind kind = Kind::Suspect;
    QString service;

    bool operator==(const PlaybookTarget &) const = default;
};

/** The measurement a check compares; error rates are shares 0..1, times are milliseconds. */
enum class CheckMetric : std::uint8_t { ErrorRate, LatencyP99, Staleness, State, Mode };

std::string_view checkMetricName(CheckMetric metric);

/**
 * A health gate: passes once the condition has held on every target service for `hold` before
 * `within` runs out after the step's action. With several targets (callers) every one must pass.
 */
struct PlaybookCheck {
    enum class Comparison : std::uint8_t { Below, Above, In };

    PlaybookTarget subject;
    CheckMetric metric = CheckMetric::ErrorRate;
    Comparison comparison = Comparison::Below;
    double threshold = 0; // for Below and Above, in the unit of the metric
    std::vector<ServiceState> states; // for In with State
    std::vector<ServiceMode> modes; // for In with Mode
    std::chrono::milliseconds within { 30000 };
    std::chrono::milliseconds hold { 0 };

    bool operator==(const PlaybookCheck &) const = default;
};

/** The runner's response when a step's action fails or its check times out. */
enum class FailurePolicy : std::uint8_t {
    Retry, // run the step again, up to `retries` times, then escalate
    Continue, // mark the step failed and go on with the next one
    Rollback, // run the playbook's roll-back steps and stop
    Escalate, // stop and wait for the operator to retry, skip or abort
};

std::string_view failurePolicyName(FailurePolicy policy);

struct PlaybookStep {
    QString title;
    QString instructions;
    StepAction action = StepAction::None;
    PlaybookTarget target;
    std::optional<double> percent; // ramp: share of traffic admitted, 0..100
    std::optional<double> capacity; // shed: in-flight requests admitted
    std::chrono::milliseconds duration { 0 }; // wait
    bool confirm = false; // as written; needsConfirmation() adds the actions that cut traffic
    std::optional<PlaybookCheck> check;
    FailurePolicy onFailure = FailurePolicy::Escalate;
    int retries = 2; // extra attempts under FailurePolicy::Retry
    int line = 0; // 1-based line of the step in its file

    /** True for isolate, shed and a ramp below 100 %, which take traffic away from a service. */
    bool cutsTraffic() const;
    bool needsConfirmation() const { return confirm || cutsTraffic(); }

    bool operator==(const PlaybookStep &) const = default;
};

/**
 * One alternative of a playbook's `applies_when`: every condition that is set must hold. Error
 * rates are shares 0..1, times milliseconds.
 */
struct MatchClause {
    std::vector<ServiceState> states;
    std::vector<ServiceMode> modes;
    std::vector<Criticality> criticalities;
    std::optional<double> errorRateAbove;
    std::optional<double> errorRateBelow;
    std::optional<double> latencyP99AboveMs;
    std::optional<double> staleAboveMs;
    std::optional<double> saturationAbove; // in-flight / capacity, 0..1
    std::optional<double> callersErrorRateAbove; // the highest error rate among direct callers

    /** The number of conditions set, which ranks the more specific playbooks first. */
    int conditionCount() const;

    bool operator==(const MatchClause &) const = default;
};

/** A playbook as loaded and validated from one YAML file. */
struct Playbook {
    QString id; // the file name without extension
    QString name;
    QString description;
    QString sourceFile;
    std::vector<MatchClause> appliesWhen; // any one clause suffices; empty means it never applies by itself
    std::vector<PlaybookStep> steps;
    std::vector<PlaybookStep> rollback; // run without confirmation when a step's policy is Rollback

    bool operator==(const Playbook &) const = default;
};

/** The operator-facing summary of a step's action, for example "Ramp the suspect to 25 %". */
QString describeAction(const PlaybookStep &step);
/** The operator-facing summary of a check, for example "callers' error rate below 5 % within 30 s". */
QString describeCheck(const PlaybookCheck &check);
QString describeTarget(const PlaybookTarget &target);

} // namespace faultline
