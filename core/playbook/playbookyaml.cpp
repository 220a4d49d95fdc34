// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "playbookyaml.h"

#include <cmath>
#include <set>
#include <string>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace faultline::playbookyaml
{

namespace
{

QString typeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return tr("a list");
    case YAML::NodeType::Map:
        return tr("a map");
    case YAML::NodeType::Null:
        return tr("empty");
    default:
        return tr("text");
    }
}

template<typename Enum>
std::vector<Enum> namedList(
    const YAML::Node &node, const char *key, auto fromName, std::initializer_list<Enum> all, auto nameOf)
{
    std::vector<YAML::Node> items;
    if (node.IsSequence()) {
        for (const auto &item : node)
            items.push_back(item);
    } else {
        items.push_back(node);
    }
    if (items.empty())
        fail(node, tr("'%1' is an empty list; name at least one value").arg(QLatin1String(key)));

    std::vector<Enum> values;
    for (const auto &item : items) {
        const QString text = scalarText(item, key);
        const auto value = fromName(text.toStdString());
        if (!value) {
            QStringList names;
            for (const auto entry : all)
                names.append(QString::fromUtf8(nameOf(entry)));
            fail(item,
                tr("invalid %1 '%2'; use one of: %3").arg(QLatin1String(key), text, names.join(QStringLiteral(", "))));
        }
        values.push_back(*value);
    }
    return values;
}

std::optional<ServiceState> stateFromName(std::string_view name)
{
    for (auto state : { ServiceState::Unknown, ServiceState::Ok, ServiceState::Warning, ServiceState::Critical,
             ServiceState::Stale }) {
        if (serviceStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

} // namespace

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline::PlaybookLoader", text);
}

int lineOf(const YAML::Node &node)
{
    const int line = node.Mark().line;
    return line >= 0 ? line + 1 : 0;
}

void fail(const YAML::Node &node, const QString &message)
{
    throw SyntaxError { lineOf(node), message };
}

void requireMap(const YAML::Node &node, const char *what)
{
    if (!node.IsMap())
        fail(node, tr("a %1 must be a map of keys, but this is %2").arg(QLatin1String(what), typeName(node)));
}

void checkKeys(const YAML::Node &map, std::initializer_list<std::string_view> allowed, const char *context)
{
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (!it->first.IsScalar())
            fail(it->first, tr("keys in a %1 must be plain words").arg(QLatin1String(context)));
        const std::string &key = it->first.Scalar();
        if (!seen.insert(key).second)
            fail(it->first,
                tr("duplicate key '%1' in a %2; keep one").arg(QString::fromStdString(key), QLatin1String(context)));
        bool known = false;
        QStringList names;
        for (const auto name : allowed) {
            known = known || name == key;
            names.append(QString::fromUtf8(name.data(), qsizetype(name.size())));
        }
        if (!known)
            fail(it->first,
                tr("unknown key '%1' in a %2; the keys are: %3")
                    .arg(QString::fromStdString(key), QLatin1String(context), names.join(QStringLiteral(", "))));
    }
}

QString scalarText(const YAML::Node &node, const char *key)
{
    if (!node.IsScalar())
        fail(node, tr("'%1' must be text, but it is %2").arg(QLatin1String(key), typeName(node)));
    return QString::fromStdString(node.Scalar()).trimmed();
}

QString requiredText(const YAML::Node &map, const char *key, const char *context)
{
    const auto node = map[key];
    if (!node.IsDefined())
        fail(map, tr("the %1 has no '%2'; add it").arg(QLatin1String(context), QLatin1String(key)));
    const QString text = scalarText(node, key);
    if (text.isEmpty())
        fail(node, tr("'%1' is empty; write it out").arg(QLatin1String(key)));
    return text;
}

bool boolValue(const YAML::Node &node, const char *key)
{
    const QString text = scalarText(node, key);
    if (text == QLatin1String("true") || text == QLatin1String("yes"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("no"))
        return false;
    fail(node, tr("invalid %1 '%2'; write true or false").arg(QLatin1String(key), text));
}

int intValue(const YAML::Node &node, const char *key)
{
    const QString text = scalarText(node, key);
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        fail(node, tr("invalid %1 '%2'; write a whole number").arg(QLatin1String(key), text));
    return value;
}

double numberValue(const YAML::Node &node, const char *key)
{
    const QString text = scalarText(node, key);
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        fail(node, tr("invalid %1 '%2'; write a number").arg(QLatin1String(key), text));
    return value;
}

double percentValue(const YAML::Node &node)
{
    QString text = scalarText(node, "percent");
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > 100)
        fail(node,
            tr("invalid percent '%1'; write a number from 0 to 100, such as 5 %")
                .arg(QString::fromStdString(node.Scalar())));
    return value;
}

std::chrono::milliseconds durationValue(const YAML::Node &node)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)$"));
    const QString text = scalarText(node, "duration");
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        fail(node, tr("invalid duration '%1'; write a number and a unit (ms, s or m), such as 30s").arg(text));
    const double number = match.captured(1).toDouble();
    const QString unit = match.captured(2);
    const double scale = unit == QLatin1String("ms") ? 1 : unit == QLatin1String("s") ? 1000 : 60000;
    const double ms = number * scale;
    // A day bounds every wait and check, far above any sensible playbook step.
    if (ms > 86400000.0)
        fail(node, tr("duration '%1' is longer than a day; shorten it").arg(text));
    return std::chrono::milliseconds(qint64(std::llround(ms)));
}

std::vector<ServiceState> stateList(const YAML::Node &node, const char *key)
{
    return namedList<ServiceState>(node, key, stateFromName,
        { ServiceState::Unknown, ServiceState::Ok, ServiceState::Warning, ServiceState::Critical, ServiceState::Stale },
        serviceStateName);
}

std::vector<ServiceMode> modeList(const YAML::Node &node, const char *key)
{
    return namedList<ServiceMode>(node, key, modeFromName,
        { ServiceMode::Normal, ServiceMode::Isolated, ServiceMode::Degraded, ServiceMode::Ramping,
            ServiceMode::Shedding },
        modeName);
}

std::vector<Criticality> criticalityList(const YAML::Node &node, const char *key)
{
    return namedList<Criticality>(node, key, criticalityFromName,
        { Criticality::Minor, Criticality::Important, Criticality::Core }, criticalityName);
}

} // namespace faultline::playbookyaml
