// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The plant's model without sockets: simulated time runs as fast as the test advances it.
#include <map>
#include <set>
#include <unordered_map>

#include <QtTest>

#include "sim/faultscenario.h"
#include "sim/requestsimulator.h"

using namespace faultline;

namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;
constexpr std::int64_t startUnixNs = 1'800'000'000'000'000'000;

struct Run {
    std::vector<Span> spans;
    std::vector<HealthReport> heartbeats;
    bool keepSpans = true; // false drops the spans, for long runs that only check heartbeats
};

// Advances @p simulator from @p fromMs to @p toMs in steps of @p stepMs and collects what it hands out.
void advance(RequestSimulator &simulator, Run &run, std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs = 10)
{
    for (std::int64_t ms = fromMs + stepMs; ms <= toMs; ms += stepMs) {
        simulator.advanceTo(ms * nsPerMs);
        simulator.collectHeartbeats(ms * nsPerMs, run.heartbeats);
        for (std::size_t s = 0; s < simulator.topology().services().size(); ++s) {
            auto spans = simulator.takeSpans(s);
            if (run.keepSpans)
                std::move(spans.begin(), spans.end(), std::back_inserter(run.spans));
        }
    }
}

Run simulate(std::vector<FaultSpec> faults, std::int64_t durationMs, std::uint64_t seed = 1, std::int64_t stepMs = 10)
{
    RequestSimulator simulator(PlantTopology::builtIn(), std::move(faults), { 200, seed, startUnixNs });
    Run run;
    advance(simulator, run, 0, durationMs, stepMs);
    return run;
}

// Runs a built-in scenario for @p durationMs of simulated time and keeps only the heartbeats.
Run simulateScenario(const QString &name, std::int64_t durationMs)
{
    const auto scenario = FaultScenario::load(name);
    if (!scenario.ok())
        qFatal("cannot load scenario: %s", qPrintable(scenario.error().message));
    RequestSimulator simulator(PlantTopology::builtIn(), scenario->faults, { 200, 1, startUnixNs });
    Run run;
    run.keepSpans = false;
    advance(simulator, run, 0, durationMs, 50);
    return run;
}

std::int64_t elapsedMs(std::int64_t unixNs)
{
    return (unixNs - startUnixNs) / nsPerMs;
}

// Heartbeats of @p service sent between @p fromMs and @p toMs after the start.
std::vector<HealthReport> heartbeatsOf(const Run &run, const std::string &service, std::int64_t fromMs = 0,
    std::int64_t toMs = std::numeric_limits<std::int64_t>::max())
{
    std::vector<HealthReport> out;
    for (const auto &report : run.heartbeats) {
        const auto at = elapsedMs(report.timestampUnixNs);
        if (report.service == service && at >= fromMs && at < toMs)
            out.push_back(report);
    }
    return out;
}

double minLatencyP50(const std::vector<HealthReport> &reports)
{
    double latency = std::numeric_limits<double>::max();
    for (const auto &report : reports)
        latency = std::min(latency, report.latencyP50Ms);
    return latency;
}

double minErrorRate(const std::vector<HealthReport> &reports)
{
    double rate = 1;
    for (const auto &report : reports)
        rate = std::min(rate, report.errorRate);
    return rate;
}

double maxErrorRate(const std::vector<HealthReport> &reports)
{
    double rate = 0;
    for (const auto &report : reports)
        rate = std::max(rate, report.errorRate);
    return rate;
}

std::uint64_t totalFallbacks(const std::vector<HealthReport> &reports)
{
    std::uint64_t total = 0;
    for (const auto &report : reports)
        total += report.fallbacks;
    return total;
}

bool isLowerHex(const std::string &text, std::size_t length)
{
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

ControlRequest control(
    ControlOperation operation, std::optional<double> percent = {}, std::optional<double> capacity = {})
{
    ControlRequest request;
    request.operation = operation;
    request.percent = percent;
    request.capacity = capacity;
    return request;
}

} // namespace

class TestRequestSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spansFormCallTrees();
    void everyEdgeLinkedWithinTwoSeconds();
    void sameSeedSameTraffic();
    void differentSeedDifferentTraffic();
    void heartbeatsFromEveryInstance();
    void crashSilencesServiceAndFailsCallers();
    void latencyFaultReachesCallers();
    void errorsFaultAbsorbedByFallback();
    void overloadPassesCapacity();
    void isolateSkipsCalls();
    void degradeServesCache();
    void rampAdmitsShare();
    void shedRejectsPastCapacity();
    void restoreReturnsToNormal();
    void resilienceOffKeepsCalling();
    void resilienceOpensBreakerAndEjects();
    void pendingBoundDropsSpans();
    void cascadingLatencyScenario();
    void dependencyDownScenario();
    void overloadScenario();
    void stalledCallerSkipsArrivals();
};

void TestRequestSimulator::spansFormCallTrees()
{
    const auto run = simulate({}, 1500);
    QVERIFY(run.spans.size() > 1000);

    std::unordered_map<std::string, const Span *> byId;
    for (const auto &span : run.spans) {
        QVERIFY2(isLowerHex(span.traceId, 32), span.traceId.c_str());
        QVERIFY2(isLowerHex(span.spanId, 16), span.spanId.c_str());
        QVERIFY(span.startUnixNs && span.endUnixNs);
        QVERIFY(*span.endUnixNs > *span.startUnixNs);
        QVERIFY(*span.startUnixNs >= startUnixNs);
        QVERIFY2(byId.emplace(span.spanId, &span).second, "span id used twice");
    }

    const auto topology = PlantTopology::builtIn();
    std::set<std::string> entries;
    for (const auto &entry : topology.entryPoints())
        entries.insert(entry.service);

    for (const auto &span : run.spans) {
        if (span.kind == SpanKind::Client) {
            QVERIFY(!span.parentSpanId.empty());
            QVERIFY(!span.peerName.empty());
        }
        if (span.kind != SpanKind::Server)
            continue;
        if (span.parentSpanId.empty()) {
            QVERIFY2(entries.count(span.service), span.service.c_str());
            continue;
        }
        // The parent may still be in flight at the end of the run; when it has ended it must be the caller's CLIENT
        // span.
        const auto parent = byId.find(span.parentSpanId);
        if (parent == byId.end())
            continue;
        const Span &client = *parent->second;
        QCOMPARE(int(client.kind), int(SpanKind::Client));
        QCOMPARE(client.traceId, span.traceId);
        QCOMPARE(client.peerName, span.service);
        QVERIFY(*client.startUnixNs <= *span.startUnixNs);
        // A call that timed out ends before its server span, and one that got a reply ends after it.
        if (!client.error)
            QVERIFY(*client.endUnixNs >= *span.endUnixNs);
    }
}

void TestRequestSimulator::everyEdgeLinkedWithinTwoSeconds()
{
    const auto run = simulate({}, 2000);
    std::unordered_map<std::string, const Span *> clients;
    for (const auto &span : run.spans) {
        if (span.kind == SpanKind::Client)
            clients.emplace(span.spanId, &span);
    }
    std::map<std::pair<std::string, std::string>, int> linked;
    for (const auto &span : run.spans) {
        if (span.kind != SpanKind::Server || span.parentSpanId.empty())
            continue;
        if (const auto client = clients.find(span.parentSpanId); client != clients.end())
            ++linked[{ client->second->service, span.service }];
    }
    const auto topology = PlantTopology::builtIn();
    QCOMPARE(linked.size(), topology.edges().size());
    for (const auto &edge : topology.edges()) {
        const int calls = linked[{ edge.caller, edge.callee }];
        QVERIFY2(calls >= 5,
            qPrintable(QStringLiteral("%1 -> %2: %3 calls")
                           .arg(QString::fromStdString(edge.caller), QString::fromStdString(edge.callee))
                           .arg(calls)));
    }
}

