// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>
#include <random>

#include <QTest>

#include "graphlayout.h"

using faultline::GraphLayout;

namespace
{

using EdgeList = std::vector<GraphLayout::Edge>;

EdgeList edges(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    EdgeList result;
    for (const auto &[caller, callee] : pairs)
        result.push_back({ QString::fromLatin1(caller), QString::fromLatin1(callee) });
    return result;
}

/** The first pair of nodes whose boxes overlap, or an empty string. */
QString firstOverlap(const QHash<QString, QPointF> &positions, const GraphLayout::Spacing &spacing)
{
    const QStringList names = positions.keys();
    for (int i = 0; i < names.size(); ++i) {
        for (int j = i + 1; j < names.size(); ++j) {
            const QPointF a = positions.value(names.at(i));
            const QPointF b = positions.value(names.at(j));
            if (std::abs(a.x() - b.x()) < spacing.nodeWidth && std::abs(a.y() - b.y()) < spacing.nodeHeight)
                return names.at(i) + QStringLiteral(" and ") + names.at(j);
        }
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(EdgeList)

class TestGraphLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layers_data();
    void layers();
    void callersAboveCallees();
    void nodesNeverOverlap_data();
    void nodesNeverOverlap();
    void existingNodesStay_data();
    void existingNodesStay();
    void removedNodesAreDropped();
    void lateEdgeBetweenKeptNodes_data();
    void lateEdgeBetweenKeptNodes();
    void largeRandomGraph();
    void emptyInput();
};

void TestGraphLayout::layers_data()
{
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<EdgeList>("edgeList");
    QTest::addColumn<QList<int>>("expected");

    const QStringList abc { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
    QTest::newRow("chain of three") << abc << edges({ { "a", "b" }, { "b", "c" } }) << QList<int> { 0, 1, 2 };
    QTest::newRow("shortcut keeps the longest path")
        << abc << edges({ { "a", "c" }, { "a", "b" }, { "b", "c" } }) << QList<int> { 0, 1, 2 };
    QTest::newRow("two callers of one callee")
        << abc << edges({ { "a", "c" }, { "b", "c" } }) << QList<int> { 0, 0, 1 };
    QTest::newRow("cycle of two is broken") << abc << edges({ { "a", "b" }, { "b", "a" } }) << QList<int> { 0, 1, 0 };
    QTest::newRow("cycle of three is broken")
        << abc << edges({ { "a", "b" }, { "b", "c" }, { "c", "a" } }) << QList<int> { 0, 1, 2 };
    QTest::newRow("self call is ignored") << abc << edges({ { "b", "b" }, { "a", "b" } }) << QList<int> { 0, 1, 0 };
    QTest::newRow("duplicate edges count once")
        << abc << edges({ { "a", "b" }, { "a", "b" }, { "a", "b" } }) << QList<int> { 0, 1, 0 };
    QTest::newRow("edge to an unknown node is ignored")
        << abc << edges({ { "a", "zz" }, { "zz", "c" } }) << QList<int> { 0, 0, 0 };
    QTest::newRow("no edges") << abc << EdgeList {} << QList<int> { 0, 0, 0 };
}

void TestGraphLayout::layers()
{
    QFETCH(QStringList, nodes);
    QFETCH(EdgeList, edgeList);
    QFETCH(QList<int>, expected);

    const QHash<QString, int> layer = GraphLayout::layers(nodes, edgeList);
    QCOMPARE(layer.size(), nodes.size());
    for (int i = 0; i < nodes.size(); ++i)
        QCOMPARE(layer.value(nodes.at(i), -1), expected.at(i));
}

void TestGraphLayout::callersAboveCallees()
{
    const QStringList nodes { QStringLiteral("hmi"), QStringLiteral("mes"), QStringLiteral("scheduler"),
        QStringLiteral("robot"), QStringLiteral("servo"), QStringLiteral("plc"), QStringLiteral("db"),
        QStringLiteral("analytics") };
    const EdgeList edgeList = edges({ { "hmi", "mes" }, { "mes", "scheduler" }, { "scheduler", "robot" },
        { "robot", "servo" }, { "servo", "plc" }, { "mes", "db" }, { "analytics", "db" }, { "hmi", "plc" } });

    const auto positions = GraphLayout::compute(nodes, edgeList);
    QCOMPARE(positions.size(), nodes.size());
    for (const auto &edge : edgeList) {
        QVERIFY2(positions.value(edge.caller).y() < positions.value(edge.callee).y(),
            qPrintable(edge.caller + QStringLiteral(" is not above ") + edge.callee));
    }
}

void TestGraphLayout::nodesNeverOverlap_data()
{
    QTest::addColumn<int>("fanOut");
    QTest::newRow("one root with 3 callees") << 3;
    QTest::newRow("one root with 40 callees") << 40;
}

void TestGraphLayout::nodesNeverOverlap()
{
    QFETCH(int, fanOut);
    QStringList nodes { QStringLiteral("root") };
    EdgeList edgeList;
    for (int i = 0; i < fanOut; ++i) {
        nodes.append(QStringLiteral("callee-%1").arg(i));
        edgeList.push_back({ QStringLiteral("root"), nodes.last() });
    }

    const GraphLayout::Spacing spacing;
    const auto positions = GraphLayout::compute(nodes, edgeList, {}, spacing);
    QCOMPARE(positions.size(), nodes.size());
    QCOMPARE(firstOverlap(positions, spacing), QString());
}

void TestGraphLayout::existingNodesStay_data()
{
    QTest::addColumn<EdgeList>("added");
    QTest::addColumn<QString>("newNode");

    QTest::newRow("new callee of a leaf") << edges({ { "c", "d" } }) << QStringLiteral("d");
    QTest::newRow("new caller of the root") << edges({ { "d", "a" } }) << QStringLiteral("d");
    QTest::newRow("new service without edges") << EdgeList {} << QStringLiteral("d");
    QTest::newRow("new node that closes a cycle") << edges({ { "c", "d" }, { "d", "a" } }) << QStringLiteral("d");
    QTest::newRow("new callee shared by all")
        << edges({ { "a", "d" }, { "b", "d" }, { "c", "d" } }) << QStringLiteral("d");
}

void TestGraphLayout::existingNodesStay()
{
    QFETCH(EdgeList, added);
    QFETCH(QString, newNode);

    const QStringList before { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
    EdgeList edgeList = edges({ { "a", "b" }, { "b", "c" }, { "a", "c" } });
    const GraphLayout::Spacing spacing;
    const auto first = GraphLayout::compute(before, edgeList, {}, spacing);

    edgeList.insert(edgeList.end(), added.begin(), added.end());
    const auto second = GraphLayout::compute(before + QStringList { newNode }, edgeList, first, spacing);

    for (const QString &name : before)
        QCOMPARE(second.value(name), first.value(name));
    QVERIFY(second.contains(newNode));
    QCOMPARE(firstOverlap(second, spacing), QString());
}

void TestGraphLayout::removedNodesAreDropped()
{
    const auto first = GraphLayout::compute({ QStringLiteral("a"), QStringLiteral("b") }, edges({ { "a", "b" } }));
    const auto second = GraphLayout::compute({ QStringLiteral("a") }, {}, first);

    QCOMPARE(second.size(), 1);
    QCOMPARE(second.value(QStringLiteral("a")), first.value(QStringLiteral("a")));
}

void TestGraphLayout::lateEdgeBetweenKeptNodes_data()
{
    QTest::addColumn<EdgeList>("firstEdges");
    QTest::addColumn<EdgeList>("laterEdges");

    QTest::newRow("edge between two nodes of one row") << EdgeList {} << edges({ { "a", "b" } });
    QTest::newRow("edge from a callee back up to its caller's caller")
        << edges({ { "a", "b" }, { "c", "d" } }) << edges({ { "a", "b" }, { "c", "d" }, { "b", "c" } });
}

void TestGraphLayout::lateEdgeBetweenKeptNodes()
{
    QFETCH(EdgeList, firstEdges);
    QFETCH(EdgeList, laterEdges);

    const QStringList nodes { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") };
    const GraphLayout::Spacing spacing;
    const auto first = GraphLayout::compute(nodes, firstEdges, {}, spacing);
    const auto second = GraphLayout::compute(nodes, laterEdges, first, spacing);

    for (const auto &edge : laterEdges) {
        QVERIFY2(second.value(edge.caller).y() < second.value(edge.callee).y(),
            qPrintable(edge.caller + QStringLiteral(" is not above ") + edge.callee));
    }
    QCOMPARE(firstOverlap(second, spacing), QString());
}

void TestGraphLayout::largeRandomGraph()
{
    // A random graph with cycles, duplicates and self calls; the layout must place all without overlap.
    std::mt19937 random(7);
    const int count = 1500;
    QStringList nodes;
    for (int i = 0; i < count; ++i)
        nodes.append(QStringLiteral("svc-%1").arg(i));
    EdgeList edgeList;
    std::uniform_int_distribution<int> pick(0, count - 1);
    for (int i = 0; i < count * 2; ++i)
        edgeList.push_back({ nodes.at(pick(random)), nodes.at(pick(random)) });

    const GraphLayout::Spacing spacing;
    const auto positions = GraphLayout::compute(nodes, edgeList, {}, spacing);
    QCOMPARE(positions.size(), count);
    QCOMPARE(firstOverlap(positions, spacing), QString());

    // Adding 50 more to the placed graph keeps every earlier position.
    QStringList grown = nodes;
    for (int i = 0; i < 50; ++i) {
        grown.append(QStringLiteral("late-%1").arg(i));
        edgeList.push_back({ nodes.at(pick(random)), grown.last() });
    }
    const auto regrown = GraphLayout::compute(grown, edgeList, positions, spacing);
    QCOMPARE(regrown.size(), count + 50);
    for (const QString &name : nodes)
        QCOMPARE(regrown.value(name), positions.value(name));
    QCOMPARE(firstOverlap(regrown, spacing), QString());
}

void TestGraphLayout::emptyInput()
{
    QVERIFY(GraphLayout::compute({}, {}).isEmpty());
    QVERIFY(GraphLayout::compute({}, edges({ { "a", "b" } }), { { QStringLiteral("a"), QPointF(1, 2) } }).isEmpty());
    QVERIFY(GraphLayout::layers({}, {}).isEmpty());
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
