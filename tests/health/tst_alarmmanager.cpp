// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "health/alarmmanager.h"

using namespace faultline;

namespace
{

using Edges = std::vector<std::pair<std::string, std::string>>;

ImpactGraph graphOf(const Edges &edges, const std::map<std::string, Criticality> &criticality = {})
{
    ImpactGraph graph;
    for (const auto &[caller, callee] : edges)
        graph.addEdge(caller, callee);
    for (const auto &[service, value] : criticality)
        graph.setCriticality(service, value);
    return graph;
}

AlarmCondition condition(const std::string &service, HealthLevel level = HealthLevel::Warning,
    HealthCondition kind = HealthCondition::ErrorRate)
{
    return { service, kind, level, level == HealthLevel::Critical ? 0.5 : 0.1,
        level == HealthLevel::Critical ? 0.2 : 0.05 };
}

// An alarm manager on a clock the test moves by hand.
struct Harness {
    std::int64_t nowMs = 0;
    AlarmManager manager;
    ImpactGraph graph;

    explicit Harness(ImpactGraph g = {}, AlarmManager::Options options = {})
        : manager([this] { return nowMs; }, options)
        , graph(std::move(g))
    {
    }

    void at(std::int64_t ms, const std::vector<AlarmCondition> &active)
    {
        nowMs = ms;
        manager.update(active, graph);
    }

    const Alarm *alarmOn(const std::string &service, HealthCondition kind = HealthCondition::ErrorRate) const
    {
        for (const auto &alarm : manager.alarms()) {
            if (alarm.service == service && alarm.condition == kind)
                return &alarmsCache.emplace_back(alarm);
        }
        return nullptr;
    }

    mutable std::deque<Alarm> alarmsCache;
};

} // namespace

class TestAlarmManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each script step happens one second after the previous one: raise (warning), critical, clear, ack.
    void stateMachine_data()
    {
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<AlarmState>("expected");
        QTest::addColumn<bool>("listed");

        QTest::newRow("raised is unacknowledged")
            << QStringList { QStringLiteral("raise") } << AlarmState::Unacknowledged << true;
        QTest::newRow("acknowledged while active")
            << QStringList { QStringLiteral("raise"), QStringLiteral("ack") } << AlarmState::Acknowledged << true;
        QTest::newRow("cleared before acknowledgement")
            << QStringList { QStringLiteral("raise"), QStringLiteral("clear") } << AlarmState::ReturnedUnacknowledged
            << true;
        QTest::newRow("cleared after acknowledgement leaves the list")
            << QStringList { QStringLiteral("raise"), QStringLiteral("ack"), QStringLiteral("clear") }
            << AlarmState::Normal << false;
        QTest::newRow("acknowledged after clearing leaves the list")
            << QStringList { QStringLiteral("raise"), QStringLiteral("clear"), QStringLiteral("ack") }
            << AlarmState::Normal << false;
        QTest::newRow("escalation needs a new acknowledgement")
            << QStringList { QStringLiteral("raise"), QStringLiteral("ack"), QStringLiteral("critical") }
            << AlarmState::Unacknowledged << true;
        QTest::newRow("de-escalation keeps the acknowledgement")
            << QStringList { QStringLiteral("critical"), QStringLiteral("ack"), QStringLiteral("raise") }
            << AlarmState::Acknowledged << true;
        QTest::newRow("raised again after clearing is unacknowledged") << QStringList { QStringLiteral("raise"),
            QStringLiteral("ack"), QStringLiteral("clear"), QStringLiteral("raise") }
                                                                       << AlarmState::Unacknowledged << true;
    }

    void stateMachine()
    {
        QFETCH(QStringList, script);
        QFETCH(AlarmState, expected);
        QFETCH(bool, listed);

        Harness h;
        std::vector<AlarmCondition> active;
        std::int64_t t = 0;
        std::uint64_t id = 0;
        for (const auto &step : script) {
            t += 1000;
            if (step == QLatin1String("raise"))
                active = { condition("a") };
            else if (step == QLatin1String("critical"))
                active = { condition("a", HealthLevel::Critical) };
            else if (step == QLatin1String("clear"))
                active.clear();
            h.nowMs = t;
            if (step == QLatin1String("ack"))
                QVERIFY(!h.manager.acknowledge(id, "operator"));
            else
                h.at(t, active);
            if (!h.manager.alarms().empty())
                id = h.manager.alarms().front().id;
        }
        const auto *alarm = h.manager.find(id);
        QVERIFY(alarm);
        QCOMPARE(alarm->state, expected);
        QCOMPARE(!h.manager.alarms().empty(), listed);
    }

    void repeatsRaiseCount()
    {
        AlarmManager::Options options;
        options.repeatWindowMs = 60'000;
        Harness h({}, options);
        h.at(0, { condition("a") });
        const auto id = h.manager.alarms().front().id;
        h.at(1000, {});
        h.at(2000, { condition("a") });
        QCOMPARE(int(h.manager.alarms().size()), 1);
        QCOMPARE(h.manager.alarms().front().id, id);
        QCOMPARE(h.manager.alarms().front().count, 2);

        // Acknowledged and cleared, it leaves the list but a repeat within the window revives the same row.
        QVERIFY(!h.manager.acknowledge(id, "op"));
        h.at(3000, {});
        QVERIFY(h.manager.alarms().empty());
        h.at(20'000, { condition("a") });
        QCOMPARE(h.manager.alarms().front().id, id);
        QCOMPARE(h.manager.alarms().front().count, 3);

        // Past the window the row is forgotten and a new one starts.
        QVERIFY(!h.manager.acknowledge(id, "op"));
        h.at(21'000, {});
        h.at(21'000 + 60'000, {});
        QVERIFY(!h.manager.find(id));
        h.at(90'000, { condition("a") });
        QVERIFY(h.manager.alarms().front().id != id);
        QCOMPARE(h.manager.alarms().front().count, 1);
    }

    void duplicateInputKeepsHighestLevel()
    {
        Harness h;
        h.at(0, { condition("a"), condition("a", HealthLevel::Critical), condition("a") });
        QCOMPARE(int(h.manager.alarms().size()), 1);
        QCOMPARE(h.manager.alarms().front().level, HealthLevel::Critical);
    }

    void shelvingExpiry_data()
    {
        QTest::addColumn<bool>("activeAtExpiry");
        QTest::addColumn<qint64>("checkAfterMs");
        QTest::addColumn<AlarmState>("expected");
        QTest::newRow("still shelved one ms before expiry") << true << qint64(59'999) << AlarmState::Shelved;
        QTest::newRow("active at expiry is announced again") << true << qint64(60'000) << AlarmState::Unacknowledged;
        QTest::newRow("cleared at expiry returns to normal") << false << qint64(60'000) << AlarmState::Normal;
        QTest::newRow("cleared but still shelved") << false << qint64(30'000) << AlarmState::Shelved;
    }

    void shelvingExpiry()
    {
        QFETCH(bool, activeAtExpiry);
        QFETCH(qint64, checkAfterMs);
        QFETCH(AlarmState, expected);

        Harness h;
        h.at(0, { condition("a") });
        const auto id = h.manager.alarms().front().id;
        QVERIFY(!h.manager.acknowledge(id, "op"));
        QVERIFY(!h.manager.shelve(id, 60'000, "op", QStringLiteral("maintenance")));
        QCOMPARE(h.manager.find(id)->state, AlarmState::Shelved);
        h.at(1000, activeAtExpiry ? std::vector { condition("a") } : std::vector<AlarmCondition> {});
        h.at(checkAfterMs, activeAtExpiry ? std::vector { condition("a") } : std::vector<AlarmCondition> {});
        QCOMPARE(h.manager.find(id)->state, expected);
    }

    void shelveRejectsBadRequests_data()
    {
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<bool>("knownId");
        QTest::newRow("zero duration") << qint64(0) << true;
        QTest::newRow("negative duration") << qint64(-5) << true;
        QTest::newRow("longer than eight hours") << qint64(8 * 3'600'000 + 1) << true;
        QTest::newRow("unknown alarm") << qint64(1000) << false;
    }

    void shelveRejectsBadRequests()
    {
        QFETCH(qint64, durationMs);
        QFETCH(bool, knownId);
        Harness h;
        h.at(0, { condition("a") });
        const auto id = h.manager.alarms().front().id;
        const auto error = h.manager.shelve(knownId ? id : id + 100, durationMs, "op");
        QVERIFY(error);
        QVERIFY(!error->message.isEmpty());
        QCOMPARE(h.manager.find(id)->state, AlarmState::Unacknowledged);
    }

    void unshelveEarly()
    {
        Harness h;
        h.at(0, { condition("a") });
        const auto id = h.manager.alarms().front().id;
        QVERIFY(h.manager.unshelve(id, "op"));
        QVERIFY(!h.manager.shelve(id, 60'000, "op"));
        QVERIFY(!h.manager.unshelve(id, "op"));
        QCOMPARE(h.manager.find(id)->state, AlarmState::Unacknowledged);
    }

    void acknowledgeUnknownFails()
    {
        Harness h;
        QVERIFY(h.manager.acknowledge(42, "op"));
        h.at(0, { condition("a"), condition("b") });
        QCOMPARE(h.manager.acknowledgeAll("op"), 2);
        for (const auto &alarm : h.manager.alarms())
            QCOMPARE(alarm.acknowledgedBy, std::string("op"));
    }

    void suppression_data()
    {
        QTest::addColumn<Edges>("edges");
        // Alarms raised in this order, one second apart.
        QTest::addColumn<QStringList>("raised");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("suppressedBy");

        const Edges chain = { { "a", "b" }, { "b", "c" } };
        QTest::newRow("caller of an alarming callee is suppressed")
            << chain << QStringList { QStringLiteral("c"), QStringLiteral("a") } << QStringLiteral("a")
            << QStringLiteral("c");
        QTest::newRow("the cause itself is not suppressed")
            << chain << QStringList { QStringLiteral("c"), QStringLiteral("a") } << QStringLiteral("c") << QString();
        QTest::newRow("callee alarming later still suppresses")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("c") } << QStringLiteral("a")
            << QStringLiteral("c");
        QTest::newRow("the deepest alarm is named even through a suppressed one")
            << chain << QStringList { QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a") }
            << QStringLiteral("a") << QStringLiteral("c");
        QTest::newRow("a callee never suppressed by its caller")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("b") } << QStringLiteral("b") << QString();
        QTest::newRow("unrelated service is not suppressed")
            << Edges { { "a", "b" }, { "x", "y" } } << QStringList { QStringLiteral("b"), QStringLiteral("x") }
            << QStringLiteral("x") << QString();
        QTest::newRow("in a cycle the first raised is the cause")
            << Edges { { "a", "b" }, { "b", "a" } } << QStringList { QStringLiteral("b"), QStringLiteral("a") }
            << QStringLiteral("a") << QStringLiteral("b");
        QTest::newRow("in a cycle the first raised stays visible")
            << Edges { { "a", "b" }, { "b", "a" } } << QStringList { QStringLiteral("b"), QStringLiteral("a") }
            << QStringLiteral("b") << QString();
        QTest::newRow("a self call does not suppress")
            << Edges { { "a", "a" } } << QStringList { QStringLiteral("a") } << QStringLiteral("a") << QString();
    }

    void suppression()
    {
        QFETCH(Edges, edges);
        QFETCH(QStringList, raised);
        QFETCH(QString, service);
        QFETCH(QString, suppressedBy);

        Harness h(graphOf(edges));
        std::vector<AlarmCondition> active;
        std::int64_t t = 0;
        for (const auto &name : raised) {
            active.push_back(condition(name.toStdString()));
            h.at(t += 1000, active);
        }
        const auto *alarm = h.alarmOn(service.toStdString());
        QVERIFY(alarm);
        QCOMPARE(QString::fromStdString(alarm->suppressedBy), suppressedBy);
        QCOMPARE(alarm->state, suppressedBy.isEmpty() ? AlarmState::Unacknowledged : AlarmState::Suppressed);
    }

    void suppressionLiftsWhenCauseClears()
    {
        Harness h(graphOf({ { "a", "b" } }));
        h.at(0, { condition("b"), condition("a") });
        QCOMPARE(h.alarmOn("a")->state, AlarmState::Suppressed);
        h.at(1000, { condition("a") });
        QCOMPARE(h.alarmOn("a")->state, AlarmState::Unacknowledged);
        QVERIFY(h.alarmOn("a")->suppressedBy.empty());
    }

    void suppressedThroughoutNeedsNoAcknowledgement()
    {
        Harness h(graphOf({ { "a", "b" } }));
        h.at(0, { condition("b"), condition("a") });
        h.at(1000, { condition("b") });
        // The operator never saw it, so it leaves without an acknowledgement.
        QVERIFY(!h.alarmOn("a"));
        QCOMPARE(int(h.manager.alarms().size()), 1);
    }

    void firstOut_data()
    {
        QTest::addColumn<Edges>("edges");
        QTest::addColumn<QStringList>("services");
        QTest::addColumn<QList<qint64>>("timesMs");
        QTest::addColumn<QString>("firstOut");

        const Edges chain = { { "a", "b" }, { "b", "c" } };
        QTest::newRow("single alarm is first out")
            << chain << QStringList { QStringLiteral("a") } << QList<qint64> { 0 } << QStringLiteral("a");
        QTest::newRow("earlier by more than the window wins")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("c") } << QList<qint64> { 0, 1500 }
            << QStringLiteral("a");
        QTest::newRow("callee within the window takes over")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("c") } << QList<qint64> { 0, 800 }
            << QStringLiteral("c");
        QTest::newRow("callee exactly at the window takes over")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("c") } << QList<qint64> { 0, 1000 }
            << QStringLiteral("c");
        QTest::newRow("simultaneous raise opens with the deepest")
            << chain << QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }
            << QList<qint64> { 0, 0, 0 } << QStringLiteral("c");
        QTest::newRow("caller after the callee does not take over")
            << chain << QStringList { QStringLiteral("c"), QStringLiteral("a") } << QList<qint64> { 0, 500 }
            << QStringLiteral("c");
        QTest::newRow("cycle keeps the first raised")
            << Edges { { "a", "b" }, { "b", "a" } } << QStringList { QStringLiteral("a"), QStringLiteral("b") }
            << QList<qint64> { 0, 200 } << QStringLiteral("a");
    }

    void firstOut()
    {
        QFETCH(Edges, edges);
        QFETCH(QStringList, services);
        QFETCH(QList<qint64>, timesMs);
        QFETCH(QString, firstOut);

        Harness h(graphOf(edges));
        std::vector<AlarmCondition> active;
        for (qsizetype i = 0; i < services.size(); ++i) {
            active.push_back(condition(services[i].toStdString()));
            if (i + 1 == services.size() || timesMs[i + 1] != timesMs[i])
                h.at(timesMs[i], active);
        }
        QStringList marked;
        for (const auto &alarm : h.manager.alarms()) {
            if (alarm.firstOut)
                marked.append(QString::fromStdString(alarm.service));
        }
        QCOMPARE(marked, QStringList { firstOut });
        // Every alarm of the cascade shares the cascade id of the alarm that opened it.
        const auto cascade = h.manager.alarms().front().cascadeId;
        for (const auto &alarm : h.manager.alarms())
            QCOMPARE(alarm.cascadeId, cascade);
    }

    void newCascadeAfterAllClear()
    {
        Harness h(graphOf({ { "a", "b" } }));
        h.at(0, { condition("b"), condition("a") });
        h.at(1000, {});
        for (const auto &alarm : h.manager.alarms())
            QVERIFY(!h.manager.acknowledge(alarm.id, "op"));
        h.at(100'000, { condition("a") });
        QVERIFY(h.alarmOn("a")->firstOut);
    }

    void flood_data()
    {
        QTest::addColumn<int>("alarms");
        QTest::addColumn<qint64>("spacingMs");
        QTest::addColumn<bool>("flood");
        QTest::newRow("ten in a minute is no flood") << 10 << qint64(6000) << false;
        QTest::newRow("eleven in a minute is a flood") << 11 << qint64(6000) << true;
        QTest::newRow("eleven just inside ten minutes") << 11 << qint64(59'999) << true;
        QTest::newRow("eleven spread over more than ten minutes") << 11 << qint64(60'000) << false;
        QTest::newRow("a thousand at once") << 1000 << qint64(0) << true;
    }

    void flood()
    {
        QFETCH(int, alarms);
        QFETCH(qint64, spacingMs);
        QFETCH(bool, flood);

        Harness h;
        std::vector<AlarmCondition> active;
        for (int i = 0; i < alarms; ++i) {
            active.push_back(
                condition("s" + std::to_string(i), i % 3 == 0 ? HealthLevel::Critical : HealthLevel::Warning));
            if (spacingMs > 0 || i + 1 == alarms)
                h.at(i * spacingMs, active);
        }
        const auto &summary = h.manager.flood();
        QCOMPARE(summary.active, flood);
        if (flood) {
            QVERIFY(summary.alarmsInWindow > 10);
            QVERIFY(!floodSummaryText(summary).isEmpty());
            QVERIFY(summary.topServices.size() <= 5);
        } else {
            QVERIFY(floodSummaryText(summary).isEmpty());
        }
    }

    void floodEndsAndIgnoresSuppressed()
    {
        Harness h(graphOf({ { "a0", "root" }, { "a1", "root" }, { "a2", "root" }, { "a3", "root" }, { "a4", "root" },
            { "a5", "root" }, { "a6", "root" }, { "a7", "root" }, { "a8", "root" }, { "a9", "root" }, { "a10", "root" },
            { "a11", "root" } }));
        std::vector<AlarmCondition> active = { condition("root") };
        for (int i = 0; i < 12; ++i)
            active.push_back(condition("a" + std::to_string(i)));
        h.at(0, active);
        // Twelve callers are hidden behind their cause, so one annunciation is no flood.
        QVERIFY(!h.manager.flood().active);
        QCOMPARE(h.manager.flood().suppressed, 12);
        QCOMPARE(h.manager.flood().firstOutServices, std::vector<std::string> { "root" });

        std::vector<AlarmCondition> loose;
        for (int i = 0; i < 11; ++i)
            loose.push_back(condition("x" + std::to_string(i)));
        h.at(1000, loose);
        QVERIFY(h.manager.flood().active);
        QCOMPARE(h.manager.flood().sinceMs, std::int64_t(1000));
        h.at(1000 + 600'000, loose);
        QVERIFY(!h.manager.flood().active);
    }

    void priorityFollowsImpact_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<HealthLevel>("level");
        QTest::addColumn<AlarmPriority>("expected");
        QTest::newRow("minor leaf that starves a core caller")
            << QStringLiteral("cache") << HealthLevel::Critical << AlarmPriority::Urgent;
        QTest::newRow("isolated minor leaf")
            << QStringLiteral("report") << HealthLevel::Critical << AlarmPriority::Medium;
        QTest::newRow("isolated minor leaf warning")
            << QStringLiteral("report") << HealthLevel::Warning << AlarmPriority::Low;
        QTest::newRow("minor under an important caller")
            << QStringLiteral("log") << HealthLevel::Warning << AlarmPriority::Medium;
        QTest::newRow("core itself at warning")
            << QStringLiteral("line") << HealthLevel::Warning << AlarmPriority::High;
    }

    void priorityFollowsImpact()
    {
        QFETCH(QString, service);
        QFETCH(HealthLevel, level);
        QFETCH(AlarmPriority, expected);
        Harness h(graphOf({ { "line", "plc" }, { "plc", "cache" }, { "ui", "log" } },
            { { "line", Criticality::Core }, { "plc", Criticality::Important }, { "cache", Criticality::Minor },
                { "ui", Criticality::Important }, { "log", Criticality::Minor }, { "report", Criticality::Minor } }));
        h.at(0, { condition(service.toStdString(), level) });
        QCOMPARE(h.manager.alarms().front().priority, expected);
    }

    void listSortedByPriorityThenNewest()
    {
        Harness h(graphOf({ { "line", "cache" } },
            { { "line", Criticality::Core }, { "cache", Criticality::Minor }, { "report", Criticality::Minor },
                { "other", Criticality::Minor } }));
        h.at(0, { condition("report", HealthLevel::Critical) });
        h.at(1000, { condition("report", HealthLevel::Critical), condition("other", HealthLevel::Critical) });
        h.at(2000,
            { condition("report", HealthLevel::Critical), condition("other", HealthLevel::Critical),
                condition("cache", HealthLevel::Critical) });
        const auto list = h.manager.alarms();
        QCOMPARE(int(list.size()), 3);
        QCOMPARE(list[0].service, std::string("cache"));
        QCOMPARE(list[1].service, std::string("other"));
        QCOMPARE(list[2].service, std::string("report"));
    }

    void changesAreTakenOnce()
    {
        Harness h;
        h.at(0, { condition("a") });
        HealthDelta first;
        h.manager.takeChanges(first);
        QCOMPARE(int(first.alarms.size()), 1);
        QCOMPARE(int(first.events.size()), 1);
        QCOMPARE(first.events.front().kind, AlarmEventKind::Raised);
        QVERIFY(first.flood);

        HealthDelta second;
        h.at(100, { condition("a") });
        h.manager.takeChanges(second);
        QVERIFY(second.empty());

        const auto id = first.alarms.front().id;
        QVERIFY(!h.manager.acknowledge(id, "op"));
        h.at(200, {});
        HealthDelta third;
        h.manager.takeChanges(third);
        QCOMPARE(third.removedAlarms, std::vector<std::uint64_t> { id });
        QCOMPARE(int(third.events.size()), 2);
        QCOMPARE(third.events[0].kind, AlarmEventKind::Acknowledged);
        QCOMPARE(third.events[0].operatorName, std::string("op"));
        QCOMPARE(third.events[1].kind, AlarmEventKind::Cleared);
    }

    void alarmTextNamesValueAndThreshold()
    {
        Alarm alarm;
        alarm.condition = HealthCondition::Latency;
        alarm.level = HealthLevel::Warning;
        alarm.value = 742;
        alarm.threshold = 500;
        QCOMPARE(alarmText(alarm), QStringLiteral("p99 latency 742 ms (warning at 500 ms)"));
        alarm.condition = HealthCondition::ErrorRate;
        alarm.level = HealthLevel::Critical;
        alarm.value = 0.61;
        alarm.threshold = 0.2;
        QCOMPARE(alarmText(alarm), QStringLiteral("error rate 61 % (critical at 20 %)"));
    }
};

QTEST_GUILESS_MAIN(TestAlarmManager)
#include "tst_alarmmanager.moc"
