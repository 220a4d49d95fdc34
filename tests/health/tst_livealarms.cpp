// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QTest>

#include "health/livealarms.h"
#include "incident/incidentsink.h"

using namespace faultline;

namespace
{

class RecordingSink : public IncidentSink
{
public:
    void record(const IncidentEvent &event) override { events.push_back(event); }
    void recordBatch(const std::vector<IncidentEvent> &batch) override
    {
        ++batches;
        events.insert(events.end(), batch.begin(), batch.end());
    }

    std::vector<IncidentEvent> events;
    int batches = 0;
};

Alarm alarmRow(std::uint64_t id, const std::string &service, AlarmPriority priority, std::int64_t raisedAtMs,
    AlarmState state = AlarmState::Unacknowledged)
{
    Alarm alarm;
    alarm.id = id;
    alarm.service = service;
    alarm.priority = priority;
    alarm.raisedAtMs = raisedAtMs;
    alarm.lastRaisedAtMs = raisedAtMs;
    alarm.state = state;
    alarm.condition = HealthCondition::Latency;
    alarm.value = 700;
    alarm.threshold = 500;
    return alarm;
}

TopologyDelta deltaWith(
    std::vector<Alarm> alarms, std::vector<AlarmEvent> events = {}, std::vector<std::uint64_t> removed = {})
{
    TopologyDelta delta;
    delta.health.alarms = std::move(alarms);
    delta.health.events = std::move(events);
    delta.health.removedAlarms = std::move(removed);
    return delta;
}

} // namespace

