// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchcommand.h"

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include "ctlcommon.h"
#include "health/livealarms.h"
#include "incident/incidentmanager.h"
#include "incident/incidenttime.h"
#include "incident/topologyrecorder.h"
#include "ingest/ingestclient.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

int stopPipe[2] = { -1, -1 };
volatile std::sig_atomic_t stopSignal = 0;

void onStopSignal(int signal)
{
    // Only async-signal-safe calls here: note the signal and wake the event loop through the pipe.
    stopSignal = signal;
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(stopPipe[1], &byte, 1);
}

/** Quits @p loop on SIGINT or SIGTERM while it exists, then restores the previous handlers. */
class StopSignals
{
public:
    explicit StopSignals(QEventLoop &loop)
    {
        stopSignal = 0;
        if (::pipe2(stopPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(stopPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, &loop, &QEventLoop::quit);
        struct sigaction action {
        };
        action.sa_handler = onStopSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, &m_previousInt);
        sigaction(SIGTERM, &action, &m_previousTerm);
        m_installed = true;
    }

    ~StopSignals()
    {
        if (!m_installed)
            return;
        sigaction(SIGINT, &m_previousInt, nullptr);
        sigaction(SIGTERM, &m_previousTerm, nullptr);
        m_notifier.reset();
        ::close(stopPipe[0]);
        ::close(stopPipe[1]);
        stopPipe[0] = stopPipe[1] = -1;
    }

    StopSignals(const StopSignals &) = delete;
    StopSignals &operator=(const StopSignals &) = delete;

    bool installed() const { return m_installed; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_previousInt {
    };
    struct sigaction m_previousTerm {
    };
    bool m_installed = false;
};

QString eventLine(const IncidentEvent &event)
{
    QString line = IncidentTime::toUtcText(event.time) + QLatin1Char(' ')
        + QString::fromLatin1(severityName(event.severity).data()) + QLatin1Char(' ')
        + QString::fromLatin1(eventKindName(event.kind).data());
    if (!event.service.isEmpty())
        line += QLatin1Char(' ') + event.service;
    if (!event.text.isEmpty())
        line += QStringLiteral(": ") + QString(event.text).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line + QLatin1Char('\n');
}

} // namespace

int runWatch(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Record state changes, alarms and stream problems to an incident journal without a display. "
           "SIGINT, SIGTERM or the end of --seconds close the journal; after a crash or kill -9 the same "
           "command resumes the journal, which stays readable."));
    const QCommandLineOption connect(
        QStringLiteral("connect"), tr("Publisher endpoint to subscribe to (repeatable)."), tr("endpoint"));
    const QCommandLineOption journal(
        QStringLiteral("journal"), tr("Journal file to write; an open journal at that path is resumed."), tr("file"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
        tr("Stop after this many seconds; without it, run until "
           "SIGINT or SIGTERM."),
        tr("seconds"));
    const QCommandLineOption title(QStringLiteral("title"), tr("Title of a new journal's incident."), tr("text"));
    const QCommandLineOption operatorName(QStringLiteral("operator"),
        tr("Name recorded as the one who started and "
           "stopped the recording."),
        tr("name"), QStringLiteral("faultlinectl"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), tr("Do not print each recorded event."));
    parser.addOptions({ connect, journal, seconds, title, operatorName, quiet });
    if (auto exit = parseCommandLine(parser, arguments, out, err))
        return *exit;

    if (!parser.positionalArguments().isEmpty()) {
        err << tr("faultlinectl watch: unexpected argument '%1'\n").arg(parser.positionalArguments().first());
        return ExitUsage;
    }
    if (!parser.isSet(connect)) {
        err << tr("faultlinectl watch: --connect ENDPOINT is required, for example --connect tcp://127.0.0.1:5556\n");
        return ExitUsage;
    }
    if (!parser.isSet(journal) || parser.value(journal).isEmpty()) {
        err << tr("faultlinectl watch: --journal FILE is required, for example --journal line2.fljournal\n");
        return ExitUsage;
    }
    std::optional<double> duration;
    if (parser.isSet(seconds)) {
        duration = positiveSeconds(parser, QStringLiteral("seconds"), err);
        if (!duration)
            return ExitUsage;
    }

    IngestClient client;
    LiveTopology topology;
    IncidentManager manager;
    manager.setAutoOpen(false);
    manager.setAutoCloseDelay(std::chrono::milliseconds(0));
    TopologyRecorder::Options recorderOptions;
    recorderOptions.source = QStringLiteral("faultlinectl watch");
    TopologyRecorder recorder(topology, manager, recorderOptions);
    manager.setGraphSnapshotProvider([&topology] { return TopologyRecorder::snapshotOf(topology); });

    // LiveAlarms journals the alarm events of each delta, as it does in the console.
    LiveAlarms alarms;
    alarms.setIncidentSink(&manager);
    QObject::connect(&client, &IngestClient::deltaReady, &topology, &LiveTopology::apply);
    QObject::connect(&client, &IngestClient::deltaReady, &alarms, &LiveAlarms::apply);
    const bool printEvents = !parser.isSet(quiet);
    QObject::connect(
        &manager, &IncidentManager::eventRecorded, &manager, [&out, printEvents](const IncidentEvent &event) {
            if (printEvents) {
                out << eventLine(event);
                out.flush();
            }
        });
    QObject::connect(&manager, &IncidentManager::journalFailed, &manager, [&err](const QString &message) {
        err << QStringLiteral("faultlinectl watch: %1\n").arg(message);
        err.flush();
    });

    const auto endpoints = parser.values(connect);
    const auto journalPath = parser.value(journal);
    const auto incidentTitle
        = parser.isSet(title) ? parser.value(title) : tr("Recording of %1").arg(endpoints.join(QStringLiteral(", ")));
    const auto opened = manager.openIncident(
        incidentTitle, parser.value(operatorName), tr("recording started by faultlinectl watch"), journalPath);
    if (!opened) {
        err << QStringLiteral("faultlinectl watch: %1\n").arg(opened.error().message);
        return ExitFailure;
    }

    IngestClient::Options options;
    for (const auto &endpoint : endpoints)
        options.endpoints.push_back(endpoint.toStdString());
    if (auto error = client.start(options)) {
        err << QStringLiteral("faultlinectl watch: %1\n").arg(error->message);
        manager.closeIncident(parser.value(operatorName), tr("recording failed: %1").arg(error->message));
        return ExitFailure;
    }
    err << tr("faultlinectl watch: recording incident %1 to %2\n").arg(opened.value(), journalPath);
    err.flush();

    QEventLoop loop;
    StopSignals stopSignals(loop);
    if (!stopSignals.installed())
        err << tr("faultlinectl watch: cannot watch for SIGINT and SIGTERM; stop with --seconds\n");
    if (duration)
        QTimer::singleShot(int(*duration * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    client.stop();

    // Deltas queued before the stop still carry the last changes.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    recorder.flush();

    const auto reason = stopSignal != 0
        ? tr("recording stopped by %1").arg(stopSignal == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"))
        : tr("recording time of %1 s ended").arg(*duration);
    if (auto error = manager.closeIncident(parser.value(operatorName), reason)) {
        err << QStringLiteral("faultlinectl watch: %1\n").arg(error->message);
        return ExitFailure;
    }
    err << tr("faultlinectl watch: journal %1 closed with %2 events\n")
               .arg(journalPath, QString::number(manager.currentIncident()->events.size()));
    return ExitOk;
}

} // namespace faultline::ctl
