// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <numeric>
#include <random>

#include <QTest>

#include "traces/dependencylinker.h"

using namespace faultline;

namespace
{

// A span written in one line: make("c1", "s1", "A", SpanKind::Client).peer("mysql", NodeKind::Database).
struct SpanBuilder {
    Span span;

    SpanBuilder &peer(const char *name, NodeKind kind = NodeKind::Service)
    {
        span.peerName = name;
        span.peerKind = kind;
        return *this;
    }
    SpanBuilder &failed()
    {
        span.error = true;
        return *this;
    }
    SpanBuilder &shared()
    {
        span.shared = true;
        return *this;
    }
    SpanBuilder &times(std::optional<std::int64_t> startMs, std::optional<std::int64_t> endMs)
    {
        span.startUnixNs = startMs ? std::optional<std::int64_t>(*startMs * 1'000'000) : std::nullopt;
        span.endUnixNs = endMs ? std::optional<std::int64_t>(*endMs * 1'000'000) : std::nullopt;
        return *this;
    }
    SpanBuilder &trace(const char *traceId)
    {
        span.traceId = traceId;
        return *this;
    }
    operator Span() const { return span; }
};

SpanBuilder make(const char *id, const char *parent, const char *service, SpanKind kind = SpanKind::Unspecified)
{
    SpanBuilder builder;
    builder.span.traceId = "t1";
    builder.span.spanId = id;
    builder.span.parentSpanId = parent;
    builder.span.service = service;
    builder.span.kind = kind;
    builder.span.startUnixNs = 1'000'000'000;
    builder.span.endUnixNs = 1'000'000'000;
    return builder;
}

constexpr auto Client = SpanKind::Client;
constexpr auto Server = SpanKind::Server;
constexpr auto Producer = SpanKind::Producer;
constexpr auto Consumer = SpanKind::Consumer;
constexpr auto Internal = SpanKind::Internal;

QStringList names(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

// "caller->callee", with ":kind" after a node that is not a service and "!" for a failed call.
QString describe(const CallRecord &call)
{
    auto node = [](const std::string &name, NodeKind kind) {
        QString text = QString::fromStdString(name);
        if (kind != NodeKind::Service)
            text += QLatin1Char(':')
                + QString::fromUtf8(nodeKindName(kind).data(), qsizetype(nodeKindName(kind).size()));
        return text;
    };
    return node(call.caller, call.callerKind) + QStringLiteral("->") + node(call.callee, call.calleeKind)
        + (call.error ? QStringLiteral("!") : QString());
}

QStringList describeAll(const std::vector<CallRecord> &calls)
{
    QStringList out;
    for (const auto &call : calls)
        out.append(describe(call));
    out.sort();
    return out;
}

QString warningName(LinkWarningKind kind)
{
    switch (kind) {
    case LinkWarningKind::IncompleteTrace:
        return QStringLiteral("IncompleteTrace");
    case LinkWarningKind::ParentCycle:
        return QStringLiteral("ParentCycle");
    case LinkWarningKind::ClockSkew:
        return QStringLiteral("ClockSkew");
    case LinkWarningKind::BadTimestamps:
        return QStringLiteral("BadTimestamps");
    case LinkWarningKind::DuplicateSpan:
        return QStringLiteral("DuplicateSpan");
    }
    return {};
}

QStringList warningNames(const std::vector<LinkWarning> &warnings)
{
    QStringList out;
    for (const auto &warning : warnings)
        out.append(warningName(warning.kind));
    out.sort();
    return out;
}

struct Outcome {
    QStringList calls;
    QStringList warnings;
    std::vector<CallRecord> records;
    std::vector<LinkWarning> warningRecords;
};

Outcome linkAll(const QList<Span> &spans, DependencyLinker::Options options = {})
{
    DependencyLinker linker(options);
    Outcome outcome;
    for (const auto &span : spans)
        linker.addSpan(span, 0, outcome.records);
    linker.finish(outcome.records);
    outcome.warningRecords = linker.takeWarnings();
    outcome.calls = describeAll(outcome.records);
    outcome.warnings = warningNames(outcome.warningRecords);
    return outcome;
}

} // namespace

class TestDependencyLinker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void childBeforeParentWithinWait();
    void childBeforeParentAfterWait();
    void clientFallbackCountsOnce();
    void fallbackWaitsForServerWithinWait();
    void durationComesFromCaller_data();
    void durationComesFromCaller();
    void incompleteTraceCountsMissingParents();
    void cycleInAnyArrivalOrder_data();
    void cycleInAnyArrivalOrder();
    void hugeChain_data();
    void hugeChain();
    void hugeCycle();
    void memoryBoundDropsOldest();
    void retainedSpansAreForgotten();
    void duplicateAfterRetainIsNew();
};

