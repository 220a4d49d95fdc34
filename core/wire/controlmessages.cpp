// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "controlmessages.h"

#include <array>
#include <utility>

namespace faultline
{
namespace
{

constexpr std::array<std::pair<ControlOperation, std::string_view>, 5> operations = { {
    { ControlOperation::Isolate, "isolate" },
    { ControlOperation::Degrade, "degrade" },
    { ControlOperation::Shed, "shed" },
    { ControlOperation::Ramp, "ramp" },
    { ControlOperation::Restore, "restore" },
} };

} // namespace

std::string_view operationName(ControlOperation operation)
{
    for (const auto &[value, name] : operations) {
        if (value == operation)
            return name;
    }
    return "restore";
}

std::optional<ControlOperation> operationFromName(std::string_view name)
{
    for (const auto &[value, text] : operations) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

} // namespace faultline
