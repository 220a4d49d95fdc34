// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "plantcontrol.h"

#include "sim/requestsimulator.h"

namespace faultline
{

PlantControl::PlantControl(RequestSimulator &simulator)
    : m_simulator(simulator)
{
}

std::string PlantControl::handle(std::string_view requestJson, std::int64_t nowUnixMs, std::int64_t elapsedNs)
{
    return m_simulator.handleControl(requestJson, nowUnixMs, elapsedNs);
}

std::uint64_t PlantControl::applied() const
{
    return m_simulator.agent().applied();
}

std::uint64_t PlantControl::rejected() const
{
    return m_simulator.agent().rejected();
}

std::uint64_t PlantControl::replayed() const
{
    return m_simulator.agent().replayed();
}

} // namespace faultline
