// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "planttopology.h"

#include <cmath>
#include <set>
#include <unordered_map>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "common/logging.h"
#include "sim/jsonfile.h"
#include "wire/protocol.h"

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("PlantTopology", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// "services[3] (plc-gateway)", or "services[3]" before the name is known.
QString serviceLabel(std::size_t index, std::string_view name)
{
    const QString label = QStringLiteral("services[%1]").arg(index);
    return name.empty() ? label : QStringLiteral("%1 (%2)").arg(label, qs(name));
}

QString edgeLabel(std::size_t index, const PlantEdge &edge)
{
    return QStringLiteral("edges[%1] (%2 -> %3)").arg(index).arg(qs(edge.caller), qs(edge.callee));
}

Error fieldError(const QString &label, const QString &field, const QString &problem)
{
    const QString where = label.section(QLatin1Char(' '), 0, 0) + QLatin1Char('.') + field;
    return Error { tr("%1: %2 %3").arg(label, field, problem), where };
}

// Rejects fields that the format does not define, so that a typo does not silently fall back to a default.
std::optional<Error> checkKnownFields(
    const QJsonObject &object, const QString &label, std::initializer_list<QLatin1String> known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool found = false;
        for (const auto &name : known)
            found = found || it.key() == name;
        if (!found) {
            QStringList names;
            for (const auto &name : known)
                names << name;
            return fieldError(
                label, it.key(), tr("is not a known field; expected %1").arg(names.join(QStringLiteral(", "))));
        }
    }
    return std::nullopt;
}

std::optional<Error> readNumber(const QJsonObject &object, QLatin1String key, const QString &label, double &out)
{
    const auto value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble())
        return fieldError(label, key, tr("must be a number"));
    out = value.toDouble();
    return std::nullopt;
}

std::optional<Error> readString(
    const QJsonObject &object, QLatin1String key, const QString &label, std::string &out, bool required)
{
    const auto value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            return fieldError(label, key, tr("is missing"));
        return std::nullopt;
    }
    if (!value.isString())
        return fieldError(label, key, tr("must be a string"));
    out = value.toString().toStdString();
    return std::nullopt;
}

Result<PlantService> parseService(const QJsonValue &value, std::size_t index)
{
    QString label = serviceLabel(index, {});
    if (!value.isObject())
        return Error { tr("%1 must be an object").arg(label), label };
    const auto object = value.toObject();

    PlantService service;
    if (auto error = readString(object, QLatin1String("name"), label, service.name, true))
        return *error;
    label = serviceLabel(index, service.name);
    if (auto error = checkKnownFields(object, label,
            { QLatin1String("name"), QLatin1String("criticality"), QLatin1String("instances"),
                QLatin1String("base_latency_ms"), QLatin1String("capacity"), QLatin1String("timeout_ms") }))
        return *error;

    std::string criticality;
    if (auto error = readString(object, QLatin1String("criticality"), label, criticality, true))
        return *error;
    const auto parsed = criticalityFromName(criticality);
    if (!parsed)
        return fieldError(label, QStringLiteral("criticality"),
            tr("'%1' is not a criticality; expected core, important or minor").arg(qs(criticality)));
    service.criticality = *parsed;

    double instances = service.instances;
    if (auto error = readNumber(object, QLatin1String("instances"), label, instances))
        return *error;
    if (instances != std::floor(instances) || instances < 1 || instances > PlantTopology::maxInstances)
        return fieldError(label, QStringLiteral("instances"),
            tr("must be a whole number from 1 to %1, not %2").arg(PlantTopology::maxInstances).arg(instances));
    service.instances = int(instances);

    for (auto [key, target] : { std::pair { QLatin1String("base_latency_ms"), &service.baseLatencyMs },
             std::pair { QLatin1String("capacity"), &service.capacity },
             std::pair { QLatin1String("timeout_ms"), &service.timeoutMs } }) {
        if (auto error = readNumber(object, key, label, *target))
            return *error;
    }
    return service;
}

Result<PlantEdge> parseEdge(const QJsonValue &value, std::size_t index)
{
    const QString label = QStringLiteral("edges[%1]").arg(index);
    if (!value.isObject())
        return Error { tr("%1 must be an object").arg(label), label };
    const auto object = value.toObject();
    if (auto error = checkKnownFields(object, label,
            { QLatin1String("caller"), QLatin1String("callee"), QLatin1String("calls_per_request"),
                QLatin1String("fallback") }))
        return *error;

    PlantEdge edge;
    if (auto error = readString(object, QLatin1String("caller"), label, edge.caller, true))
        return *error;
    if (auto error = readString(object, QLatin1String("callee"), label, edge.callee, true))
        return *error;
    if (auto error = readNumber(object, QLatin1String("calls_per_request"), label, edge.callsPerRequest))
        return *error;
    const auto fallback = object.value(QLatin1String("fallback"));
    if (!fallback.isUndefined() && !fallback.isBool())
        return fieldError(edgeLabel(index, edge), QStringLiteral("fallback"), tr("must be true or false"));
    edge.fallback = fallback.toBool(false);
    return edge;
}

Result<PlantEntryPoint> parseEntryPoint(const QJsonValue &value, std::size_t index)
{
    const QString label = QStringLiteral("entry_points[%1]").arg(index);
    if (!value.isObject())
        return Error { tr("%1 must be an object").arg(label), label };
    const auto object = value.toObject();
    if (auto error = checkKnownFields(object, label, { QLatin1String("service"), QLatin1String("share") }))
        return *error;
    PlantEntryPoint entry;
    if (auto error = readString(object, QLatin1String("service"), label, entry.service, true))
        return *error;
    if (auto error = readNumber(object, QLatin1String("share"), label, entry.share))
        return *error;
    return entry;
}

