// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentruntime.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include "common/logging.h"
#include "wire/encoder.h"

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentRuntime", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The id of a request the decoder rejected, read leniently so that the reply can still carry it.
std::string lenientId(std::string_view json)
{
    const auto document = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())));
    const auto id = document.object().value(QLatin1String("id")).toString().left(128);
    return id.isEmpty() ? std::string(AgentRuntime::unreadableId) : id.toStdString();
}

QString appliedNote(const ControlRequest &request)
{
    const QString service = qs(request.service);
    switch (request.operation) {
    case ControlOperation::Isolate:
        return tr("%1 isolated: its callers skip it and use fallback data").arg(service);
    case ControlOperation::Degrade:
        return tr("%1 degraded: it serves its last cached result").arg(service);
    case ControlOperation::Ramp:
        return tr("%1 ramping: callers send it %2 % of their calls").arg(service).arg(request.percent.value_or(100));
    case ControlOperation::Shed:
        return tr("%1 shedding: it rejects requests past %2 in flight").arg(service).arg(request.capacity.value_or(0));
    case ControlOperation::Restore:
        return tr("%1 restored to normal operation").arg(service);
    }
    return {};
}

} // namespace

AgentRuntime::AgentRuntime(std::vector<AgentServiceSpec> services, AgentRuntimeConfig config)
    : m_config(config)
{
    m_services.reserve(services.size());
    for (auto &spec : services) {
        const std::size_t instances = spec.instances;
        Service service { std::move(spec), {}, {}, OutlierDetector(instances, config.outlier) };
        service.breakers.assign(service.spec.dependencies.size(), CircuitBreaker(config.breaker));
        m_indexByName.emplace(service.spec.name, m_services.size());
        m_services.push_back(std::move(service));
    }
}

std::optional<std::size_t> AgentRuntime::indexOf(std::string_view service) const
{
    const auto found = m_indexByName.find(std::string(service));
    if (found == m_indexByName.end())
        return std::nullopt;
    return found->second;
}

std::string AgentRuntime::handle(std::string_view requestJson, std::int64_t nowUnixMs, Time now)
{
    auto decoded = m_decoder.controlRequest(requestJson);
    if (!decoded) {
        const std::string id = lenientId(requestJson);
        qCWarning(lcControl) << "invalid control request" << id.c_str() << decoded.error().message;
        return reject(id, {}, tr("invalid request: %1").arg(decoded.error().message), false);
    }
    const ControlRequest &request = decoded.value();

    if (const auto known = m_replies.find(request.id); known != m_replies.end()) {
        ++m_replayed;
        qCInfo(lcControl) << "request" << request.id.c_str() << "seen before; sending its reply again";
        return known->second;
    }

    if (request.deadlineUnixMs < nowUnixMs) {
        qCInfo(lcControl) << "request" << request.id.c_str() << "rejected: deadline passed"
                          << nowUnixMs - request.deadlineUnixMs << "ms ago";
        return reject(request.id, request.service,
            tr("deadline passed %1 ms ago; the request was not applied, send a new one")
                .arg(nowUnixMs - request.deadlineUnixMs),
            true);
    }

    const auto service = indexOf(request.service);
    if (!service) {
        qCInfo(lcControl) << "request" << request.id.c_str() << "rejected: unknown service" << request.service.c_str();
        return reject(request.id, request.service,
            tr("unknown service '%1'; this agent does not run it").arg(qs(request.service)), true);
    }

    ControlReply reply;
    reply.id = request.id;
    reply.status = ControlStatus::Applied;
    reply.service = request.service;
    reply.mode = m_services[*service].traffic.apply(request);
    reply.reason = appliedNote(request).toStdString();
    ++m_applied;
    qCInfo(lcControl) << "request" << request.id.c_str() << "applied:" << operationName(request.operation).data()
                      << request.service.c_str() << "by" << request.operatorName.c_str() << "at"
                      << double(now.count()) / 1e9 << "s; now" << modeName(reply.mode).data();

    auto body = wire::encodeControlReply(reply);
    remember(request.id, body);
    return body;
}

std::string AgentRuntime::malformedReply(std::string_view problem)
{
    ControlReply reply;
    reply.id = unreadableId;
    reply.status = ControlStatus::Rejected;
    reply.reason = std::string(problem);
    return wire::encodeControlReply(reply);
}

void AgentRuntime::fillReport(std::size_t service, HealthReport &report, Time now) const
{
    const Service &entry = m_services[service];
    entry.traffic.fillReport(report, now);
    report.breakers.clear();
    for (std::size_t d = 0; d < entry.breakers.size(); ++d)
        report.breakers.push_back({ entry.spec.dependencies[d], entry.breakers[d].state() });
}

std::string AgentRuntime::reject(
    const std::string &id, const std::string &service, const QString &reason, bool rememberReply)
{
    ++m_rejected;
    ControlReply reply;
    reply.id = id;
    reply.status = ControlStatus::Rejected;
    reply.reason = reason.toStdString();
    reply.service = service;
    if (const auto index = indexOf(service))
        reply.mode = m_services[*index].traffic.mode();
    auto body = wire::encodeControlReply(reply);
    if (rememberReply)
        remember(id, body);
    return body;
}

void AgentRuntime::remember(const std::string &id, const std::string &reply)
{
    m_replies.emplace(id, reply);
    m_replyOrder.push_back(id);
    while (m_replyOrder.size() > m_config.maxRememberedReplies) {
        m_replies.erase(m_replyOrder.front());
        m_replyOrder.pop_front();
    }
}

} // namespace faultline
