// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "health/rootcause.h"

using namespace faultline;

namespace
{

// A service in a hand-made incident: its worst symptom and when it began.
struct S {
    std::string name;
    HealthCondition condition = HealthCondition::ErrorRate;
    HealthLevel level = HealthLevel::Ok;
    std::int64_t onsetMs = 0;
    double rps = 100;
    double errorRate = 0;
    double p50Ms = 5;
    double p99Ms = 20;
    ServiceMode mode = ServiceMode::Normal;
    bool reportsHealth = true;
    bool baselineKnown = true; // false for a console started during the incident
};

struct E {
    std::string caller;
    std::string callee;
    double rps = 100;
    double errorRate = 0;
    double p50Ms = 5;
    double p99Ms = 20;
    HealthLevel level = HealthLevel::Ok;
    std::int64_t onsetMs = 0;
};

using Services = std::vector<S>;
using Edges = std::vector<E>;

RootCauseInput inputOf(const Services &services, const Edges &edges)
{
    RootCauseInput input;
    input.nowMs = 60'000;
    for (const auto &s : services) {
        ServiceEvidence evidence;
        evidence.name = s.name;
        evidence.reportsHealth = s.reportsHealth;
        evidence.mode = s.mode;
        evidence.rps = s.rps;
        evidence.errorRate = s.errorRate;
        evidence.p50Ms = s.p50Ms;
        evidence.p99Ms = s.p99Ms;
        if (s.baselineKnown)
            evidence.baselineP50Ms = 5;
        if (!s.reportsHealth) {
            evidence.state = ServiceState::Unknown;
        } else if (s.level == HealthLevel::Ok) {
            evidence.state = ServiceState::Ok;
        } else {
            auto &status = evidence.conditions[conditionIndex(s.condition)];
            status.level = s.level;
            status.sinceMs = s.onsetMs;
            status.value = s.condition == HealthCondition::ErrorRate ? s.errorRate
                : s.condition == HealthCondition::Latency            ? s.p99Ms
                                                                     : 4.0;
            evidence.symptomSinceMs = s.onsetMs;
            const bool stale = s.condition == HealthCondition::Heartbeat && s.level == HealthLevel::Critical;
            evidence.state = stale                 ? ServiceState::Stale
                : s.level == HealthLevel::Critical ? ServiceState::Critical
                                                   : ServiceState::Warning;
        }
        input.services.push_back(evidence);
    }
    for (const auto &e : edges) {
        EdgeEvidence evidence;
        evidence.caller = e.caller;
        evidence.callee = e.callee;
        evidence.rps = e.rps;
        evidence.errorRate = e.errorRate;
        evidence.p50Ms = e.p50Ms;
        evidence.p99Ms = e.p99Ms;
        evidence.baselineP50Ms = 5;
        evidence.level = e.level;
        if (e.level != HealthLevel::Ok)
            evidence.symptomSinceMs = e.onsetMs;
        input.edges.push_back(evidence);
    }
    return input;
}

QStringList namesOf(const std::vector<Suspect> &suspects)
{
    QStringList names;
    for (const auto &suspect : suspects)
        names.append(QString::fromStdString(suspect.service));
    return names;
}

constexpr auto Lat = HealthCondition::Latency;
constexpr auto Err = HealthCondition::ErrorRate;
constexpr auto Beat = HealthCondition::Heartbeat;
constexpr auto Sat = HealthCondition::Saturation;
constexpr auto Warn = HealthLevel::Warning;
constexpr auto Crit = HealthLevel::Critical;
constexpr auto Ok = HealthLevel::Ok;

} // namespace

Q_DECLARE_METATYPE(Services)
Q_DECLARE_METATYPE(Edges)

