// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookloader.h"

#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include "playbook/playbooklogging.h"
#include "playbook/playbookyaml.h"

namespace faultline
{

namespace
{

using namespace playbookyaml;

PlaybookTarget parseTarget(const YAML::Node &node)
{
    const QString text = scalarText(node, "target");
    if (text == QLatin1String("suspect"))
        return { PlaybookTarget::Kind::Suspect, {} };
    if (text == QLatin1String("callers"))
        return { PlaybookTarget::Kind::Callers, {} };
    return { PlaybookTarget::Kind::Service, text };
}

PlaybookCheck parseCheck(const YAML::Node &node)
{
    requireMap(node, "check");
    checkKeys(node, { "of", "metric", "below", "above", "is", "in", "within", "hold" }, "check");

    PlaybookCheck check;
    if (const auto of = node["of"]; of.IsDefined())
        check.subject = parseTarget(of);

    const QString metric = requiredText(node, "metric", "check");
    static const std::vector<std::pair<CheckMetric, std::string_view>> metrics {
        { CheckMetric::ErrorRate, "error_rate" }, { CheckMetric::LatencyP99, "p99" },
        { CheckMetric::Staleness, "staleness" }, { CheckMetric::State, "state" }, { CheckMetric::Mode, "mode" }
    };
    check.metric = enumValue(node["metric"], metric, metrics, "metric");

    const auto below = node["below"];
    const auto above = node["above"];
    const auto is = node["is"];
    const auto in = node["in"];
    if (check.metric == CheckMetric::State || check.metric == CheckMetric::Mode) {
        if (below.IsDefined() || above.IsDefined())
            fail(node, tr("a check of %1 compares with 'is' or 'in', not 'below' or 'above'").arg(metric));
        if (is.IsDefined() == in.IsDefined())
            fail(node, tr("a check of %1 needs exactly one of 'is' or 'in'").arg(metric));
        const auto &list = is.IsDefined() ? is : in;
        check.comparison = PlaybookCheck::Comparison::In;
        if (check.metric == CheckMetric::State)
            check.states = stateList(list, "state");
        else
            check.modes = modeList(list, "mode");
    } else {
        if (is.IsDefined() || in.IsDefined())
            fail(node, tr("a check of %1 compares with 'below' or 'above', not 'is' or 'in'").arg(metric));
        if (below.IsDefined() == above.IsDefined())
            fail(node, tr("a check of %1 needs exactly one of 'below' or 'above'").arg(metric));
        const auto &limit = below.IsDefined() ? below : above;
        check.comparison = below.IsDefined() ? PlaybookCheck::Comparison::Below : PlaybookCheck::Comparison::Above;
        check.threshold = check.metric == CheckMetric::ErrorRate ? percentValue(limit) / 100.0
                                                                 : double(durationValue(limit).count());
    }

    if (!node["within"].IsDefined())
        fail(node, tr("the check has no 'within'; add the time it may take, such as within: 30s"));
    check.within = durationValue(node["within"]);
    if (check.within.count() <= 0)
        fail(node["within"], tr("'within' must be longer than 0 s"));
    if (const auto hold = node["hold"]; hold.IsDefined()) {
        check.hold = durationValue(hold);
        if (check.hold > check.within)
            fail(hold,
                tr("'hold' (%1 ms) is longer than 'within' (%2 ms), so the check could never pass; shorten "
                   "'hold' or lengthen 'within'")
                    .arg(check.hold.count())
                    .arg(check.within.count()));
    }
    return check;
}

FailurePolicy parsePolicy(const YAML::Node &node)
{
    static const std::vector<std::pair<FailurePolicy, std::string_view>> policies { { FailurePolicy::Retry, "retry" },
        { FailurePolicy::Continue, "continue" }, { FailurePolicy::Rollback, "rollback" },
        { FailurePolicy::Escalate, "escalate" } };
    return enumValue(node, scalarText(node, "on_failure"), policies, "on_failure");
}

// Parses one step; a ramp with a schedule becomes one step per stage.
std::vector<PlaybookStep> parseStep(const YAML::Node &node, bool rollback)
{
    requireMap(node, "step");
    if (rollback)
        checkKeys(
            node, { "title", "instructions", "action", "target", "percent", "capacity", "duration" }, "roll-back step");
    else
        checkKeys(node,
            { "title", "instructions", "action", "target", "percent", "schedule", "capacity", "duration", "confirm",
                "check", "on_failure", "retries" },
            "step");

    PlaybookStep step;
    step.line = lineOf(node);
    step.title = requiredText(node, "title", "step");
    if (rollback)
        step.instructions
            = node["instructions"].IsDefined() ? scalarText(node["instructions"], "instructions") : QString();
    else
        step.instructions = requiredText(node, "instructions", "step");

    if (const auto action = node["action"]; action.IsDefined()) {
        const QString name = scalarText(action, "action");
        const auto value = stepActionFromName(name.toStdString());
        if (!value)
            fail(action, tr("unknown action '%1'; use isolate, degrade, shed, ramp, restore, wait or note").arg(name));
        step.action = *value;
    }
    if (const auto target = node["target"]; target.IsDefined())
        step.target = parseTarget(target);

    const auto percent = node["percent"];
    const auto schedule = node["schedule"];
    if (step.action == StepAction::Ramp) {
        if (percent.IsDefined() == schedule.IsDefined())
            fail(node, tr("step '%1' ramps, so it needs exactly one of 'percent' or 'schedule'").arg(step.title));
    } else if (percent.IsDefined() || schedule.IsDefined()) {
        fail(percent.IsDefined() ? percent : schedule, tr("'percent' and 'schedule' apply only to action: ramp"));
    }
    if (percent.IsDefined())
        step.percent = percentValue(percent);

    const auto capacity = node["capacity"];
    if (step.action == StepAction::Shed) {
        if (!capacity.IsDefined())
            fail(
                node, tr("step '%1' sheds load, so it needs 'capacity' (in-flight requests admitted)").arg(step.title));
        step.capacity = numberValue(capacity, "capacity");
        if (*step.capacity <= 0)
            fail(capacity, tr("'capacity' must be above 0"));
    } else if (capacity.IsDefined()) {
        fail(capacity, tr("'capacity' applies only to action: shed"));
    }

    const auto duration = node["duration"];
    if (step.action == StepAction::Wait) {
        if (!duration.IsDefined())
            fail(node, tr("step '%1' waits, so it needs 'duration', such as duration: 30s").arg(step.title));
        step.duration = durationValue(duration);
    } else if (duration.IsDefined()) {
        fail(duration, tr("'duration' applies only to action: wait"));
    }

    if (const auto confirm = node["confirm"]; confirm.IsDefined())
        step.confirm = boolValue(confirm, "confirm");
    if (const auto check = node["check"]; check.IsDefined())
        step.check = parseCheck(check);
    if (const auto onFailure = node["on_failure"]; onFailure.IsDefined())
        step.onFailure = parsePolicy(onFailure);
    if (const auto retries = node["retries"]; retries.IsDefined()) {
        step.retries = intValue(retries, "retries");
        if (step.retries < 0 || step.retries > 10)
            fail(retries, tr("'retries' must be from 0 to 10"));
    }

    if (!schedule.IsDefined())
        return { step };

    // Each stage keeps the step's check as its gate, so a failing stage stops the ramp there.
    if (!schedule.IsSequence() || schedule.size() == 0)
        fail(schedule, tr("'schedule' must be a list of percents, such as [5 %, 25 %, 50 %, 100 %]"));
    std::vector<PlaybookStep> stages;
    double previous = 0;
    for (const auto &entry : schedule) {
        const double value = percentValue(entry);
        if (value <= previous)
            fail(entry, tr("the schedule must rise: %1 % follows %2 %").arg(value).arg(previous));
        previous = value;
        PlaybookStep stage = step;
        stage.percent = value;
        stage.line = lineOf(entry);
        stage.title = tr("%1: %2 %").arg(step.title).arg(value);
        stages.push_back(stage);
    }
    return stages;
}

MatchClause parseClause(const YAML::Node &node)
{
    requireMap(node, "applies_when");
    checkKeys(node,
        { "state", "mode", "criticality", "error_rate_above", "error_rate_below", "p99_above", "stale_for_above",
            "callers_error_rate_above", "saturation_above" },
        "applies_when");
    MatchClause clause;
    if (const auto n = node["state"]; n.IsDefined())
        clause.states = stateList(n, "state");
    if (const auto n = node["mode"]; n.IsDefined())
        clause.modes = modeList(n, "mode");
    if (const auto n = node["criticality"]; n.IsDefined())
        clause.criticalities = criticalityList(n, "criticality");
    if (const auto n = node["error_rate_above"]; n.IsDefined())
        clause.errorRateAbove = percentValue(n) / 100.0;
    if (const auto n = node["error_rate_below"]; n.IsDefined())
        clause.errorRateBelow = percentValue(n) / 100.0;
    if (const auto n = node["p99_above"]; n.IsDefined())
        clause.latencyP99AboveMs = double(durationValue(n).count());
    if (const auto n = node["stale_for_above"]; n.IsDefined())
        clause.staleAboveMs = double(durationValue(n).count());
    if (const auto n = node["callers_error_rate_above"]; n.IsDefined())
        clause.callersErrorRateAbove = percentValue(n) / 100.0;
    if (const auto n = node["saturation_above"]; n.IsDefined())
        clause.saturationAbove = percentValue(n) / 100.0;
    if (clause.conditionCount() == 0)
        fail(node, tr("'applies_when' states no condition; add one, such as state: critical"));
    return clause;
}

std::vector<PlaybookStep> parseSteps(const YAML::Node &node, const char *key, bool rollback)
{
    if (!node.IsSequence() || node.size() == 0)
        fail(node, tr("'%1' must be a list of steps, each a map with at least a title").arg(QLatin1String(key)));
    std::vector<PlaybookStep> steps;
    for (const auto &entry : node) {
        for (auto &step : parseStep(entry, rollback))
            steps.push_back(std::move(step));
        if (steps.size() > std::size_t(maxPlaybookSteps))
            fail(entry, tr("more than %1 steps; split the playbook").arg(maxPlaybookSteps));
    }
    return steps;
}

Playbook parseDocument(const YAML::Node &root)
{
    if (root.IsNull() || !root.IsDefined())
        fail(root, tr("the file is empty; a playbook needs at least 'name', 'applies_when' and 'steps'"));
    requireMap(root, "playbook");
    checkKeys(root, { "name", "description", "applies_when", "steps", "rollback" }, "playbook");

    Playbook playbook;
    playbook.name = requiredText(root, "name", "playbook");
    if (const auto description = root["description"]; description.IsDefined())
        playbook.description = scalarText(description, "description");

    const auto appliesWhen = root["applies_when"];
    if (!appliesWhen.IsDefined())
        fail(root, tr("the playbook has no 'applies_when'; add the conditions under which it applies"));
    if (appliesWhen.IsSequence()) {
        if (appliesWhen.size() == 0)
            fail(appliesWhen, tr("'applies_when' is an empty list; add at least one set of conditions"));
        for (const auto &clause : appliesWhen)
            playbook.appliesWhen.push_back(parseClause(clause));
    } else {
        playbook.appliesWhen.push_back(parseClause(appliesWhen));
    }

    if (!root["steps"].IsDefined())
        fail(root, tr("the playbook has no 'steps'; add a list of steps"));
    playbook.steps = parseSteps(root["steps"], "steps", false);
    if (const auto rollback = root["rollback"]; rollback.IsDefined())
        playbook.rollback = parseSteps(rollback, "rollback", true);
    if (playbook.steps.size() + playbook.rollback.size() > std::size_t(maxPlaybookSteps))
        fail(root, tr("more than %1 steps; split the playbook").arg(maxPlaybookSteps));

    for (const auto &step : playbook.steps) {
        if (step.onFailure == FailurePolicy::Rollback && playbook.rollback.empty())
            throw SyntaxError { step.line,
                tr("step '%1' rolls back on failure, but the playbook has no 'rollback' steps; add "
                   "them or choose another on_failure")
                    .arg(step.title) };
    }
    return playbook;
}

} // namespace

Result<Playbook> parsePlaybook(const QByteArray &yaml, const QString &fileName)
{
    auto located = [&fileName](int line, const QString &message) {
        const QString where = QStringLiteral("%1:%2").arg(fileName).arg(line);
        return Error { QStringLiteral("%1: %2").arg(where, message), where };
    };

    if (yaml.size() > maxPlaybookFileBytes)
        return located(1,
            tr("the file is %1 bytes, above the limit of %2 bytes for a playbook; split it")
                .arg(yaml.size())
                .arg(maxPlaybookFileBytes));
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        Playbook playbook = parseDocument(root);
        playbook.id = QFileInfo(fileName).completeBaseName();
        playbook.sourceFile = fileName;
        return playbook;
    } catch (const SyntaxError &error) {
        return located(std::max(error.line, 1), error.message);
    } catch (const YAML::Exception &error) {
        // yaml-cpp counts lines from 0; its message is English and names the problem, such as "end of map not found".
        return located(error.mark.line >= 0 ? error.mark.line + 1 : 1,
            tr("invalid YAML: %1").arg(QString::fromStdString(error.msg)));
    }
}

Result<Playbook> loadPlaybookFile(const QString &path)
{
    QFile file(path);
    if (file.size() > maxPlaybookFileBytes)
        return Error { tr("%1:1: the file is %2 bytes, above the limit of %3 bytes for a playbook; split it")
                           .arg(path)
                           .arg(file.size())
                           .arg(maxPlaybookFileBytes),
            path };
    if (!file.open(QIODevice::ReadOnly))
        return Error {
            tr("cannot read playbook %1: %2; check that it exists and is readable").arg(path, file.errorString()), path
        };
    auto result = parsePlaybook(file.readAll(), path);
    if (!result)
        qCWarning(lcPlaybook) << "playbook rejected" << result.error().message;
    return result;
}

} // namespace faultline
