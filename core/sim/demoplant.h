// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "sim/fault.h"
#include "sim/planttopology.h"

namespace faultline
{

/**
 * The demo plant: simulated services that send real protocol v1 health and trace streams and obey
 * control requests. Runs on a thread of its own; the same class backs faultline-sim and
 * `faultline --demo` (which binds inproc:// endpoints on the shared context).
 */
class DemoPlant
{
public:
    struct Options {
        PlantTopology topology; // PlantTopology::builtIn() unless --topology names a file
        std::string publishEndpoint = "tcp://127.0.0.1:5556";
        std::string controlEndpoint = "tcp://127.0.0.1:5557";
        double requestsPerSecond = 200;
        std::uint64_t seed = 1;
        std::vector<FaultSpec> faults; // from --fault and --scenario, times relative to start
        double durationSeconds = 0; // 0 runs until stop()
        bool resilience = false; // callers keep circuit breakers and eject failing instances (RequestSimulator)
    };

    explicit DemoPlant(Options options);
    ~DemoPlant();

    /** Binds both sockets and starts the plant thread; an Error names the endpoint at fault. */
    std::optional<Error> start();
    /** Stops the thread and closes the sockets; never blocks on the network. */
    void stop();
    bool isRunning() const;
    /** True once durationSeconds have passed, or once the plant thread stopped on an error. */
    bool finished() const;
    /** The error that stopped the plant thread early, if one did. */
    std::optional<Error> failure() const;

    /** The endpoints actually bound, with the port filled in when the option asked for `*`. */
    std::string publishEndpoint() const;
    std::string controlEndpoint() const;
    const PlantTopology &topology() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace faultline
