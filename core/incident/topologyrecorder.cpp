// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyrecorder.h"

#include <numeric>

namespace faultline
{

namespace
{

QString name(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

Severity severityOfState(ServiceState state)
{
    switch (state) {
    case ServiceState::Critical:
        return Severity::Critical;
    case ServiceState::Ok:
        return Severity::Info;
    case ServiceState::Warning:
    case ServiceState::Stale:
    case ServiceState::Unknown:
        return Severity::Warning;
    }
    return Severity::Warning;
}

} // namespace

TopologyRecorder::TopologyRecorder(const LiveTopology &topology, IncidentSink &sink, Options options, QObject *parent)
    : QObject(parent)
    , m_topology(topology)
    , m_sink(sink)
    , m_options(std::move(options))
    , m_nowMs(steadyNowMs)
{
    connect(&topology, &LiveTopology::changed, this,
        [this](const QStringList &services, bool) { recordServiceChanges(services); });
    connect(&topology, &LiveTopology::publishersChanged, this, [this] { recordStreamProblems(false); });
}

void TopologyRecorder::setSteadyClock(std::function<std::int64_t()> nowMs)
{
    m_nowMs = std::move(nowMs);
}

void TopologyRecorder::flush()
{
    recordStreamProblems(true);
}

IncidentEvent TopologyRecorder::event(EventKind kind, Severity severity) const
{
    IncidentEvent result;
    result.kind = kind;
    result.severity = severity;
    result.source = m_options.source;
    return result;
}

void TopologyRecorder::recordServiceChanges(const QStringList &services)
{
    std::vector<IncidentEvent> events;
    for (const auto &serviceName : services) {
        const auto *service = m_topology.service(serviceName.toStdString());
        if (!service)
            continue;
        auto &seen = m_services[service->name];

        // Discovery (unknown, then ok at the first heartbeat) is no event; a service that first
        // shows up impaired is, and after that every change is.
        bool stateChanged = service->state != seen.state;
        if (!seen.settled && service->state != ServiceState::Unknown) {
            seen.settled = true;
            stateChanged = service->state != ServiceState::Ok;
        }
        if (stateChanged) {
            auto change = event(EventKind::StateChanged, severityOfState(service->state));
            change.service = serviceName;
            change.details.insert(QStringLiteral("from"), name(serviceStateName(seen.state)));
            change.details.insert(QStringLiteral("to"), name(serviceStateName(service->state)));
            if (service->criticalityKnown)
                change.details.insert(QStringLiteral("criticality"), name(criticalityName(service->criticality)));
            change.text
                = tr("%1 changed from %2 to %3")
                      .arg(serviceName, name(serviceStateName(seen.state)), name(serviceStateName(service->state)));
            events.push_back(std::move(change));
        }
        if (service->mode != seen.mode) {
            auto change = event(EventKind::ModeChanged, Severity::Info);
            change.service = serviceName;
            change.details.insert(QStringLiteral("from"), name(modeName(seen.mode)));
            change.details.insert(QStringLiteral("to"), name(modeName(service->mode)));
            if (service->rampPercent)
                change.details.insert(QStringLiteral("ramp_percent"), QString::number(*service->rampPercent));
            change.text = tr("%1 mode changed from %2 to %3")
                              .arg(serviceName, name(modeName(seen.mode)), name(modeName(service->mode)));
            events.push_back(std::move(change));
        }
        seen.state = service->state;
        seen.mode = service->mode;
    }
    if (!events.empty())
        m_sink.recordBatch(events);
}

void TopologyRecorder::recordStreamProblems(bool force)
{
    const auto now = m_nowMs();
    const auto interval = m_options.streamReportInterval.count();
    std::vector<IncidentEvent> events;
    std::uint64_t attributedMalformed = 0;

    for (const auto &publisher : m_topology.publishers()) {
        auto &seen = m_publishers[publisher.publisher];
        const auto publisherName = QString::fromStdString(publisher.publisher);
        attributedMalformed += publisher.malformed;

        if (publisher.gaps > seen.reportedGaps && (force || now - seen.lastGapReportMs >= interval)) {
            auto lost = event(EventKind::MessagesLost, Severity::Warning);
            lost.details.insert(QStringLiteral("publisher"), publisherName);
            lost.details.insert(QStringLiteral("count"), QString::number(publisher.gaps - seen.reportedGaps));
            lost.details.insert(QStringLiteral("total"), QString::number(publisher.gaps));
            lost.text = tr("%1 messages from %2 were lost (gaps in the sequence numbers)")
                            .arg(publisher.gaps - seen.reportedGaps)
                            .arg(publisherName);
            events.push_back(std::move(lost));
            seen.reportedGaps = publisher.gaps;
            seen.lastGapReportMs = now;
        }

        if (publisher.malformed > seen.reportedMalformed && (force || now - seen.lastMalformedReportMs >= interval)) {
            auto malformed = event(EventKind::MessagesMalformed, Severity::Warning);
            malformed.details.insert(QStringLiteral("publisher"), publisherName);
            malformed.details.insert(
                QStringLiteral("count"), QString::number(publisher.malformed - seen.reportedMalformed));
            malformed.details.insert(QStringLiteral("total"), QString::number(publisher.malformed));
            if (!publisher.lastError.isEmpty())
                malformed.details.insert(QStringLiteral("last_error"), publisher.lastError);
            malformed.text = tr("%1 malformed messages from %2")
                                 .arg(publisher.malformed - seen.reportedMalformed)
                                 .arg(publisherName);
            events.push_back(std::move(malformed));
            seen.reportedMalformed = publisher.malformed;
            seen.lastMalformedReportMs = now;
        }

        const bool silent = now - publisher.lastSeenMs > m_options.publisherLostAfter.count();
        if (silent != seen.lost) {
            auto change = event(silent ? EventKind::PublisherLost : EventKind::PublisherReturned,
                silent ? Severity::Warning : Severity::Info);
            change.details.insert(QStringLiteral("publisher"), publisherName);
            if (!publisher.endpoint.empty())
                change.details.insert(QStringLiteral("endpoint"), QString::fromStdString(publisher.endpoint));
            change.details.insert(QStringLiteral("restarts"), QString::number(publisher.restarts));
            change.text = silent ? tr("publisher %1 sent nothing for %2 s")
                                       .arg(publisherName)
                                       .arg(double(now - publisher.lastSeenMs) / 1000.0, 0, 'f', 1)
                                 : tr("publisher %1 is sending again").arg(publisherName);
            events.push_back(std::move(change));
            seen.lost = silent;
        }
    }

    // Messages whose envelope could not be read name no publisher; they are counted apart.
    const auto totalMalformed = m_topology.counters().malformed;
    const auto unattributed = totalMalformed > attributedMalformed ? totalMalformed - attributedMalformed : 0;
    if (unattributed > m_reportedUnattributed && (force || now - m_lastUnattributedReportMs >= interval)) {
        auto malformed = event(EventKind::MessagesMalformed, Severity::Warning);
        malformed.details.insert(QStringLiteral("count"), QString::number(unattributed - m_reportedUnattributed));
        malformed.details.insert(QStringLiteral("total"), QString::number(unattributed));
        if (!m_topology.counters().lastError.isEmpty())
            malformed.details.insert(QStringLiteral("last_error"), m_topology.counters().lastError);
        malformed.text = tr("%1 messages without a readable envelope").arg(unattributed - m_reportedUnattributed);
        events.push_back(std::move(malformed));
        m_reportedUnattributed = unattributed;
        m_lastUnattributedReportMs = now;
    }

    if (!events.empty())
        m_sink.recordBatch(events);
}

GraphSnapshot TopologyRecorder::snapshotOf(const LiveTopology &topology)
{
    GraphSnapshot graph;
    for (const auto &[serviceName, service] : topology.services()) {
        GraphNode node;
        node.name = QString::fromStdString(serviceName);
        node.kind = service.kind;
        node.state = service.state;
        node.mode = service.mode;
        if (service.criticalityKnown)
            node.criticality = service.criticality;
        graph.nodes.push_back(std::move(node));
    }
    for (const auto &[key, edge] : topology.edges()) {
        GraphEdge graphEdge;
        graphEdge.caller = QString::fromStdString(edge.caller);
        graphEdge.callee = QString::fromStdString(edge.callee);
        graphEdge.errorRate = edge.errorRate;
        graph.edges.push_back(std::move(graphEdge));
    }
    return graph;
}

} // namespace faultline
