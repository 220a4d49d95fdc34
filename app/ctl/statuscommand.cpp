// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscommand.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "ctlcommon.h"
#include "livecapture.h"

namespace faultline::ctl {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

QString name(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QJsonObject serviceJson(const ServiceSnapshot &service)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), QString::fromStdString(service.name));
    object.insert(QStringLiteral("kind"), name(nodeKindName(service.kind)));
    object.insert(QStringLiteral("state"), name(serviceStateName(service.state)));
    object.insert(QStringLiteral("mode"), name(modeName(service.mode)));
    if (service.criticalityKnown)
        object.insert(QStringLiteral("criticality"), name(criticalityName(service.criticality)));
    object.insert(QStringLiteral("rps"), service.rps);
    object.insert(QStringLiteral("error_rate"), service.errorRate);
    object.insert(QStringLiteral("p99_ms"), service.latencyP99Ms);
    object.insert(QStringLiteral("instances"), int(service.instances.size()));
    return object;
}

QJsonObject suspectJson(const Suspect &suspect)
{
    QJsonObject object;
    object.insert(QStringLiteral("service"), QString::fromStdString(suspect.service));
    object.insert(QStringLiteral("score"), suspect.score);
    object.insert(QStringLiteral("reason"), suspect.reason);
    return object;
}

QJsonObject publisherJson(const PublisherSnapshot &publisher)
{
    QJsonObject object;
    object.insert(QStringLiteral("publisher"), QString::fromStdString(publisher.publisher));
    object.insert(QStringLiteral("messages"), qint64(publisher.messages));
    object.insert(QStringLiteral("malformed"), qint64(publisher.malformed));
    object.insert(QStringLiteral("gaps"), qint64(publisher.gaps));
    object.insert(QStringLiteral("restarts"), qint64(publisher.restarts));
    if (!publisher.lastError.isEmpty())
        object.insert(QStringLiteral("last_error"), publisher.lastError);
    return object;
}

void writeText(const LiveCapture &capture, bool suspects, QTextStream &out)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("SERVICE"), -24)
               .arg(QStringLiteral("STATE"), -9)
               .arg(QStringLiteral("MODE"), -9)
               .arg(QStringLiteral("RPS"), 8)
               .arg(QStringLiteral("ERR%"), 7)
               .arg(QStringLiteral("P99MS"), 9);
    for (const auto &[serviceName, service] : capture.services) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(QString::fromStdString(serviceName), -24)
                   .arg(name(serviceStateName(service.state)), -9)
                   .arg(name(modeName(service.mode)), -9)
                   .arg(service.rps, 8, 'f', 1)
                   .arg(service.errorRate * 100, 7, 'f', 2)
                   .arg(service.latencyP99Ms, 9, 'f', 1);
    }
    if (suspects) {
        if (capture.suspects.empty())
            out << tr("no suspects: no service was unhealthy\n");
        for (std::size_t rank = 0; rank < capture.suspects.size(); ++rank) {
            const auto &suspect = capture.suspects[rank];
            out << tr("suspect %1: %2 (score %3): %4\n")
                       .arg(rank + 1)
                       .arg(QString::fromStdString(suspect.service))
                       .arg(suspect.score, 0, 'f', 2)
                       .arg(suspect.reason);
        }
    }
    for (const auto &publisher : capture.publishers) {
        out << tr("publisher %1: %2 messages, %3 malformed, %4 lost\n")
                   .arg(QString::fromStdString(publisher.publisher))
                   .arg(publisher.messages)
                   .arg(publisher.malformed)
                   .arg(publisher.gaps);
    }
}

} // namespace

int runStatus(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print each service's state, mode, rate, error rate and p99 latency."));
    const QCommandLineOption connect(QStringLiteral("connect"), tr("Publisher endpoint to subscribe to (repeatable)."),
                                     tr("endpoint"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), tr("How long to listen before printing, in seconds."),
                                     tr("seconds"), QStringLiteral("3"));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text or json."), tr("format"),
                                    QStringLiteral("text"));
    const QCommandLineOption suspects(
        QStringLiteral("suspects"), tr("Also rank the likely root causes of what is unhealthy, best first."));
    const QCommandLineOption healthConfig(QStringLiteral("health-config"),
        tr("JSON file of health thresholds to judge services by, instead of the built-in defaults."), tr("file"));
    parser.addOptions({ connect, seconds, format, suspects, healthConfig });
    if (auto exit = parseCommandLine(parser, arguments, out, err))
        return *exit;

    if (!parser.positionalArguments().isEmpty()) {
        err << tr("faultlinectl status: unexpected argument '%1'\n").arg(parser.positionalArguments().first());
        return ExitUsage;
    }
    if (!parser.isSet(connect)) {
        err << tr("faultlinectl status: --connect ENDPOINT is required, for example --connect tcp://127.0.0.1:5556\n");
        return ExitUsage;
    }
    const auto duration = positiveSeconds(parser, QStringLiteral("seconds"), err);
    if (!duration)
        return ExitUsage;
    if (!checkFormat(parser.value(format), {QStringLiteral("text"), QStringLiteral("json")}, err))
        return ExitUsage;

    std::vector<std::string> endpoints;
    for (const auto &endpoint : parser.values(connect))
        endpoints.push_back(endpoint.toStdString());
    auto health = parser.isSet(healthConfig) ? HealthConfig::load(parser.value(healthConfig)) : HealthConfig::builtIn();
    if (!health) {
        err << QStringLiteral("faultlinectl status: %1\n").arg(health.error().message);
        return ExitUsage;
    }
    auto capture = captureLive(endpoints, *duration, health.value());
    if (!capture) {
        err << QStringLiteral("faultlinectl status: %1\n").arg(capture.error().message);
        return ExitFailure;
    }

    if (parser.value(format) == QLatin1String("json")) {
        QJsonArray services;
        for (const auto &[serviceName, service] : capture->services)
            services.append(serviceJson(service));
        QJsonArray publishers;
        for (const auto &publisher : capture->publishers)
            publishers.append(publisherJson(publisher));
        QJsonObject root;
        root.insert(QStringLiteral("services"), services);
        root.insert(QStringLiteral("publishers"), publishers);
        if (parser.isSet(suspects)) {
            QJsonArray ranked;
            for (const auto &suspect : capture->suspects)
                ranked.append(suspectJson(suspect));
            root.insert(QStringLiteral("suspects"), ranked);
        }
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    } else {
        writeText(capture.value(), parser.isSet(suspects), out);
    }

    if (capture->counters.messages == 0) {
        err << tr("faultlinectl status: no message arrived in %1 s; check that a publisher is running at %2\n")
                   .arg(*duration)
                   .arg(parser.values(connect).join(QStringLiteral(", ")));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace faultline::ctl
