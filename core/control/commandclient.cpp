// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandclient.h"

#include <atomic>
#include <coroutine>
#include <future>
#include <thread>

#include <QDateTime>
#include <QTimer>
#include <QUuid>

#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "common/logging.h"
#include "common/zmqcontext.h"
#include "wire/decoder.h"
#include "wire/encoder.h"

namespace faultline
{
namespace
{

// Bounds how long the socket thread takes to notice a stop request that found no wake-up message.
constexpr std::chrono::milliseconds pollInterval { 100 };
// A reply is a few hundred bytes; ZeroMQ disconnects an agent that sends a larger message than this.
constexpr std::int64_t maxReplyBytes = 64 * 1024;

std::string nextPipeEndpoint()
{
    static std::atomic<std::uint64_t> counter { 0 };
    return "inproc://faultline-commandclient-" + std::to_string(++counter);
}

// The outcome that one send() waits for, set once by finish() on the client's thread.
struct Completion {
    std::optional<CommandOutcome> outcome;
    std::coroutine_handle<> waiter;
};

struct CompletionAwaiter {
    std::shared_ptr<Completion> completion;

    bool await_ready() const noexcept { return completion->outcome.has_value(); }
    void await_suspend(std::coroutine_handle<> waiter) noexcept { completion->waiter = waiter; }
    CommandOutcome await_resume() { return std::move(*completion->outcome); }
};

} // namespace

struct CommandClient::Pending {
    ControlRequest request;
    std::string payload;
    std::uint64_t serial = 0;
    std::shared_ptr<Completion> completion;
};

struct CommandClient::Worker {
    std::thread thread;
    std::atomic<bool> stopRequested { false };
    std::string pipeEndpoint = nextPipeEndpoint();
    // The client's end of the pipe to the socket thread; used on the client's thread only.
    std::optional<zmq::socket_t> pipe;
    wire::Decoder decoder;

