// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "servicestate.h"

namespace faultline {

std::string_view serviceStateName(ServiceState state)
{
    switch (state) {
    case ServiceState::Unknown:
        return "unknown";
    case ServiceState::Ok:
        return "ok";
    case ServiceState::Warning:
        return "warning";
    case ServiceState::Critical:
        return "critical";
    case ServiceState::Stale:
        return "stale";
    }
    return "unknown";
}

} // namespace faultline
