// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbooklibrary.h"

#include <QCoreApplication>
#include <QDir>

#include "playbook/playbookloader.h"
#include "playbook/playbooklogging.h"

namespace faultline
{

PlaybookLibrary PlaybookLibrary::builtIn()
{
    PlaybookLibrary library;
    library.addDirectory(builtInPath());
    return library;
}

int PlaybookLibrary::addDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        m_errors.push_back(Error { QCoreApplication::translate("faultline::PlaybookLibrary",
                                       "playbook folder %1 does not exist; check the path")
                                       .arg(directory),
            directory });
        return 0;
    }

    int loaded = 0;
    const auto files = dir.entryList({ QStringLiteral("*.yaml"), QStringLiteral("*.yml") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (addFile(dir.filePath(file)))
            ++loaded;
    }
    qCDebug(lcPlaybook) << "playbooks loaded" << directory << loaded << "of" << files.size();
    return loaded;
}

Result<Playbook> PlaybookLibrary::addFile(const QString &path)
{
    auto result = loadPlaybookFile(path);
    if (result)
        add(result.value());
    else
        m_errors.push_back(result.error());
    return result;
}

void PlaybookLibrary::add(Playbook playbook)
{
    for (auto &existing : m_playbooks) {
        if (existing.id == playbook.id) {
            existing = std::move(playbook);
            return;
        }
    }
    m_playbooks.push_back(std::move(playbook));
}

const Playbook *PlaybookLibrary::find(const QString &id) const
{
    for (const auto &playbook : m_playbooks) {
        if (playbook.id == id)
            return &playbook;
    }
    return nullptr;
}

} // namespace faultline
