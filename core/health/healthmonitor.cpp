// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthmonitor.h"

#include <QCoreApplication>

#include "health/healthlogging.h"
#include "health/rootcauseinput.h"
#include "topology/topologystore.h"

namespace faultline
{

HealthMonitor::HealthMonitor()
    : HealthMonitor(AlarmManager::Options {})
{
}

HealthMonitor::HealthMonitor(AlarmManager::Options options)
    : m_alarms([this] { return m_nowMs; }, options)
{
}

void HealthMonitor::rebuildGraph(const TopologyStore &store)
{
    ImpactGraph graph;
    store.forEachService([&graph](const ServiceSnapshot &service) {
        graph.addService(service.name);
        if (service.criticalityKnown)
            graph.setCriticality(service.name, service.criticality);
    });
    store.forEachEdge([&graph](const EdgeSnapshot &edge) { graph.addEdge(edge.caller, edge.callee); });
    m_graph = std::move(graph);
}

void HealthMonitor::update(const TopologyStore &store, std::int64_t nowMs)
{
    m_nowMs = nowMs;
    const auto second = nowMs >= 0 ? nowMs / 1000 : (nowMs - 999) / 1000;
    const bool newSecond = second != m_lastSecond;
    m_lastSecond = second;
    if (newSecond)
        rebuildGraph(store);

    std::vector<AlarmCondition> conditions;
    bool trouble = false;
    store.forEachService([&](const ServiceSnapshot &service) {
        if (service.state == ServiceState::Warning || service.state == ServiceState::Critical
            || service.state == ServiceState::Stale)
            trouble = true;
        if (service.instances.empty())
            return;
        for (const auto condition : allHealthConditions) {
            const auto &status = service.conditions[conditionIndex(condition)];
            if (status.level != HealthLevel::Ok)
                conditions.push_back({ service.name, condition, status.level, status.value, status.threshold });
        }
    });
    m_alarms.update(conditions, m_graph);

    if (!newSecond)
        return;
    std::vector<Suspect> suspects;
    if (trouble || !m_alarms.alarms().empty())
        suspects = rankRootCauses(rootCauseInputFrom(store, nowMs));
    // Suspects go out every second while anything is wrong, so that a late subscriber gets them, and once more
    // when it is over.
    if (!suspects.empty() || !m_lastSuspects.empty())
        m_pendingSuspects = suspects;
    m_lastSuspects = std::move(suspects);
}

void HealthMonitor::apply(const HealthCommand &command, TopologyStore &store, std::int64_t nowMs)
{
    m_nowMs = nowMs;
    std::optional<Error> error;
    switch (command.kind) {
    case HealthCommand::Kind::Acknowledge:
        error = m_alarms.acknowledge(command.alarmId, command.operatorName);
        break;
    case HealthCommand::Kind::AcknowledgeAll:
        m_alarms.acknowledgeAll(command.operatorName);
        break;
    case HealthCommand::Kind::Shelve:
        error = m_alarms.shelve(command.alarmId, command.durationMs, command.operatorName, command.reason);
        break;
    case HealthCommand::Kind::Unshelve:
        error = m_alarms.unshelve(command.alarmId, command.operatorName);
        break;
    case HealthCommand::Kind::SetThresholds:
        error = store.healthEvaluator().config().setOverride(command.service, command.thresholds);
        if (!error)
            qCInfo(lcHealth) << "thresholds of" << command.service.c_str() << "overridden by"
                             << command.operatorName.c_str();
        break;
    case HealthCommand::Kind::ClearThresholds:
        if (!store.healthEvaluator().config().clearOverride(command.service))
            error
                = Error { QCoreApplication::translate("HealthMonitor", "service %1 has no threshold override to clear")
                              .arg(QString::fromStdString(command.service)),
                      QString::fromStdString(command.service) };
        break;
    }
    if (error) {
        qCWarning(lcHealth) << "health command failed:" << error->message;
        m_commandErrors.push_back(error->message);
    }
}

void HealthMonitor::takeChanges(HealthDelta &delta)
{
    m_alarms.takeChanges(delta);
    if (m_pendingSuspects) {
        delta.suspects = std::move(m_pendingSuspects);
        m_pendingSuspects.reset();
    }
    delta.commandErrors.insert(delta.commandErrors.end(), m_commandErrors.begin(), m_commandErrors.end());
    m_commandErrors.clear();
}

} // namespace faultline
