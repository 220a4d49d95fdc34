// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The agent side of RequestSimulator: the heartbeats each instance sends, the control operations it obeys, and
// the breakers and ejection of the agent runtime that it consults on each call.
#include "requestsimulator.h"

#include <algorithm>

#include "common/logging.h"

namespace faultline
{
namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;
constexpr std::int64_t nsPerS = 1'000'000'000;

} // namespace

AgentRuntimeConfig RequestSimulator::plantAgentConfig()
{
    using namespace std::chrono_literals;
    AgentRuntimeConfig config;
    // A demo incident lasts minutes, so the windows and waits are resilience4j's and Envoy's defaults divided by 5
    // to 12.
    config.breaker.windowSize = 20;
    config.breaker.minimumNumberOfCalls = 10;
    config.breaker.slowCallDurationThreshold = 1s;
    config.breaker.waitDurationInOpenState = 5s;
    config.breaker.permittedNumberOfCallsInHalfOpenState = 3;
    config.outlier.baseEjectionTime = 3s;
    config.outlier.maxEjectionTime = 30s;
    config.outlier.interval = 1s;
    return config;
}

std::size_t RequestSimulator::pickInstance(std::size_t serviceIndex, std::int64_t startNs)
{
    Service &service = m_services[serviceIndex];
    if (m_settings.resilience)
        return m_agent.outliers(serviceIndex).pick(std::chrono::nanoseconds(startNs));
    return service.nextInstance++ % service.instances.size();
}

bool RequestSimulator::callPermitted(std::size_t serviceIndex, std::size_t callIndex, std::int64_t startNs)
{
    return !m_settings.resilience
        || m_agent.breaker(serviceIndex, callIndex).tryAcquirePermission(std::chrono::nanoseconds(startNs));
}

void RequestSimulator::noteCallResult(std::size_t serviceIndex, std::size_t callIndex, const Outcome &outcome,
    bool failed, std::int64_t endNs, std::int64_t durationNs)
{
    // A shed request is the callee protecting itself, so neither the breaker nor the ejection counts it.
    if (!m_settings.resilience || outcome.shed)
        return;
    m_agent.breaker(serviceIndex, callIndex)
        .onResult(std::chrono::nanoseconds(endNs), failed, std::chrono::nanoseconds(durationNs));
    m_agent.outliers(m_services[serviceIndex].calls[callIndex].callee)
        .onResult(outcome.instance, failed, std::chrono::nanoseconds(endNs));
}

void RequestSimulator::collectHeartbeats(std::int64_t elapsedNs, std::vector<HealthReport> &out)
{
    for (auto &service : m_services) {
        const bool crashed = faultActive(service, FaultKind::Crash, elapsedNs);
        for (auto &instance : service.instances) {
            if (instance.nextHeartbeatNs > elapsedNs)
                continue;
            // A crashed instance sends nothing; its count starts afresh once it is back.
            if (crashed) {
                instance.interval.clear();
                instance.intervalStartNs = elapsedNs;
            } else {
                out.push_back(heartbeat(service, instance, elapsedNs));
            }
            instance.nextHeartbeatNs += heartbeatIntervalNs;
            if (instance.nextHeartbeatNs <= elapsedNs)
                instance.nextHeartbeatNs = elapsedNs + heartbeatIntervalNs;
        }
    }
}

HealthReport RequestSimulator::heartbeat(Service &service, Instance &instance, std::int64_t elapsedNs)
{
    const PlantService &spec = *service.spec;
    IntervalStats &stats = instance.interval;
    const double intervalS = std::max(0.001, double(elapsedNs - instance.intervalStartNs) / double(nsPerS));

    HealthReport report;
    report.service = spec.name;
    report.instance = instance.name;
    report.criticality = spec.criticality;
    report.timestampUnixNs = m_settings.startUnixNs + elapsedNs;
    report.intervalMs = heartbeatIntervalNs / nsPerMs;
    const auto serviceIndex = std::size_t(&service - m_services.data());
    m_agent.fillReport(serviceIndex, report, std::chrono::nanoseconds(elapsedNs));
    // Without resilience the breakers never act, so reporting them closed would claim protection that is not there.
    if (!m_settings.resilience)
        report.breakers.clear();
    report.rps = double(stats.requests()) / intervalS;
    report.errorRate = stats.requests() ? double(stats.errors()) / double(stats.requests()) : 0.0;
    report.latencyP50Ms = stats.percentileMs(0.50);
    report.latencyP95Ms = stats.percentileMs(0.95);
    report.latencyP99Ms = stats.percentileMs(0.99);
    // Little's law over the interval, plus the untraced work of an overload fault. Shedding turns that work away
    // too, as far as it would take the service past its shed capacity.
    const double admitted = report.rps * stats.meanLatencyMs() / 1000.0;
    double untraced = overloadSurge(service, elapsedNs) * spec.capacity;
    if (report.shedCapacity)
        untraced = std::min(untraced, std::max(0.0, *report.shedCapacity - admitted));
    report.inFlight = admitted + untraced;
    report.capacity = spec.capacity;
    report.fallbacks = stats.fallbacks();
    report.shed = stats.shed();

    stats.clear();
    instance.intervalStartNs = elapsedNs;
    return report;
}

ServiceMode RequestSimulator::apply(std::size_t serviceIndex, const ControlRequest &request, std::int64_t elapsedNs)
{
    const ServiceMode mode = m_agent.traffic(serviceIndex).apply(request);
    qCInfo(lcSim) << "service" << m_services[serviceIndex].spec->name.c_str() << "now" << modeName(mode).data() << "at"
                  << double(elapsedNs) / double(nsPerS) << "s";
    return mode;
}

std::string RequestSimulator::handleControl(
    std::string_view requestJson, std::int64_t nowUnixMs, std::int64_t elapsedNs)
{
    return m_agent.handle(requestJson, nowUnixMs, std::chrono::nanoseconds(elapsedNs));
}

} // namespace faultline
