// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultscenario.h"

#include <cmath>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "sim/jsonfile.h"
#include "wire/protocol.h"

namespace faultline
{
namespace
{

const QString scenarioDirectory = QStringLiteral(":/demo/scenarios");

// Far more faults than any scenario needs, but a bound, so a generated file cannot make the plant crawl.
constexpr qsizetype maxFaults = 10'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("FaultScenario", text);
}

std::optional<Error> readSeconds(const QJsonObject &object, QLatin1String key, const QString &label, double &out)
{
    const auto value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0
        || value.toDouble() > maxFaultSeconds)
        return Error {
            tr("%1: %2 must be a number of seconds from 0 to %3").arg(label, key).arg(maxFaultSeconds, 0, 'f', 0),
            label + QLatin1Char('.') + key
        };
    out = value.toDouble();
    return std::nullopt;
}

Result<FaultSpec> parseFault(const QJsonValue &value, qsizetype index)
{
    const QString label = QStringLiteral("faults[%1]").arg(index);
    if (!value.isObject())
        return Error { tr("%1 must be an object with service, kind, start_s and duration_s").arg(label), label };
    const auto object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto key = it.key();
        if (key != QLatin1String("service") && key != QLatin1String("kind") && key != QLatin1String("start_s")
            && key != QLatin1String("duration_s"))
            return Error {
                tr("%1: %2 is not a known field; expected service, kind, start_s, duration_s").arg(label, key),
                label + QLatin1Char('.') + key
            };
    }

    FaultSpec fault;
    const auto service = object.value(QLatin1String("service"));
    if (!service.isString() || !wire::isValidServiceName(service.toString().toStdString()))
        return Error { tr("%1: service is missing or not a valid service name").arg(label),
            label + QStringLiteral(".service") };
    fault.service = service.toString().toStdString();

    const auto kindText = object.value(QLatin1String("kind")).toString();
    const auto kind = faultKindFromName(kindText.toStdString());
    if (!kind)
        return Error { tr("%1 (%2): kind '%3' is not one of latency, errors, crash, overload")
                           .arg(label, QString::fromStdString(fault.service), kindText),
            label + QStringLiteral(".kind") };
    fault.kind = *kind;

    if (auto error = readSeconds(object, QLatin1String("start_s"), label, fault.startS))
        return *error;
    if (auto error = readSeconds(object, QLatin1String("duration_s"), label, fault.durationS))
        return *error;
    return fault;
}

} // namespace

Result<FaultScenario> FaultScenario::fromJson(const QByteArray &json, const QString &source)
{
    const QString name = source.isEmpty() ? tr("scenario") : source;
    const auto parsed = sim::parseJsonObject(json, name, QStringLiteral("name, description and faults"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &root = parsed.value();

    FaultScenario scenario;
    scenario.name = root.value(QLatin1String("name")).toString().toStdString();
    scenario.description = root.value(QLatin1String("description")).toString().toStdString();
    const auto faults = root.value(QLatin1String("faults"));
    if (!faults.isArray() || faults.toArray().isEmpty())
        return Error { tr("%1: faults must be a non-empty array").arg(name), QStringLiteral("faults") };
    const auto array = faults.toArray();
    if (array.size() > maxFaults)
        return Error {
            tr("%1: %2 faults is more than the %3 a scenario may have").arg(name).arg(array.size()).arg(maxFaults),
            QStringLiteral("faults")
        };
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto fault = parseFault(array.at(i), i);
        if (!fault) {
            Error error = fault.error();
            error.message = tr("%1: %2").arg(name, error.message);
            return error;
        }
        scenario.faults.push_back(std::move(fault).value());
    }
    return scenario;
}

Result<FaultScenario> FaultScenario::load(const QString &nameOrPath)
{
    const bool isPath = nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QLatin1String(".json"));
    const QString path
        = isPath ? nameOrPath : scenarioDirectory + QLatin1Char('/') + nameOrPath + QStringLiteral(".json");
    if (!isPath && !QFile::exists(path))
        return Error { tr("unknown scenario '%1'; the built-in scenarios are %2, or give the path of a scenario file")
                           .arg(nameOrPath, builtInNames().join(QStringLiteral(", "))),
            nameOrPath };
    const auto bytes = sim::readJsonFile(path, tr("scenario"));
    if (!bytes)
        return bytes.error();
    auto scenario = fromJson(bytes.value(), isPath ? path : nameOrPath);
    if (scenario && scenario->name.empty()) {
        auto named = std::move(scenario).value();
        named.name = QFileInfo(path).completeBaseName().toStdString();
        return named;
    }
    return scenario;
}

QStringList FaultScenario::builtInNames()
{
    QStringList names;
    const auto files = QDir(scenarioDirectory).entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
    for (const auto &file : files)
        names << file.chopped(5);
    return names;
}

} // namespace faultline
