// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestworker.h"

#include <chrono>
#include <set>
#include <utility>

#include <QCoreApplication>

#include "common/logging.h"
#include "common/zmqcontext.h"
#include "health/healthmonitor.h"
#include "ingest/publishertracker.h"
#include "topology/topologystore.h"
#include "wire/decoder.h"
#include "wire/protocol.h"

namespace faultline {

namespace {

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Messages handled between two looks at the clock, so a flood cannot delay the deltas for long.
constexpr int drainBatch = 2000;

/** The state that lives on the ingest thread only. */
class IngestLoop
{
public:
    IngestLoop(const IngestClient::Options &options)
        : m_linker(options.linker)
        , m_store(options.health)
        , m_filter(options.serviceFilter.begin(), options.serviceFilter.end())
    {
    }

    void handle(std::vector<zmq::message_t> &frames, std::int64_t nowMs);
    void apply(const HealthCommand &command, std::int64_t nowMs) { m_health.apply(command, m_store, nowMs); }
    void tick(std::int64_t nowMs);
    TopologyDelta takeDelta(std::int64_t nowMs);

private:
    void malformed(const std::string &publisher, const QString &error, std::int64_t nowMs);
    void applyCalls(std::int64_t nowMs);

    wire::Decoder m_decoder;
    DependencyLinker m_linker;
    TopologyStore m_store;
    HealthMonitor m_health;
    PublisherTracker m_publishers;
    StreamCounters m_counters;
    std::set<std::string, std::less<>> m_filter;
    std::vector<CallRecord> m_calls;
    std::vector<std::string> m_warnings;
    std::int64_t m_lastSecond = -1;
    bool m_publishersDirty = false;
};

void IngestLoop::malformed(const std::string &publisher, const QString &error, std::int64_t nowMs)
{
    ++m_counters.malformed;
    m_counters.lastError = error;
    m_publishers.noteMalformed(publisher, error, nowMs);
    m_publishersDirty = true;
    // Counted always; logged only now and then, since a broken publisher can send thousands a second.
    if (m_counters.malformed < 10 || m_counters.malformed % 1000 == 0)
        qCWarning(lcIngest) << "malformed message from" << publisher.c_str() << "total" << m_counters.malformed
                            << error;
}

void IngestLoop::handle(std::vector<zmq::message_t> &frames, std::int64_t nowMs)
{
    ++m_counters.messages;
    if (frames.size() != 3) {
        malformed({}, QCoreApplication::translate("ingest", "expected 3 frames (topic, envelope, body), got %1")
                          .arg(frames.size()), nowMs);
        return;
    }
    const auto topicText = frames[0].to_string_view();
    const auto topic = wire::parseTopic(topicText);
    if (!topic) {
        malformed({}, QCoreApplication::translate("ingest", "invalid topic '%1'; expected health.<service> or trace.<service>")
                          .arg(QString::fromUtf8(topicText.data(), qsizetype(std::min<std::size_t>(topicText.size(), 120)))),
                  nowMs);
        return;
    }
    // ZeroMQ delivers every topic that starts with a subscription; keep the exact services only.
    if (!m_filter.empty() && !m_filter.contains(topic->service))
        return;

    auto envelope = m_decoder.envelope(frames[1].to_string_view());
    if (!envelope) {
        malformed({}, QCoreApplication::translate("ingest", "envelope: %1").arg(envelope.error().message), nowMs);
        return;
    }
    const auto sequence = m_publishers.noteMessage(envelope.value(), topicText, nowMs);
    m_publishersDirty = true;
    if (sequence == PublisherTracker::Sequence::Duplicate)
        return;

    const auto body = frames[2].to_string_view();
    if (topic->stream == wire::Stream::Health) {
        auto report = m_decoder.health(body);
        if (!report) {
            malformed(envelope->publisher, report.error().message, nowMs);
            return;
        }
        if (report->service != topic->service) {
            malformed(envelope->publisher,
                      QCoreApplication::translate("ingest", "topic names service '%1' but the body names '%2'")
                          .arg(QString::fromUtf8(topic->service.data(), qsizetype(topic->service.size())),
                               QString::fromStdString(report->service)),
                      nowMs);
            return;
        }
        m_store.applyHealth(report.value(), nowMs);
        return;
    }

    auto batch = m_decoder.traces(body);
    if (!batch) {
        malformed(envelope->publisher, batch.error().message, nowMs);
        return;
    }
    m_counters.spansSkipped += batch->skipped.size();
    if (!batch->skipped.empty())
        m_counters.lastError = batch->skipped.back().message;
    for (auto &span : batch.value().spans) {
        // A resource without service.name belongs to the service its topic names.
        if (span.service.empty())
            span.service.assign(topic->service);
        ++m_counters.spans;
        m_store.noteNode(span.service, NodeKind::Service, nowMs);
        m_linker.addSpan(span, nowMs, m_calls);
    }
    applyCalls(nowMs);
}

void IngestLoop::applyCalls(std::int64_t nowMs)
{
    for (const auto &call : m_calls)
        m_store.applyCall(call, nowMs);
    m_calls.clear();
}

void IngestLoop::tick(std::int64_t nowMs)
{
    m_linker.expire(nowMs, m_calls);
    applyCalls(nowMs);
    for (auto &warning : m_linker.takeWarnings()) {
        // Live traces cut by the subscription's start or by drops are common; keep the list short.
        if (m_warnings.size() < 20)
            m_warnings.push_back(std::move(warning.message));
    }
    m_store.tick(nowMs);
    m_health.update(m_store, nowMs);
    const auto second = nowMs / 1000;
    if (second != m_lastSecond) {
        m_lastSecond = second;
        m_publishers.tick(nowMs);
        m_publishersDirty = true;
    }
}

TopologyDelta IngestLoop::takeDelta(std::int64_t nowMs)
{
    TopologyDelta delta;
    delta.nowMs = nowMs;
    m_store.collectChanges(delta);
    m_health.takeChanges(delta.health);
    if (m_publishersDirty) {
        delta.publishers = m_publishers.snapshots();
        m_publishersDirty = false;
    }
    m_counters.linkerDropped = m_linker.droppedForMemory();
    delta.counters = m_counters;
    delta.warnings = std::move(m_warnings);
    m_warnings.clear();
    return delta;
}

} // namespace

IngestWorker::IngestWorker(IngestClient::Options options, DeltaSink sink)
    : m_options(std::move(options))
    , m_sink(std::move(sink))
{
    static std::atomic<int> counter {0};
    m_wakeEndpoint = "inproc://faultline-ingest-wake-" + std::to_string(++counter);
}

IngestWorker::~IngestWorker()
{
    stop();
}

std::optional<Error> IngestWorker::start()
{
    if (m_thread.joinable())
        return Error {QCoreApplication::translate("ingest", "the ingest thread is already running"), {}};
    if (m_options.endpoints.empty())
        return Error {QCoreApplication::translate("ingest", "no endpoint to connect to; pass at least one with --connect"),
                      QStringLiteral("endpoint")};

    std::promise<std::optional<Error>> ready;
    auto readyResult = ready.get_future();
    m_thread = std::thread([this, &ready] { run(ready); });
    auto error = readyResult.get();
    if (error) {
        m_thread.join();
        return error;
    }

    // The worker has bound its end of the wake-up pair; this end lives on the owner's thread.
    m_wakeSender.emplace(sharedZmqContext(), zmq::socket_type::pair);
    m_wakeSender->set(zmq::sockopt::linger, 0);
    m_wakeSender->connect(m_wakeEndpoint);
    return std::nullopt;
}

void IngestWorker::stop()
{
    if (!m_thread.joinable())
        return;
    try {
        m_wakeSender->send(zmq::str_buffer("stop"), zmq::send_flags::dontwait);
    } catch (const zmq::error_t &error) {
        qCWarning(lcIngest) << "cannot wake the ingest thread:" << error.what();
    }
    m_thread.join();
    m_wakeSender.reset();
}

void IngestWorker::post(const HealthCommand &command)
{
    std::lock_guard lock(m_commandMutex);
    m_commands.push_back(command);
}

std::vector<HealthCommand> IngestWorker::takeCommands()
{
    std::lock_guard lock(m_commandMutex);
    return std::exchange(m_commands, {});
}

void IngestWorker::run(std::promise<std::optional<Error>> &ready)
{
    auto &context = sharedZmqContext();
    zmq::socket_t subscriber(context, zmq::socket_type::sub);
    zmq::socket_t wake(context, zmq::socket_type::pair);
    try {
        subscriber.set(zmq::sockopt::linger, 0);
        subscriber.set(zmq::sockopt::rcvhwm, m_options.receiveHighWaterMark);
        wake.set(zmq::sockopt::linger, 0);
        wake.bind(m_wakeEndpoint);
        if (m_options.serviceFilter.empty()) {
            subscriber.set(zmq::sockopt::subscribe, wire::healthPrefix);
            subscriber.set(zmq::sockopt::subscribe, wire::tracePrefix);
        } else {
            for (const auto &service : m_options.serviceFilter) {
                subscriber.set(zmq::sockopt::subscribe, wire::healthTopic(service));
                subscriber.set(zmq::sockopt::subscribe, wire::traceTopic(service));
            }
        }
    } catch (const zmq::error_t &error) {
        ready.set_value(Error {QCoreApplication::translate("ingest", "cannot set up the subscriber: %1")
                                   .arg(QString::fromUtf8(error.what())),
                               {}});
        return;
    }
    for (const auto &endpoint : m_options.endpoints) {
        try {
            subscriber.connect(endpoint);
        } catch (const zmq::error_t &error) {
            ready.set_value(Error {QCoreApplication::translate("ingest", "cannot connect to '%1': %2; use "
                                                                         "tcp://HOST:PORT, ipc://PATH or inproc://NAME")
                                       .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
                                   QString::fromStdString(endpoint)});
            return;
        }
    }
    qCInfo(lcIngest) << "ingest started on" << m_options.endpoints.size() << "endpoints";
    ready.set_value(std::nullopt);

    IngestLoop loop(m_options);
    std::vector<zmq::message_t> frames;
    const auto interval = std::max(10, m_options.deltaIntervalMs);
    auto nextDeltaMs = steadyNowMs() + interval;

    zmq::pollitem_t items[] = {{subscriber.handle(), 0, ZMQ_POLLIN, 0}, {wake.handle(), 0, ZMQ_POLLIN, 0}};
    try {
        while (true) {
            const auto waitMs = std::max<std::int64_t>(0, nextDeltaMs - steadyNowMs());
            zmq::poll(items, 2, std::chrono::milliseconds(waitMs));
            if (items[1].revents & ZMQ_POLLIN)
                break;

            for (int i = 0; i < drainBatch; ++i) {
                frames.clear();
                const auto received = zmq::recv_multipart(subscriber, std::back_inserter(frames), zmq::recv_flags::dontwait);
                if (!received)
                    break;
                loop.handle(frames, steadyNowMs());
            }

            const auto nowMs = steadyNowMs();
            if (nowMs >= nextDeltaMs) {
                for (const auto &command : takeCommands())
                    loop.apply(command, nowMs);
                loop.tick(nowMs);
                m_sink(loop.takeDelta(nowMs));
                // Skip ticks missed during a stall instead of firing them back to back.
                nextDeltaMs = std::max(nextDeltaMs + interval, nowMs + 1);
            }
        }
    } catch (const zmq::error_t &error) {
        qCCritical(lcIngest) << "ingest thread stopped:" << error.what();
    }
    qCInfo(lcIngest) << "ingest stopped";
}

} // namespace faultline