void TestDependencyLinker::rules_data()
{
    QTest::addColumn<QList<Span>>("spans");
    QTest::addColumn<QStringList>("calls");
    QTest::addColumn<QStringList>("warnings");

    const QStringList none;
    QTest::newRow("client/server pair gives one call")
        << QList<Span> { make("s1", "", "A", Server), make("c1", "s1", "A", Client), make("s2", "c1", "B", Server) }
        << names({ "A->B" }) << none;
    QTest::newRow("two server spans for one client span count once")
        << QList<Span> { make("c1", "", "A", Client), make("s2", "c1", "B", Server), make("s3", "c1", "B", Server) }
        << names({ "A->B" }) << none;
    QTest::newRow("one client span reaching two services counts each")
        << QList<Span> { make("c1", "", "A", Client), make("s2", "c1", "B", Server), make("s3", "c1", "C", Server) }
        << names({ "A->B", "A->C" }) << none;
    QTest::newRow("zipkin shared span id pairs both halves") << QList<Span> { make("s0", "", "A", Server),
        make("c1", "s0", "A", Client), make("c1", "s0", "B", Server).shared(), make("l1", "c1", "B", Internal) }
                                                             << names({ "A->B" }) << none;
    QTest::newRow("shared server half without its client half is a root")
        << QList<Span> { make("e1", "", "envoy", Server).shared(), make("l1", "e1", "envoy", Internal) } << none
        << none;
    QTest::newRow("shared server whose client half is missing marks the trace incomplete")
        << QList<Span> { make("s0", "", "A", Server), make("c1", "s0", "B", Server).shared() } << none
        << names({ "IncompleteTrace" });
    QTest::newRow("client with peer and no server falls back to the peer")
        << QList<Span> { make("s1", "", "A", Server), make("c1", "s1", "A", Client).peer("mysql", NodeKind::Database) }
        << names({ "A->mysql:database" }) << none;
    QTest::newRow("client with peer and a server child counts the server only") << QList<Span> {
        make("c1", "", "A", Client).peer("10.0.0.2:80", NodeKind::External), make("s2", "c1", "B", Server)
    } << names({ "A->B" }) << none;
    QTest::newRow("client with only a local child still falls back") << QList<Span> {
        make("c1", "", "A", Client).peer("api.example.com", NodeKind::External), make("l1", "c1", "A", Internal)
    } << names({ "A->api.example.com:external" }) << none;
    QTest::newRow("client without peer or server gives nothing")
        << QList<Span> { make("c1", "", "A", Client) } << none << none;
    QTest::newRow("producer and consumer through a named broker") << QList<Span> {
        make("p1", "", "A", Producer).peer("kafka", NodeKind::Broker), make("k1", "p1", "B", Consumer)
    } << names({ "A->kafka:broker", "kafka:broker->B" }) << none;
    QTest::newRow("producer and consumer both naming the broker count each half once")
        << QList<Span> { make("p1", "", "A", Producer).peer("kafka", NodeKind::Broker),
               make("k1", "p1", "B", Consumer).peer("kafka", NodeKind::Broker) }
        << names({ "A->kafka:broker", "kafka:broker->B" }) << none;
    QTest::newRow("broker named by the consumer only") << QList<Span> { make("p1", "", "A", Producer),
        make("k1", "p1", "B", Consumer).peer("rabbitmq", NodeKind::Broker) }
                                                       << names({ "A->rabbitmq:broker", "rabbitmq:broker->B" }) << none;
    QTest::newRow("producer and consumer without a broker name")
        << QList<Span> { make("p1", "", "A", Producer), make("k1", "p1", "B", Consumer) } << names({ "A->B" }) << none;
    QTest::newRow("producer to two consumers")
        << QList<Span> { make("p1", "", "A", Producer).peer("kafka", NodeKind::Broker), make("k1", "p1", "B", Consumer),
               make("k2", "p1", "C", Consumer) }
        << names({ "A->kafka:broker", "kafka:broker->B", "kafka:broker->C" }) << none;
    QTest::newRow("producer with a broker and no consumer")
        << QList<Span> { make("p1", "", "A", Producer).peer("kafka", NodeKind::Broker) } << names({ "A->kafka:broker" })
        << none;
    QTest::newRow("consumer with a broker and a missing producer")
        << QList<Span> { make("k1", "p9", "B", Consumer).peer("kafka", NodeKind::Broker) }
        << names({ "kafka:broker->B" }) << names({ "IncompleteTrace" });
    QTest::newRow("cross-service child without kinds is a call")
        << QList<Span> { make("n1", "", "nginx"), make("c1", "n1", "compose"), make("c2", "c1", "compose"),
               make("t1", "c2", "text"), make("t2", "c2", "text") }
        << names({ "compose->text", "compose->text", "nginx->compose" }) << none;
    QTest::newRow("local spans in one service make no call")
        << QList<Span> { make("s1", "", "A", Server), make("i1", "s1", "A", Internal), make("i2", "i1", "A", Internal) }
        << none << none;
    QTest::newRow("explicit client/server pair in one service is a self call")
        << QList<Span> { make("c1", "", "A", Client), make("s2", "c1", "A", Server) } << names({ "A->A" }) << none;
    QTest::newRow("client naming its own service as peer is no self call")
        << QList<Span> { make("c1", "", "mysql", Client).peer("mysql") } << none << none;
    QTest::newRow("same-service child without kinds is no self call")
        << QList<Span> { make("a1", "", "A"), make("a2", "a1", "A") } << none << none;
    QTest::newRow("server span below an internal span of another service")
        << QList<Span> { make("i1", "", "A", Internal), make("s2", "i1", "B", Server) } << names({ "A->B" }) << none;
    QTest::newRow("server error marks the call failed")
        << QList<Span> { make("c1", "", "A", Client), make("s2", "c1", "B", Server).failed() } << names({ "A->B!" })
        << none;
    QTest::newRow("client error with a healthy server span is not a failed call")
        << QList<Span> { make("c1", "", "A", Client).failed(), make("s2", "c1", "B", Server) } << names({ "A->B" })
        << none;
    QTest::newRow("client error counts when no server span exists")
        << QList<Span> { make("c1", "", "A", Client).failed().peer("mysql", NodeKind::Database) }
        << names({ "A->mysql:database!" }) << none;
    QTest::newRow("failed child without kinds marks the call failed")
        << QList<Span> { make("d1", "", "driver"), make("r1", "d1", "redis", Client).failed() }
        << names({ "driver->redis!" }) << none;
    QTest::newRow("span reported twice counts once")
        << QList<Span> { make("c1", "", "A", Client), make("s2", "c1", "B", Server), make("s2", "c1", "B", Server) }
        << names({ "A->B" }) << names({ "DuplicateSpan" });
    QTest::newRow("missing parent never skips the missing span") << QList<Span> { make("s1", "", "A", Server),
        make("s3", "c2", "B", Server), make("c3", "s3", "B", Client), make("s4", "c3", "C", Server) }
                                                                 << names({ "B->C" }) << names({ "IncompleteTrace" });
    QTest::newRow("self-parented span is a root")
        << QList<Span> { make("a1", "a1", "A", Server), make("b1", "a1", "B", Server) } << names({ "A->B" })
        << names({ "ParentCycle" });
    QTest::newRow("server starting before its client is linked and warned")
        << QList<Span> { make("c1", "", "A", Client).times(1000, 1100), make("s2", "c1", "B", Server).times(935, 1000) }
        << names({ "A->B" }) << names({ "ClockSkew" });
    QTest::newRow("server ending after its client is warned") << QList<Span> {
        make("c1", "", "A", Client).times(1000, 1100), make("s2", "c1", "B", Server).times(1010, 1200)
    } << names({ "A->B" }) << names({ "ClockSkew" });
    QTest::newRow("consumer ending after its producer is normal") << QList<Span> {
        make("p1", "", "A", Producer).times(1000, 1001), make("k1", "p1", "B", Consumer).times(1002, 1500)
    } << names({ "A->B" }) << none;
    QTest::newRow("end before start and missing times are warned, not dropped") << QList<Span> {
        make("c1", "", "A", Client).times(1000, 900), make("s2", "c1", "B", Server).times(std::nullopt, 800)
    } << names({ "A->B" }) << names({ "BadTimestamps" });
    QTest::newRow("spans without a service name make no call")
        << QList<Span> { make("c1", "", "", Client), make("s2", "c1", "B", Server) } << none << none;
    QTest::newRow("traces are linked apart")
        << QList<Span> { make("c1", "", "A", Client).trace("t1"), make("s2", "c1", "B", Server).trace("t2") } << none
        << names({ "IncompleteTrace" });
}

