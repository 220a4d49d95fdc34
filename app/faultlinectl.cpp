// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultlinectl: the terminal companion of the console. Each command lives in app/ctl.

#include <functional>

#include <QCoreApplication>
#include <QTextStream>

#include "actioncommand.h"
#include "ctlcommon.h"
#include "exportcommand.h"
#include "graphcommand.h"
#include "replaycommand.h"
#include "statuscommand.h"
#include "watchcommand.h"

namespace {

using faultline::ctl::ExitUsage;

struct Command {
    const char *name;
    const char *summary;
    std::function<int(const QStringList &, QTextStream &, QTextStream &)> run;
};

QString tr(const char *text)
{
    return QCoreApplication::translate("ctl", text);
}

std::function<int(const QStringList &, QTextStream &, QTextStream &)> actionRunner(faultline::ControlOperation operation)
{
    return [operation](const QStringList &arguments, QTextStream &out, QTextStream &err) {
        return faultline::ctl::runAction(operation, arguments, out, err);
    };
}

const std::vector<Command> &commands()
{
    static const std::vector<Command> list = {
        {"status", QT_TRANSLATE_NOOP("ctl", "print each service's state, mode, rate, errors and p99 from live streams"),
         faultline::ctl::runStatus},
        {"graph", QT_TRANSLATE_NOOP("ctl", "print the dependency graph from trace files (--input) or live streams"),
         faultline::ctl::runGraph},
        {"replay", QT_TRANSLATE_NOOP("ctl", "publish the spans of trace files as a live stream, at their original pace"),
         faultline::ctl::runReplay},
        {"watch", QT_TRANSLATE_NOOP("ctl", "record state changes, alarms and stream problems to an incident journal"),
         faultline::ctl::runWatch},
        {"export", QT_TRANSLATE_NOOP("ctl", "export an incident journal as Markdown, JSON, CSV or HTML"),
         faultline::ctl::runExport},
        {"isolate", QT_TRANSLATE_NOOP("ctl", "stop a service's callers from calling it; they use fallback data"),
         actionRunner(faultline::ControlOperation::Isolate)},
        {"degrade", QT_TRANSLATE_NOOP("ctl", "make a service serve its last cached result"),
         actionRunner(faultline::ControlOperation::Degrade)},
        {"shed", QT_TRANSLATE_NOOP("ctl", "make a service reject requests past --capacity in flight"),
         actionRunner(faultline::ControlOperation::Shed)},
        {"ramp", QT_TRANSLATE_NOOP("ctl", "let --percent of the calls to a service through"),
         actionRunner(faultline::ControlOperation::Ramp)},
        {"restore", QT_TRANSLATE_NOOP("ctl", "return a service to normal operation"),
         actionRunner(faultline::ControlOperation::Restore)},
    };
    return list;
}

void writeUsage(QTextStream &stream)
{
    stream << tr("Usage: faultlinectl COMMAND [OPTIONS]\n\nCommands:\n");
    for (const auto &command : commands())
        stream << QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(command.name), -10).arg(tr(command.summary));
    stream << tr("\nRun 'faultlinectl COMMAND --help' for the options of a command.\n"
                 "Exit codes: 0 success, 1 failure at run time, 2 usage error.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("faultlinectl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Faultline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTLINE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto arguments = QCoreApplication::arguments();
    const auto first = arguments.value(1);

    if (first.isEmpty()) {
        writeUsage(err);
        return ExitUsage;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        writeUsage(out);
        return 0;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << QStringLiteral("faultlinectl %1\n").arg(QCoreApplication::applicationVersion());
        return 0;
    }
    for (const auto &command : commands()) {
        if (first == QLatin1String(command.name))
            return command.run(arguments.mid(1), out, err);
    }
    err << tr("faultlinectl: unknown command '%1'\n\n").arg(first);
    writeUsage(err);
    return ExitUsage;
}