void TestRequestSimulator::sameSeedSameTraffic()
{
    // The same seed gives the same spans however the caller slices time.
    const auto fine = simulate({}, 1200, 7, 1);
    const auto coarse = simulate({}, 1200, 7, 40);
    QVERIFY(!fine.spans.empty());

    std::map<std::string, std::vector<std::string>> fineIds;
    std::map<std::string, std::vector<std::string>> coarseIds;
    for (const auto &span : fine.spans)
        fineIds[span.service].push_back(span.spanId + span.traceId + std::to_string(*span.endUnixNs));
    for (const auto &span : coarse.spans)
        coarseIds[span.service].push_back(span.spanId + span.traceId + std::to_string(*span.endUnixNs));
    QCOMPARE(fineIds, coarseIds);
}

void TestRequestSimulator::differentSeedDifferentTraffic()
{
    const auto first = simulate({}, 500, 1);
    const auto second = simulate({}, 500, 2);
    QVERIFY(!first.spans.empty());
    QVERIFY(!second.spans.empty());
    QVERIFY(first.spans.front().traceId != second.spans.front().traceId);
}

void TestRequestSimulator::heartbeatsFromEveryInstance()
{
    const auto run = simulate({}, 2500);
    const auto topology = PlantTopology::builtIn();
    std::map<std::string, int> beats;
    for (const auto &report : run.heartbeats) {
        ++beats[report.instance];
        const PlantService *service = topology.service(report.service);
        QVERIFY2(service, report.service.c_str());
        QCOMPARE(report.criticality, service->criticality);
        QCOMPARE(report.capacity, service->capacity);
        QCOMPARE(report.intervalMs, std::int64_t(1000));
        QCOMPARE(int(report.mode), int(ServiceMode::Normal));
        QVERIFY(report.latencyP50Ms <= report.latencyP95Ms);
        QVERIFY(report.latencyP95Ms <= report.latencyP99Ms);
        QCOMPARE(report.errorRate, 0.0);
    }
    int instances = 0;
    for (const auto &service : topology.services()) {
        instances += service.instances;
        for (int k = 1; k <= service.instances; ++k) {
            const std::string name = service.name + '-' + std::to_string(k);
            QVERIFY2(beats[name] >= 2, name.c_str());
        }
    }
    QCOMPARE(beats.size(), std::size_t(instances));

    // From the second heartbeat on, every instance has served requests and Little's law gives a load.
    for (const auto &report : heartbeatsOf(run, "servo-controller", 1300)) {
        QVERIFY(report.rps > 10);
        QVERIFY(report.inFlight > 0);
        QVERIFY(report.inFlight < report.capacity);
    }
}

void TestRequestSimulator::crashSilencesServiceAndFailsCallers()
{
    const auto run = simulate({ { "servo-controller", FaultKind::Crash, 1.0, 0 } }, 4500);

    QVERIFY(!heartbeatsOf(run, "servo-controller", 0, 1000).empty());
    QVERIFY(heartbeatsOf(run, "servo-controller", 1000).empty());
    for (const auto &span : run.spans) {
        if (span.service == "servo-controller")
            QVERIFY(elapsedMs(*span.endUnixNs) < 1000);
    }

    QCOMPARE(maxErrorRate(heartbeatsOf(run, "plc-gateway", 0, 1000)), 0.0);
    QVERIFY(maxErrorRate(heartbeatsOf(run, "plc-gateway", 2000)) > 0.9);
    // robot-arm calls servo-controller too and fails with it; plc-gateway calls both in parallel.
    QVERIFY(maxErrorRate(heartbeatsOf(run, "robot-arm", 2000)) > 0.9);
    // plc-gateway's failure reaches line-controller, which has no fallback for it.
    QVERIFY(maxErrorRate(heartbeatsOf(run, "line-controller", 2000)) > 0.5);

    // Calls into the crashed service wait for the caller's timeout (500 ms for plc-gateway) and fail.
    int timedOut = 0;
    for (const auto &span : run.spans) {
        if (span.kind == SpanKind::Client && span.service == "plc-gateway" && span.peerName == "servo-controller"
            && elapsedMs(*span.startUnixNs) > 1000) {
            QVERIFY(span.error);
            QCOMPARE(*span.endUnixNs - *span.startUnixNs, 500 * nsPerMs);
            ++timedOut;
        }
    }
    QVERIFY(timedOut > 10);
}