void TestDependencyLinker::rules()
{
    QFETCH(QList<Span>, spans);
    QFETCH(QStringList, calls);
    QFETCH(QStringList, warnings);

    const Outcome forward = linkAll(spans);
    QCOMPARE(forward.calls, calls);
    QCOMPARE(forward.warnings, warnings);

    // With every span known before finish(), arrival order must not change the result.
    QList<Span> reversed(spans.rbegin(), spans.rend());
    const Outcome backward = linkAll(reversed);
    QCOMPARE(backward.calls, calls);
    QCOMPARE(backward.warnings, warnings);
}

void TestDependencyLinker::childBeforeParentWithinWait()
{
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    linker.addSpan(make("s2", "c1", "B", Server), 0, calls);
    linker.expire(4000, calls);
    QVERIFY(calls.empty());
    linker.addSpan(make("c1", "", "A", Client).peer("B"), 4500, calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));

    linker.expire(100'000, calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));
    QVERIFY(linker.takeWarnings().empty());
    QCOMPARE(linker.pendingSpans(), std::size_t(0));
}

void TestDependencyLinker::childBeforeParentAfterWait()
{
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    linker.addSpan(make("s2", "c1", "B", Server), 0, calls);
    linker.expire(6000, calls);
    QVERIFY(calls.empty());

    // The parent comes late but within retainMs: the call still counts, and the trace is complete after all.
    linker.addSpan(make("c1", "", "A", Client), 7000, calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));
    linker.finish(calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));
    QVERIFY(linker.takeWarnings().empty());
}

