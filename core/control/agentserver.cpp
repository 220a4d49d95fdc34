// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentserver.h"

#include <array>

#include <QCoreApplication>

#include <zmq_addon.hpp>

#include "common/logging.h"
#include "control/agentruntime.h"

namespace faultline
{
namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentServer", text);
}

} // namespace

AgentServer::AgentServer(zmq::context_t &context)
    : m_socket(context, zmq::socket_type::router)
{
    m_socket.set(zmq::sockopt::linger, 0);
    m_socket.set(zmq::sockopt::maxmsgsize, maxRequestBytes);
}

std::optional<Error> AgentServer::bind(const std::string &endpoint)
{
    try {
        m_socket.bind(endpoint);
    } catch (const zmq::error_t &error) {
        return Error { tr("cannot bind the control socket to %1: %2; choose another endpoint or stop the program "
                          "that holds it")
                           .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
            QString::fromStdString(endpoint) };
    }
    return std::nullopt;
}

std::optional<Error> AgentServer::connect(const std::string &endpoint)
{
    try {
        m_socket.connect(endpoint);
    } catch (const zmq::error_t &error) {
        return Error { tr("cannot connect the control socket to %1: %2; give an endpoint such as "
                          "tcp://127.0.0.1:5557")
                           .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
            QString::fromStdString(endpoint) };
    }
    return std::nullopt;
}

std::string AgentServer::boundEndpoint() const
{
    return m_socket.get(zmq::sockopt::last_endpoint);
}

int AgentServer::serve(const std::function<std::string(std::string_view request)> &handle)
{
    int handled = 0;
    for (; handled < maxRequestsPerServe; ++handled) {
        std::vector<zmq::message_t> frames;
        if (!zmq::recv_multipart(m_socket, std::back_inserter(frames), zmq::recv_flags::dontwait))
            break;

        // [identity, empty, request] from REQ or a DEALER that adds the delimiter, [identity, request] without it.
        std::string reply;
        if (frames.size() == 3 && frames[1].empty()) {
            reply = handle(frames[2].to_string_view());
        } else if (frames.size() == 2) {
            reply = handle(frames[1].to_string_view());
        } else {
            qCWarning(lcControl) << "control message with" << frames.size() << "frames rejected";
            reply = AgentRuntime::malformedReply("expected one request frame after the empty delimiter");
        }

        std::array<zmq::const_buffer, 3> out
            = { zmq::buffer(frames[0].data(), frames[0].size()), zmq::const_buffer(), zmq::buffer(reply) };
        if (!zmq::send_multipart(m_socket, out, zmq::send_flags::dontwait))
            qCWarning(lcControl) << "control reply dropped: the requester's queue is full";
    }
    return handled;
}

int AgentServer::pollAndServe(
    std::chrono::milliseconds timeout, const std::function<std::string(std::string_view)> &handle)
{
    zmq::pollitem_t item { m_socket.handle(), 0, ZMQ_POLLIN, 0 };
    zmq::poll(&item, 1, timeout);
    if (!(item.revents & ZMQ_POLLIN))
        return 0;
    return serve(handle);
}

} // namespace faultline
