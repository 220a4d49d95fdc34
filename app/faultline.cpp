// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultline: the operations console.

#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTranslator>

#include "control/commandclient.h"
#include "incident/incidentstore.h"
#include "ingest/ingestclient.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "operationsconsole.h"
#include "sim/demoplant.h"
#include "sim/fault.h"
#include "sim/planttopology.h"
#include "topology/livetopology.h"

/** The translation context of the console's command line and start-up messages. */
class Console
{
    Q_DECLARE_TR_FUNCTIONS(Console)
};

namespace
{

constexpr int exitUsage = 2;
const char *const demoPublishEndpoint = "inproc://faultline-demo-pub";
const char *const demoControlEndpoint = "inproc://faultline-demo-control";

int usageError(const QString &message)
{
    std::fputs(qPrintable(Console::tr("faultline: %1").arg(message) + QLatin1Char('\n')), stderr);
    std::fputs(qPrintable(Console::tr("Try 'faultline --help' for the options.") + QLatin1Char('\n')), stderr);
    return exitUsage;
}

/** The options requested on the command line, checked before any window or socket exists. */
struct ConsoleOptions {
    std::optional<faultline::DemoPlant::Options> demo;
    faultline::IngestClient::Options ingest;
    QString controlEndpoint;
    QStringList importFiles;
    QString operatorName;
    QString incidentDirectory;
    QStringList playbookDirectories;
};

/** The operator's name for the timeline: the login name unless --operator gives another. */
QString defaultOperatorName()
{
    for (const char *variable : { "USER", "USERNAME", "LOGNAME" }) {
        const auto name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return Console::tr("operator");
}

bool isSupportedEndpoint(const QString &endpoint)
{
    for (const char *scheme : { "tcp://", "ipc://", "inproc://" }) {
        if (endpoint.startsWith(QLatin1String(scheme)) && endpoint.size() > int(qstrlen(scheme)))
            return true;
    }
    return false;
}

/** Parses and checks the options. On a usage error it prints the error and returns nothing. */
std::optional<ConsoleOptions> parseOptions(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(Console::tr("Operations console for plant microservices: a live dependency graph "
                                                 "built from health and trace streams."));
    const auto help = parser.addHelpOption();
    const auto version = parser.addVersionOption();
    parser.addOptions({
        { QStringLiteral("demo"), Console::tr("Runs the demo plant inside the console and shows it.") },
        { QStringLiteral("connect"),
            Console::tr("Subscribes to the health and trace stream at this endpoint (tcp://, ipc:// or inproc://). "
                        "Repeatable."),
            Console::tr("endpoint") },
        { QStringLiteral("control"), Console::tr("Endpoint of the control requests (ROUTER) of the plant."),
            Console::tr("endpoint") },
        { QStringLiteral("rate"), Console::tr("With --demo: requests per second entering the demo plant."),
            Console::tr("n"), QStringLiteral("200") },
        { QStringLiteral("fault"),
            Console::tr("With --demo: adds a fault to the demo plant, KIND one of latency, errors, crash, overload; "
                        "START_S and "
                        "DURATION_S in seconds from the start. Repeatable."),
            QStringLiteral("SERVICE:KIND[:START_S[:DURATION_S]]") },
        { QStringLiteral("import"),
            Console::tr("Opens this trace file in an import window at start, apart from the live graph. Repeatable."),
            Console::tr("file") },
        { QStringLiteral("operator"),
            Console::tr("Name recorded in the incident timeline for this console's actions and notes (default: the "
                        "login name)."),
            Console::tr("name") },
        { QStringLiteral("incident-dir"),
            Console::tr("Folder of the incident journals (default: the data folder, %1).")
                .arg(faultline::IncidentStore::defaultDirectory()),
            Console::tr("folder") },
        { QStringLiteral("playbooks"),
            Console::tr("Folder of site playbooks (*.yaml), loaded after the shipped ones; a file named like a "
                        "shipped playbook replaces it. Repeatable."),
            Console::tr("folder") },
        { QStringLiteral("receive-hwm"),
            Console::tr("Messages that ZeroMQ queues for the console before it drops the newest (receive high-water "
                        "mark)."),
            Console::tr("n"), QString::number(faultline::IngestClient::Options {}.receiveHighWaterMark) },
    });

    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return std::nullopt;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        usageError(Console::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));
        return std::nullopt;
    }

