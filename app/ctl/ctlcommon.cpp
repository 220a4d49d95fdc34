// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctlcommon.h"

#include <QCoreApplication>

namespace faultline::ctl {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, QTextStream &out,
                                    QTextStream &err)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("ctl", "Show this help and exit."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        err << QStringLiteral("faultlinectl %1: %2\n").arg(arguments.value(0), parser.errorText());
        err << QCoreApplication::translate("ctl", "Run 'faultlinectl %1 --help' for the options.\n").arg(arguments.value(0));
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(QCoreApplication::applicationFilePath(), QStringLiteral("faultlinectl"));
        return ExitOk;
    }
    return std::nullopt;
}

std::optional<double> positiveSeconds(const QCommandLineParser &parser, const QString &name, QTextStream &err)
{
    bool ok = false;
    const auto text = parser.value(name);
    const double seconds = text.toDouble(&ok);
    if (!ok || !(seconds > 0) || seconds > 86400) {
        err << QCoreApplication::translate("ctl", "faultlinectl: --%1 '%2' is not a number of seconds between 0 and 86400; "
                                                  "give for example --%1 5\n")
                   .arg(name, text);
        return std::nullopt;
    }
    return seconds;
}

bool checkFormat(const QString &format, const QStringList &allowed, QTextStream &err)
{
    if (allowed.contains(format))
        return true;
    err << QCoreApplication::translate("ctl", "faultlinectl: --format '%1' is not supported; use one of %2\n")
               .arg(format, allowed.join(QStringLiteral(", ")));
    return false;
}

} // namespace faultline::ctl
