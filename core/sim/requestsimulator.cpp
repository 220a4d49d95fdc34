// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestsimulator.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

#include "common/logging.h"

namespace faultline
{
namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;
constexpr std::int64_t nsPerS = 1'000'000'000;

// The model's constants. They are picked so that faults show clearly on a console, not fitted to a real plant.
constexpr double rateWindowS = 1.0; // time constant of the arrival-rate average
constexpr double latencyWindowS = 0.5; // time constant of the latency average
constexpr double jitterSigma = 0.35; // lognormal spread of a service's own work
constexpr double latencyFaultMedianMs = 400; // what a latency fault adds to each request
constexpr double errorFaultShare = 0.6; // share of requests that fail under an errors fault
constexpr double overloadSurgePeak = 1.6; // extra in-flight work of an overload fault, in multiples of capacity
constexpr double overloadRampS = 5; // time for that extra work to build up
constexpr std::size_t maxFinishedPerService = 200'000;

std::int64_t msToNs(double ms)
{
    return std::max<std::int64_t>(1, std::llround(ms * double(nsPerMs)));
}

// How much slower a service works at a given utilisation (in-flight / capacity). Below capacity the
// factor is 1 / (1 - rho^2) with rho capped at 0.9, a queue-like curve picked for the demo rather than a
// queueing model. Past capacity it keeps growing with the load, up to 20 times.
double congestionFactor(double utilisation)
{
    const double limited = std::clamp(utilisation, 0.0, 0.9);
    const double belowCapacity = 1.0 / (1.0 - limited * limited);
    if (utilisation <= 1)
        return belowCapacity;
    return std::min(20.0, belowCapacity * utilisation);
}

// Orders the pending heap so that the earliest end (then the earliest created) is on top.
bool endsLater(const auto &a, const auto &b)
{
    return a.endNs != b.endNs ? a.endNs > b.endNs : a.order > b.order;
}

// One agent entry per service, with its callees in the order of the topology's edges, as serve() calls them.
std::vector<AgentServiceSpec> agentSpecs(const PlantTopology &topology)
{
    std::vector<AgentServiceSpec> specs;
    for (const auto &service : topology.services())
        specs.push_back({ service.name, {}, std::size_t(std::max(1, service.instances)) });
    for (const auto &edge : topology.edges()) {
        const auto caller = topology.indexOf(edge.caller);
        if (caller && topology.indexOf(edge.callee))
            specs[*caller].dependencies.push_back(edge.callee);
    }
    return specs;
}

std::chrono::nanoseconds asTime(std::int64_t elapsedNs)
{
    return std::chrono::nanoseconds(elapsedNs);
}

} // namespace

RequestSimulator::RequestSimulator(PlantTopology topology, std::vector<FaultSpec> faults, Settings settings)
    : m_topology(std::move(topology))
    , m_faults(std::move(faults))
    , m_faultWasActive(m_faults.size(), false)
    , m_settings(settings)
    , m_random(settings.seed)
    , m_sampleRandom(settings.seed ^ 0x5eed5a3b1eULL)
    , m_agent(agentSpecs(m_topology), settings.agent)
{
    const auto &specs = m_topology.services();
    m_services.resize(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        auto &service = m_services[i];
        service.spec = &specs[i];
        service.operation = specs[i].name + "/handle";
        service.instances.resize(std::size_t(std::max(1, specs[i].instances)));
        for (std::size_t k = 0; k < service.instances.size(); ++k) {
            auto &instance = service.instances[k];
            instance.name = specs[i].name + '-' + std::to_string(k + 1);
            instance.latencyEwmaMs = specs[i].baseLatencyMs;
            // Spread the heartbeats over the first second, as independent processes would send them.
            instance.nextHeartbeatNs
                = std::uniform_int_distribution<std::int64_t>(200 * nsPerMs, 700 * nsPerMs)(m_random);
        }
    }
    for (const auto &edge : m_topology.edges()) {
        const auto caller = m_topology.indexOf(edge.caller);
        const auto callee = m_topology.indexOf(edge.callee);
        if (caller && callee)
            m_services[*caller].calls.push_back({ *callee, edge.callsPerRequest, edge.fallback });
    }
    for (const auto &fault : m_faults) {
        if (const auto index = m_topology.indexOf(fault.service))
            m_services[*index].faults.push_back(&fault);
    }

    std::vector<double> shares;
    for (const auto &entry : m_topology.entryPoints()) {
        if (const auto index = m_topology.indexOf(entry.service)) {
            m_entryServices.push_back(*index);
            shares.push_back(entry.share);
        }
    }
    m_entryChoice = std::discrete_distribution<std::size_t>(shares.begin(), shares.end());

    const bool arrivals = m_settings.requestsPerSecond > 0 && !m_entryServices.empty();
    m_nextArrivalNs = arrivals
        ? std::int64_t(std::exponential_distribution<double>(m_settings.requestsPerSecond)(m_random) * double(nsPerS))
        : std::numeric_limits<std::int64_t>::max();
}

