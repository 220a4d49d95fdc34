// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QString>

#include "common/result.h"
#include "playbook/playbook.h"

namespace faultline
{

/**
 * The playbooks the console offers, by id. A playbook added with the id of one already present
 * replaces it, so a site folder can override a shipped playbook of the same file name.
 */
class PlaybookLibrary
{
public:
    /** The folder of the shipped playbooks, compiled into faultline_core. */
    static QString builtInPath() { return QStringLiteral(":/playbooks"); }

    /** A library of the shipped playbooks; errors() lists any that failed to load. */
    static PlaybookLibrary builtIn();

    /** Loads every *.yaml and *.yml file of @p directory in name order; returns how many loaded. */
    int addDirectory(const QString &directory);
    /** Loads one file; the error is also kept in errors(). */
    Result<Playbook> addFile(const QString &path);
    void add(Playbook playbook);

    const std::vector<Playbook> &playbooks() const { return m_playbooks; }
    const Playbook *find(const QString &id) const;
    /** The files that failed to load, each Error naming file and line. */
    const std::vector<Error> &errors() const { return m_errors; }

private:
    std::vector<Playbook> m_playbooks;
    std::vector<Error> m_errors;
};

} // namespace faultline
