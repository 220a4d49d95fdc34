// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "incident/incident.h"

namespace faultline
{

/**
 * The append-only file of one incident. Each record is one line: the CRC-32 of the JSON text in
 * eight lowercase hex digits, a space, the JSON object and a line feed. The first record is the
 * header; every later one is an event. append() writes and fdatasync()s before it returns, so an
 * event that a caller goes on to show is on disk. A record cut short by a crash fails its CRC
 * and is dropped with a warning when the journal is read; the records before it are unaffected.
 */
class IncidentJournal final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::IncidentJournal)

public:
    static constexpr int FormatVersion = 1;
    // A graph snapshot of ten thousand services is about 3 MB (an estimate), so anything past this is damage.
    static constexpr qint64 MaxRecordBytes = 32 * 1024 * 1024;

    /** What reading a journal found, with the damage it skipped. */
    struct Contents {
        Incident incident;
        QStringList warnings; // one line per dropped or skipped record, with its byte offset
        qint64 validBytes = 0; // end of the last record whose CRC matched
        qint64 fileBytes = 0;
        int skippedRecords = 0; // records dropped before the last good one (damage, not a crash)
        bool tornTail = false; // bytes after the last good record were dropped
    };

    /** Reads a journal without changing it; fails only when the header is missing, damaged or too new. */
    static Result<Contents> read(const QString &path);

    /** Creates a new journal at @p path with its header; fails when the file exists. */
    static Result<std::unique_ptr<IncidentJournal>> create(const QString &path, const QString &incidentId);

    /**
     * Opens an existing journal to append to it: reads it into @p contents and cuts a torn tail
     * off the file, so that the next record starts on a clean line.
     */
    static Result<std::unique_ptr<IncidentJournal>> openForAppend(const QString &path, Contents &contents);

    ~IncidentJournal();
    IncidentJournal(const IncidentJournal &) = delete;
    IncidentJournal &operator=(const IncidentJournal &) = delete;

    /**
     * Appends @p events as one batch and waits for fdatasync. On failure the file is cut back to
     * its previous length, so no partial record stays behind, and the Error says what to do.
     */
    std::optional<Error> append(const std::vector<IncidentEvent> &events);

    QString path() const { return m_path; }
    qint64 size() const { return m_size; }

    /** The on-disk line for @p object, line feed included. */
    static QByteArray encodeRecord(const QJsonObject &object);

private:
    IncidentJournal(QString path, int fd, qint64 size);

    QString m_path;
    int m_fd = -1;
    qint64 m_size = 0;
};

} // namespace faultline
