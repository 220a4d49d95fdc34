// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

#include <QString>

#include <qcorotask.h>

#include "wire/controlmessages.h"

namespace faultline
{

/** The end of a control command, as the console observed it. */
struct CommandOutcome {
    enum class Kind : std::uint8_t {
        Applied, // the agent applied it; mode is the service's mode afterwards
        Rejected, // the agent rejected it, and reason gives the cause
        TimedOut, // no reply before the deadline; the agent may or may not have applied it
        Cancelled, // the console gave up first (quitting, or the sender was destroyed)
    };

    Kind kind = Kind::TimedOut;
    std::string id;
    QString reason;
    ServiceMode mode = ServiceMode::Normal;

    bool applied() const { return kind == Kind::Applied; }
};

/**
 * Sends control commands to service agents. The command client implements it over ZeroMQ; the
 * playbook runner and the console's actions depend only on this header, so tests can run them
 * against a real plant or a recording stand-in.
 */
class CommandSender
{
public:
    virtual ~CommandSender() = default;

    /**
     * Sends @p request and completes with its outcome. An empty id is replaced by a fresh unique
     * one, and a zero deadline is set to now plus @p timeout. An implementation completes exactly
     * once, and no later than the timeout.
     */
    virtual QCoro::Task<CommandOutcome> send(ControlRequest request, std::chrono::milliseconds timeout) = 0;
};

} // namespace faultline
