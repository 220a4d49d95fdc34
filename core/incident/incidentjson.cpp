// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentjson.h"

#include <algorithm>
#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>

#include "incident/incidenttime.h"

namespace faultline
{

namespace
{

QString text(std::string_view name)
{
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

void insertIfSet(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

Error fieldError(const QString &message, const QString &field)
{
    return Error { message, field };
}

// Reads an optional string member; a member of another type is an error, so a typo in a producer shows.
std::optional<Error> readString(const QJsonObject &object, const QString &key, QString &target)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return fieldError(IncidentJson::tr("field '%1' must be a string").arg(key), key);
    target = value.toString();
    return std::nullopt;
}

QJsonObject graphToJson(const GraphSnapshot &graph)
{
    QJsonArray nodes;
    for (const auto &node : graph.nodes) {
        QJsonObject object;
        object.insert(QStringLiteral("name"), node.name);
        object.insert(QStringLiteral("kind"), text(nodeKindName(node.kind)));
        object.insert(QStringLiteral("state"), text(serviceStateName(node.state)));
        object.insert(QStringLiteral("mode"), text(modeName(node.mode)));
        if (node.criticality)
            object.insert(QStringLiteral("criticality"), text(criticalityName(*node.criticality)));
        nodes.append(object);
    }
    QJsonArray edges;
    for (const auto &edge : graph.edges) {
        QJsonObject object;
        object.insert(QStringLiteral("caller"), edge.caller);
        object.insert(QStringLiteral("callee"), edge.callee);
        object.insert(QStringLiteral("error_rate"), edge.errorRate);
        edges.append(object);
    }
    QJsonObject object;
    object.insert(QStringLiteral("nodes"), nodes);
    object.insert(QStringLiteral("edges"), edges);
    return object;
}

Result<GraphNode> nodeFromJson(const QJsonValue &value)
{
    const auto object = value.toObject();
    GraphNode node;
    node.name = object.value(QStringLiteral("name")).toString();
    if (node.name.isEmpty())
        return fieldError(IncidentJson::tr("graph node without a name"), QStringLiteral("graph.nodes.name"));
    const auto kind = nodeKindFromName(object.value(QStringLiteral("kind")).toString().toStdString());
    const auto state = serviceStateFromName(object.value(QStringLiteral("state")).toString().toStdString());
    const auto mode = modeFromName(object.value(QStringLiteral("mode")).toString().toStdString());
    if (!kind || !state || !mode) {
        return fieldError(IncidentJson::tr("graph node '%1' has an unknown kind, state or mode").arg(node.name),
            QStringLiteral("graph.nodes"));
    }
    node.kind = *kind;
    node.state = *state;
    node.mode = *mode;
    if (object.contains(QStringLiteral("criticality"))) {
        const auto name = object.value(QStringLiteral("criticality")).toString();
        node.criticality = criticalityFromName(name.toStdString());
        if (!node.criticality) {
            return fieldError(IncidentJson::tr("graph node '%1' has an unknown criticality '%2'").arg(node.name, name),
                QStringLiteral("graph.nodes.criticality"));
        }
    }
    return node;
}

Result<GraphSnapshot> graphFromJson(const QJsonObject &object)
{
    GraphSnapshot graph;
    for (const auto &value : object.value(QStringLiteral("nodes")).toArray()) {
        auto node = nodeFromJson(value);
        if (!node)
            return node.error();
        graph.nodes.push_back(std::move(node).value());
    }
    for (const auto &value : object.value(QStringLiteral("edges")).toArray()) {
        const auto edgeObject = value.toObject();
        GraphEdge edge;
        edge.caller = edgeObject.value(QStringLiteral("caller")).toString();
        edge.callee = edgeObject.value(QStringLiteral("callee")).toString();
        edge.errorRate = edgeObject.value(QStringLiteral("error_rate")).toDouble();
        if (edge.caller.isEmpty() || edge.callee.isEmpty())
            return fieldError(IncidentJson::tr("graph edge without caller or callee"), QStringLiteral("graph.edges"));
        graph.edges.push_back(std::move(edge));
    }
    return graph;
}

std::optional<Error> readTime(const QJsonObject &object, const QString &key, QDateTime &target, bool required)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return fieldError(IncidentJson::tr("field '%1' is missing").arg(key), key);
        return std::nullopt;
    }
    target = IncidentTime::fromUtcText(value.toString());
    if (!target.isValid()) {
        return fieldError(
            IncidentJson::tr(
                "field '%1' is '%2', not an ISO-8601 time with an offset such as 2026-03-14T10:15:02.123+00:00")
                .arg(key, value.toString()),
            key);
    }
    return std::nullopt;
}

} // namespace