void TestRequestSimulator::latencyFaultReachesCallers()
{
    const auto run = simulate({ { "quality-db", FaultKind::Latency, 0, 0 } }, 2500);
    for (const char *service : { "quality-db", "recipe-service", "vision-inspection" }) {
        const auto reports = heartbeatsOf(run, service, 1300);
        QVERIFY2(!reports.empty(), service);
        for (const auto &report : reports)
            QVERIFY2(report.latencyP50Ms > 200,
                qPrintable(QStringLiteral("%1 p50 %2 ms").arg(QLatin1String(service)).arg(report.latencyP50Ms)));
    }
    const auto unaffected = heartbeatsOf(run, "servo-controller", 1300);
    QVERIFY(!unaffected.empty());
    QVERIFY(unaffected.front().latencyP50Ms < 50);
}

void TestRequestSimulator::errorsFaultAbsorbedByFallback()
{
    const auto run = simulate({ { "historian", FaultKind::Errors, 0, 0 } }, 2500);
    const auto historian = heartbeatsOf(run, "historian", 1300);
    QVERIFY(!historian.empty());
    QVERIFY(historian.front().errorRate > 0.4);
    QVERIFY(historian.front().errorRate < 0.8);

    // Both callers of historian have fallback data, so they keep serving and count fallbacks instead.
    for (const char *caller : { "mes-scheduler", "alarm-service" }) {
        const auto reports = heartbeatsOf(run, caller, 1300);
        QVERIFY2(!reports.empty(), caller);
        QCOMPARE(maxErrorRate(reports), 0.0);
        QVERIFY2(totalFallbacks(reports) > 0, caller);
    }
}

void TestRequestSimulator::overloadPassesCapacity()
{
    const auto run = simulate({ { "plc-gateway", FaultKind::Overload, 1.0, 0 } }, 8000);
    const auto before = heartbeatsOf(run, "plc-gateway", 0, 1000);
    const auto during = heartbeatsOf(run, "plc-gateway", 6500);
    QVERIFY(!before.empty());
    QVERIFY(!during.empty());
    QCOMPARE(maxErrorRate(before), 0.0);
    for (const auto &report : during) {
        QVERIFY2(report.inFlight > report.capacity, qPrintable(QString::number(report.inFlight)));
        QVERIFY(report.errorRate > 0.2);
        QVERIFY(report.latencyP99Ms > before.front().latencyP99Ms);
    }
}

void TestRequestSimulator::isolateSkipsCalls()
{
    RequestSimulator simulator(PlantTopology::builtIn(), {}, { 200, 1, startUnixNs });
    const auto qualityDb = *simulator.topology().indexOf("quality-db");
    QCOMPARE(int(simulator.apply(qualityDb, control(ControlOperation::Isolate), 0)), int(ServiceMode::Isolated));

    Run run;
    advance(simulator, run, 0, 2500);
    for (const auto &span : run.spans) {
        QVERIFY(span.service != "quality-db");
        QVERIFY(span.peerName != "quality-db");
    }
    for (const char *caller : { "recipe-service", "vision-inspection" }) {
        const auto reports = heartbeatsOf(run, caller, 1300);
        QVERIFY2(!reports.empty(), caller);
        QCOMPARE(maxErrorRate(reports), 0.0);
        QVERIFY2(totalFallbacks(reports) > 10, caller);
    }
    for (const auto &report : heartbeatsOf(run, "quality-db")) {
        QCOMPARE(int(report.mode), int(ServiceMode::Isolated));
        QCOMPARE(report.rps, 0.0);
    }
}

