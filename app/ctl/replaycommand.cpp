// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaycommand.h"

#include <chrono>
#include <thread>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "common/zmqcontext.h"
#include "ctlcommon.h"
#include "ingest/streampublisher.h"
#include "replayplan.h"
#include "traces/traceimporter.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

struct ReplayOptions {
    QStringList files;
    std::string endpoint;
    bool connect = false;
    double speed = 1.0;
    bool loop = false;
    int settleMs = 500;
};

std::optional<ReplayOptions> parseOptions(const QStringList &arguments, QTextStream &out, QTextStream &err, int &exit)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Publish the spans of trace files as live trace streams."));
    const QCommandLineOption publish(QStringLiteral("publish"),
        tr("Bind the publisher to ENDPOINT (tcp://host:port, tcp://127.0.0.1:* for any free port, ipc:// or "
           "inproc://) for consoles to connect to."),
        QStringLiteral("ENDPOINT"));
    const QCommandLineOption connect(QStringLiteral("connect"),
        tr("Connect the publisher to ENDPOINT instead, such as a proxy's XSUB socket."), QStringLiteral("ENDPOINT"));
    const QCommandLineOption speed(QStringLiteral("speed"),
        tr("Play X times as fast as recorded (default 1); idle stretches longer than 5 s of file time are cut to "
           "5 s."),
        QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption loop(
        QStringLiteral("loop"), tr("Start again after the last span, with new trace ids, until interrupted."));
    const QCommandLineOption settle(QStringLiteral("settle-ms"),
        tr("Wait this many milliseconds after binding or connecting before the first message, so that "
           "subscribers can join (default 500)."),
        QStringLiteral("MS"), QStringLiteral("500"));
    parser.addOptions({ publish, connect, speed, loop, settle });
    parser.addPositionalArgument(
        QStringLiteral("FILE"), tr("Trace files to replay, in any supported format."), QStringLiteral("FILE..."));
    if (auto result = parseCommandLine(parser, arguments, out, err)) {
        exit = *result;
        return std::nullopt;
    }

    exit = ExitUsage;
    ReplayOptions options;
    options.files = parser.positionalArguments();
    if (options.files.isEmpty()) {
        err << tr("faultlinectl replay: give at least one trace file\n");
        return std::nullopt;
    }
    if (parser.isSet(publish) == parser.isSet(connect)) {
        err << tr("faultlinectl replay: give exactly one of --publish ENDPOINT or --connect ENDPOINT\n");
        return std::nullopt;
    }
    options.connect = parser.isSet(connect);
    options.endpoint = (options.connect ? parser.value(connect) : parser.value(publish)).toStdString();
    bool ok = false;
    options.speed = parser.value(speed).toDouble(&ok);
    if (!ok || !(options.speed > 0) || options.speed > 1e6) {
        err << tr("faultlinectl replay: --speed '%1' is not a number above 0 and at most 1000000; give for "
                  "example --speed 10\n")
                   .arg(parser.value(speed));
        return std::nullopt;
    }
    options.settleMs = parser.value(settle).toInt(&ok);
    if (!ok || options.settleMs < 0 || options.settleMs > 60'000) {
        err << tr("faultlinectl replay: --settle-ms '%1' is not a whole number from 0 to 60000\n")
                   .arg(parser.value(settle));
        return std::nullopt;
    }
    options.loop = parser.isSet(loop);
    exit = ExitOk;
    return options;
}

std::optional<std::vector<Span>> loadSpans(const QStringList &files, QTextStream &err)
{
    std::vector<Span> spans;
    TraceImporter importer;
    TraceImporter::Handlers handlers;
    handlers.spans
        = [&](std::vector<Span> &batch) { std::move(batch.begin(), batch.end(), std::back_inserter(spans)); };
    for (const QString &file : files) {
        auto summary = importer.importFile(file, handlers);
        if (!summary) {
            err << tr("faultlinectl replay: %1\n").arg(summary.error().message);
            return std::nullopt;
        }
        if (summary->badLineCount + summary->skippedSpanCount > 0)
            err << tr("faultlinectl replay: %1: skipped %2 bad lines and %3 spans\n")
                       .arg(file)
                       .arg(summary->badLineCount)
                       .arg(summary->skippedSpanCount);
        if (summary->links > 0)
            err << tr("faultlinectl replay: %1 holds dependency links, not spans; they are not replayed\n").arg(file);
    }
    return spans;
}

std::int64_t unixNanosecondsNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t firstSendTime(const std::vector<ReplayBatch> &plan)
{
    for (const ReplayBatch &batch : plan) {
        for (const Span &span : batch.spans) {
            if (const auto time = span.endUnixNs ? span.endUnixNs : span.startUnixNs)
                return *time;
        }
    }
    return 0;
}

} // namespace

int runReplay(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    int exit = ExitOk;
    const auto options = parseOptions(arguments, out, err, exit);
    if (!options)
        return exit;

    auto spans = loadSpans(options->files, err);
    if (!spans)
        return ExitFailure;
    const std::size_t spanCount = spans->size();
    const std::vector<ReplayBatch> plan = buildReplayPlan(std::move(*spans));
    if (plan.empty()) {
        err << tr("faultlinectl replay: the files hold no spans to replay\n");
        return ExitFailure;
    }

    StreamPublisher publisher(sharedZmqContext(), "faultlinectl-replay");
    const auto failure = options->connect ? publisher.connect(options->endpoint) : publisher.bind(options->endpoint);
    if (failure) {
        err << tr("faultlinectl replay: %1\n").arg(failure->message);
        return ExitFailure;
    }
    const std::string shownEndpoint = options->connect ? options->endpoint : publisher.boundEndpoint();
    out << tr("replaying %1 spans in %2 messages on %3 at %4x speed\n")
               .arg(spanCount)
               .arg(plan.size())
               .arg(QString::fromStdString(shownEndpoint))
               .arg(options->speed);
    out.flush();
    std::this_thread::sleep_for(std::chrono::milliseconds(options->settleMs));

    // Spans are re-dated to the moment of the replay, so that a console takes them for live spans.
    const std::int64_t recordedStart = firstSendTime(plan);
    using Clock = std::chrono::steady_clock;
    for (std::uint64_t pass = 0;; ++pass) {
        const auto passStart = Clock::now();
        const std::vector<ReplayBatch> batches = shiftedPass(plan, pass, unixNanosecondsNow() - recordedStart);
        for (const ReplayBatch &batch : batches) {
            const auto due
                = passStart + std::chrono::nanoseconds(std::int64_t(double(batch.offsetNs) / options->speed));
            std::this_thread::sleep_until(due);
            publisher.publishSpans(batch.service, batch.spans);
        }
        if (!options->loop)
            break;
    }
    out << tr("published %1 messages\n").arg(publisher.sentMessages());
    return ExitOk;
}

} // namespace faultline::ctl