void TestDependencyLinker::clientFallbackCountsOnce()
{
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    linker.addSpan(make("c1", "", "A", Client).peer("B"), 0, calls);
    linker.expire(5000, calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));

    // The server span after the fallback is the same call: it must not count a second time.
    linker.addSpan(make("s2", "c1", "B", Server), 6000, calls);
    linker.finish(calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));
}

void TestDependencyLinker::fallbackWaitsForServerWithinWait()
{
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    linker.addSpan(make("c1", "", "A", Client).peer("10.1.1.1", NodeKind::External), 0, calls);
    linker.expire(4999, calls);
    QVERIFY(calls.empty());
    linker.addSpan(make("s2", "c1", "B", Server), 4999, calls);
    linker.finish(calls);
    QCOMPARE(describeAll(calls), names({ "A->B" }));
}

void TestDependencyLinker::durationComesFromCaller_data()
{
    QTest::addColumn<QList<Span>>("spans");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<qint64>("startMs");

    QTest::newRow("client span duration wins over the server's") << QList<Span> {
        make("c1", "", "A", Client).times(1000, 1100), make("s2", "c1", "B", Server).times(1010, 1090)
    } << qint64(100) << qint64(1000);
    QTest::newRow("server duration when the client has no times") << QList<Span> {
        make("c1", "", "A", Client).times(std::nullopt, std::nullopt), make("s2", "c1", "B", Server).times(1010, 1090)
    } << qint64(80) << qint64(1010);
    QTest::newRow("child duration when the parent is no client") << QList<Span> { make("a1", "", "A").times(1000, 1200),
        make("b1", "a1", "B").times(1050, 1100) } << qint64(50) << qint64(1050);
}

