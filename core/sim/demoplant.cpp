// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoplant.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <future>
#include <mutex>
#include <random>
#include <thread>

#include <QCoreApplication>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common/logging.h"
#include "common/zmqcontext.h"
#include "control/agentserver.h"
#include "ingest/streampublisher.h"
#include "sim/plantcontrol.h"
#include "sim/requestsimulator.h"

namespace faultline
{
namespace
{

constexpr std::int64_t nsPerMs = 1'000'000;
constexpr double maxRequestsPerSecond = 100'000;
// Maximum sleep of the plant loop, which bounds how late arrivals and completions are processed.
constexpr int pollTimeoutMs = 5;

QString tr(const char *text)
{
    return QCoreApplication::translate("DemoPlant", text);
}

std::int64_t unixNanosecondsNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string nextWakeEndpoint()
{
    static std::atomic<std::uint64_t> counter { 0 };
    return "inproc://faultline-demoplant-wake-" + std::to_string(++counter);
}

} // namespace

struct DemoPlant::Impl {
    Options options;
    std::thread thread;
    std::atomic<bool> stopRequested { false };
    std::atomic<bool> running { false };
    std::atomic<bool> finished { false };
    std::string wakeEndpoint;
    // Written by the plant thread before it reports ready, read by others only after that.
    std::string boundPublish;
    std::string boundControl;
    mutable std::mutex failureMutex;
    std::optional<Error> failure;

    void run(std::promise<std::optional<Error>> &ready);
    void loop(StreamPublisher &publisher, AgentServer &control, zmq::socket_t &wake);
    void fail(Error error);
};

DemoPlant::DemoPlant(Options options)
    : d(std::make_unique<Impl>())
{
    d->options = std::move(options);
    if (d->options.topology.isEmpty())
        d->options.topology = PlantTopology::builtIn();
}

DemoPlant::~DemoPlant()
{
    stop();
}

std::optional<Error> DemoPlant::start()
{
    if (d->thread.joinable())
        return Error { tr("the demo plant is already running; stop it first"), {} };
    if (auto error = d->options.topology.validate())
        return error;
    if (auto error = validateFaults(d->options.faults, d->options.topology))
        return error;
    const double rate = d->options.requestsPerSecond;
    if (!std::isfinite(rate) || rate <= 0 || rate > maxRequestsPerSecond)
        return Error { tr("a request rate of %1 per second is out of range; use more than 0 and at most %2")
                           .arg(rate)
                           .arg(maxRequestsPerSecond),
            QStringLiteral("requestsPerSecond") };
    if (!std::isfinite(d->options.durationSeconds) || d->options.durationSeconds < 0
        || d->options.durationSeconds > maxFaultSeconds)
        return Error { tr("a duration of %1 s is invalid; use 0 (run until stopped) up to %2 s")
                           .arg(d->options.durationSeconds)
                           .arg(maxFaultSeconds, 0, 'f', 0),
            QStringLiteral("durationSeconds") };

    d->stopRequested = false;
    d->finished = false;
    d->wakeEndpoint = nextWakeEndpoint();
    {
        std::lock_guard lock(d->failureMutex);
        d->failure.reset();
    }

    // The sockets are made and bound on the plant thread, which then owns them; start() waits for the outcome.
    std::promise<std::optional<Error>> ready;
    auto outcome = ready.get_future();
    d->thread = std::thread([impl = d.get(), &ready] { impl->run(ready); });
    if (auto error = outcome.get()) {
        d->thread.join();
        return error;
    }
    d->running = true;
    return std::nullopt;
}

void DemoPlant::stop()
{
    if (!d->thread.joinable())
        return;
    d->stopRequested = true;

    // The loop also checks the flag every few milliseconds, so a lost wake-up only delays the stop.
    try {
        zmq::socket_t wake(sharedZmqContext(), zmq::socket_type::pair);
        wake.set(zmq::sockopt::linger, 0);
        wake.connect(d->wakeEndpoint);
        (void)wake.send(zmq::str_buffer("stop"), zmq::send_flags::dontwait);
    } catch (const zmq::error_t &error) {
        qCWarning(lcSim) << "cannot wake the plant thread, waiting for its next poll:" << error.what();
    }
    d->thread.join();
    d->running = false;
}

bool DemoPlant::isRunning() const
{
    return d->running && !d->finished;
}

bool DemoPlant::finished() const
{
    return d->finished;
}

std::optional<Error> DemoPlant::failure() const
{
    std::lock_guard lock(d->failureMutex);
    return d->failure;
}

std::string DemoPlant::publishEndpoint() const
{
    return d->boundPublish;
}

std::string DemoPlant::controlEndpoint() const
{
    return d->boundControl;
}

const PlantTopology &DemoPlant::topology() const
{
    return d->options.topology;
}

void DemoPlant::Impl::run(std::promise<std::optional<Error>> &ready)
{
    bool reported = false;
    try {
        auto &context = sharedZmqContext();
        StreamPublisher publisher(context, "demo-plant");
        if (auto error = publisher.bind(options.publishEndpoint)) {
            ready.set_value(error);
            return;
        }

        AgentServer control(context);
        if (auto error = control.bind(options.controlEndpoint)) {
            ready.set_value(error);
            return;
        }

        zmq::socket_t wake(context, zmq::socket_type::pair);
        wake.set(zmq::sockopt::linger, 0);
        wake.bind(wakeEndpoint);

        boundPublish = publisher.boundEndpoint();
        boundControl = control.boundEndpoint();
        ready.set_value(std::nullopt);
        reported = true;

        loop(publisher, control, wake);
    } catch (const zmq::error_t &error) {
        Error failed { tr("the demo plant stopped on a ZeroMQ error: %1").arg(QString::fromUtf8(error.what())), {} };
        qCWarning(lcSim) << "plant thread stopped:" << error.what();
        if (reported)
            fail(std::move(failed));
        else
            ready.set_value(std::move(failed));
    }
}

void DemoPlant::Impl::loop(StreamPublisher &publisher, AgentServer &control, zmq::socket_t &wake)
{
    using Clock = std::chrono::steady_clock;
    const auto startTime = Clock::now();
    const auto elapsedNow = [startTime] {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - startTime).count();
    };

