// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "incidentjournal.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <zlib.h>

#include "incident/incidentjson.h"
#include "incident/incidentlogging.h"

namespace faultline
{

namespace
{

const QString formatName = QStringLiteral("faultline-incident-journal");

quint32 crc32Of(const QByteArray &bytes)
{
    return quint32(
        ::crc32(::crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef *>(bytes.constData()), uInt(bytes.size())));
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Returns the JSON object of one line when its framing and CRC are intact; @p reason says why not otherwise.
std::optional<QJsonObject> decodeLine(const QByteArray &line, QString &reason)
{
    if (!line.endsWith('\n')) {
        reason = IncidentJournal::tr("the record has no line end");
        return std::nullopt;
    }
    if (line.size() < 11 || line.at(8) != ' ') {
        reason = IncidentJournal::tr("the record is too short or has no CRC field");
        return std::nullopt;
    }
    bool ok = false;
    const quint32 stored = line.left(8).toUInt(&ok, 16);
    const QByteArray json = line.mid(9, line.size() - 10);
    if (!ok || stored != crc32Of(json)) {
        reason = IncidentJournal::tr("the CRC does not match");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        reason = IncidentJournal::tr("the CRC matches but the JSON is invalid: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    return document.object();
}

// Reads the rest of an over-long line in chunks; returns true when it ended with a line feed.
bool skipToLineEnd(QFile &file, qint64 &offset)
{
    while (!file.atEnd()) {
        const auto chunk = file.readLine(1024 * 1024);
        offset += chunk.size();
        if (chunk.endsWith('\n'))
            return true;
    }
    return false;
}

std::optional<Error> checkHeader(const QJsonObject &header, const QString &path)
{
    if (header.value(QStringLiteral("format")).toString() != formatName) {
        return Error { IncidentJournal::tr("%1 is not a Faultline incident journal (its first record is no journal "
                                           "header)")
                           .arg(path),
            path };
    }
    const int version = header.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > IncidentJournal::FormatVersion) {
        return Error { IncidentJournal::tr(
                           "journal %1 has format version %2, but this Faultline reads up to version %3; "
                           "open it with a newer Faultline")
                           .arg(path, header.value(QStringLiteral("version")).toVariant().toString(),
                               QString::number(IncidentJournal::FormatVersion)),
            path };
    }
    if (header.value(QStringLiteral("id")).toString().isEmpty())
        return Error { IncidentJournal::tr("journal %1 has a header without an incident id").arg(path), path };
    return std::nullopt;
}

// Writes all of @p bytes, resuming after signals and partial writes.
std::optional<int> writeAll(int fd, const QByteArray &bytes)
{
    qint64 written = 0;
    while (written < bytes.size()) {
        const auto result = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (result < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        written += result;
    }
    return std::nullopt;
}

// A new file's name lives in its folder; sync the folder too, or a crash can lose the whole journal.
void syncDirectory(const QString &path)
{
    const auto folder = QFile::encodeName(QFileInfo(path).absolutePath());
    const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        qCWarning(lcIncident) << "cannot open folder to sync" << folder << systemError(errno);
        return;
    }
    if (::fsync(fd) != 0)
        qCWarning(lcIncident) << "fsync of folder failed" << folder << systemError(errno);
    ::close(fd);
}

// Takes an exclusive lock so that two consoles never append to one journal; the kernel drops it when the process dies.
std::optional<Error> lockJournal(int fd, const QString &path)
{
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
        return std::nullopt;
    const int error = errno;
    if (error == EWOULDBLOCK) {
        return Error { IncidentJournal::tr("journal %1 is being written by another Faultline process; close that "
                                           "console or recorder first")
                           .arg(path),
            path };
    }
    return Error { IncidentJournal::tr("cannot lock journal %1: %2").arg(path, systemError(error)), path };
}

} // namespace

IncidentJournal::IncidentJournal(QString path, int fd, qint64 size)
    : m_path(std::move(path))
    , m_fd(fd)
    , m_size(size)
{
}

IncidentJournal::~IncidentJournal()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QByteArray IncidentJournal::encodeRecord(const QJsonObject &object)
{
    const auto json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    QByteArray line = QByteArray::number(crc32Of(json), 16).rightJustified(8, '0');
    line.reserve(json.size() + 10);
    line.append(' ');
    line.append(json);
    line.append('\n');
    return line;
}

Result<IncidentJournal::Contents> IncidentJournal::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("cannot open journal %1: %2").arg(path, file.errorString()), path };

    Contents contents;
    contents.fileBytes = file.size();
    bool headerSeen = false;
    std::uint64_t lastSequence = 0;
    qint64 offset = 0;
    // Invalid records since the last good one: damage in the middle if a good record follows, else the torn tail.
    QStringList invalidSinceGood;

