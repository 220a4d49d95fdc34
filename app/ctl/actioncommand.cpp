// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncommand.h"

#include <cmath>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "control/commandclient.h"
#include "ctlcommon.h"
#include "wire/protocol.h"

namespace faultline::ctl
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

QString name(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Reads a number option in [minimum, maximum], or writes a usage error that names the value and the range.
std::optional<double> numberOption(const QCommandLineParser &parser, const QString &option, double minimum,
    double maximum, const QString &command, QTextStream &err)
{
    bool ok = false;
    const auto text = parser.value(option);
    const double value = text.toDouble(&ok);
    if (ok && std::isfinite(value) && value >= minimum && value <= maximum)
        return value;
    err << tr("faultlinectl %1: --%2 '%3' is not a number from %4 to %5; give for example --%2 %6\n")
               .arg(command, option, text)
               .arg(minimum)
               .arg(maximum)
               .arg(option == QLatin1String("percent") ? 25 : 50);
    return std::nullopt;
}

QString outcomeWord(CommandOutcome::Kind kind)
{
    switch (kind) {
    case CommandOutcome::Kind::Applied:
        return tr("applied");
    case CommandOutcome::Kind::Rejected:
        return tr("rejected");
    case CommandOutcome::Kind::TimedOut:
        return tr("timed out");
    case CommandOutcome::Kind::Cancelled:
        return tr("cancelled");
    }
    return {};
}

} // namespace

int runAction(ControlOperation operation, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = name(operationName(operation));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send one control request to the agent of SERVICE and print whether it was applied."));
    parser.addPositionalArgument(QStringLiteral("SERVICE"), tr("The service to act on."));
    const QCommandLineOption control(QStringLiteral("control"),
        tr("Control endpoint of the service's agent, for example tcp://127.0.0.1:5557."), tr("endpoint"));
    const QCommandLineOption percent(
        QStringLiteral("percent"), tr("ramp: share of traffic to admit, in percent from 0 to 100."), tr("N"));
    const QCommandLineOption capacity(QStringLiteral("capacity"),
        tr("shed: requests in flight to admit before rejecting the excess, 1 or more."), tr("N"));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why, for the service's log."), tr("text"));
    const QCommandLineOption operatorName(QStringLiteral("operator"),
        tr("Who sends the request; defaults to the USER environment variable."), tr("name"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        tr("How long to wait for the agent's reply, in seconds; also the deadline."), tr("seconds"),
        QStringLiteral("5"));
    parser.addOptions({ control, percent, capacity, reason, operatorName, timeout });
    if (auto exit = parseCommandLine(parser, arguments, out, err))
        return *exit;

    const auto positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err << tr("faultlinectl %1: give exactly one SERVICE, for example 'faultlinectl %1 servo-controller "
                  "--control tcp://127.0.0.1:5557'\n")
                   .arg(command);
        return ExitUsage;
    }
    const QString service = positional.first();
    if (!wire::isValidServiceName(service.toStdString())) {
        err << tr("faultlinectl %1: '%2' is not a valid service name; use 1 to 200 characters of letters, digits "
                  "and . _ : / -\n")
                   .arg(command, service);
        return ExitUsage;
    }
    if (!parser.isSet(control)) {
        err << tr("faultlinectl %1: --control ENDPOINT is required, for example --control tcp://127.0.0.1:5557\n")
                   .arg(command);
        return ExitUsage;
    }

    ControlRequest request;
    request.operation = operation;
    request.service = service.toStdString();
    request.reason = parser.value(reason).toStdString();
    request.operatorName
        = (parser.isSet(operatorName) ? parser.value(operatorName) : qEnvironmentVariable("USER")).toStdString();

    // Each parameter belongs to one operation, so a misplaced one is most likely a typo in the command.
    const bool isRamp = operation == ControlOperation::Ramp;
    const bool isShed = operation == ControlOperation::Shed;
    if (parser.isSet(percent) != isRamp) {
        err << (isRamp ? tr("faultlinectl ramp: --percent N is required, for example --percent 25\n")
                       : tr("faultlinectl %1: --percent applies to ramp only; remove it\n").arg(command));
        return ExitUsage;
    }
    if (parser.isSet(capacity) != isShed) {
        err << (isShed ? tr("faultlinectl shed: --capacity N is required, for example --capacity 50\n")
                       : tr("faultlinectl %1: --capacity applies to shed only; remove it\n").arg(command));
        return ExitUsage;
    }
    if (isRamp) {
        request.percent = numberOption(parser, QStringLiteral("percent"), 0, 100, command, err);
        if (!request.percent)
            return ExitUsage;
    }
    if (isShed) {
        request.capacity = numberOption(parser, QStringLiteral("capacity"), 1, 1e9, command, err);
        if (!request.capacity)
            return ExitUsage;
    }
    const auto seconds = positiveSeconds(parser, QStringLiteral("timeout"), err);
    if (!seconds)
        return ExitUsage;

    CommandClient client({ parser.value(control).toStdString() });
    if (auto error = client.start()) {
        err << QStringLiteral("faultlinectl %1: %2\n").arg(command, error->message);
        return ExitUsage;
    }
    const auto timeoutMs = std::chrono::milliseconds(std::llround(*seconds * 1000));
    const auto outcome = QCoro::waitFor(client.send(request, timeoutMs));

    QTextStream &stream = outcome.applied() ? out : err;
    stream << tr("%1 %2: %3 (request %4)\n")
                  .arg(command, service, outcomeWord(outcome.kind), QString::fromStdString(outcome.id));
    if (!outcome.reason.isEmpty())
        stream << QStringLiteral("  %1\n").arg(outcome.reason);
    if (outcome.applied())
        stream << tr("  mode now: %1\n").arg(name(modeName(outcome.mode)));
    return outcome.applied() ? ExitOk : ExitFailure;
}

} // namespace faultline::ctl