    void run(CommandClient *owner, std::vector<std::string> endpoints, std::promise<std::optional<Error>> &ready);
    void loop(CommandClient *owner, zmq::socket_t &dealer, zmq::socket_t &pipeEnd);
};

CommandClient::CommandClient(std::vector<std::string> endpoints, QObject *parent)
    : QObject(parent)
    , m_endpoints(std::move(endpoints))
{
}

CommandClient::~CommandClient()
{
    m_closing = true;
    if (m_worker && m_worker->thread.joinable()) {
        m_worker->stopRequested = true;
        try {
            (void)m_worker->pipe->send(zmq::message_t(), zmq::send_flags::dontwait);
        } catch (const zmq::error_t &error) {
            qCWarning(lcControl) << "cannot wake the command thread, waiting for its next poll:" << error.what();
        }
        m_worker->thread.join();
    }

    // Resuming a waiter may run arbitrary code, so the map is emptied first.
    auto pending = std::exchange(m_pending, {});
    for (auto &[id, entry] : pending) {
        CommandOutcome outcome { CommandOutcome::Kind::Cancelled, id, tr("the console closed before a reply came"),
            ServiceMode::Normal };
        entry->completion->outcome = outcome;
        Q_EMIT commandFinished(entry->request, outcome);
        if (auto waiter = std::exchange(entry->completion->waiter, {}))
            waiter.resume();
    }
}

std::optional<Error> CommandClient::start()
{
    if (m_worker)
        return Error { tr("the command client is already started"), {} };
    if (m_endpoints.empty())
        return Error { tr("no control endpoint given; pass one such as tcp://127.0.0.1:5557"),
            QStringLiteral("endpoints") };

    auto worker = std::make_unique<Worker>();
    try {
        worker->pipe.emplace(sharedZmqContext(), zmq::socket_type::pair);
        worker->pipe->set(zmq::sockopt::linger, 0);
        worker->pipe->bind(worker->pipeEndpoint);
    } catch (const zmq::error_t &error) {
        return Error { tr("cannot open the command pipe: %1").arg(QString::fromUtf8(error.what())), {} };
    }

    // The DEALER is made and connected on its own thread, which owns it; start() waits for the outcome.
    std::promise<std::optional<Error>> ready;
    auto outcome = ready.get_future();
    worker->thread = std::thread(
        [impl = worker.get(), owner = this, endpoints = m_endpoints, &ready] { impl->run(owner, endpoints, ready); });
    if (auto error = outcome.get()) {
        worker->thread.join();
        return error;
    }
    m_worker = std::move(worker);
    return std::nullopt;
}

bool CommandClient::isStarted() const
{
    return m_worker != nullptr;
}

void CommandClient::Worker::run(
    CommandClient *owner, std::vector<std::string> endpoints, std::promise<std::optional<Error>> &ready)
{
    bool reported = false;
    try {
        auto &context = sharedZmqContext();
        zmq::socket_t pipeEnd(context, zmq::socket_type::pair);
        pipeEnd.set(zmq::sockopt::linger, 0);
        pipeEnd.connect(pipeEndpoint);

        zmq::socket_t dealer(context, zmq::socket_type::dealer);
        dealer.set(zmq::sockopt::linger, 0);
        dealer.set(zmq::sockopt::maxmsgsize, maxReplyBytes);
        for (const auto &endpoint : endpoints) {
            try {
                dealer.connect(endpoint);
            } catch (const zmq::error_t &error) {
                ready.set_value(Error { tr("cannot connect to the control endpoint %1: %2; give an endpoint such as "
                                           "tcp://127.0.0.1:5557")
                                            .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
                    QString::fromStdString(endpoint) });
                return;
            }
        }
        ready.set_value(std::nullopt);
        reported = true;
        loop(owner, dealer, pipeEnd);
    } catch (const zmq::error_t &error) {
        qCWarning(lcControl) << "command thread stopped:" << error.what();
        if (!reported)
            ready.set_value(Error { tr("the command client failed: %1").arg(QString::fromUtf8(error.what())), {} });
    }
}

void CommandClient::Worker::loop(CommandClient *owner, zmq::socket_t &dealer, zmq::socket_t &pipeEnd)
{
    zmq::pollitem_t items[] = { { dealer.handle(), 0, ZMQ_POLLIN, 0 }, { pipeEnd.handle(), 0, ZMQ_POLLIN, 0 } };
    while (!stopRequested) {
        zmq::poll(items, 2, pollInterval);

        // Requests from the client's thread; an empty message only wakes the loop.
        if (items[1].revents & ZMQ_POLLIN) {
            zmq::message_t request;
            while (pipeEnd.recv(request, zmq::recv_flags::dontwait)) {
                if (request.empty())
                    continue;
                std::array<zmq::const_buffer, 2> frames
                    = { zmq::const_buffer(), zmq::buffer(request.data(), request.size()) };
                if (!zmq::send_multipart(dealer, frames, zmq::send_flags::dontwait))
                    qCWarning(lcControl) << "control queue full; the request waits for its next retry";
            }
        }

        // Replies are [empty, reply] from an agent's ROUTER; the last frame is the body either way.
        if (items[0].revents & ZMQ_POLLIN) {
            for (;;) {
                std::vector<zmq::message_t> frames;
                if (!zmq::recv_multipart(dealer, std::back_inserter(frames), zmq::recv_flags::dontwait))
                    break;
                if (frames.empty())
                    continue;
                std::string payload = frames.back().to_string();
                // The client outlives this thread (its destructor joins it), and Qt drops events of a deleted object.
                QMetaObject::invokeMethod(
                    owner, [owner, payload = std::move(payload)] { owner->handleReply(payload); },
                    Qt::QueuedConnection);
            }
        }
    }
}

QCoro::Task<CommandOutcome> CommandClient::send(ControlRequest request, std::chrono::milliseconds timeout)
{
    if (request.id.empty())
        request.id = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    const std::int64_t nowUnixMs = QDateTime::currentMSecsSinceEpoch();
    if (request.deadlineUnixMs == 0)
        request.deadlineUnixMs = nowUnixMs + timeout.count();

    const auto finishAtOnce = [&](CommandOutcome::Kind kind, const QString &reason) {
        CommandOutcome outcome { kind, request.id, reason, ServiceMode::Normal };
        Q_EMIT commandFinished(request, outcome);
        return outcome;
    };
    if (m_closing || !m_worker)
        co_return finishAtOnce(CommandOutcome::Kind::Cancelled,
            tr("the command client is not connected; start it with a control endpoint"));
    if (m_pending.contains(request.id))
        co_return finishAtOnce(CommandOutcome::Kind::Rejected,
            tr("a command with id %1 is still pending; wait for its outcome").arg(QString::fromStdString(request.id)));
    if (timeout.count() <= 0)
        co_return finishAtOnce(CommandOutcome::Kind::TimedOut,
            tr("a timeout of %1 ms leaves no time for a reply; give a positive timeout").arg(timeout.count()));
    // The agent rejects a request past its deadline, so one sent after it could only be rejected.
    if (request.deadlineUnixMs <= nowUnixMs)
        co_return finishAtOnce(CommandOutcome::Kind::TimedOut,
            tr("the deadline passed %1 ms before the request could be sent; it was not sent")
                .arg(nowUnixMs - request.deadlineUnixMs));
    // Neither resent nor awaited past its deadline, because from then on the agent would only reject it.
    const auto expiry = std::min(timeout, std::chrono::milliseconds(request.deadlineUnixMs - nowUnixMs));

    auto pending = std::make_unique<Pending>();
    pending->request = request;
    pending->payload = wire::encodeControlRequest(request);
    pending->serial = ++m_nextSerial;
    pending->completion = std::make_shared<Completion>();
    auto completion = pending->completion;
    const std::string id = request.id;
    const std::uint64_t serial = pending->serial;
    m_pending.emplace(id, std::move(pending));

    QTimer::singleShot(expiry, this, [this, id, serial] { expire(id, serial); });
    if (m_retryInterval.count() > 0 && m_retryInterval < expiry)
        QTimer::singleShot(m_retryInterval, this, [this, id, serial] { resend(id, serial); });
    qCDebug(lcControl) << "sending" << operationName(request.operation).data() << request.service.c_str() << "id"
                       << id.c_str();
    post(m_pending.at(id)->payload);
    Q_EMIT commandSent(request);

    // Only the awaiter is touched after this point: the client may be gone when the coroutine resumes.
    // A named awaiter, because with a temporary one GCC 12 released the completion twice (valgrind showed
    // the use after free in tst_commandclient).
    CompletionAwaiter awaiter { std::move(completion) };
    CommandOutcome outcome = co_await awaiter;
    co_return outcome;
}

bool CommandClient::post(const std::string &payload)
{
    try {
        if (m_worker->pipe->send(zmq::buffer(payload), zmq::send_flags::dontwait))
            return true;
        qCWarning(lcControl) << "command pipe full; the request waits for its next retry";
    } catch (const zmq::error_t &error) {
        qCWarning(lcControl) << "cannot pass a request to the command thread:" << error.what();
    }
    return false;
}

void CommandClient::resend(const std::string &id, std::uint64_t serial)
{
    const auto found = m_pending.find(id);
    if (found == m_pending.end() || found->second->serial != serial)
        return;
    qCDebug(lcControl) << "no reply yet; resending" << id.c_str();
    post(found->second->payload);
    QTimer::singleShot(m_retryInterval, this, [this, id, serial] { resend(id, serial); });
}

void CommandClient::expire(const std::string &id, std::uint64_t serial)
{
    const auto found = m_pending.find(id);
    if (found == m_pending.end() || found->second->serial != serial)
        return;
    qCInfo(lcControl) << "request" << id.c_str() << "timed out without a reply";
    finish(id,
        { CommandOutcome::Kind::TimedOut, id,
            tr("no reply from the agent in time; the service's next heartbeat shows whether it took effect"),
            ServiceMode::Normal });
}

void CommandClient::handleReply(const std::string &payload)
{
    auto reply = m_worker->decoder.controlReply(payload);
    if (!reply) {
        ++m_ignoredReplies;
        qCWarning(lcControl) << "invalid control reply ignored:" << reply.error().message;
        return;
    }
    if (!m_pending.contains(reply->id)) {
        ++m_ignoredReplies;
        qCInfo(lcControl) << "reply for" << reply->id.c_str() << "ignored: no pending request has this id";
        return;
    }
    const bool applied = reply->status == ControlStatus::Applied;
    finish(reply->id,
        { applied ? CommandOutcome::Kind::Applied : CommandOutcome::Kind::Rejected, reply->id,
            QString::fromStdString(reply->reason), reply->mode });
}

void CommandClient::finish(const std::string &id, CommandOutcome outcome)
{
    auto node = m_pending.extract(id);
    if (node.empty())
        return;
    Pending &pending = *node.mapped();
    qCDebug(lcControl) << "request" << id.c_str() << "finished:" << int(outcome.kind) << outcome.reason;
    Q_EMIT commandFinished(pending.request, outcome);
    pending.completion->outcome = std::move(outcome);
    if (auto waiter = std::exchange(pending.completion->waiter, {}))
        waiter.resume();
}

} // namespace faultline