void RequestSimulator::advanceTo(std::int64_t elapsedNs)
{
    logFaultChanges(elapsedNs);

    // A caller that stalled (a debugger, a suspended laptop) would otherwise get a burst of old requests.
    if (m_nextArrivalNs != std::numeric_limits<std::int64_t>::max() && elapsedNs - m_nextArrivalNs > nsPerS) {
        const auto skipped
            = std::uint64_t(double(elapsedNs - m_nextArrivalNs) / double(nsPerS) * m_settings.requestsPerSecond);
        m_skippedArrivals += skipped;
        m_nextArrivalNs = elapsedNs;
        qCWarning(lcSim) << "plant fell behind; skipped about" << skipped << "request arrivals";
    }

    std::exponential_distribution<double> gapS(std::max(m_settings.requestsPerSecond, 1e-9));
    while (m_nextArrivalNs <= elapsedNs) {
        const auto entry = m_entryServices[m_entryChoice(m_random)];
        ++m_requestsStarted;
        serve(entry, m_nextArrivalNs, randomHex(16), {});
        m_nextArrivalNs += std::max<std::int64_t>(1, std::int64_t(gapS(m_random) * double(nsPerS)));
    }
    completeUntil(elapsedNs);
}

RequestSimulator::Outcome RequestSimulator::serve(
    std::size_t serviceIndex, std::int64_t startNs, const std::string &traceId, const std::string &parentSpanId)
{
    Service &service = m_services[serviceIndex];
    const PlantService &spec = *service.spec;
    TrafficControl &traffic = m_agent.traffic(serviceIndex);
    const std::size_t instanceIndex = pickInstance(serviceIndex, startNs);
    if (faultActive(service, FaultKind::Crash, startNs))
        return { .answered = false, .instance = instanceIndex };

    Instance &instance = service.instances[instanceIndex];
    noteArrival(instance, startNs);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const auto later = std::greater<std::int64_t>();
    while (!instance.inFlightEnds.empty() && instance.inFlightEnds.front() <= startNs) {
        std::pop_heap(instance.inFlightEnds.begin(), instance.inFlightEnds.end(), later);
        instance.inFlightEnds.pop_back();
    }
    const auto admit = [&](std::int64_t endNs) {
        instance.inFlightEnds.push_back(endNs);
        std::push_heap(instance.inFlightEnds.begin(), instance.inFlightEnds.end(), later);
    };

    // Degraded: serve the cached result at once, whatever the service's own faults (short of a crash).
    if (traffic.servesCache()) {
        const auto endNs = startNs + msToNs(std::max(0.1, spec.baseLatencyMs * 0.1) * jitter(0.2));
        scheduleSpan(serviceIndex, instanceIndex, SpanKind::Server, service.operation, traceId, randomHex(8),
            parentSpanId, startNs, endNs, false);
        noteLatency(instance, double(endNs - startNs) / double(nsPerMs));
        admit(endNs);
        return { .durationNs = endNs - startNs, .instance = instanceIndex };
    }

    // Little's law: requests in flight = arrival rate x time in the system.
    double offered
        = instance.rateEwma * instance.latencyEwmaMs / 1000.0 + overloadSurge(service, startNs) * spec.capacity;
    if (traffic.mode() == ServiceMode::Shedding) {
        // Rejected at the door: no span, and counted as shed rather than as an error of the service. The count of
        // admitted requests in flight is a hard bound; the untraced load of an overload fault is shed by its share.
        const double capacity = traffic.shedCapacity();
        if (traffic.shouldShed(double(instance.inFlightEnds.size()))
            || (offered > capacity && uniform(m_random) < 1.0 - capacity / offered)) {
            instance.interval.addShed();
            return { .error = true, .durationNs = msToNs(0.2), .instance = instanceIndex, .shed = true };
        }
        offered = std::min(offered, capacity);
    }

    const double utilisation = offered / spec.capacity;
    if (utilisation > 1 && uniform(m_random) < 1.0 - 1.0 / utilisation) {
        const auto endNs = startNs + msToNs(0.5 * jitter(0.3));
        scheduleSpan(serviceIndex, instanceIndex, SpanKind::Server, service.operation, traceId, randomHex(8),
            parentSpanId, startNs, endNs, true);
        noteLatency(instance, double(endNs - startNs) / double(nsPerMs));
        admit(endNs);
        return { .error = true, .durationNs = endNs - startNs, .instance = instanceIndex };
    }

    double ownMs = spec.baseLatencyMs * jitter(jitterSigma) * congestionFactor(utilisation);
    if (faultActive(service, FaultKind::Latency, startNs))
        ownMs += latencyFaultMedianMs * jitter(0.25);
    // A request that an errors fault fails, fails before it calls anything.
    const bool injectedError = faultActive(service, FaultKind::Errors, startNs) && uniform(m_random) < errorFaultShare;
    bool failed = injectedError;

    const std::string serverSpanId = randomHex(8);
    const std::int64_t timeoutNs = msToNs(spec.timeoutMs);
    std::uniform_int_distribution<std::int64_t> networkNs(80'000, 300'000);
    const std::int64_t callsStartNs = startNs + msToNs(ownMs * 0.6);
    std::int64_t callsEndNs = callsStartNs;
    std::uint32_t fallbacks = 0;

    // Each callee is called in parallel with the others, so one failing callee does not starve its siblings.
    // Repeated calls to the same callee run one after another and stop at the first failure. Any failed call
    // without fallback data fails the request.
    for (std::size_t c = 0; c < service.calls.size() && !injectedError; ++c) {
        const Call &call = service.calls[c];
        const double whole = std::floor(call.callsPerRequest);
        const int count = int(whole) + (uniform(m_random) < call.callsPerRequest - whole ? 1 : 0);
        std::int64_t cursor = callsStartNs;
        for (int n = 0; n < count; ++n) {
            const Service &callee = m_services[call.callee];
            // An isolated callee, or one past its ramp share, is not called: the caller uses its fallback data.
            if (!m_agent.traffic(call.callee).callerMayCall()) {
                ++fallbacks;
                continue;
            }
            // An open breaker fails the call at once, without a span, and never counts against the callee.
            if (!callPermitted(serviceIndex, c, cursor)) {
                if (call.fallback) {
                    ++fallbacks;
                    continue;
                }
                failed = true;
                break;
            }

            std::string clientSpanId = randomHex(8);
            const auto out = networkNs(m_random);
            const auto back = networkNs(m_random);
            const Outcome outcome = serve(call.callee, cursor + out, traceId, clientSpanId);
            const bool timedOut = !outcome.answered || outcome.durationNs + out + back > timeoutNs;
            const std::int64_t callNs = timedOut ? timeoutNs : outcome.durationNs + out + back;
            const bool callFailed = timedOut || outcome.error;
            scheduleSpan(serviceIndex, instanceIndex, SpanKind::Client, callee.operation, traceId,
                std::move(clientSpanId), serverSpanId, cursor, cursor + callNs, callFailed, 0, callee.spec->name);
            noteCallResult(serviceIndex, c, outcome, callFailed, cursor + callNs, callNs);
            cursor += callNs;
            if (callFailed && call.fallback) {
                ++fallbacks;
            } else if (callFailed) {
                failed = true;
                break;
            }
        }
        callsEndNs = std::max(callsEndNs, cursor);
    }

    const std::int64_t endNs = callsEndNs + msToNs(ownMs * 0.4);
    scheduleSpan(serviceIndex, instanceIndex, SpanKind::Server, service.operation, traceId, serverSpanId, parentSpanId,
        startNs, endNs, failed, fallbacks);
    noteLatency(instance, double(endNs - startNs) / double(nsPerMs));
    admit(endNs);
    if (!failed)
        traffic.noteFreshResult(asTime(endNs));
    return { .error = failed, .durationNs = endNs - startNs, .instance = instanceIndex };
}

