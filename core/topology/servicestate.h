// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace faultline {

/**
 * Health of a service as the console judges it. Unknown (no heartbeat yet) and Stale (heartbeats
 * stopped) are never drawn or reported as Ok.
 */
enum class ServiceState : std::uint8_t { Unknown, Ok, Warning, Critical, Stale };

std::string_view serviceStateName(ServiceState state);

} // namespace faultline