void TestRequestSimulator::degradeServesCache()
{
    RequestSimulator simulator(
        PlantTopology::builtIn(), { { "quality-db", FaultKind::Latency, 0, 0 } }, { 200, 1, startUnixNs });
    Run run;
    advance(simulator, run, 0, 500);
    const auto qualityDb = *simulator.topology().indexOf("quality-db");
    simulator.apply(qualityDb, control(ControlOperation::Degrade), 500 * nsPerMs);
    advance(simulator, run, 500, 4000);

    // Requests that started before the degrade end up to about a second later, so look past them.
    const auto reports = heartbeatsOf(run, "quality-db", 2800);
    QVERIFY(reports.size() >= 1);
    for (const auto &report : reports) {
        QCOMPARE(int(report.mode), int(ServiceMode::Degraded));
        QVERIFY(report.cacheAgeMs.has_value());
        QVERIFY(*report.cacheAgeMs > 0);
        QVERIFY(report.latencyP99Ms < 5);
        QCOMPARE(report.errorRate, 0.0);
    }
    // No fresh result arrives while degraded, so the cache ages by one interval per heartbeat.
    const auto all = heartbeatsOf(run, "quality-db", 1000);
    QVERIFY(all.size() >= 2);
    QCOMPARE(*all[1].cacheAgeMs - *all[0].cacheAgeMs, 1000.0);
}

void TestRequestSimulator::rampAdmitsShare()
{
    RequestSimulator simulator(PlantTopology::builtIn(), {}, { 200, 3, startUnixNs });
    const auto servo = *simulator.topology().indexOf("servo-controller");
    QCOMPARE(int(simulator.apply(servo, control(ControlOperation::Ramp, 25.0), 0)), int(ServiceMode::Ramping));

    Run run;
    advance(simulator, run, 0, 3000);
    const auto baseline = simulate({}, 3000, 3);

    // About a quarter of the calls that the same traffic makes without the ramp reach servo-controller.
    const auto servedBy = [](const Run &source) {
        return std::count_if(source.spans.begin(), source.spans.end(),
            [](const Span &span) { return span.kind == SpanKind::Server && span.service == "servo-controller"; });
    };
    const double admitted = double(servedBy(run)) / double(servedBy(baseline));
    QVERIFY2(admitted > 0.2 && admitted < 0.3, qPrintable(QString::number(admitted)));
    QVERIFY(totalFallbacks(heartbeatsOf(run, "plc-gateway")) > 100);
    const auto reports = heartbeatsOf(run, "servo-controller");
    QVERIFY(!reports.empty());
    QCOMPARE(reports.back().rampPercent.value_or(-1), 25.0);
}

void TestRequestSimulator::shedRejectsPastCapacity()
{
    RequestSimulator simulator(
        PlantTopology::builtIn(), { { "plc-gateway", FaultKind::Overload, 0, 0 } }, { 200, 1, startUnixNs });
    const auto plc = *simulator.topology().indexOf("plc-gateway");
    QCOMPARE(int(simulator.apply(plc, control(ControlOperation::Shed, {}, 20.0), 0)), int(ServiceMode::Shedding));

    Run run;
    advance(simulator, run, 0, 7000);
    const auto reports = heartbeatsOf(run, "plc-gateway", 6000);
    QVERIFY(!reports.empty());
    for (const auto &report : reports) {
        QCOMPARE(int(report.mode), int(ServiceMode::Shedding));
        QCOMPARE(report.shedCapacity.value_or(-1), 20.0);
        QVERIFY(report.shed > 0);
        QVERIFY(report.inFlight <= 20);
        // Shed requests are not errors of the service, and what it admits stays under its capacity.
        QCOMPARE(report.errorRate, 0.0);
    }
}

