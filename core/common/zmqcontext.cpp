// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zmqcontext.h"

namespace faultline {

zmq::context_t &sharedZmqContext()
{
    // Never destroyed: zmq_ctx_term blocks while any socket is open, and sockets owned by static
    // objects or detached threads could otherwise hang the exit.
    static auto *context = new zmq::context_t(1);
    return *context;
}

} // namespace faultline
