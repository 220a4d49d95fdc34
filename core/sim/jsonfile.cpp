// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace faultline::sim
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("JsonFile", text);
}

} // namespace

Result<QByteArray> readJsonFile(const QString &path, const QString &kind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("cannot open the %1 file %2: %3").arg(kind, path, file.errorString()), path };
    if (file.size() > maxJsonFileBytes)
        return Error { tr("the %1 file %2 is larger than %3 MB; is it the right file?")
                           .arg(kind, path)
                           .arg(maxJsonFileBytes / (1024 * 1024)),
            path };
    return file.readAll();
}

Result<QJsonObject> parseJsonObject(const QByteArray &json, const QString &name, const QString &fields)
{
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error {
            tr("%1 is not valid JSON at byte %2: %3").arg(name).arg(parseError.offset).arg(parseError.errorString()),
            name
        };
    if (!document.isObject())
        return Error { tr("%1 must contain a JSON object with %2").arg(name, fields), name };
    return document.object();
}

} // namespace faultline::sim
