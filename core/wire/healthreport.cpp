// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "healthreport.h"

#include <array>
#include <utility>

namespace faultline
{
namespace
{

template<typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N> &table, std::string_view name)
{
    for (const auto &[value, text] : table) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::pair<Enum, std::string_view>, N> &table, Enum value)
{
    for (const auto &[entry, text] : table) {
        if (entry == value)
            return text;
    }
    return table.front().second;
}

constexpr std::array<std::pair<Criticality, std::string_view>, 3> criticalities = { {
    { Criticality::Minor, "minor" },
    { Criticality::Important, "important" },
    { Criticality::Core, "core" },
} };

constexpr std::array<std::pair<ServiceMode, std::string_view>, 5> modes = { {
    { ServiceMode::Normal, "normal" },
    { ServiceMode::Isolated, "isolated" },
    { ServiceMode::Degraded, "degraded" },
    { ServiceMode::Ramping, "ramping" },
    { ServiceMode::Shedding, "shedding" },
} };

constexpr std::array<std::pair<BreakerState, std::string_view>, 3> breakerStates = { {
    { BreakerState::Closed, "closed" },
    { BreakerState::Open, "open" },
    { BreakerState::HalfOpen, "half_open" },
} };

} // namespace

std::string_view criticalityName(Criticality criticality)
{
    return nameOf(criticalities, criticality);
}

std::optional<Criticality> criticalityFromName(std::string_view name)
{
    return lookup(criticalities, name);
}

std::string_view modeName(ServiceMode mode)
{
    return nameOf(modes, mode);
}

std::optional<ServiceMode> modeFromName(std::string_view name)
{
    return lookup(modes, name);
}

std::string_view breakerStateName(BreakerState state)
{
    return nameOf(breakerStates, state);
}

std::optional<BreakerState> breakerStateFromName(std::string_view name)
{
    return lookup(breakerStates, name);
}

} // namespace faultline
