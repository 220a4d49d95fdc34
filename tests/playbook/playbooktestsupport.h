// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Stand-ins for the playbook tests: a CommandSender that records requests and replies as scripted
// (above the transport, so no socket is mocked), metrics set by the test, and an IncidentSink that
// keeps what it is given.

#include <deque>
#include <functional>
#include <map>
#include <vector>

#include <qcorotimer.h>

#include "control/commandsender.h"
#include "incident/incidentsink.h"
#include "playbook/playbookmetrics.h"

namespace faultline::testing
{

class RecordingCommandSender : public CommandSender
{
public:
    QCoro::Task<CommandOutcome> send(ControlRequest request, std::chrono::milliseconds timeout) override
    {
        requests.push_back(request);
        const auto kind = answers.empty() ? defaultAnswer : answers.front();
        if (!answers.empty())
            answers.pop_front();

        // A timed-out command takes its whole timeout, as the real client's does.
        const auto wait = kind == CommandOutcome::Kind::TimedOut ? timeout : delay;
        if (wait.count() > 0)
            co_await QCoro::sleepFor(wait);

        CommandOutcome outcome;
        outcome.kind = kind;
        outcome.id = request.id;
        if (kind == CommandOutcome::Kind::Rejected)
            outcome.reason = QStringLiteral("service %1 refused it").arg(QString::fromStdString(request.service));
        if (kind == CommandOutcome::Kind::Applied && onApplied)
            onApplied(request);
        co_return outcome;
    }

    std::vector<ControlRequest> requests;
    std::deque<CommandOutcome::Kind> answers; // used in order, then defaultAnswer
    CommandOutcome::Kind defaultAnswer = CommandOutcome::Kind::Applied;
    std::chrono::milliseconds delay { 0 };
    std::function<void(const ControlRequest &)> onApplied; // lets a test change the metrics like a plant would
};

class ScriptedMetrics : public PlaybookMetrics
{
public:
    ServiceMetrics &set(const QString &name, ServiceState state, double errorRate = 0, double p99 = 10)
    {
        auto &service = m_services[name];
        service.name = name;
        service.state = state;
        service.errorRate = errorRate;
        service.latencyP99Ms = p99;
        service.stalenessMs = 500;
        return service;
    }
    void remove(const QString &name) { m_services.erase(name); }
    void addCall(const QString &caller, const QString &callee) { m_callers[callee].append(caller); }
    ServiceMetrics &at(const QString &name) { return m_services.at(name); }

    std::optional<ServiceMetrics> service(const QString &name) const override
    {
        const auto it = m_services.find(name);
        if (it == m_services.end())
            return std::nullopt;
        return it->second;
    }
    QStringList services() const override
    {
        QStringList names;
        for (const auto &entry : m_services)
            names.append(entry.first);
        return names;
    }
    QStringList callers(const QString &name) const override
    {
        const auto it = m_callers.find(name);
        return it == m_callers.end() ? QStringList() : it->second;
    }

private:
    std::map<QString, ServiceMetrics> m_services;
    std::map<QString, QStringList> m_callers;
};

class RecordingSink : public IncidentSink
{
public:
    void record(const IncidentEvent &event) override { events.push_back(event); }

    int count(EventKind kind) const
    {
        return int(
            std::count_if(events.begin(), events.end(), [kind](const auto &event) { return event.kind == kind; }));
    }

    std::vector<IncidentEvent> events;
};

} // namespace faultline::testing
