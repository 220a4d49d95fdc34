// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/result.h"

namespace faultline
{

class PlantTopology;

/** The kind of failure a fault injects into a simulated service. */
enum class FaultKind : std::uint8_t {
    Latency, // every request takes a few hundred milliseconds longer
    Errors, // most requests fail
    Crash, // the service is gone: no heartbeats, no spans, and calls to it time out
    Overload, // untraced extra work pushes in-flight requests past capacity, so latency and errors grow
};

std::string_view faultKindName(FaultKind kind);
std::optional<FaultKind> faultKindFromName(std::string_view name);

/** One fault of one service over a time span measured from the start of the plant. */
struct FaultSpec {
    std::string service;
    FaultKind kind = FaultKind::Latency;
    double startS = 0;
    double durationS = 0; // 0 keeps the fault until the plant stops

    bool isActiveAt(double elapsedS) const
    {
        return elapsedS >= startS && (durationS <= 0 || elapsedS < startS + durationS);
    }

    /** The command-line form, SERVICE:KIND:START_S:DURATION_S. */
    std::string toString() const;

    friend bool operator==(const FaultSpec &, const FaultSpec &) = default;
};

/** Maximum start or duration of a fault, in seconds (one year). */
inline constexpr double maxFaultSeconds = 365.0 * 24 * 3600;

/**
 * Parses `SERVICE:KIND[:START_S[:DURATION_S]]`, for example `servo-controller:crash:10:30`. Service
 * names may themselves contain ':', so the kind is the first of the last three parts (never the very
 * first part) that names a kind.
 * The Error names the part that is wrong.
 */
Result<FaultSpec> parseFaultSpec(std::string_view text);

/** Checks that every fault names a service of @p topology. */
std::optional<Error> validateFaults(std::span<const FaultSpec> faults, const PlantTopology &topology);

} // namespace faultline