void TestRequestSimulator::restoreReturnsToNormal()
{
    RequestSimulator simulator(PlantTopology::builtIn(), {}, { 200, 1, startUnixNs });
    const auto conveyor = *simulator.topology().indexOf("conveyor");
    simulator.apply(conveyor, control(ControlOperation::Isolate), 0);
    QCOMPARE(int(simulator.apply(conveyor, control(ControlOperation::Restore), 0)), int(ServiceMode::Normal));
    Run run;
    advance(simulator, run, 0, 1500);
    QVERIFY(
        std::any_of(run.spans.begin(), run.spans.end(), [](const Span &span) { return span.service == "conveyor"; }));
}

void TestRequestSimulator::resilienceOffKeepsCalling()
{
    RequestSimulator simulator(
        PlantTopology::builtIn(), { { "servo-controller", FaultKind::Crash, 0.5, 0 } }, { 200, 1, startUnixNs });
    Run run;
    advance(simulator, run, 0, 3000);
    const auto servo = *simulator.topology().indexOf("servo-controller");
    QCOMPARE(simulator.agent().outliers(servo).ejections(), std::uint64_t(0));
    for (const auto &report : heartbeatsOf(run, "plc-gateway"))
        QVERIFY(report.breakers.empty());
}

void TestRequestSimulator::resilienceOpensBreakerAndEjects()
{
    RequestSimulator::Settings settings { 200, 1, startUnixNs };
    settings.resilience = true;
    RequestSimulator simulator(
        PlantTopology::builtIn(), { { "servo-controller", FaultKind::Crash, 0.5, 0 } }, settings);
    const auto servo = *simulator.topology().indexOf("servo-controller");
    const auto plc = *simulator.topology().indexOf("plc-gateway");
    const auto &dependencies = simulator.agent().spec(plc).dependencies;
    const auto servoEdge
        = std::size_t(std::find(dependencies.begin(), dependencies.end(), "servo-controller") - dependencies.begin());
    QVERIFY(servoEdge < dependencies.size());

    // Envoy's 10 % of three instances still lets one be ejected, and never more than one at a time.
    Run run;
    std::size_t maxEjected = 0;
    for (std::int64_t ms = 0; ms < 4000; ms += 100) {
        advance(simulator, run, ms, ms + 100);
        maxEjected
            = std::max(maxEjected, simulator.agent().outliers(servo).ejectedCount(std::chrono::milliseconds(ms + 100)));
    }
    QVERIFY(simulator.agent().outliers(servo).ejections() > 0);
    QCOMPARE(maxEjected, std::size_t(1));
    QCOMPARE(int(simulator.agent().breaker(plc, servoEdge).state()), int(BreakerState::Open));

    // line-controller's breaker in front of the failing plc-gateway opens too, and then denies calls, so
    // plc-gateway itself sees little traffic after that.
    const auto line = *simulator.topology().indexOf("line-controller");
    std::uint64_t denied = 0;
    for (std::size_t d = 0; d < simulator.agent().spec(line).dependencies.size(); ++d)
        denied += simulator.agent().breaker(line, d).notPermittedCalls();
    QVERIFY(denied > 0);

    // The heartbeats name the breaker in front of the crashed callee as not closed.
    const auto reports = heartbeatsOf(run, "plc-gateway", 2000);
    QVERIFY(!reports.empty());
    const auto &breakers = reports.back().breakers;
    QCOMPARE(breakers.size(), dependencies.size());
    QCOMPARE(breakers[servoEdge].callee, std::string("servo-controller"));
    QVERIFY(breakers[servoEdge].state != BreakerState::Closed);
}

void TestRequestSimulator::pendingBoundDropsSpans()
{
    RequestSimulator::Settings settings { 2000, 1, startUnixNs };
    settings.maxPendingSpans = 50;
    RequestSimulator simulator(PlantTopology::builtIn(), {}, settings);
    Run run;
    advance(simulator, run, 0, 300);
    QVERIFY(simulator.droppedSpans() > 0);
    QVERIFY(!run.spans.empty());
}

