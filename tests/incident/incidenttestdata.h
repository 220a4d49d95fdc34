// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Events and incidents for the incident tests, with the awkward content real incidents bring.
#pragma once

#include <QDateTime>
#include <QString>

#include "incident/incident.h"

namespace faultline::testdata
{

inline QDateTime at(qint64 msAfterStart)
{
    return QDateTime::fromMSecsSinceEpoch(1'773'482'400'000LL + msAfterStart, Qt::UTC); // 2026-03-14T10:00:00Z
}

inline IncidentEvent makeEvent(
    std::uint64_t sequence, EventKind kind, qint64 msAfterStart, const QString &service = {}, const QString &text = {})
{
    IncidentEvent result;
    result.sequence = sequence;
    result.kind = kind;
    result.time = at(msAfterStart);
    result.service = service;
    result.text = text;
    result.source = QStringLiteral("test");
    return result;
}

inline IncidentEvent stateChange(std::uint64_t sequence, qint64 msAfterStart, const QString &service, const char *from,
    const char *to, const char *criticality = nullptr)
{
    auto result = makeEvent(sequence, EventKind::StateChanged, msAfterStart, service);
    result.details.insert(QStringLiteral("from"), QString::fromLatin1(from));
    result.details.insert(QStringLiteral("to"), QString::fromLatin1(to));
    if (criticality)
        result.details.insert(QStringLiteral("criticality"), QString::fromLatin1(criticality));
    result.severity = QByteArray(to) == "critical" ? Severity::Critical
        : QByteArray(to) == "ok"                   ? Severity::Info
                                                   : Severity::Warning;
    return result;
}

inline GraphSnapshot smallGraph()
{
    GraphSnapshot graph;
    graph.nodes.push_back(
        { QStringLiteral("mes"), NodeKind::Service, ServiceState::Warning, ServiceMode::Normal, Criticality::Core });
    graph.nodes.push_back({ QStringLiteral("plc-gateway"), NodeKind::Service, ServiceState::Critical,
        ServiceMode::Normal, Criticality::Core });
    graph.nodes.push_back(
        { QStringLiteral("historian"), NodeKind::Database, ServiceState::Unknown, ServiceMode::Normal, std::nullopt });
    graph.nodes.push_back({ QStringLiteral("analytics"), NodeKind::Service, ServiceState::Ok, ServiceMode::Degraded,
        Criticality::Minor });
    graph.edges.push_back({ QStringLiteral("mes"), QStringLiteral("plc-gateway"), 0.4 });
    graph.edges.push_back({ QStringLiteral("plc-gateway"), QStringLiteral("historian"), 0 });
    graph.edges.push_back({ QStringLiteral("analytics"), QStringLiteral("historian"), 0.01 });
    return graph;
}

/**
 * A closed incident as the manager would write it: a warning, the critical alarm that opened
 * it, a graph snapshot, an isolate action applied, a rejected one, a note and the recovery.
 */
inline Incident sampleIncident()
{
    Incident incident;
    incident.id = QStringLiteral("20260314-100000-abcd");
    std::uint64_t seq = 0;
    auto opened = makeEvent(++seq, EventKind::IncidentOpened, 60'000, QStringLiteral("plc-gateway"),
        QStringLiteral("opened by a critical alarm"));
    opened.details.insert(QStringLiteral("title"), QStringLiteral("plc-gateway: error rate 40 %"));
    incident.apply(opened);
    incident.apply(stateChange(++seq, 0, QStringLiteral("mes"), "ok", "warning", "core"));
    incident.apply(stateChange(++seq, 55'000, QStringLiteral("plc-gateway"), "ok", "critical", "core"));

    auto alarm = makeEvent(++seq, EventKind::AlarmRaised, 60'000, QStringLiteral("plc-gateway"),
        QStringLiteral("error rate 40 % over 10 s"));
    alarm.severity = Severity::Critical;
    alarm.correlationId = QStringLiteral("alarm-1");
    alarm.source = QStringLiteral("alarms");
    incident.apply(alarm);

    auto snapshot = makeEvent(++seq, EventKind::GraphSnapshot, 60'000);
    snapshot.graph = smallGraph();
    incident.apply(snapshot);

    auto sent = makeEvent(++seq, EventKind::ActionSent, 120'000, QStringLiteral("plc-gateway"),
        QStringLiteral("callers time out, \"isolate\" per playbook, step 2"));
    sent.operatorName = QStringLiteral("Jana Nováková");
    sent.correlationId = QStringLiteral("req-7");
    sent.details.insert(QStringLiteral("operation"), QStringLiteral("isolate"));
    incident.apply(sent);
    auto applied = makeEvent(++seq, EventKind::ActionApplied, 120'400, QStringLiteral("plc-gateway"));
    applied.correlationId = QStringLiteral("req-7");
    applied.details.insert(QStringLiteral("operation"), QStringLiteral("isolate"));
    incident.apply(applied);

    auto shed
        = makeEvent(++seq, EventKind::ActionSent, 130'000, QStringLiteral("mes"), QStringLiteral("=cmd|' /C calc'!A0"));
    shed.operatorName = QStringLiteral("@ops-night");
    shed.correlationId = QStringLiteral("req-8");
    shed.details.insert(QStringLiteral("operation"), QStringLiteral("shed"));
    incident.apply(shed);
    auto rejected = makeEvent(
        ++seq, EventKind::ActionRejected, 130'200, QStringLiteral("mes"), QStringLiteral("capacity below the minimum"));
    rejected.correlationId = QStringLiteral("req-8");
    rejected.severity = Severity::Warning;
    incident.apply(rejected);

    auto note = makeEvent(++seq, EventKind::OperatorNote, 150'000, {},
        QStringLiteral("Line 2 stopped, called the shift lead.\nSecond line, with | pipe and <b>tag</b>"));
    note.operatorName = QStringLiteral("Jana Nováková");
    incident.apply(note);

    auto lost = makeEvent(++seq, EventKind::MessagesLost, 155'000);
    lost.severity = Severity::Warning;
    lost.details.insert(QStringLiteral("publisher"), QStringLiteral("plant-sim"));
    lost.details.insert(QStringLiteral("count"), QStringLiteral("12"));
    incident.apply(lost);

    incident.apply(stateChange(++seq, 300'000, QStringLiteral("plc-gateway"), "critical", "ok", "core"));
    auto cleared = makeEvent(++seq, EventKind::AlarmCleared, 300'500, QStringLiteral("plc-gateway"));
    cleared.correlationId = QStringLiteral("alarm-1");
    incident.apply(cleared);
    incident.apply(stateChange(++seq, 310'000, QStringLiteral("mes"), "warning", "ok", "core"));
    incident.apply(makeEvent(++seq, EventKind::IncidentClosed, 900'000, {}, QStringLiteral("every alarm clear")));
    return incident;
}

} // namespace faultline::testdata
