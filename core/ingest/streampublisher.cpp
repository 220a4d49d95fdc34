// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "streampublisher.h"

#include <chrono>

#include <QCoreApplication>
#include <QUuid>

#include "common/logging.h"
#include "wire/encoder.h"
#include "wire/envelope.h"
#include "wire/protocol.h"

namespace faultline {

namespace {

std::int64_t unixNanosecondsNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

StreamPublisher::StreamPublisher(zmq::context_t &context, std::string publisherId, int sendHighWaterMark)
    : m_socket(context, zmq::socket_type::pub)
    , m_publisherId(std::move(publisherId))
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8).toStdString())
{
    m_socket.set(zmq::sockopt::linger, 0);
    m_socket.set(zmq::sockopt::sndhwm, sendHighWaterMark);
}

std::optional<Error> StreamPublisher::bind(const std::string &endpoint)
{
    try {
        m_socket.bind(endpoint);
    } catch (const zmq::error_t &error) {
        return Error {QCoreApplication::translate("ingest", "cannot bind the publisher to %1: %2; choose another endpoint "
                                                           "or stop the program that holds it")
                          .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
                      QString::fromStdString(endpoint)};
    }
    return std::nullopt;
}

std::optional<Error> StreamPublisher::connect(const std::string &endpoint)
{
    try {
        m_socket.connect(endpoint);
    } catch (const zmq::error_t &error) {
        return Error {QCoreApplication::translate("ingest", "cannot connect the publisher to %1: %2")
                          .arg(QString::fromStdString(endpoint), QString::fromUtf8(error.what())),
                      QString::fromStdString(endpoint)};
    }
    return std::nullopt;
}

std::string StreamPublisher::boundEndpoint() const
{
    return m_socket.get(zmq::sockopt::last_endpoint);
}

void StreamPublisher::publishHealth(const HealthReport &report)
{
    send(wire::healthTopic(report.service), wire::encodeHealth(report));
}

void StreamPublisher::publishSpans(std::string_view service, std::span<const Span> spans)
{
    if (spans.empty())
        return;
    send(wire::traceTopic(service), wire::encodeOtlpTraces(spans));
}

void StreamPublisher::publishRaw(std::string_view topic, std::string_view body)
{
    send(topic, body);
}

void StreamPublisher::send(std::string_view topic, std::string_view body)
{
    wire::Envelope envelope;
    envelope.publisher = m_publisherId;
    envelope.session = m_session;
    envelope.seq = ++m_sequence[std::string(topic)];
    envelope.sentUnixNs = unixNanosecondsNow();
    const auto header = wire::encodeEnvelope(envelope);

    // PUB never blocks: at the high-water mark ZeroMQ drops the message, and the gap in the
    // sequence numbers tells the receiver.
    try {
        m_socket.send(zmq::buffer(topic), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
        m_socket.send(zmq::buffer(header), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
        m_socket.send(zmq::buffer(body), zmq::send_flags::dontwait);
        ++m_sent;
    } catch (const zmq::error_t &error) {
        qCWarning(lcZmq) << "publish failed on" << QByteArray(topic.data(), qsizetype(topic.size())) << error.what();
    }
}

} // namespace faultline