void RequestSimulator::scheduleSpan(std::size_t serviceIndex, std::size_t instanceIndex, SpanKind kind,
    const std::string &name, const std::string &traceId, std::string spanId, const std::string &parentSpanId,
    std::int64_t startNs, std::int64_t endNs, bool error, std::uint32_t fallbacks, const std::string &peer)
{
    if (m_pending.size() >= m_settings.maxPendingSpans) {
        ++m_droppedSpans;
        return;
    }
    const Service &service = m_services[serviceIndex];
    Pending pending { endNs, m_order++, serviceIndex, instanceIndex, kind == SpanKind::Server, fallbacks, {} };
    Span &span = pending.span;
    span.traceId = traceId;
    span.spanId = std::move(spanId);
    span.parentSpanId = parentSpanId;
    span.service = service.spec->name;
    span.instance = service.instances[instanceIndex].name;
    span.name = name;
    span.kind = kind;
    span.startUnixNs = m_settings.startUnixNs + startNs;
    span.endUnixNs = m_settings.startUnixNs + endNs;
    span.error = error;
    span.peerName = peer;
    m_pending.push_back(std::move(pending));
    std::push_heap(
        m_pending.begin(), m_pending.end(), [](const Pending &a, const Pending &b) { return endsLater(a, b); });
}

