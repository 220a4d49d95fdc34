// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthconfig.h"

#include <cmath>

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include "health/healthlogging.h"

namespace faultline
{

namespace
{

constexpr std::int64_t maxDelayMs = 3'600'000;
constexpr int formatVersion = 1;

QString tr(const char *text)
{
    return QCoreApplication::translate("HealthConfig", text);
}

QString prefixed(const QString &source, const QString &where)
{
    return source.isEmpty() ? where : QStringLiteral("%1: %2").arg(source, where);
}

// Reads a {"warning": W, "critical": C} pair. Keys left out keep the values already in @p warning and @p critical.
std::optional<Error> readPair(
    const QJsonObject &object, const QString &key, const QString &where, double &warning, double &critical)
{
    const auto value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject())
        return Error { tr("%1.%2 must be an object such as {\"warning\": 1, \"critical\": 2}").arg(where, key),
            where + QLatin1Char('.') + key };
    const auto pair = value.toObject();
    for (auto it = pair.begin(); it != pair.end(); ++it) {
        const bool isWarning = it.key() == QLatin1String("warning");
        if (!isWarning && it.key() != QLatin1String("critical"))
            return Error { tr("%1.%2 has an unknown key '%3'; use warning and critical").arg(where, key, it.key()),
                where + QLatin1Char('.') + key };
        if (!it.value().isDouble() || !std::isfinite(it.value().toDouble()))
            return Error { tr("%1.%2.%3 must be a number").arg(where, key, it.key()), where + QLatin1Char('.') + key };
        (isWarning ? warning : critical) = it.value().toDouble();
    }
    return std::nullopt;
}

std::optional<Error> readThresholds(const QJsonValue &value, const QString &where, HealthThresholds &thresholds)
{
    if (!value.isObject())
        return Error { tr("%1 must be an object of thresholds").arg(where), where };
    const auto object = value.toObject();
    static const QStringList known = { QStringLiteral("error_rate"), QStringLiteral("latency_p99_ms"),
        QStringLiteral("saturation"), QStringLiteral("heartbeat_intervals"), QStringLiteral("raise_delay_ms"),
        QStringLiteral("clear_delay_ms"), QStringLiteral("deadband") };
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return Error { tr("%1 has an unknown key '%2'; known keys are %3")
                               .arg(where, it.key(), known.join(QStringLiteral(", "))),
                where };
    }
    if (auto error = readPair(
            object, QStringLiteral("error_rate"), where, thresholds.errorRateWarning, thresholds.errorRateCritical))
        return error;
    if (auto error
        = readPair(object, QStringLiteral("latency_p99_ms"), where, thresholds.p99WarningMs, thresholds.p99CriticalMs))
        return error;
    if (auto error = readPair(
            object, QStringLiteral("saturation"), where, thresholds.saturationWarning, thresholds.saturationCritical))
        return error;
    if (auto error = readPair(object, QStringLiteral("heartbeat_intervals"), where, thresholds.heartbeatLateIntervals,
            thresholds.staleIntervals))
        return error;

    // Numbers are range-checked as doubles before the delays are converted to integers.
    const auto readNumber = [&](const char *key, double &target) -> std::optional<Error> {
        const auto number = object.value(QLatin1String(key));
        if (number.isUndefined())
            return std::nullopt;
        if (!number.isDouble() || !std::isfinite(number.toDouble()))
            return Error { tr("%1.%2 must be a number").arg(where, QLatin1String(key)), where };
        target = number.toDouble();
        return std::nullopt;
    };
    double raiseDelayMs = double(thresholds.raiseDelayMs);
    double clearDelayMs = double(thresholds.clearDelayMs);
    if (auto error = readNumber("raise_delay_ms", raiseDelayMs))
        return error;
    if (auto error = readNumber("clear_delay_ms", clearDelayMs))
        return error;
    if (auto error = readNumber("deadband", thresholds.deadband))
        return error;
    if (raiseDelayMs < 0 || raiseDelayMs > double(maxDelayMs) || clearDelayMs < 0 || clearDelayMs > double(maxDelayMs))
        return Error {
            tr("%1: raise_delay_ms and clear_delay_ms must lie between 0 and %2 ms").arg(where).arg(maxDelayMs), where
        };
    thresholds.raiseDelayMs = std::int64_t(std::llround(raiseDelayMs));
    thresholds.clearDelayMs = std::int64_t(std::llround(clearDelayMs));
    return HealthConfig::validate(thresholds, where);
}

