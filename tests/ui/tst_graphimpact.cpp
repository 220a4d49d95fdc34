// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "graphfilter.h"
#include "graphimpact.h"

using faultline::Criticality;
using faultline::GraphFilter;
using faultline::GraphImpact;
using faultline::GraphLayout;
using faultline::ServiceSnapshot;
using faultline::ServiceState;

namespace
{

using Names = QSet<QString>;

GraphImpact graph(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    std::vector<GraphLayout::Edge> edges;
    for (const auto &[caller, callee] : pairs)
        edges.push_back({ QString::fromLatin1(caller), QString::fromLatin1(callee) });
    return GraphImpact({}, edges);
}

Names names(const QString &commaSeparated)
{
    Names result;
    for (const QString &name : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
        result.insert(name);
    return result;
}

// gateway -> orders -> stock -> db; orders -> payment -> bank; audit -> orders; stock -> orders closes a cycle.
GraphImpact plant()
{
    return graph({ { "gateway", "orders" }, { "orders", "stock" }, { "stock", "db" }, { "orders", "payment" },
        { "payment", "bank" }, { "audit", "orders" }, { "stock", "orders" } });
}

} // namespace

class TestGraphImpact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void impactSets_data();
    void impactSets();
    void unionOfFailingServices();
    void neighbourhoodDepth_data();
    void neighbourhoodDepth();
    void largeChainHasNoRecursionLimit();
    void filterAccepts_data();
    void filterAccepts();
};

void TestGraphImpact::impactSets_data()
{
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("callers");
    QTest::addColumn<QString>("callees");

    QTest::newRow("leaf database suffers no one below") << "db"
                                                        << "stock,orders,gateway,audit"
                                                        << "";
    QTest::newRow("entry point has no callers") << "gateway"
                                                << ""
                                                << "orders,stock,db,payment,bank";
    QTest::newRow("service on a cycle lands on both sides") << "stock"
                                                            << "orders,gateway,audit"
                                                            << "orders,db,payment,bank";
    QTest::newRow("middle service") << "payment"
                                    << "orders,gateway,audit,stock"
                                    << "bank";
    QTest::newRow("unknown service") << "nowhere"
                                     << ""
                                     << "";
}

void TestGraphImpact::impactSets()
{
    QFETCH(QString, service);
    QFETCH(QString, callers);
    QFETCH(QString, callees);

    const auto sets = plant().impactOf(service);
    QCOMPARE(sets.callers, names(callers));
    QCOMPARE(sets.callees, names(callees));
    QVERIFY(!sets.callers.contains(service));
    QVERIFY(!sets.callees.contains(service));
}

void TestGraphImpact::unionOfFailingServices()
{
    const auto sets = plant().impactOf(QStringList { QStringLiteral("db"), QStringLiteral("bank") });
    QCOMPARE(sets.callers, names(QStringLiteral("stock,orders,gateway,audit,payment")));
    QCOMPARE(sets.callees, Names {});

    // Self-calls and duplicate edges change nothing.
    const auto noisy = graph({ { "a", "a" }, { "a", "b" }, { "a", "b" } }).impactOf(QStringLiteral("a"));
    QCOMPARE(noisy.callers, Names {});
    QCOMPARE(noisy.callees, names(QStringLiteral("b")));
}

void TestGraphImpact::neighbourhoodDepth_data()
{
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("callers");
    QTest::addColumn<QString>("callees");

    QTest::newRow("depth 0 shows nothing") << 0 << ""
                                           << "";
    QTest::newRow("shortcut caller counts as one hop") << 1 << "c1,c2"
                                                       << "d2";
    QTest::newRow("two hops each way") << 2 << "c0,c1,c2"
                                       << "d2,d3";
    QTest::newRow("five hops go round the cycle") << 5 << "c0,c1,c2,d2,d3,d4"
                                                  << "c0,c1,d2,d3,d4";
}

