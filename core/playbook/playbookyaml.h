// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the playbook loader: typed reads of yaml-cpp nodes that report the offending line.

#include <chrono>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include "topology/servicestate.h"
#include "wire/healthreport.h"

namespace faultline::playbookyaml
{

/** A validation failure inside the loader; parsePlaybook() turns it into an Error and never lets it escape. */
struct SyntaxError {
    int line = 0; // 1-based; 0 when the node carries no position
    QString message;
};

QString tr(const char *text);
int lineOf(const YAML::Node &node);
[[noreturn]] void fail(const YAML::Node &node, const QString &message);

void requireMap(const YAML::Node &node, const char *what);
/** Rejects keys outside @p allowed, duplicate keys and keys that are not plain text. */
void checkKeys(const YAML::Node &map, std::initializer_list<std::string_view> allowed, const char *context);

QString scalarText(const YAML::Node &node, const char *key);
QString requiredText(const YAML::Node &map, const char *key, const char *context);
bool boolValue(const YAML::Node &node, const char *key);
int intValue(const YAML::Node &node, const char *key);
double numberValue(const YAML::Node &node, const char *key);
/** A percent from 0 to 100, written "5 %", "5%" or 5. */
double percentValue(const YAML::Node &node);
/** A duration with its unit: "500ms", "30s", "2m" or "1.5 s". */
std::chrono::milliseconds durationValue(const YAML::Node &node);

std::vector<ServiceState> stateList(const YAML::Node &node, const char *key);
std::vector<ServiceMode> modeList(const YAML::Node &node, const char *key);
std::vector<Criticality> criticalityList(const YAML::Node &node, const char *key);

template<typename Enum>
Enum enumValue(const YAML::Node &node, const QString &text, const std::vector<std::pair<Enum, std::string_view>> &table,
    const char *key)
{
    QStringList names;
    for (const auto &[value, name] : table) {
        if (text == QLatin1String(name.data(), qsizetype(name.size())))
            return value;
        names.append(QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
    fail(node, tr("invalid %1 '%2'; use one of: %3").arg(QLatin1String(key), text, names.join(QStringLiteral(", "))));
}

} // namespace faultline::playbookyaml