    ConsoleOptions options;
    const bool demo = parser.isSet(QStringLiteral("demo"));
    for (const QString &option : { QStringLiteral("rate"), QStringLiteral("fault") }) {
        if (!demo && parser.isSet(option)) {
            usageError(Console::tr("--%1 applies to the demo plant; add --demo").arg(option));
            return std::nullopt;
        }
    }
    if (demo && parser.isSet(QStringLiteral("control"))) {
        usageError(
            Console::tr("--control cannot be combined with --demo, which uses the demo plant's own control endpoint"));
        return std::nullopt;
    }
    for (const QString &endpoint : parser.values(QStringLiteral("connect"))) {
        if (!isSupportedEndpoint(endpoint)) {
            usageError(Console::tr("--connect '%1' is not a tcp://, ipc:// or inproc:// endpoint").arg(endpoint));
            return std::nullopt;
        }
        options.ingest.endpoints.push_back(endpoint.toStdString());
    }
    options.controlEndpoint = parser.value(QStringLiteral("control"));
    if (!options.controlEndpoint.isEmpty() && !isSupportedEndpoint(options.controlEndpoint)) {
        usageError(
            Console::tr("--control '%1' is not a tcp://, ipc:// or inproc:// endpoint").arg(options.controlEndpoint));
        return std::nullopt;
    }
    bool validHwm = false;
    const int receiveHwm = parser.value(QStringLiteral("receive-hwm")).toInt(&validHwm);
    if (!validHwm || receiveHwm < 1000) {
        usageError(Console::tr("--receive-hwm '%1' is not a whole number of messages of at least 1000")
                       .arg(parser.value(QStringLiteral("receive-hwm"))));
        return std::nullopt;
    }
    options.ingest.receiveHighWaterMark = receiveHwm;
    options.importFiles = parser.values(QStringLiteral("import"));
    options.operatorName = parser.isSet(QStringLiteral("operator")) ? parser.value(QStringLiteral("operator")).trimmed()
                                                                    : defaultOperatorName();
    if (options.operatorName.isEmpty()) {
        usageError(Console::tr("--operator needs a name, for example --operator \"Dana Kim\""));
        return std::nullopt;
    }
    options.incidentDirectory = parser.value(QStringLiteral("incident-dir"));
    for (const QString &folder : parser.values(QStringLiteral("playbooks"))) {
        if (!QFileInfo(folder).isDir()) {
            usageError(Console::tr("--playbooks '%1' is not a folder; give the folder that contains the .yaml files")
                           .arg(folder));
            return std::nullopt;
        }
        options.playbookDirectories.append(folder);
    }
    if (!demo)
        return options;

    faultline::DemoPlant::Options plant;
    plant.topology = faultline::PlantTopology::builtIn();
    plant.publishEndpoint = demoPublishEndpoint;
    plant.controlEndpoint = demoControlEndpoint;
    bool ok = false;
    const QString rateText = parser.value(QStringLiteral("rate"));
    plant.requestsPerSecond = rateText.toDouble(&ok);
    if (!ok || !std::isfinite(plant.requestsPerSecond) || plant.requestsPerSecond < 0.001
        || plant.requestsPerSecond > 100'000) {
        usageError(Console::tr("--rate '%1' is not a number from 0.001 to 100000").arg(rateText));
        return std::nullopt;
    }
    for (const QString &text : parser.values(QStringLiteral("fault"))) {
        auto fault = faultline::parseFaultSpec(text.toStdString());
        if (!fault) {
            usageError(fault.error().message);
            return std::nullopt;
        }
        plant.faults.push_back(fault.value());
    }
    if (auto error = faultline::validateFaults(plant.faults, plant.topology)) {
        usageError(error->message);
        return std::nullopt;
    }
    options.ingest.endpoints.insert(options.ingest.endpoints.begin(), demoPublishEndpoint);
    options.controlEndpoint = QString::fromLatin1(demoControlEndpoint);
    options.demo = std::move(plant);
    return options;
}