void TestGraphImpact::neighbourhoodDepth()
{
    QFETCH(int, depth);
    QFETCH(QString, callers);
    QFETCH(QString, callees);

    // c0 -> c1 -> c2 -> x -> d2 -> d3 -> d4 -> c0, a cycle through x, with a shortcut c1 -> x.
    const auto chain = graph({ { "c0", "c1" }, { "c1", "c2" }, { "c2", "x" }, { "x", "d2" }, { "d2", "d3" },
        { "d3", "d4" }, { "c1", "x" }, { "d4", "c0" } });
    const auto sets = chain.neighbourhood(QStringLiteral("x"), depth);
    QCOMPARE(sets.callers, names(callers));
    QCOMPARE(sets.callees, names(callees));
}

void TestGraphImpact::largeChainHasNoRecursionLimit()
{
    // A walk that recursed would overflow the stack on a chain this long.
    std::vector<GraphLayout::Edge> edges;
    const int length = 200000;
    for (int i = 0; i < length; ++i)
        edges.push_back({ QString::number(i), QString::number(i + 1) });
    edges.push_back({ QString::number(length), QString::number(0) });
    const GraphImpact chain({}, edges);
    const auto sets = chain.impactOf(QStringLiteral("0"));
    QCOMPARE(sets.callers.size(), length);
    QCOMPARE(sets.callees.size(), length);
}

void TestGraphImpact::filterAccepts_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("criticalOnly");
    QTest::addColumn<bool>("coreOnly");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("criticality");
    QTest::addColumn<bool>("accepted");

    const int critical = int(ServiceState::Critical);
    const int ok = int(ServiceState::Ok);
    const int core = int(Criticality::Core);
    const int minor = int(Criticality::Minor);
    const int unknown = -1;
    QTest::newRow("empty filter accepts all") << "" << false << false << "robot-arm" << ok << minor << true;
    QTest::newRow("plain text matches inside") << "arm" << false << false << "robot-arm-2" << ok << minor << true;
    QTest::newRow("plain text is case-insensitive") << "ARM" << false << false << "robot-arm" << ok << minor << true;
    QTest::newRow("wildcard anchored at start")
        << "robot-*" << false << false << "my-robot-arm" << ok << minor << false;
    QTest::newRow("wildcard crosses slashes")
        << "plant*arm" << false << false << "plant/line-1/arm" << ok << minor << true;
    QTest::newRow("regex characters are literal") << "a.c" << false << false << "abc" << ok << minor << false;
    QTest::newRow("state filter rejects ok") << "" << true << false << "x" << ok << minor << false;
    QTest::newRow("state filter keeps critical") << "" << true << false << "x" << critical << minor << true;
    QTest::newRow("core filter rejects minor") << "" << false << true << "x" << ok << minor << false;
    QTest::newRow("core filter rejects unstated criticality") << "" << false << true << "x" << ok << unknown << false;
    QTest::newRow("all parts must pass") << "x*" << true << true << "xy" << critical << core << true;
}

void TestGraphImpact::filterAccepts()
{
    QFETCH(QString, pattern);
    QFETCH(bool, criticalOnly);
    QFETCH(bool, coreOnly);
    QFETCH(QString, name);
    QFETCH(int, state);
    QFETCH(int, criticality);
    QFETCH(bool, accepted);

    GraphFilter filter;
    filter.setNamePattern(pattern);
    if (criticalOnly)
        filter.states.insert(ServiceState::Critical);
    if (coreOnly)
        filter.criticalities.insert(Criticality::Core);
    QCOMPARE(filter.isActive(), !pattern.isEmpty() || criticalOnly || coreOnly);

    ServiceSnapshot snapshot;
    snapshot.name = name.toStdString();
    snapshot.state = ServiceState(state);
    snapshot.criticalityKnown = criticality >= 0;
    if (criticality >= 0)
        snapshot.criticality = Criticality(criticality);
    QCOMPARE(filter.accepts(snapshot), accepted);
}

QTEST_GUILESS_MAIN(TestGraphImpact)
#include "tst_graphimpact.moc"