QJsonObject pairJson(double warning, double critical)
{
    return QJsonObject { { QStringLiteral("warning"), warning }, { QStringLiteral("critical"), critical } };
}

QJsonObject thresholdsJson(const HealthThresholds &thresholds)
{
    QJsonObject object;
    object.insert(QStringLiteral("error_rate"), pairJson(thresholds.errorRateWarning, thresholds.errorRateCritical));
    object.insert(QStringLiteral("latency_p99_ms"), pairJson(thresholds.p99WarningMs, thresholds.p99CriticalMs));
    object.insert(QStringLiteral("saturation"), pairJson(thresholds.saturationWarning, thresholds.saturationCritical));
    object.insert(
        QStringLiteral("heartbeat_intervals"), pairJson(thresholds.heartbeatLateIntervals, thresholds.staleIntervals));
    object.insert(QStringLiteral("raise_delay_ms"), double(thresholds.raiseDelayMs));
    object.insert(QStringLiteral("clear_delay_ms"), double(thresholds.clearDelayMs));
    object.insert(QStringLiteral("deadband"), thresholds.deadband);
    return object;
}

} // namespace

std::optional<Error> HealthConfig::validate(const HealthThresholds &t, const QString &where)
{
    const auto pairError
        = [&](const char *name, double warning, double critical, double maximum) -> std::optional<Error> {
        if (warning < 0 || critical < 0 || warning > maximum || critical > maximum)
            return Error { tr("%1.%2 must lie between 0 and %3, got warning %4 and critical %5")
                               .arg(where, QLatin1String(name))
                               .arg(maximum)
                               .arg(warning)
                               .arg(critical),
                where };
        if (warning > critical)
            return Error { tr("%1.%2: warning %3 lies above critical %4; lower the warning or raise the critical")
                               .arg(where, QLatin1String(name))
                               .arg(warning)
                               .arg(critical),
                where };
        return std::nullopt;
    };
    if (auto error = pairError("error_rate", t.errorRateWarning, t.errorRateCritical, 1.0))
        return error;
    if (auto error = pairError("latency_p99_ms", t.p99WarningMs, t.p99CriticalMs, 3.6e6))
        return error;
    if (auto error = pairError("saturation", t.saturationWarning, t.saturationCritical, 1000.0))
        return error;
    if (auto error = pairError("heartbeat_intervals", t.heartbeatLateIntervals, t.staleIntervals, 1000.0))
        return error;
    if (t.staleIntervals <= 0)
        return Error { tr("%1.heartbeat_intervals.critical must be above 0").arg(where), where };
    if (t.raiseDelayMs < 0 || t.raiseDelayMs > maxDelayMs || t.clearDelayMs < 0 || t.clearDelayMs > maxDelayMs)
        return Error {
            tr("%1: raise_delay_ms and clear_delay_ms must lie between 0 and %2 ms").arg(where).arg(maxDelayMs), where
        };
    if (!(t.deadband >= 0 && t.deadband < 1))
        return Error { tr("%1.deadband must be at least 0 and below 1, got %2").arg(where).arg(t.deadband), where };
    return std::nullopt;
}

HealthConfig HealthConfig::builtIn()
{
    // Parsed once, because the resource cannot change while the program runs.
    static const HealthConfig config = [] {
        auto loaded = load(QLatin1String(builtInPath));
        if (loaded)
            return loaded.value();
        qCWarning(lcHealth) << "built-in health config unusable, using compiled-in defaults:" << loaded.error().message;
        return HealthConfig();
    }();
    return config;
}

