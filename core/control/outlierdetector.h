// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"

namespace faultline
{

/** Settings of an OutlierDetector, named and defaulted after Envoy's outlier detection (consecutive 5xx). */
struct OutlierDetectorConfig {
    int consecutiveFailures = 5; // Envoy's consecutive_5xx
    std::chrono::nanoseconds baseEjectionTime = std::chrono::seconds(30);
    std::chrono::nanoseconds maxEjectionTime = std::chrono::seconds(300);
    // Each full interval an instance stays in rotation takes one off its ejection count, so that an instance that
    // recovered is not punished for old ejections forever.
    std::chrono::nanoseconds interval = std::chrono::seconds(10);
    double maxEjectionPercent = 10; // of the instances; one instance may always be ejected

    /** Checks ranges; the Error names the field and the accepted range. */
    std::optional<Error> validate() const;
};

/**
 * Takes failing instances of one service out of the rotation, after Envoy's consecutive-5xx outlier
 * detection: an instance with consecutiveFailures failures in a row is ejected for baseEjectionTime
 * times the number of times it has been ejected (capped at maxEjectionTime). At most
 * maxEjectionPercent of the instances are out at once, rounded down but never below one. Envoy checks
 * the share before it ejects, so it can end one instance above it; this class never does. A failure
 * that would eject past the share leaves the instance in, with its count of failures kept.
 *
 * Plain class without clocks: every method takes the time since a fixed epoch, for tests with a fake clock.
 */
class OutlierDetector
{
public:
    using Time = std::chrono::nanoseconds;

    OutlierDetector(std::size_t instances, OutlierDetectorConfig config = {});

    /** Records the result of one call to @p instance; may eject it. */
    void onResult(std::size_t instance, bool failed, Time now);

    /**
     * Picks the next instance round-robin among those in rotation. When every instance is ejected it
     * picks among all of them, as Envoy routes to all hosts in panic mode.
     */
    std::size_t pick(Time now);

    bool isEjected(std::size_t instance, Time now) const;
    std::size_t ejectedCount(Time now) const;
    /** The most instances that may be out at once. */
    std::size_t maxEjected() const;
    /** How many times @p instance has been ejected, less one per healthy interval since its return. */
    int ejectionCount(std::size_t instance, Time now) const;
    /** When @p instance returns to rotation; only meaningful while isEjected(). */
    Time ejectedUntil(std::size_t instance) const { return m_instances[instance].ejectedUntil; }
    std::size_t instanceCount() const { return m_instances.size(); }
    std::uint64_t ejections() const { return m_ejections; }

private:
    struct Instance {
        int consecutiveFailures = 0;
        int ejectionCount = 0;
        bool ejected = false;
        Time ejectedUntil {};
    };

    OutlierDetectorConfig m_config;
    std::vector<Instance> m_instances;
    std::size_t m_next = 0;
    std::uint64_t m_ejections = 0;
};

} // namespace faultline