template<typename T, typename Parse>
std::optional<Error> parseArray(
    const QJsonObject &root, QLatin1String key, bool required, Parse parse, std::vector<T> &out)
{
    const auto value = root.value(key);
    if (value.isUndefined()) {
        if (required)
            return Error { tr("the topology has no \"%1\" array").arg(key), key };
        return std::nullopt;
    }
    if (!value.isArray())
        return Error { tr("\"%1\" must be an array").arg(key), key };
    const auto array = value.toArray();
    out.reserve(std::size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto parsed = parse(array.at(i), std::size_t(i));
        if (!parsed)
            return parsed.error();
        out.push_back(std::move(parsed).value());
    }
    return std::nullopt;
}

} // namespace

PlantTopology::PlantTopology(
    std::vector<PlantService> services, std::vector<PlantEdge> edges, std::vector<PlantEntryPoint> entryPoints)
    : m_services(std::move(services))
    , m_edges(std::move(edges))
    , m_entryPoints(std::move(entryPoints))
{
    indexNames();
}

void PlantTopology::indexNames()
{
    m_indexByName.clear();
    for (std::size_t i = 0; i < m_services.size(); ++i)
        m_indexByName.emplace(m_services[i].name, i);
}

PlantTopology PlantTopology::builtIn()
{
    auto loaded = load(QStringLiteral(":/demo/plant.json"));
    if (!loaded) {
        // Only a broken build gets here: the file is compiled in and tst_planttopology loads it.
        qCCritical(lcSim) << "built-in plant is invalid:" << loaded.error().message;
        return {};
    }
    return std::move(loaded).value();
}

Result<PlantTopology> PlantTopology::fromJson(const QByteArray &json, const QString &source)
{
    const QString name = source.isEmpty() ? tr("topology") : source;
    const auto parsed = sim::parseJsonObject(json, name, QStringLiteral("services, edges and entry_points"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &root = parsed.value();

    const auto prefixed = [&name](Error error) {
        error.message = tr("%1: %2").arg(name, error.message);
        return error;
    };
    if (auto error = checkKnownFields(root, tr("topology"),
            { QLatin1String("name"), QLatin1String("description"), QLatin1String("services"), QLatin1String("edges"),
                QLatin1String("entry_points") }))
        return prefixed(*error);

    PlantTopology topology;
    if (auto error = parseArray(root, QLatin1String("services"), true, parseService, topology.m_services))
        return prefixed(*error);
    topology.indexNames();
    if (auto error = parseArray(root, QLatin1String("edges"), false, parseEdge, topology.m_edges))
        return prefixed(*error);
    if (auto error = parseArray(root, QLatin1String("entry_points"), true, parseEntryPoint, topology.m_entryPoints))
        return prefixed(*error);
    if (auto error = topology.validate())
        return prefixed(*error);
    return topology;
}

Result<PlantTopology> PlantTopology::load(const QString &path)
{
    const auto bytes = sim::readJsonFile(path, tr("topology"));
    if (!bytes)
        return bytes.error();
    return fromJson(bytes.value(), path);
}

QByteArray PlantTopology::toJson() const
{
    QJsonArray services;
    for (const auto &service : m_services) {
        services.append(QJsonObject {
            { QStringLiteral("name"), qs(service.name) },
            { QStringLiteral("criticality"), qs(criticalityName(service.criticality)) },
            { QStringLiteral("instances"), service.instances },
            { QStringLiteral("base_latency_ms"), service.baseLatencyMs },
            { QStringLiteral("capacity"), service.capacity },
            { QStringLiteral("timeout_ms"), service.timeoutMs },
        });
    }
    QJsonArray edges;
    for (const auto &edge : m_edges) {
        QJsonObject object {
            { QStringLiteral("caller"), qs(edge.caller) },
            { QStringLiteral("callee"), qs(edge.callee) },
            { QStringLiteral("calls_per_request"), edge.callsPerRequest },
        };
        if (edge.fallback)
            object.insert(QStringLiteral("fallback"), true);
        edges.append(object);
    }
    QJsonArray entries;
    for (const auto &entry : m_entryPoints)
        entries.append(
            QJsonObject { { QStringLiteral("service"), qs(entry.service) }, { QStringLiteral("share"), entry.share } });
    const QJsonObject root {
        { QStringLiteral("services"), services },
        { QStringLiteral("edges"), edges },
        { QStringLiteral("entry_points"), entries },
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Error> PlantTopology::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("cannot write the topology file %1: %2").arg(path, file.errorString()), path };
    file.write(toJson());
    if (!file.commit())
        return Error { tr("cannot write the topology file %1: %2").arg(path, file.errorString()), path };
    return std::nullopt;
}

QByteArray PlantTopology::summaryJson() const
{
    QJsonArray services;
    for (const auto &service : m_services) {
        services.append(QJsonObject { { QStringLiteral("name"), qs(service.name) },
            { QStringLiteral("criticality"), qs(criticalityName(service.criticality)) } });
    }
    QJsonArray edges;
    for (const auto &edge : m_edges)
        edges.append(QJsonObject {
            { QStringLiteral("caller"), qs(edge.caller) }, { QStringLiteral("callee"), qs(edge.callee) } });
    return QJsonDocument(QJsonObject { { QStringLiteral("services"), services }, { QStringLiteral("edges"), edges } })
        .toJson(QJsonDocument::Compact);
}

std::optional<std::size_t> PlantTopology::indexOf(std::string_view name) const
{
    const auto found = m_indexByName.find(std::string(name));
    if (found == m_indexByName.end())
        return std::nullopt;
    return found->second;
}

const PlantService *PlantTopology::service(std::string_view name) const
{
    const auto index = indexOf(name);
    return index ? &m_services[*index] : nullptr;
}

} // namespace faultline
