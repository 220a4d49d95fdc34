// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wire/healthreport.h"

namespace faultline
{

enum class ControlOperation : std::uint8_t { Isolate, Degrade, Shed, Ramp, Restore };

std::string_view operationName(ControlOperation operation);
std::optional<ControlOperation> operationFromName(std::string_view name);

/** A command from a console to the agent of one service (sent as a DEALER request). */
struct ControlRequest {
    std::string id; // unique per command; a retry reuses it
    ControlOperation operation = ControlOperation::Restore;
    std::string service;
    std::optional<double> percent; // ramp: share of traffic admitted, 0..100
    std::optional<double> capacity; // shed: in-flight requests admitted before the excess is rejected
    std::string operatorName;
    std::string reason;
    std::int64_t deadlineUnixMs = 0; // the agent rejects the request once this time has passed
};

enum class ControlStatus : std::uint8_t { Applied, Rejected };

/** The agent's answer to a ControlRequest; it carries the request's id. */
struct ControlReply {
    std::string id;
    ControlStatus status = ControlStatus::Rejected;
    std::string reason; // why it was rejected, or a note on what was applied
    std::string service;
    ServiceMode mode = ServiceMode::Normal; // the service's mode after the request
};

} // namespace faultline
