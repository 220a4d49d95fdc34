// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "incident/incident.h"

namespace faultline
{

/** One journal as the Incidents window lists it. */
struct JournalInfo {
    QString path;
    QString id;
    QString title;
    IncidentState state = IncidentState::Open;
    QDateTime openedAt;
    QDateTime closedAt;
    qsizetype eventCount = 0;
    QStringList warnings; // damage found while reading, or why the file could not be read at all
    bool readable = true;
};

/**
 * The folder of incident journals, one file per incident named `<id>.fljournal`. By default the
 * folder is `incidents` in the console's QStandardPaths::AppDataLocation (on Linux
 * ~/.local/share/Faultline/faultline/incidents), which faultlinectl shares; tests set another.
 */
class IncidentStore final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::IncidentStore)

public:
    static inline const QString Suffix = QStringLiteral(".fljournal");

    /** Uses @p directory, or defaultDirectory() when it is empty. */
    explicit IncidentStore(QString directory = {});

    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    QString pathFor(const QString &incidentId) const;

    /** Creates the folder when it is missing. */
    std::optional<Error> ensureDirectory() const;

    /**
     * Reads every journal in the folder, newest opening first. Files that cannot be read are
     * listed with readable = false and the reason in warnings, so the window can show them.
     */
    std::vector<JournalInfo> list() const;

    /** The path of the most recently opened journal that is still open, if any. */
    std::optional<QString> newestOpenJournal() const;

    /** Resolves @p journal given as a path, or as an incident id in this folder. */
    std::optional<QString> resolve(const QString &journal) const;

private:
    QString m_directory;
};

} // namespace faultline