QJsonObject IncidentJson::eventToJson(const IncidentEvent &event)
{
    QJsonObject object;
    object.insert(QStringLiteral("seq"), qint64(event.sequence));
    object.insert(QStringLiteral("time"), IncidentTime::toUtcText(event.time));
    object.insert(QStringLiteral("severity"), text(severityName(event.severity)));
    object.insert(QStringLiteral("kind"), text(eventKindName(event.kind)));
    insertIfSet(object, QStringLiteral("service"), event.service);
    insertIfSet(object, QStringLiteral("source"), event.source);
    insertIfSet(object, QStringLiteral("operator"), event.operatorName);
    insertIfSet(object, QStringLiteral("correlation_id"), event.correlationId);
    insertIfSet(object, QStringLiteral("text"), event.text);
    if (!event.details.isEmpty()) {
        QJsonObject details;
        for (auto it = event.details.cbegin(); it != event.details.cend(); ++it)
            details.insert(it.key(), it.value());
        object.insert(QStringLiteral("details"), details);
    }
    if (event.graph)
        object.insert(QStringLiteral("graph"), graphToJson(*event.graph));
    return object;
}

Result<IncidentEvent> IncidentJson::eventFromJson(const QJsonObject &object)
{
    IncidentEvent event;
    const auto sequence = object.value(QStringLiteral("seq")).toDouble(-1);
    if (!(sequence >= 1) || sequence != std::floor(sequence) || sequence > 9007199254740992.0)
        return fieldError(tr("field 'seq' must be a whole number from 1"), QStringLiteral("seq"));
    event.sequence = std::uint64_t(sequence);

    if (auto error = readTime(object, QStringLiteral("time"), event.time, true))
        return *error;

    const auto severity = object.value(QStringLiteral("severity")).toString();
    const auto parsedSeverity = severityFromName(severity.toStdString());
    if (!parsedSeverity) {
        return fieldError(tr("field 'severity' is '%1'; expected info, warning or critical").arg(severity),
            QStringLiteral("severity"));
    }
    event.severity = *parsedSeverity;

    const auto kind = object.value(QStringLiteral("kind")).toString();
    const auto parsedKind = eventKindFromName(kind.toStdString());
    if (!parsedKind) {
        return fieldError(tr("field 'kind' is '%1', which this version of Faultline does not know").arg(kind),
            QStringLiteral("kind"));
    }
    event.kind = *parsedKind;

    for (const auto &[key, target] : { std::pair { QStringLiteral("service"), &event.service },
             std::pair { QStringLiteral("source"), &event.source },
             std::pair { QStringLiteral("operator"), &event.operatorName },
             std::pair { QStringLiteral("correlation_id"), &event.correlationId },
             std::pair { QStringLiteral("text"), &event.text } }) {
        if (auto error = readString(object, key, *target))
            return *error;
    }

    const auto details = object.value(QStringLiteral("details"));
    if (!details.isUndefined()) {
        if (!details.isObject())
            return fieldError(tr("field 'details' must be an object of strings"), QStringLiteral("details"));
        const auto detailObject = details.toObject();
        for (auto it = detailObject.begin(); it != detailObject.end(); ++it) {
            if (!it.value().isString()) {
                return fieldError(
                    tr("detail '%1' must be a string").arg(it.key()), QStringLiteral("details.") + it.key());
            }
            event.details.insert(it.key(), it.value().toString());
        }
    }

    const auto graph = object.value(QStringLiteral("graph"));
    if (graph.isObject()) {
        auto parsed = graphFromJson(graph.toObject());
        if (!parsed)
            return parsed.error();
        event.graph = std::move(parsed).value();
    }
    return event;
}

