// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <QObject>

#include "common/result.h"
#include "control/commandsender.h"

namespace faultline
{

/**
 * The console's side of the control protocol: a ZeroMQ DEALER socket, on a thread of its own, that
 * connects to the ROUTER endpoints of service agents. Live on one thread with an event loop (the GUI
 * thread in the console); send() and the signals belong to that thread.
 *
 * Guarantees, each covered by tests/control/tst_commandclient.cpp:
 * - each request carries an id (a fresh UUID when the caller gave none) and a deadline;
 * - while no reply has come, the request is resent with the same id and deadline every retryInterval();
 * - a reply resolves only the pending request with the same id; replies with an unknown id, and
 *   replies that come after their request timed out, are counted in ignoredReplies() and dropped;
 * - a request times out after its timeout or at its deadline, whichever comes first, and is never
 *   resolved or resent later; one whose deadline has already passed is not sent at all;
 * - destroying the client completes every pending send() as Cancelled and joins its thread within
 *   about one poll interval (100 ms).
 * ZeroMQ shares requests among several endpoints round-robin, so list several only when each of
 * them can serve every service (replicas behind one plant), never one endpoint per service.
 */
class CommandClient : public QObject, public CommandSender
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds defaultRetryInterval { 1000 };

    explicit CommandClient(std::vector<std::string> endpoints, QObject *parent = nullptr);
    ~CommandClient() override;

    /** Starts the socket thread and connects to every endpoint; an Error names the endpoint at fault. */
    std::optional<Error> start();
    bool isStarted() const;
    const std::vector<std::string> &endpoints() const { return m_endpoints; }

    /** Time between resends of a request that has no reply yet; 0 sends each request once. */
    std::chrono::milliseconds retryInterval() const { return m_retryInterval; }
    void setRetryInterval(std::chrono::milliseconds interval) { m_retryInterval = interval; }

    /**
     * Sends @p request and completes with Applied or Rejected (the agent's reply), TimedOut (no reply
     * within @p timeout or before the request's deadline) or Cancelled (the client was not started, or
     * was destroyed meanwhile). A request whose id is still pending is rejected at once and not sent.
     */
    QCoro::Task<CommandOutcome> send(ControlRequest request, std::chrono::milliseconds timeout) override;

    std::size_t pendingCount() const { return m_pending.size(); }
    /** Replies dropped because no pending request had their id, or because they could not be decoded. */
    std::uint64_t ignoredReplies() const { return m_ignoredReplies; }

Q_SIGNALS:
    /** The request went out for the first time (retries do not emit it); its id and deadline are set. */
    void commandSent(const faultline::ControlRequest &request);
    /** The request ended: applied, rejected, timed out or cancelled. Emitted once per send(). */
    void commandFinished(const faultline::ControlRequest &request, const faultline::CommandOutcome &outcome);

private:
    struct Pending;
    struct Worker;

    void handleReply(const std::string &payload);
    void expire(const std::string &id, std::uint64_t serial);
    void resend(const std::string &id, std::uint64_t serial);
    void finish(const std::string &id, CommandOutcome outcome);
    bool post(const std::string &payload);

    std::vector<std::string> m_endpoints;
    std::chrono::milliseconds m_retryInterval = defaultRetryInterval;
    std::unique_ptr<Worker> m_worker;
    std::unordered_map<std::string, std::unique_ptr<Pending>> m_pending;
    std::uint64_t m_nextSerial = 0;
    std::uint64_t m_ignoredReplies = 0;
    bool m_closing = false;
};

} // namespace faultline
