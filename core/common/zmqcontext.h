// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <zmq.hpp>

namespace faultline {

/**
 * The process's one ZeroMQ context. inproc:// endpoints only connect sockets of the same context,
 * so the in-process demo plant and the console must share it.
 */
zmq::context_t &sharedZmqContext();

} // namespace faultline
