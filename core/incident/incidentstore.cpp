// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentstore.h"

#include <algorithm>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "incident/incidentjournal.h"

namespace faultline
{

IncidentStore::IncidentStore(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
}

QString IncidentStore::defaultDirectory()
{
    // The console's AppDataLocation (organisation "Faultline", application "faultline"), spelled out so
    // that faultlinectl, whose own AppDataLocation ends in "faultlinectl", finds the same journals.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/Faultline/faultline/incidents");
}

QString IncidentStore::pathFor(const QString &incidentId) const
{
    return QDir(m_directory).filePath(incidentId + Suffix);
}

std::optional<Error> IncidentStore::ensureDirectory() const
{
    if (QDir().mkpath(m_directory))
        return std::nullopt;
    return Error {
        tr("cannot create the incident folder %1; check its permissions or choose another folder").arg(m_directory),
        m_directory
    };
}

std::vector<JournalInfo> IncidentStore::list() const
{
    std::vector<JournalInfo> result;
    const auto entries = QDir(m_directory).entryInfoList({ QStringLiteral("*") + Suffix }, QDir::Files, QDir::Name);
    // NOTE: every journal is read in full, which takes a moment per hundred thousand events.
    for (const auto &entry : entries) {
        JournalInfo info;
        info.path = entry.absoluteFilePath();
        auto contents = IncidentJournal::read(info.path);
        if (!contents) {
            info.readable = false;
            info.id = entry.completeBaseName();
            info.warnings.append(contents.error().message);
            result.push_back(std::move(info));
            continue;
        }
        const auto &incident = contents->incident;
        info.id = incident.id;
        info.title = incident.title;
        info.state = incident.state;
        info.openedAt = incident.openedAt;
        info.closedAt = incident.closedAt;
        info.eventCount = qsizetype(incident.events.size());
        info.warnings = contents->warnings;
        result.push_back(std::move(info));
    }
    std::stable_sort(result.begin(), result.end(),
        [](const JournalInfo &a, const JournalInfo &b) { return a.openedAt > b.openedAt; });
    return result;
}

std::optional<QString> IncidentStore::newestOpenJournal() const
{
    for (const auto &info : list()) {
        if (info.readable && info.state == IncidentState::Open)
            return info.path;
    }
    return std::nullopt;
}

std::optional<QString> IncidentStore::resolve(const QString &journal) const
{
    if (QFileInfo(journal).isFile())
        return QFileInfo(journal).absoluteFilePath();
    const auto byId = pathFor(journal);
    if (QFileInfo(byId).isFile())
        return byId;
    return std::nullopt;
}

} // namespace faultline
