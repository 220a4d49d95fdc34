// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

namespace faultline::ctl {

/** Exit codes shared by every faultlinectl command. */
enum ExitCode : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/**
 * Parses @p arguments (the command name first) with @p parser. On a usage error it writes the
 * message and a pointer to --help to @p err and returns ExitUsage; for --help it prints the help
 * and returns ExitOk; otherwise nothing, and the caller goes on.
 */
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, QTextStream &out,
                                    QTextStream &err);

/** Reads a positive number of seconds from option @p name, or writes a usage error and returns nothing. */
std::optional<double> positiveSeconds(const QCommandLineParser &parser, const QString &name, QTextStream &err);

/** Checks that @p format is one of @p allowed, or writes a usage error naming the choices. */
bool checkFormat(const QString &format, const QStringList &allowed, QTextStream &err);

} // namespace faultline::ctl
