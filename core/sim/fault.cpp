// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fault.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include <QCoreApplication>

#include "sim/planttopology.h"
#include "wire/protocol.h"

namespace faultline
{
namespace
{

constexpr std::array<std::pair<FaultKind, std::string_view>, 4> kinds = { {
    { FaultKind::Latency, "latency" },
    { FaultKind::Errors, "errors" },
    { FaultKind::Crash, "crash" },
    { FaultKind::Overload, "overload" },
} };

QString tr(const char *text)
{
    return QCoreApplication::translate("FaultSpec", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

std::vector<std::string_view> splitColons(std::string_view text)
{
    std::vector<std::string_view> parts;
    std::size_t begin = 0;
    while (true) {
        const auto colon = text.find(':', begin);
        parts.push_back(text.substr(begin, colon == std::string_view::npos ? std::string_view::npos : colon - begin));
        if (colon == std::string_view::npos)
            return parts;
        begin = colon + 1;
    }
}

// Reads a number of seconds. from_chars takes no '+', spaces or units, so "+5", " 5" and "5s" are rejected.
std::optional<double> parseSeconds(std::string_view text)
{
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value < 0
        || value > maxFaultSeconds)
        return std::nullopt;
    return value;
}

Error partError(std::string_view spec, const QString &problem, const QString &where)
{
    return Error { tr("invalid fault '%1': %2").arg(qs(spec), problem), where };
}

} // namespace

std::string_view faultKindName(FaultKind kind)
{
    for (const auto &[value, name] : kinds) {
        if (value == kind)
            return name;
    }
    return "latency";
}

std::optional<FaultKind> faultKindFromName(std::string_view name)
{
    for (const auto &[value, text] : kinds) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

std::string FaultSpec::toString() const
{
    const auto number = [](double value) { return QString::number(value, 'g', 10).toStdString(); };
    return service + ':' + std::string(faultKindName(kind)) + ':' + number(startS) + ':' + number(durationS);
}

Result<FaultSpec> parseFaultSpec(std::string_view text)
{
    const auto parts = splitColons(text);
    if (parts.size() < 2)
        return partError(text,
            tr("missing kind; write SERVICE:KIND[:START_S[:DURATION_S]] with KIND one of latency, "
               "errors, crash, overload"),
            QStringLiteral("kind"));

    // The kind is followed by at most two numbers, so only the last three parts can hold it.
    std::size_t kindIndex = 0;
    for (std::size_t i = parts.size() >= 4 ? parts.size() - 3 : 1; i < parts.size(); ++i) {
        if (i >= 1 && faultKindFromName(parts[i])) {
            kindIndex = i;
            break;
        }
    }
    if (kindIndex == 0 && faultKindFromName(parts[1]))
        return partError(text, tr("too many parts after the kind; expected at most START_S and DURATION_S"),
            QStringLiteral("duration"));
    if (kindIndex == 0) {
        const auto guess = parts.size() >= 4 ? parts[parts.size() - 3] : parts[1];
        return partError(text, tr("unknown kind '%1'; expected latency, errors, crash or overload").arg(qs(guess)),
            QStringLiteral("kind"));
    }

    FaultSpec spec;
    spec.kind = *faultKindFromName(parts[kindIndex]);
    const auto serviceEnd = parts[kindIndex].data() - 1;
    spec.service = std::string(text.data(), std::size_t(serviceEnd - text.data()));
    if (spec.service.empty())
        return partError(text, tr("missing service name before the kind"), QStringLiteral("service"));
    if (!wire::isValidServiceName(spec.service))
        return partError(text,
            tr("'%1' is not a valid service name; use 1 to 200 letters, digits or . _ : / -").arg(qs(spec.service)),
            QStringLiteral("service"));

    if (kindIndex + 1 < parts.size()) {
        const auto start = parseSeconds(parts[kindIndex + 1]);
        if (!start)
            return partError(text,
                tr("start '%1' is not a number of seconds from 0 to %2")
                    .arg(qs(parts[kindIndex + 1]))
                    .arg(maxFaultSeconds, 0, 'f', 0),
                QStringLiteral("start"));
        spec.startS = *start;
    }
    if (kindIndex + 2 < parts.size()) {
        const auto duration = parseSeconds(parts[kindIndex + 2]);
        if (!duration)
            return partError(text,
                tr("duration '%1' is not a number of seconds from 0 to %2 (0 keeps the fault to the end)")
                    .arg(qs(parts[kindIndex + 2]))
                    .arg(maxFaultSeconds, 0, 'f', 0),
                QStringLiteral("duration"));
        spec.durationS = *duration;
    }
    return spec;
}

std::optional<Error> validateFaults(std::span<const FaultSpec> faults, const PlantTopology &topology)
{
    for (const auto &fault : faults) {
        if (!topology.indexOf(fault.service)) {
            return Error { tr("the fault %1 names the service '%2', which the plant does not run; "
                              "see --print-topology for the service names")
                               .arg(qs(fault.toString()), qs(fault.service)),
                qs(fault.service) };
        }
    }
    return std::nullopt;
}

} // namespace faultline