class TestRootCause : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking_data()
    {
        QTest::addColumn<Services>("services");
        QTest::addColumn<Edges>("edges");
        // The services expected at the top, in order, where "*" accepts any service at that rank.
        QTest::addColumn<QStringList>("top");

        QTest::newRow("slow leaf under a chain")
            << Services { { "a", Lat, Warn, 400, 100, 0, 420, 900 }, { "b", Lat, Warn, 200, 100, 0, 410, 800 },
                   { "c", Lat, Warn, 0, 100, 0, 400, 700 } }
            << Edges { { "a", "b", 100, 0, 410, 800, Warn, 200 }, { "b", "c", 100, 0, 400, 700, Warn, 0 } }
            << QStringList { QStringLiteral("c") };

        QTest::newRow("victim more severe than its cause") << Services { { "plc", Err, Crit, 300, 100, 0.55, 400, 420 },
            { "robot", Err, Crit, 0, 100, 0.5, 400, 410 }, { "servo", Lat, Warn, 0, 100, 0, 380, 700 } }
                                                           << Edges { { "plc", "robot", 100, 0.5, 400, 410, Crit, 300 },
                                                                  { "robot", "servo", 100, 0.5, 390, 400, Crit, 0 } }
                                                           << QStringList { QStringLiteral("servo") };

        QTest::newRow("crashed callee before its failed calls are linked")
            << Services { { "caller", Err, Crit, 1500, 100, 0.9, 1000, 1000 }, { "crashed", Beat, Crit, 0, 0, 0, 0, 0 },
                   { "sibling", Lat, Ok } }
            << Edges { { "caller", "sibling" }, { "caller", "crashed", 0, 0, 0, 0, Ok, 0 } }
            << QStringList { QStringLiteral("crashed"), QStringLiteral("caller") };

        QTest::newRow("crashed callee with its failed calls linked")
            << Services { { "caller", Err, Crit, 1500, 100, 0.9, 1000, 1000 },
                   { "crashed", Beat, Crit, 0, 0, 0, 0, 0 } }
            << Edges { { "caller", "crashed", 100, 1.0, 1000, 1000, Crit, 1200 } }
            << QStringList { QStringLiteral("crashed") };

        QTest::newRow("cycle with the cause inside")
            << Services { { "a", Lat, Warn, 500, 100, 0, 410, 800 }, { "b", Lat, Warn, 0, 100, 0, 400, 700 } }
            << Edges { { "a", "b", 100, 0, 400, 700, Warn, 0 }, { "b", "a", 1, 0, 5, 20, Ok, 0 } }
            << QStringList { QStringLiteral("b") };

        QTest::newRow("three-service cycle all abnormal still ranks") << Services {
            { "a", Err, Crit, 0, 100, 0.5 }, { "b", Err, Warn, 300, 100, 0.1 }, { "c", Err, Warn, 600, 100, 0.1 }
        } << Edges { { "a", "b" }, { "b", "c" }, { "c", "a" } } << QStringList { QStringLiteral("a") };

        QTest::newRow("two independent faults")
            << Services { { "x", Err, Crit, 0, 100, 0.6 }, { "y", Err, Crit, 0, 100, 0.6 },
                   { "px", Err, Crit, 300, 100, 0.6 }, { "py", Err, Crit, 300, 100, 0.6 } }
            << Edges { { "px", "x", 100, 0.6, 5, 20, Crit, 0 }, { "py", "y", 100, 0.6, 5, 20, Crit, 0 } }
            << QStringList { QStringLiteral("*"), QStringLiteral("*") };

        QTest::newRow("own errors above a slow callee")
            << Services { { "top", Err, Crit, 0, 100, 0.7, 410, 800 }, { "leaf", Lat, Warn, 0, 100, 0, 400, 700 } }
            << Edges { { "top", "leaf", 40, 0, 400, 700, Warn, 0 } }
            << QStringList { QStringLiteral("*"), QStringLiteral("*") };

        QTest::newRow("uninstrumented database whose calls fail")
            << Services { { "app", Err, Crit, 0, 100, 0.8, 30, 60 },
                   { "mysql", Err, Ok, 0, 0, 0, 0, 0, ServiceMode::Normal, false } }
            << Edges { { "app", "mysql", 100, 0.8, 30, 60, Crit, 0 } } << QStringList { QStringLiteral("mysql") };

        // A console started after the crash never heard the callee, and its failed calls are linked seconds
        // after the callers' own errors and load were seen.
        QTest::newRow("callee down before the console started")
            << Services { { "plc", Err, Crit, 0, 100, 1.0, 500, 520, ServiceMode::Normal, true, false },
                   { "robot", Sat, Crit, 0, 100, 1.0, 470, 480, ServiceMode::Normal, true, false },
                   { "servo", Err, Ok, 0, 0, 0, 0, 0, ServiceMode::Normal, false, false } }
            << Edges { { "plc", "robot", 100, 1.0, 470, 480, Crit, 0 }, { "plc", "servo", 200, 1.0, 500, 500, Crit, 6000 },
                   { "robot", "servo", 100, 1.0, 400, 400, Crit, 6000 } }
            << QStringList { QStringLiteral("servo") };

        QTest::newRow("overloaded service above healthy callees")
            << Services { { "api", Lat, Warn, 800, 100, 0, 300, 900 }, { "queue", Sat, Crit, 0, 100, 0, 250, 800 },
                   { "store", Lat, Ok } }
            << Edges { { "api", "queue", 100, 0, 250, 800, Warn, 800 }, { "queue", "store", 100, 0, 5, 20, Ok, 0 } }
            << QStringList { QStringLiteral("queue") };
    }

    void ranking()
    {
        QFETCH(Services, services);
        QFETCH(Edges, edges);
        QFETCH(QStringList, top);

        const auto suspects = rankRootCauses(inputOf(services, edges));
        const auto names = namesOf(suspects);
        QVERIFY2(names.size() >= top.size(), qPrintable(names.join(QLatin1Char(','))));
        for (qsizetype i = 0; i < top.size(); ++i) {
            if (top[i] != QLatin1String("*"))
                QVERIFY2(names[i] == top[i],
                    qPrintable(QStringLiteral("rank %1: %2").arg(i + 1).arg(names.join(QLatin1Char(',')))));
        }
        for (const auto &suspect : suspects) {
            QVERIFY(suspect.score > 0 && suspect.score <= 1);
            QVERIFY(!suspect.reason.isEmpty());
        }
        for (std::size_t i = 1; i < suspects.size(); ++i)
            QVERIFY(suspects[i - 1].score >= suspects[i].score);
    }

    void bothFaultsRankAboveVictims()
    {
        const auto suspects
            = rankRootCauses(inputOf({ { "x", Err, Crit, 0, 100, 0.6 }, { "y", Err, Crit, 0, 100, 0.6 },
                                         { "px", Err, Crit, 300, 100, 0.6 }, { "py", Err, Crit, 300, 100, 0.6 } },
                { { "px", "x", 100, 0.6, 5, 20, Crit, 0 }, { "py", "y", 100, 0.6, 5, 20, Crit, 0 } }));
        const auto names = namesOf(suspects).mid(0, 2);
        QVERIFY2(names.contains(QStringLiteral("x")) && names.contains(QStringLiteral("y")),
            qPrintable(names.join(QLatin1Char(','))));
    }

    void sheddingIsNotBlamedForRejections()
    {
        const auto suspects = rankRootCauses(inputOf(
            { { "caller", Err, Warn, 0, 100, 0.3 }, { "shedder", Err, Ok, 0, 60, 0, 5, 20, ServiceMode::Shedding } },
            { { "caller", "shedder", 100, 0.4, 1, 5, Crit, 0 } }));
        QVERIFY(!namesOf(suspects).contains(QStringLiteral("shedder")));
    }

    void nothingWrongGivesNoSuspects()
    {
        QVERIFY(rankRootCauses(inputOf({ { "a" }, { "b" } }, { { "a", "b" } })).empty());
        QVERIFY(rankRootCauses({}).empty());
    }

    void reasonExplainsTheRanking()
    {
        const auto suspects = rankRootCauses(
            inputOf({ { "a", Lat, Warn, 400, 100, 0, 420, 900 }, { "b", Lat, Warn, 200, 100, 0, 410, 800 },
                        { "c", Lat, Warn, 0, 100, 0, 400, 700 } },
                { { "a", "b", 100, 0, 410, 800, Warn, 200 }, { "b", "c", 100, 0, 400, 700, Warn, 0 } }));
        QVERIFY(!suspects.empty());
        const auto &reason = suspects.front().reason;
        QVERIFY2(reason.contains(QLatin1String("latency rose here first")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("it calls no other service")), qPrintable(reason));
        QVERIFY2(reason.contains(QLatin1String("2 callers degraded")), qPrintable(reason));
    }

    void largeGraphStaysBounded()
    {
        // A thousand services in one long cycle, each failing: the walk must end and rank at most five.
        Services services;
        Edges edges;
        for (int i = 0; i < 1000; ++i) {
            services.push_back({ "s" + std::to_string(i), Err, Warn, i * 10, 100, 0.1 });
            edges.push_back({ "s" + std::to_string(i), "s" + std::to_string((i + 1) % 1000) });
        }
        const auto suspects = rankRootCauses(inputOf(services, edges));
        QCOMPARE(int(suspects.size()), 5);
    }
};

QTEST_GUILESS_MAIN(TestRootCause)
#include "tst_rootcause.moc"