void TestRequestSimulator::stalledCallerSkipsArrivals()
{
    RequestSimulator simulator(PlantTopology::builtIn(), {}, { 200, 1, startUnixNs });
    simulator.advanceTo(0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("skipped about \\d+ request arrivals")));
    simulator.advanceTo(30'000 * nsPerMs);
    QVERIFY(simulator.skippedArrivals() > 5000);
    QVERIFY(simulator.requestsStarted() < 1000);
}

void TestRequestSimulator::cascadingLatencyScenario()
{
    // quality-db is slow from 5 s; vision-inspection is overloaded from 20 s, at full strength from 25 s.
    const auto run = simulateScenario(QStringLiteral("cascading-latency"), 26'000);

    for (const char *service :
        { "quality-db", "recipe-service", "mes-scheduler", "vision-inspection", "line-controller", "order-gateway" }) {
        const auto slow = heartbeatsOf(run, service, 7000, 19'000);
        QVERIFY2(!slow.empty(), service);
        QVERIFY2(minLatencyP50(slow) > 200, service);
    }
    // The latency fault alone fails nothing: quality-db has room for the slow requests.
    QCOMPARE(maxErrorRate(heartbeatsOf(run, "quality-db", 7000, 19'000)), 0.0);
    QCOMPARE(maxErrorRate(heartbeatsOf(run, "line-controller", 7000, 19'000)), 0.0);
    QVERIFY(minLatencyP50(heartbeatsOf(run, "servo-controller")) < 50);

    const auto overloaded = heartbeatsOf(run, "vision-inspection", 24'000);
    QVERIFY(!overloaded.empty());
    QVERIFY(minErrorRate(overloaded) > 0.2);
    QVERIFY(minErrorRate(heartbeatsOf(run, "line-controller", 24'000)) > 0.2);
}

void TestRequestSimulator::dependencyDownScenario()
{
    // servo-controller crashes at 5 s; historian returns errors from 15 s.
    const auto run = simulateScenario(QStringLiteral("dependency-down"), 17'500);

    QVERIFY(!heartbeatsOf(run, "servo-controller", 0, 5000).empty());
    QVERIFY(heartbeatsOf(run, "servo-controller", 5000).empty());
    for (const char *caller : { "plc-gateway", "robot-arm", "line-controller" }) {
        const auto failing = heartbeatsOf(run, caller, 7000, 15'000);
        QVERIFY2(!failing.empty(), caller);
        QVERIFY2(minErrorRate(failing) > 0.9, caller);
    }
    QCOMPARE(maxErrorRate(heartbeatsOf(run, "order-gateway")), 0.0);

    const auto historian = heartbeatsOf(run, "historian", 16'200);
    QVERIFY(!historian.empty());
    QVERIFY(minErrorRate(historian) > 0.3);
    QCOMPARE(maxErrorRate(heartbeatsOf(run, "mes-scheduler")), 0.0);
    QVERIFY(totalFallbacks(heartbeatsOf(run, "mes-scheduler", 16'200)) > 0);
}

void TestRequestSimulator::overloadScenario()
{
    // plc-gateway is overloaded from 5 s, at full strength from 10 s; conveyor is slow from 10 s.
    const auto run = simulateScenario(QStringLiteral("overload"), 13'500);

    QCOMPARE(maxErrorRate(heartbeatsOf(run, "plc-gateway", 0, 5000)), 0.0);
    const auto overloaded = heartbeatsOf(run, "plc-gateway", 10'200);
    QVERIFY(!overloaded.empty());
    for (const auto &report : overloaded) {
        QVERIFY(report.inFlight > report.capacity);
        QVERIFY(report.errorRate > 0.2);
    }
    QVERIFY(minErrorRate(heartbeatsOf(run, "line-controller", 10'200)) > 0.2);

    const auto conveyor = heartbeatsOf(run, "conveyor", 11'500);
    QVERIFY(!conveyor.empty());
    QVERIFY(minLatencyP50(conveyor) > 200);
}

QTEST_GUILESS_MAIN(TestRequestSimulator)
#include "tst_requestsimulator.moc"