/** Whether the arguments only ask for help or the version, which must work without a display. */
bool onlyPrintsInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-v"
            || argument == "--version")
            return true;
    }
    return false;
}

void installTranslators(QCoreApplication &app)
{
    // Parented to the application, so they live as long as it does.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("faultline"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = onlyPrintsInformation(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Faultline"));
    QCoreApplication::setApplicationName(QStringLiteral("faultline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTLINE_VERSION));
    installTranslators(*app);
    QGuiApplication::setApplicationDisplayName(Console::tr("Faultline"));

    QCommandLineParser parser;
    auto options = parseOptions(parser, QCoreApplication::arguments());
    if (!options)
        return exitUsage;

    // The command client outlives the window, whose actions send through it.
    std::unique_ptr<faultline::CommandClient> control;
    if (!options->controlEndpoint.isEmpty())
        control = std::make_unique<faultline::CommandClient>(
            std::vector<std::string> { options->controlEndpoint.toStdString() });

    faultline::LiveTopology topology;
    faultline::MainWindow window(&topology);
    std::unique_ptr<faultline::DemoPlant> plant;
    if (options->demo) {
        plant = std::make_unique<faultline::DemoPlant>(std::move(*options->demo));
        if (auto error = plant->start())
            window.showProblem(Console::tr("The demo plant did not start: %1").arg(error->message));
        window.setSourceDescription(Console::tr("Demo plant"));
    } else if (options->ingest.endpoints.empty()) {
        window.banner()->showMessage(Console::tr("No stream to show. Start the console with --demo, or with --connect "
                                                 "ENDPOINT for a plant's health and trace stream."),
            faultline::MessageBanner::Level::Information);
    } else {
        QStringList endpoints;
        for (const auto &endpoint : options->ingest.endpoints)
            endpoints.append(QString::fromStdString(endpoint));
        window.setSourceDescription(endpoints.join(QStringLiteral(", ")));
    }

    if (control) {
        if (auto error = control->start())
            window.showProblem(Console::tr("Control requests cannot be sent: %1").arg(error->message));
    }
    faultline::OperationsConsole::Options operations;
    operations.operatorName = options->operatorName;
    operations.store = faultline::IncidentStore(options->incidentDirectory);
    operations.playbookDirectories = options->playbookDirectories;
    auto *operationsConsole = new faultline::OperationsConsole(&window, &topology, control.get(), operations);

    faultline::IngestClient ingest;
    QObject::connect(&ingest, &faultline::IngestClient::deltaReady, &topology, &faultline::LiveTopology::apply);
    operationsConsole->connectIngest(&ingest);
    if (!options->ingest.endpoints.empty()) {
        if (auto error = ingest.start(options->ingest))
            window.showProblem(error->message);
    }

    // The plant runs on its own thread; a failure there reaches the operator through the banner.
    QTimer plantWatch;
    if (plant) {
        QObject::connect(&plantWatch, &QTimer::timeout, &window, [&plant, &window, &plantWatch] {
            if (auto failure = plant->failure()) {
                window.showProblem(Console::tr("The demo plant stopped: %1").arg(failure->message));
                plantWatch.stop();
            }
        });
        plantWatch.start(1000);
    }

    // Without a window manager (kiosk sessions, Xvfb) maximising does nothing, so fill the screen directly.
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        window.setGeometry(screen->availableGeometry());
    window.showMaximized();
    window.importTraces(options->importFiles);
    const int result = QCoreApplication::exec();
    ingest.stop();
    if (plant)
        plant->stop();
    return result;
}