void TestDependencyLinker::durationComesFromCaller()
{
    QFETCH(QList<Span>, spans);
    QFETCH(qint64, durationMs);
    QFETCH(qint64, startMs);

    const Outcome outcome = linkAll(spans);
    QCOMPARE(outcome.records.size(), std::size_t(1));
    QVERIFY(outcome.records[0].durationNs.has_value());
    QCOMPARE(*outcome.records[0].durationNs, durationMs * 1'000'000);
    QCOMPARE(outcome.records[0].timeUnixNs, startMs * 1'000'000);
    QCOMPARE(outcome.records[0].traceId, std::string("t1"));
}

void TestDependencyLinker::incompleteTraceCountsMissingParents()
{
    const Outcome outcome = linkAll(
        { make("a", "x1", "A"), make("b", "x2", "B"), make("c", "x2", "C"), make("d", "", "D"), make("e", "d", "E") });
    QCOMPARE(outcome.calls, names({ "D->E" }));
    QCOMPARE(outcome.warningRecords.size(), std::size_t(1));
    QCOMPARE(outcome.warningRecords[0].kind, LinkWarningKind::IncompleteTrace);
    QCOMPARE(outcome.warningRecords[0].traceId, std::string("t1"));
    QVERIFY2(QString::fromStdString(outcome.warningRecords[0].message).startsWith(QStringLiteral("3 span")),
        outcome.warningRecords[0].message.c_str());
}

void TestDependencyLinker::cycleInAnyArrivalOrder_data()
{
    QTest::addColumn<QList<Span>>("spans");
    QTest::addColumn<QStringList>("calls");

    // a <- b <- a: the link from the smallest id ("a") is dropped, so b stays below a.
    const Span a = make("a", "b", "A");
    const Span b = make("b", "a", "B");
    QTest::newRow("two-span cycle, smallest first") << QList<Span> { a, b } << names({ "A->B" });
    QTest::newRow("two-span cycle, smallest last") << QList<Span> { b, a } << names({ "A->B" });

    // a -> c -> b -> a (each names the next as its parent), closed by a arriving last.
    const Span a3 = make("a", "c", "A");
    const Span b3 = make("b", "a", "B");
    const Span c3 = make("c", "b", "C");
    QTest::newRow("three-span cycle closed by the smallest") << QList<Span> { b3, c3, a3 } << names({ "A->B", "B->C" });
    QTest::newRow("three-span cycle closed by the smallest, other order")
        << QList<Span> { c3, b3, a3 } << names({ "A->B", "B->C" });
}

void TestDependencyLinker::cycleInAnyArrivalOrder()
{
    QFETCH(QList<Span>, spans);
    QFETCH(QStringList, calls);

    const Outcome outcome = linkAll(spans);
    QCOMPARE(outcome.calls, calls);
    QCOMPARE(outcome.warnings, names({ "ParentCycle" }));
    QCOMPARE(outcome.warningRecords[0].spanId, std::string("a"));
}

void TestDependencyLinker::hugeChain_data()
{
    QTest::addColumn<QString>("order");
    QTest::newRow("root first") << QStringLiteral("root first");
    QTest::newRow("leaf first") << QStringLiteral("leaf first");
    QTest::newRow("shuffled") << QStringLiteral("shuffled");
}

void TestDependencyLinker::hugeChain()
{
    QFETCH(QString, order);

    // Services alternate, so each of the 99,999 links is a cross-service call.
    constexpr int length = 100'000;
    std::vector<Span> spans(length);
    for (int i = 0; i < length; ++i) {
        spans[i] = make("", "", i % 2 ? "B" : "A");
        spans[i].spanId = std::to_string(i + 1);
        spans[i].parentSpanId = i == 0 ? std::string() : std::to_string(i);
    }
    std::vector<int> indices(length);
    std::iota(indices.begin(), indices.end(), 0);
    if (order == QLatin1String("leaf first"))
        std::reverse(indices.begin(), indices.end());
    else if (order == QLatin1String("shuffled"))
        std::shuffle(indices.begin(), indices.end(), std::mt19937(20260101));

    DependencyLinker linker;
    std::vector<CallRecord> calls;
    for (int index : indices)
        linker.addSpan(spans[index], 0, calls);
    linker.finish(calls);
    QCOMPARE(calls.size(), std::size_t(length - 1));
    const auto aToB
        = std::count_if(calls.begin(), calls.end(), [](const CallRecord &call) { return call.caller == "A"; });
    QCOMPARE(aToB, long(length / 2));
    QVERIFY(linker.takeWarnings().empty());
}