QJsonObject IncidentJson::headerToJson(const Incident &incident)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), incident.id);
    object.insert(QStringLiteral("title"), incident.title);
    object.insert(QStringLiteral("state"), text(incidentStateName(incident.state)));
    if (incident.openedAt.isValid())
        object.insert(QStringLiteral("opened"), IncidentTime::toUtcText(incident.openedAt));
    if (incident.closedAt.isValid())
        object.insert(QStringLiteral("closed"), IncidentTime::toUtcText(incident.closedAt));
    return object;
}

QByteArray IncidentJson::exportDocument(const Incident &incident)
{
    QJsonArray events;
    for (const auto &event : incident.eventsByTime())
        events.append(eventToJson(event));
    QJsonObject root;
    root.insert(QStringLiteral("version"), ExportVersion);
    root.insert(QStringLiteral("incident"), headerToJson(incident));
    root.insert(QStringLiteral("events"), events);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<Incident> IncidentJson::importDocument(const QByteArray &json)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return fieldError(
            tr("not a JSON object: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset), {});
    }
    const auto root = document.object();
    const auto version = root.value(QStringLiteral("version")).toInt(-1);
    if (version != ExportVersion) {
        return fieldError(tr("export version %1 is not supported; this Faultline reads version %2")
                              .arg(root.value(QStringLiteral("version")).toVariant().toString())
                              .arg(ExportVersion),
            QStringLiteral("version"));
    }

    const auto header = root.value(QStringLiteral("incident")).toObject();
    Incident incident;
    incident.id = header.value(QStringLiteral("id")).toString();
    if (incident.id.isEmpty())
        return fieldError(tr("field 'incident.id' is missing"), QStringLiteral("incident.id"));

    std::vector<IncidentEvent> events;
    for (const auto &value : root.value(QStringLiteral("events")).toArray()) {
        auto event = eventFromJson(value.toObject());
        if (!event) {
            auto error = event.error();
            error.message = tr("event %1: %2").arg(events.size() + 1).arg(error.message);
            return error;
        }
        events.push_back(std::move(event).value());
    }
    std::stable_sort(events.begin(), events.end(),
        [](const IncidentEvent &a, const IncidentEvent &b) { return a.sequence < b.sequence; });
    const auto duplicate = std::adjacent_find(
        events.begin(), events.end(), [](const auto &a, const auto &b) { return a.sequence == b.sequence; });
    if (duplicate != events.end())
        return fieldError(tr("event sequence number %1 appears twice").arg(duplicate->sequence), QStringLiteral("seq"));
    for (const auto &event : events)
        incident.apply(event);

    // The header as written wins over what the events imply, so that export and import are exact inverses.
    incident.title = header.value(QStringLiteral("title")).toString();
    const auto state = incidentStateFromName(header.value(QStringLiteral("state")).toString().toStdString());
    if (!state)
        return fieldError(tr("field 'incident.state' must be open or closed"), QStringLiteral("incident.state"));
    incident.state = *state;
    incident.openedAt = {};
    incident.closedAt = {};
    if (auto error = readTime(header, QStringLiteral("opened"), incident.openedAt, false))
        return *error;
    if (auto error = readTime(header, QStringLiteral("closed"), incident.closedAt, false))
        return *error;
    return incident;
}

} // namespace faultline