void RequestSimulator::completeUntil(std::int64_t elapsedNs)
{
    const auto later = [](const Pending &a, const Pending &b) { return endsLater(a, b); };
    while (!m_pending.empty() && m_pending.front().endNs <= elapsedNs) {
        std::pop_heap(m_pending.begin(), m_pending.end(), later);
        Pending done = std::move(m_pending.back());
        m_pending.pop_back();

        // A crashed process never exports the spans it still held.
        Service &service = m_services[done.service];
        if (faultActive(service, FaultKind::Crash, done.endNs))
            continue;
        if (done.countsAsRequest) {
            const double latencyMs
                = double(done.endNs - (*done.span.startUnixNs - m_settings.startUnixNs)) / double(nsPerMs);
            service.instances[done.instance].interval.addRequest(
                latencyMs, done.span.error, done.fallbacks, m_sampleRandom);
        }
        if (service.finished.size() < maxFinishedPerService)
            service.finished.push_back(std::move(done.span));
        else
            ++m_droppedSpans;
    }
}

std::vector<Span> RequestSimulator::takeSpans(std::size_t service)
{
    return std::exchange(m_services[service].finished, {});
}

bool RequestSimulator::isCrashed(std::size_t service, std::int64_t elapsedNs) const
{
    return faultActive(m_services[service], FaultKind::Crash, elapsedNs);
}

bool RequestSimulator::faultActive(const Service &service, FaultKind kind, std::int64_t elapsedNs) const
{
    const double elapsedS = double(elapsedNs) / double(nsPerS);
    for (const FaultSpec *fault : service.faults) {
        if (fault->kind == kind && fault->isActiveAt(elapsedS))
            return true;
    }
    return false;
}

double RequestSimulator::overloadSurge(const Service &service, std::int64_t elapsedNs) const
{
    const double elapsedS = double(elapsedNs) / double(nsPerS);
    double surge = 0;
    for (const FaultSpec *fault : service.faults) {
        if (fault->kind == FaultKind::Overload && fault->isActiveAt(elapsedS))
            surge = std::max(surge, std::min(1.0, (elapsedS - fault->startS) / overloadRampS) * overloadSurgePeak);
    }
    return surge;
}

void RequestSimulator::noteArrival(Instance &instance, std::int64_t startNs)
{
    // Calls deeper in a request start later than the next request's arrival, so time may step back a little.
    const double gapS = double(std::max<std::int64_t>(0, startNs - instance.lastArrivalNs)) / double(nsPerS);
    instance.rateEwma = instance.rateEwma * std::exp(-gapS / rateWindowS) + 1.0 / rateWindowS;
    instance.lastArrivalNs = std::max(instance.lastArrivalNs, startNs);
}

void RequestSimulator::noteLatency(Instance &instance, double latencyMs)
{
    // Weigh each sample so that the average spans about latencyWindowS whatever the request rate.
    const double weight = 1.0 - std::exp(-1.0 / std::max(1.0, instance.rateEwma * latencyWindowS));
    instance.latencyEwmaMs += weight * (latencyMs - instance.latencyEwmaMs);
}

void RequestSimulator::logFaultChanges(std::int64_t elapsedNs)
{
    const double elapsedS = double(elapsedNs) / double(nsPerS);
    for (std::size_t i = 0; i < m_faults.size(); ++i) {
        const bool active = m_faults[i].isActiveAt(elapsedS);
        if (active == m_faultWasActive[i])
            continue;
        m_faultWasActive[i] = active;
        qCInfo(lcSim) << (active ? "fault started:" : "fault ended:") << m_faults[i].service.c_str()
                      << faultKindName(m_faults[i].kind).data() << "at" << elapsedS << "s";
    }
}

std::string RequestSimulator::randomHex(int bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(std::size_t(bytes) * 2, '0');
    bool allZero = true;
    for (int word = 0; word < bytes / 8; ++word) {
        std::uint64_t value = m_random();
        allZero = allZero && value == 0;
        for (int i = 15; i >= 0; --i, value >>= 4)
            text[std::size_t(word * 16 + i)] = digits[value & 0xf];
    }
    // An all-zero id is invalid in OpenTelemetry; one draw in 2^64 gets here.
    if (allZero)
        text.back() = '1';
    return text;
}

double RequestSimulator::jitter(double sigma)
{
    // A lognormal factor with median 1: mostly close to 1, with a long tail of slow requests.
    return std::lognormal_distribution<double>(0.0, sigma)(m_random);
}

} // namespace faultline