class TestLiveAlarms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesAndSorts()
    {
        LiveAlarms alarms;
        QSignalSpy changed(&alarms, &LiveAlarms::alarmsChanged);
        alarms.apply(deltaWith({ alarmRow(1, "a", AlarmPriority::Low, 100), alarmRow(2, "b", AlarmPriority::Urgent, 50),
            alarmRow(3, "c", AlarmPriority::Low, 300) }));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(int(alarms.alarms().size()), 3);
        QCOMPARE(alarms.alarms()[0].id, std::uint64_t(2));
        QCOMPARE(alarms.alarms()[1].id, std::uint64_t(3));
        QCOMPARE(alarms.alarms()[2].id, std::uint64_t(1));
        QCOMPARE(alarms.unacknowledgedCount(), 3);

        // Replace one row, remove another, and ignore a removal of an id never seen.
        alarms.apply(deltaWith({ alarmRow(3, "c", AlarmPriority::Low, 300, AlarmState::Acknowledged) }, {}, { 1, 77 }));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).value<QList<quint64>>(), QList<quint64> { 3 });
        QCOMPARE(changed.last().at(1).value<QList<quint64>>(), QList<quint64> { 1 });
        QCOMPARE(int(alarms.alarms().size()), 2);
        QCOMPARE(alarms.unacknowledgedCount(), 1);
        QVERIFY(!alarms.alarm(1));

        // A delta without alarm changes emits nothing.
        alarms.apply(TopologyDelta {});
        QCOMPARE(changed.count(), 2);
    }

    void journalsEvents()
    {
        LiveAlarms alarms;
        RecordingSink sink;
        alarms.setIncidentSink(&sink);
        QSignalSpy annunciated(&alarms, &LiveAlarms::alarmAnnunciated);

        auto raised = alarmRow(5, "servo", AlarmPriority::High, 10);
        raised.firstOut = true;
        raised.level = HealthLevel::Critical;
        auto hidden = alarmRow(6, "robot", AlarmPriority::High, 10, AlarmState::Suppressed);
        hidden.suppressedBy = "servo";
        std::vector<AlarmEvent> events = { { AlarmEventKind::Raised, raised, 10, {}, {} },
            { AlarmEventKind::Raised, hidden, 10, {}, {} }, { AlarmEventKind::Acknowledged, raised, 20, "ana", {} },
            { AlarmEventKind::Shelved, raised, 30, "ana", QStringLiteral("maintenance") },
            { AlarmEventKind::Cleared, raised, 40, {}, {} } };
        alarms.apply(deltaWith({ raised, hidden }, events));

        QCOMPARE(sink.batches, 1);
        QCOMPARE(int(sink.events.size()), 5);
        QCOMPARE(sink.events[0].kind, EventKind::AlarmRaised);
        QCOMPARE(sink.events[0].severity, Severity::Critical);
        QCOMPARE(sink.events[0].service, QStringLiteral("servo"));
        QCOMPARE(sink.events[0].correlationId, QStringLiteral("5"));
        QCOMPARE(sink.events[0].details.value(QStringLiteral("first_out")), QStringLiteral("true"));
        QCOMPARE(sink.events[0].text, QStringLiteral("p99 latency 700 ms (critical at 500 ms)"));
        QCOMPARE(sink.events[1].details.value(QStringLiteral("suppressed_by")), QStringLiteral("servo"));
        QCOMPARE(sink.events[2].kind, EventKind::AlarmAcknowledged);
        QCOMPARE(sink.events[2].operatorName, QStringLiteral("ana"));
        QCOMPARE(sink.events[3].kind, EventKind::AlarmShelved);
        QCOMPARE(sink.events[3].text, QStringLiteral("maintenance"));
        QCOMPARE(sink.events[4].kind, EventKind::AlarmCleared);

        // Only the visible raise is annunciated, while the suppressed one is journalled but kept quiet.
        QCOMPARE(annunciated.count(), 1);
        QCOMPARE(annunciated.first().at(0).value<quint64>(), quint64(5));
    }

    void commandsCarryOperator()
    {
        LiveAlarms alarms;
        std::vector<HealthCommand> sent;
        alarms.setCommandSender([&sent](const HealthCommand &command) { sent.push_back(command); });
        alarms.setOperatorName(QStringLiteral("ana"));
        alarms.acknowledge(4);
        alarms.shelve(4, 60'000, QStringLiteral("sensor swap"));
        alarms.unshelve(4);
        alarms.acknowledgeAll();
        QCOMPARE(int(sent.size()), 4);
        QCOMPARE(sent[0].kind, HealthCommand::Kind::Acknowledge);
        QCOMPARE(sent[0].alarmId, std::uint64_t(4));
        QCOMPARE(sent[0].operatorName, std::string("ana"));
        QCOMPARE(sent[1].kind, HealthCommand::Kind::Shelve);
        QCOMPARE(sent[1].durationMs, std::int64_t(60'000));
        QCOMPARE(sent[1].reason, QStringLiteral("sensor swap"));
        QCOMPARE(sent[2].kind, HealthCommand::Kind::Unshelve);
        QCOMPARE(sent[3].kind, HealthCommand::Kind::AcknowledgeAll);
    }

    void commandWithoutSenderFails()
    {
        LiveAlarms alarms;
        QSignalSpy failed(&alarms, &LiveAlarms::commandFailed);
        alarms.acknowledge(1);
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.first().at(0).toString().isEmpty());
    }

    void floodSuspectsAndErrors()
    {
        LiveAlarms alarms;
        QSignalSpy flood(&alarms, &LiveAlarms::floodChanged);
        QSignalSpy suspects(&alarms, &LiveAlarms::suspectsChanged);
        QSignalSpy failed(&alarms, &LiveAlarms::commandFailed);
        TopologyDelta delta;
        FloodSummary summary;
        summary.active = true;
        summary.alarmsInWindow = 12;
        delta.health.flood = summary;
        delta.health.suspects = std::vector<Suspect> { { "servo", 0.9, QStringLiteral("latency rose here first") } };
        delta.health.commandErrors = { QStringLiteral("no alarm 9 in the list") };
        alarms.apply(delta);
        alarms.apply(delta);
        // The same summary and suspects twice change nothing the second time.
        QCOMPARE(flood.count(), 1);
        QCOMPARE(suspects.count(), 1);
        QCOMPARE(failed.count(), 2);
        QVERIFY(alarms.flood().active);
        QCOMPARE(alarms.suspects().front().service, std::string("servo"));

        alarms.clear();
        QVERIFY(alarms.suspects().empty());
        QVERIFY(!alarms.flood().active);
    }
};

QTEST_GUILESS_MAIN(TestLiveAlarms)
#include "tst_livealarms.moc"