    RequestSimulator::Settings settings { options.requestsPerSecond, options.seed, unixNanosecondsNow() };
    settings.resilience = options.resilience;
    RequestSimulator simulator(options.topology, options.faults, settings);
    PlantControl plantControl(simulator);
    const auto handleControl = [&](std::string_view request) {
        return plantControl.handle(request, unixNanosecondsNow() / nsPerMs, elapsedNow());
    };
    const auto &services = options.topology.services();
    const std::int64_t durationNs = std::llround(options.durationSeconds * 1e9);

    // Each service exports on its own 100-200 ms timer, so a trace's spans arrive in several messages.
    std::mt19937_64 flushRandom(options.seed + 1);
    std::uniform_int_distribution<std::int64_t> flushGapNs(100 * nsPerMs, 200 * nsPerMs);
    std::vector<std::int64_t> nextFlushNs(services.size());
    for (auto &next : nextFlushNs)
        next = flushGapNs(flushRandom);

    std::vector<HealthReport> heartbeats;
    std::uint64_t reportedDrops = 0;
    zmq::pollitem_t items[] = { { control.socket().handle(), 0, ZMQ_POLLIN, 0 }, { wake.handle(), 0, ZMQ_POLLIN, 0 } };
    qCInfo(lcSim).nospace() << "plant running: " << services.size() << " services, " << options.requestsPerSecond
                            << " requests/s, seed " << options.seed << ", " << options.faults.size() << " faults";

    while (!stopRequested) {
        std::int64_t elapsedNs = elapsedNow();
        const bool ended = durationNs > 0 && elapsedNs >= durationNs;
        if (ended)
            elapsedNs = durationNs;

        simulator.advanceTo(elapsedNs);
        heartbeats.clear();
        simulator.collectHeartbeats(elapsedNs, heartbeats);
        for (const auto &report : heartbeats)
            publisher.publishHealth(report);
        for (std::size_t s = 0; s < services.size(); ++s) {
            if (nextFlushNs[s] > elapsedNs && !ended)
                continue;
            const auto spans = simulator.takeSpans(s);
            publisher.publishSpans(services[s].name, spans);
            nextFlushNs[s] = elapsedNs + flushGapNs(flushRandom);
        }

        if (simulator.droppedSpans() > reportedDrops) {
            qCWarning(lcSim) << "dropped" << simulator.droppedSpans() - reportedDrops
                             << "spans past the pending-span bound; lower the request rate";
            reportedDrops = simulator.droppedSpans();
        }
        if (ended) {
            qCInfo(lcSim) << "plant finished after" << options.durationSeconds << "s," << simulator.requestsStarted()
                          << "requests";
            finished = true;
            return;
        }

        zmq::poll(items, 2, std::chrono::milliseconds(pollTimeoutMs));
        if (items[0].revents & ZMQ_POLLIN)
            control.serve(handleControl);
        if (items[1].revents & ZMQ_POLLIN) {
            zmq::message_t drained;
            while (wake.recv(drained, zmq::recv_flags::dontwait)) { }
        }
    }
}

void DemoPlant::Impl::fail(Error error)
{
    std::lock_guard lock(failureMutex);
    failure = std::move(error);
    finished = true;
}

} // namespace faultline
