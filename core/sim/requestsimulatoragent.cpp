// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The agent side of RequestSimulator: the heartbeats each instance sends and the control operations it obeys.
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
    report.mode = service.mode;
    if (service.mode == ServiceMode::Ramping)
        report.rampPercent = service.rampPercent;
    if (service.mode == ServiceMode::Shedding)
        report.shedCapacity = service.shedCapacity;
    if (service.mode == ServiceMode::Degraded)
        // Requests simulated before the degrade may end after this heartbeat, hence the clamp.
        report.cacheAgeMs = double(std::max<std::int64_t>(0, elapsedNs - service.lastFreshResultNs)) / double(nsPerMs);
    report.rps = double(stats.requests()) / intervalS;
    report.errorRate = stats.requests() ? double(stats.errors()) / double(stats.requests()) : 0.0;
    report.latencyP50Ms = stats.percentileMs(0.50);
    report.latencyP95Ms = stats.percentileMs(0.95);
    report.latencyP99Ms = stats.percentileMs(0.99);
    // Little's law over the interval, plus the untraced work of an overload fault. Shedding caps what is admitted.
    report.inFlight = report.rps * stats.meanLatencyMs() / 1000.0 + overloadSurge(service, elapsedNs) * spec.capacity;
    if (service.mode == ServiceMode::Shedding)
        report.inFlight = std::min(report.inFlight, service.shedCapacity);
    report.capacity = spec.capacity;
    report.fallbacks = stats.fallbacks();
    report.shed = stats.shed();

    stats.clear();
    instance.intervalStartNs = elapsedNs;
    return report;
}

ServiceMode RequestSimulator::apply(std::size_t serviceIndex, const ControlRequest &request, std::int64_t elapsedNs)
{
    Service &service = m_services[serviceIndex];
    switch (request.operation) {
    case ControlOperation::Isolate:
        service.mode = ServiceMode::Isolated;
        break;
    case ControlOperation::Degrade:
        // The cache contains the last good result. A service that never had one serves a cache as old as the plant.
        service.mode = ServiceMode::Degraded;
        break;
    case ControlOperation::Ramp:
        service.mode = ServiceMode::Ramping;
        service.rampPercent = std::clamp(request.percent.value_or(100.0), 0.0, 100.0);
        break;
    case ControlOperation::Shed:
        service.mode = ServiceMode::Shedding;
        service.shedCapacity = std::max(1.0, request.capacity.value_or(service.spec->capacity));
        break;
    case ControlOperation::Restore:
        service.mode = ServiceMode::Normal;
        service.rampPercent = 100;
        service.shedCapacity = 0;
        break;
    }
    qCInfo(lcSim) << "service" << service.spec->name.c_str() << "now" << modeName(service.mode).data() << "at"
                  << double(elapsedNs) / double(nsPerS) << "s";
    return service.mode;
}

} // namespace faultline
