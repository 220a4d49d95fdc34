// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultline-sim: the demo plant as its own process.

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include "sim/demoplant.h"
#include "sim/fault.h"
#include "sim/faultscenario.h"
#include "sim/planttopology.h"

namespace
{

constexpr int exitUsage = 2;
constexpr int exitRuntime = 1;

volatile std::sig_atomic_t stopSignal = 0;

void onStopSignal(int signal)
{
    stopSignal = signal;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline-sim", text);
}

void printLine(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

int usageError(const QString &message)
{
    printLine(tr("faultline-sim: %1").arg(message));
    printLine(tr("Try 'faultline-sim --help' for the options."));
    return exitUsage;
}

// Reads a number option; returns nothing and prints the usage error when it is out of range.
std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double low, double high)
{
    bool ok = false;
    const QString text = parser.value(name);
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < low || value > high) {
        usageError(tr("--%1 '%2' is not a number from %3 to %4").arg(name, text).arg(low).arg(high));
        return std::nullopt;
    }
    return value;
}

bool isEndpoint(const QString &text)
{
    for (const auto *scheme : { "tcp://", "ipc://", "inproc://" }) {
        if (text.startsWith(QLatin1String(scheme)) && text.size() > qsizetype(std::strlen(scheme)))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("faultline-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTLINE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the demo plant: simulated services that publish protocol v1 health and trace streams, obey control "
           "requests and play fault scenarios."));
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    parser.addOptions({
        { QStringLiteral("publish"), tr("Endpoint the PUB socket binds for the health and trace streams."),
            tr("endpoint"), QStringLiteral("tcp://127.0.0.1:5556") },
        { QStringLiteral("control"), tr("Endpoint the ROUTER socket binds for control requests."), tr("endpoint"),
            QStringLiteral("tcp://127.0.0.1:5557") },
        { QStringLiteral("topology"), tr("Plant topology JSON file (default: the built-in factory plant)."),
            tr("file") },
        { QStringLiteral("scenario"),
            tr("Fault scenario: a built-in name (%1) or a scenario JSON file.")
                .arg(faultline::FaultScenario::builtInNames().join(QStringLiteral(", "))),
            tr("name|file") },
        { QStringLiteral("fault"),
            tr("Adds a fault, KIND one of latency, errors, crash, overload; START_S and DURATION_S in seconds from the "
               "start (duration 0 or none: until the end). Repeatable."),
            QStringLiteral("SERVICE:KIND[:START_S[:DURATION_S]]") },
        { QStringLiteral("rate"), tr("Requests per second entering the plant."), tr("n"), QStringLiteral("200") },
        { QStringLiteral("seed"), tr("Seed of the random generator, for reproducible runs."), tr("n"),
            QStringLiteral("1") },
        { QStringLiteral("duration"), tr("Seconds to run before exiting; 0 runs until interrupted."), tr("s"),
            QStringLiteral("0") },
        { QStringLiteral("resilience"),
            tr("Callers keep a circuit breaker per callee and eject failing instances, as real services with "
               "resilience libraries do. Off by default, because breakers hide a faulty service's errors from its own "
               "heartbeats.") },
        { QStringLiteral("print-topology"), tr("Prints the services and edges as JSON and exits.") },
    });

    if (!parser.parse(app.arguments()))
        return usageError(parser.errorText());
    // parse() leaves --help-all to the caller; the plain help lists every option this program has.
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    faultline::DemoPlant::Options options;
    if (parser.isSet(QStringLiteral("topology"))) {
        auto topology = faultline::PlantTopology::load(parser.value(QStringLiteral("topology")));
        if (!topology)
            return usageError(topology.error().message);
        options.topology = std::move(topology).value();
    } else {
        options.topology = faultline::PlantTopology::builtIn();
    }

    if (parser.isSet(QStringLiteral("print-topology"))) {
        std::fputs(options.topology.summaryJson().append('\n').constData(), stdout);
        return 0;
    }

    if (parser.isSet(QStringLiteral("scenario"))) {
        auto scenario = faultline::FaultScenario::load(parser.value(QStringLiteral("scenario")));
        if (!scenario)
            return usageError(scenario.error().message);
        options.faults = scenario->faults;
    }
    for (const auto &text : parser.values(QStringLiteral("fault"))) {
        auto fault = faultline::parseFaultSpec(text.toStdString());
        if (!fault)
            return usageError(fault.error().message);
        options.faults.push_back(fault.value());
    }
    if (auto error = faultline::validateFaults(options.faults, options.topology))
        return usageError(error->message);

    const auto rate = numberOption(parser, QStringLiteral("rate"), 0.001, 100'000);
    const auto duration = numberOption(parser, QStringLiteral("duration"), 0, faultline::maxFaultSeconds);
    if (!rate || !duration)
        return exitUsage;
    bool seedOk = false;
    const auto seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return usageError(tr("--seed '%1' is not a whole number from 0 to %2")
                              .arg(parser.value(QStringLiteral("seed")))
                              .arg(std::numeric_limits<qulonglong>::max()));
    options.requestsPerSecond = *rate;
    options.durationSeconds = *duration;
    options.seed = seed;
    options.resilience = parser.isSet(QStringLiteral("resilience"));
    for (const auto *name : { "publish", "control" }) {
        const QString endpoint = parser.value(QLatin1String(name));
        if (!isEndpoint(endpoint))
            return usageError(
                tr("--%1 '%2' is not a ZeroMQ endpoint; write tcp://HOST:PORT, ipc://PATH or inproc://NAME")
                    .arg(QLatin1String(name), endpoint));
    }
    options.publishEndpoint = parser.value(QStringLiteral("publish")).toStdString();
    options.controlEndpoint = parser.value(QStringLiteral("control")).toStdString();

    // Installed before the endpoints are printed, so a script that waits for them can stop the plant at once.
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);

    faultline::DemoPlant plant(std::move(options));
    if (auto error = plant.start()) {
        printLine(tr("faultline-sim: %1").arg(error->message));
        return exitRuntime;
    }
    // Stable lines on stderr, so that scripts started with port 0 ('*') can read the endpoints back.
    printLine(tr("faultline-sim: publish endpoint %1").arg(QString::fromStdString(plant.publishEndpoint())));
    printLine(tr("faultline-sim: control endpoint %1").arg(QString::fromStdString(plant.controlEndpoint())));

    // The signal handler only sets a flag; this timer turns it, or the end of --duration, into a clean exit.
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [&plant] {
        if (stopSignal != 0 || plant.finished())
            QCoreApplication::quit();
    });
    watch.start(50);
    QCoreApplication::exec();

    plant.stop();
    if (const auto failure = plant.failure()) {
        printLine(tr("faultline-sim: %1").arg(failure->message));
        return exitRuntime;
    }
    if (stopSignal != 0)
        printLine(tr("faultline-sim: stopped by signal %1").arg(int(stopSignal)));
    return 0;
}