Result<HealthConfig> HealthConfig::fromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { tr("%1: invalid JSON at offset %2: %3")
                           .arg(source.isEmpty() ? tr("health config") : source)
                           .arg(parseError.offset)
                           .arg(parseError.errorString()),
            source };
    if (!document.isObject())
        return Error {
            tr("%1: the document must be a JSON object").arg(source.isEmpty() ? tr("health config") : source), source
        };
    const auto root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.key() != QLatin1String("version") && it.key() != QLatin1String("defaults")
            && it.key() != QLatin1String("services"))
            return Error { tr("%1: unknown key '%2'; use version, defaults and services")
                               .arg(prefixed(source, QStringLiteral("health config")), it.key()),
                source };
    }
    const auto version = root.value(QLatin1String("version"));
    if (!version.isUndefined() && version.toInt(-1) != formatVersion)
        return Error { tr("%1: unsupported version %2; this build reads version %3")
                           .arg(prefixed(source, QStringLiteral("health config")), version.toVariant().toString())
                           .arg(formatVersion),
            source };

    HealthConfig config;
    if (root.contains(QLatin1String("defaults"))) {
        if (auto error = readThresholds(
                root.value(QLatin1String("defaults")), prefixed(source, QStringLiteral("defaults")), config.m_defaults))
            return *error;
    }
    const auto services = root.value(QLatin1String("services"));
    if (!services.isUndefined() && !services.isObject())
        return Error {
            tr("%1 must be an object keyed by service name").arg(prefixed(source, QStringLiteral("services"))), source
        };
    const auto serviceObject = services.toObject();
    for (auto it = serviceObject.begin(); it != serviceObject.end(); ++it) {
        if (it.key().isEmpty())
            return Error {
                tr("%1 has an entry with an empty service name").arg(prefixed(source, QStringLiteral("services"))),
                source
            };
        // A service entry names only what differs from the defaults.
        HealthThresholds thresholds = config.m_defaults;
        if (auto error
            = readThresholds(it.value(), prefixed(source, QStringLiteral("services.%1").arg(it.key())), thresholds))
            return *error;
        config.m_fromFile.emplace(it.key().toStdString(), thresholds);
    }
    return config;
}

Result<HealthConfig> HealthConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("cannot read health config %1: %2; check the path").arg(path, file.errorString()), path };
    // Config files are a few kilobytes, so a much larger file means a wrong path.
    if (file.size() > 16 * 1024 * 1024)
        return Error { tr("health config %1 is larger than 16 MiB; check the path").arg(path), path };
    return fromJson(file.readAll(), path);
}

const HealthThresholds &HealthConfig::thresholdsFor(std::string_view service) const
{
    if (const auto it = m_overrides.find(service); it != m_overrides.end())
        return it->second;
    if (const auto it = m_fromFile.find(service); it != m_fromFile.end())
        return it->second;
    return m_defaults;
}

std::optional<Error> HealthConfig::setOverride(const std::string &service, const HealthThresholds &thresholds)
{
    if (service.empty())
        return Error { tr("a threshold override needs a service name"), QStringLiteral("service") };
    if (auto error = validate(thresholds, QString::fromStdString(service)))
        return error;
    m_overrides.insert_or_assign(service, thresholds);
    return std::nullopt;
}

bool HealthConfig::clearOverride(std::string_view service)
{
    const auto it = m_overrides.find(service);
    if (it == m_overrides.end())
        return false;
    m_overrides.erase(it);
    return true;
}

QByteArray HealthConfig::toJson() const
{
    QJsonObject services;
    for (const auto &[name, thresholds] : m_fromFile)
        services.insert(QString::fromStdString(name), thresholdsJson(thresholds));
    QJsonObject root;
    root.insert(QStringLiteral("version"), formatVersion);
    root.insert(QStringLiteral("defaults"), thresholdsJson(m_defaults));
    root.insert(QStringLiteral("services"), services);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace faultline