    while (!file.atEnd()) {
        const qint64 start = offset;
        QByteArray line = file.readLine(MaxRecordBytes + 1);
        offset += line.size();
        QString reason;
        std::optional<QJsonObject> object;
        if (!line.endsWith('\n') && !file.atEnd()) {
            skipToLineEnd(file, offset);
            reason = tr("the record is longer than %1 bytes").arg(MaxRecordBytes);
        } else {
            object = decodeLine(line, reason);
        }
        if (!object) {
            invalidSinceGood.append(tr("record at byte %1 of %2 dropped: %3").arg(start).arg(path, reason));
            continue;
        }

        contents.skippedRecords += int(invalidSinceGood.size());
        contents.warnings += invalidSinceGood;
        invalidSinceGood.clear();
        contents.validBytes = offset;

        if (!headerSeen) {
            if (auto error = checkHeader(*object, path))
                return *error;
            contents.incident.id = object->value(QStringLiteral("id")).toString();
            headerSeen = true;
            continue;
        }

        auto event = IncidentJson::eventFromJson(*object);
        if (!event) {
            ++contents.skippedRecords;
            contents.warnings.append(
                tr("record at byte %1 of %2 skipped: %3").arg(start).arg(path, event.error().message));
            continue;
        }
        if (event->sequence <= lastSequence) {
            ++contents.skippedRecords;
            contents.warnings.append(tr("record at byte %1 of %2 skipped: sequence %3 does not follow %4")
                                         .arg(QString::number(start), path, QString::number(event->sequence),
                                             QString::number(lastSequence)));
            continue;
        }
        if (event->sequence == lastSequence + 2) {
            contents.warnings.append(tr("event %1 of %2 is missing").arg(QString::number(lastSequence + 1), path));
        } else if (event->sequence > lastSequence + 2) {
            contents.warnings.append(
                tr("events %1 to %2 of %3 are missing")
                    .arg(QString::number(lastSequence + 1), QString::number(event->sequence - 1), path));
        }
        lastSequence = event->sequence;
        contents.incident.apply(event.value());
    }

    if (!headerSeen) {
        return Error {
            tr("journal %1 has no intact header; the file is empty, damaged or no incident journal").arg(path), path
        };
    }
    if (!invalidSinceGood.isEmpty()) {
        contents.tornTail = true;
        contents.warnings.append(tr("%1 bytes at the end of %2 were dropped: the last write was cut short, most likely "
                                    "by a crash")
                                     .arg(contents.fileBytes - contents.validBytes)
                                     .arg(path));
    }
    for (const auto &warning : std::as_const(contents.warnings))
        qCWarning(lcIncident).noquote() << warning;
    return contents;
}

Result<std::unique_ptr<IncidentJournal>> IncidentJournal::create(const QString &path, const QString &incidentId)
{
    const auto encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0640);
    if (fd < 0) {
        const int error = errno;
        return Error { tr("cannot create journal %1: %2; check that the folder exists and is writable")
                           .arg(path, systemError(error)),
            path };
    }
    std::unique_ptr<IncidentJournal> journal(new IncidentJournal(path, fd, 0));
    if (auto error = lockJournal(fd, path)) {
        ::unlink(encoded.constData());
        return *error;
    }

    QJsonObject header;
    header.insert(QStringLiteral("format"), formatName);
    header.insert(QStringLiteral("version"), FormatVersion);
    header.insert(QStringLiteral("id"), incidentId);
    const auto line = encodeRecord(header);
    if (auto error = writeAll(fd, line)) {
        ::unlink(encoded.constData());
        return Error { tr("cannot write journal %1: %2").arg(path, systemError(*error)), path };
    }
    if (::fdatasync(fd) != 0) {
        const int error = errno;
        ::unlink(encoded.constData());
        return Error { tr("cannot sync journal %1 to disk: %2").arg(path, systemError(error)), path };
    }
    journal->m_size = line.size();
    syncDirectory(path);
    return journal;
}

Result<std::unique_ptr<IncidentJournal>> IncidentJournal::openForAppend(const QString &path, Contents &contents)
{
    const auto encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        return Error { tr("cannot open journal %1 for writing: %2").arg(path, systemError(error)), path };
    }
    std::unique_ptr<IncidentJournal> journal(new IncidentJournal(path, fd, 0));
    // Lock before reading, so that no other writer adds records between the read and the cut.
    if (auto error = lockJournal(fd, path))
        return *error;

    auto read = IncidentJournal::read(path);
    if (!read)
        return read.error();
    contents = std::move(read).value();

    if (contents.fileBytes > contents.validBytes) {
        qCWarning(lcIncident) << "cutting" << contents.fileBytes - contents.validBytes << "damaged bytes off" << path;
        if (::ftruncate(fd, contents.validBytes) != 0 || ::fdatasync(fd) != 0) {
            const int error = errno;
            return Error { tr("cannot cut the damaged end off journal %1: %2").arg(path, systemError(error)), path };
        }
    }
    journal->m_size = contents.validBytes;
    return journal;
}

std::optional<Error> IncidentJournal::append(const std::vector<IncidentEvent> &events)
{
    QByteArray batch;
    for (const auto &event : events)
        batch.append(encodeRecord(IncidentJson::eventToJson(event)));
    if (batch.isEmpty())
        return std::nullopt;

    if (auto error = writeAll(m_fd, batch)) {
        // Cut the partial batch off, so that the next write starts on a clean line.
        if (::ftruncate(m_fd, m_size) != 0)
            qCWarning(lcIncident) << "cannot cut a partial write off" << m_path << systemError(errno);
        return Error { tr("cannot write to journal %1: %2; free disk space or check the disk, and Faultline retries")
                           .arg(m_path, systemError(*error)),
            m_path };
    }
    if (::fdatasync(m_fd) != 0) {
        const int error = errno;
        if (::ftruncate(m_fd, m_size) != 0)
            qCWarning(lcIncident) << "cannot cut an unsynced write off" << m_path << systemError(errno);
        return Error { tr("cannot sync journal %1 to disk: %2; check the disk, and Faultline retries")
                           .arg(m_path, systemError(error)),
            m_path };
    }
    m_size += batch.size();
    return std::nullopt;
}

} // namespace faultline