void TestDependencyLinker::hugeCycle()
{
    // The chain's root names the leaf as its parent: one cycle of 100,000 spans.
    constexpr int length = 100'000;
    DependencyLinker linker;
    std::vector<CallRecord> calls;
    for (int i = 0; i < length; ++i) {
        Span span = make("", "", i % 2 ? "B" : "A");
        span.spanId = std::to_string(100'000 + i);
        span.parentSpanId = std::to_string(100'000 + (i == 0 ? length - 1 : i - 1));
        linker.addSpan(span, 0, calls);
    }
    linker.finish(calls);
    QCOMPARE(calls.size(), std::size_t(length - 1));
    const auto warnings = linker.takeWarnings();
    QCOMPARE(warnings.size(), std::size_t(1));
    QCOMPARE(warnings[0].kind, LinkWarningKind::ParentCycle);
    QCOMPARE(warnings[0].spanId, std::string("100000"));
}

void TestDependencyLinker::memoryBoundDropsOldest()
{
    DependencyLinker::Options options;
    options.maxPendingSpans = 100;
    DependencyLinker linker(options);
    std::vector<CallRecord> calls;
    // 500 client/server pairs, each pair arriving together in its own trace.
    for (int i = 0; i < 500; ++i) {
        const std::string traceId = "trace" + std::to_string(i);
        linker.addSpan(make("c1", "", "A", Client).trace(traceId.c_str()), i, calls);
        linker.addSpan(make("s2", "c1", "B", Server).trace(traceId.c_str()), i, calls);
        QVERIFY(linker.pendingSpans() <= 100);
    }
    QCOMPARE(linker.droppedForMemory(), std::uint64_t(900));
    linker.finish(calls);
    QCOMPARE(calls.size(), std::size_t(500));
    QCOMPARE(linker.pendingSpans(), std::size_t(0));
}

void TestDependencyLinker::retainedSpansAreForgotten()
{
    DependencyLinker::Options options;
    options.parentWaitMs = 100;
    options.retainMs = 1000;
    DependencyLinker linker(options);
    std::vector<CallRecord> calls;
    linker.addSpan(make("c1", "", "A", Client), 0, calls);
    linker.addSpan(make("s2", "c1", "B", Server), 0, calls);
    QCOMPARE(linker.pendingSpans(), std::size_t(2));
    linker.expire(100, calls);
    QCOMPARE(linker.pendingSpans(), std::size_t(2));
    linker.expire(1100, calls);
    QCOMPARE(linker.pendingSpans(), std::size_t(0));
    QCOMPARE(describeAll(calls), names({ "A->B" }));
    QCOMPARE(linker.droppedForMemory(), std::uint64_t(0));
}

void TestDependencyLinker::duplicateAfterRetainIsNew()
{
    DependencyLinker::Options options;
    options.parentWaitMs = 100;
    options.retainMs = 1000;
    DependencyLinker linker(options);
    std::vector<CallRecord> calls;
    linker.addSpan(make("c1", "", "A", Client), 0, calls);
    linker.addSpan(make("s2", "c1", "B", Server), 0, calls);
    linker.addSpan(make("s2", "c1", "B", Server), 50, calls);
    linker.expire(1000, calls);
    linker.expire(2000, calls);
    QCOMPARE(linker.pendingSpans(), std::size_t(0));
    const auto warnings = linker.takeWarnings();
    QCOMPARE(warningNames(warnings), names({ "DuplicateSpan" }));
    QCOMPARE(calls.size(), std::size_t(1));

    // Past retainMs the linker has forgotten the span, so a repeat waits for a parent that is gone.
    linker.addSpan(make("s2", "c1", "B", Server), 3000, calls);
    linker.finish(calls);
    QCOMPARE(calls.size(), std::size_t(1));
    QCOMPARE(warningNames(linker.takeWarnings()), names({ "IncompleteTrace" }));
}

QTEST_GUILESS_MAIN(TestDependencyLinker)
#include "tst_dependencylinker.moc"
