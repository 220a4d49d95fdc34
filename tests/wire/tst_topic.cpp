// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <set>

#include <QTest>

#include <zmq.hpp>

#include "common/zmqcontext.h"
#include "wire/protocol.h"

using namespace faultline;
using namespace faultline::wire;

class TestTopic : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTopics();
    void parsesTopics_data();
    void parsesTopics();
    void matchesServiceExactly_data();
    void matchesServiceExactly();
    void serviceNames_data();
    void serviceNames();
    void subscriptionDeliversLongerTopics();
};

namespace
{

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), std::size_t(bytes.size()) };
}

} // namespace

void TestTopic::buildsTopics()
{
    QCOMPARE(healthTopic("plc-gateway"), std::string("health.plc-gateway"));
    QCOMPARE(traceTopic("plc-gateway"), std::string("trace.plc-gateway"));
    QCOMPARE(healthTopic(""), std::string("health."));
}

void TestTopic::parsesTopics_data()
{
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("health");
    QTest::addColumn<QByteArray>("service");

    QTest::newRow("health topic") << QByteArray("health.mes") << true << true << QByteArray("mes");
    QTest::newRow("trace topic") << QByteArray("trace.mes") << true << false << QByteArray("mes");
    QTest::newRow("service with dots keeps them")
        << QByteArray("health.line1.arm.2") << true << true << QByteArray("line1.arm.2");
    QTest::newRow("service named like a prefix")
        << QByteArray("trace.health.x") << true << false << QByteArray("health.x");
    QTest::newRow("every allowed punctuation")
        << QByteArray("health.a-b_c.d:e/f") << true << true << QByteArray("a-b_c.d:e/f");
    QTest::newRow("service of 200 bytes")
        << QByteArray("health.") + QByteArray(200, 's') << true << true << QByteArray(200, 's');

    QTest::newRow("empty topic") << QByteArray() << false << false << QByteArray();
    QTest::newRow("prefix without service") << QByteArray("health.") << false << false << QByteArray();
    QTest::newRow("prefix without dot") << QByteArray("health") << false << false << QByteArray();
    QTest::newRow("unknown stream") << QByteArray("metrics.mes") << false << false << QByteArray();
    QTest::newRow("prefix in capitals") << QByteArray("HEALTH.mes") << false << false << QByteArray();
    QTest::newRow("longer stream word") << QByteArray("healthy.mes") << false << false << QByteArray();
    QTest::newRow("space in service") << QByteArray("health.m es") << false << false << QByteArray();
    QTest::newRow("service of 201 bytes")
        << QByteArray("health.") + QByteArray(201, 's') << false << false << QByteArray();
    QTest::newRow("non-ascii service") << QByteArray("health.m\xc3\xa9s") << false << false << QByteArray();
    QTest::newRow("NUL in service") << QByteArray("health.m\0s", 10) << false << false << QByteArray();
    QTest::newRow("leading space") << QByteArray(" health.mes") << false << false << QByteArray();
}

void TestTopic::parsesTopics()
{
    QFETCH(QByteArray, topic);
    QFETCH(bool, valid);
    QFETCH(bool, health);
    QFETCH(QByteArray, service);

    const auto parsed = parseTopic(view(topic));
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QCOMPARE(parsed->stream == Stream::Health, health);
    QCOMPARE(parsed->service, view(service));
}

void TestTopic::matchesServiceExactly_data()
{
    QTest::addColumn<QByteArray>("topic");
    QTest::addColumn<QByteArray>("service");
    QTest::addColumn<bool>("matches");

    QTest::newRow("health of the service") << QByteArray("health.a") << QByteArray("a") << true;
    QTest::newRow("trace of the service") << QByteArray("trace.a") << QByteArray("a") << true;
    QTest::newRow("longer name is another service") << QByteArray("health.ab") << QByteArray("a") << false;
    QTest::newRow("dotted child is another service") << QByteArray("health.a.b") << QByteArray("a") << false;
    QTest::newRow("shorter name is another service") << QByteArray("health.a") << QByteArray("ab") << false;
    QTest::newRow("case differs") << QByteArray("health.A") << QByteArray("a") << false;
    QTest::newRow("bare prefix with empty service") << QByteArray("health.") << QByteArray() << false;
    QTest::newRow("unknown stream") << QByteArray("metrics.a") << QByteArray("a") << false;
    QTest::newRow("invalid service in topic") << QByteArray("health.a b") << QByteArray("a b") << false;
}

void TestTopic::matchesServiceExactly()
{
    QFETCH(QByteArray, topic);
    QFETCH(QByteArray, service);
    QFETCH(bool, matches);
    QCOMPARE(topicIsForService(view(topic), view(service)), matches);
}

void TestTopic::serviceNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("letters") << QByteArray("mes") << true;
    QTest::newRow("one character") << QByteArray("x") << true;
    QTest::newRow("digits and capitals") << QByteArray("Robot7") << true;
    QTest::newRow("all punctuation allowed") << QByteArray("a.b_c:d/e-f") << true;
    QTest::newRow("200 bytes") << QByteArray(200, 'a') << true;

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("201 bytes") << QByteArray(201, 'a') << false;
    QTest::newRow("space") << QByteArray("a b") << false;
    QTest::newRow("tab") << QByteArray("a\tb") << false;
    QTest::newRow("asterisk") << QByteArray("a*") << false;
    QTest::newRow("quote") << QByteArray("a\"b") << false;
    QTest::newRow("backslash") << QByteArray("a\\b") << false;
    QTest::newRow("UTF-8 letter") << QByteArray("caf\xc3\xa9") << false;
    QTest::newRow("NUL byte") << QByteArray("a\0b", 3) << false;
}

void TestTopic::serviceNames()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidServiceName(view(name)), valid);
}

void TestTopic::subscriptionDeliversLongerTopics()
{
    // ZeroMQ matches subscriptions by prefix, so a receiver must compare the topic itself.
    auto &context = sharedZmqContext();
    zmq::socket_t publisher(context, zmq::socket_type::pub);
    zmq::socket_t subscriber(context, zmq::socket_type::sub);
    publisher.set(zmq::sockopt::linger, 0);
    subscriber.set(zmq::sockopt::linger, 0);
    publisher.bind("inproc://tst-topic-prefix");
    subscriber.set(zmq::sockopt::subscribe, healthTopic("a"));
    subscriber.connect("inproc://tst-topic-prefix");

    std::set<std::string> received;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (received.size() < 2 && std::chrono::steady_clock::now() < deadline) {
        // Resend until the subscription has reached the publisher; PUB drops what no one subscribed to.
        for (const auto &topic : { healthTopic("a"), healthTopic("ab"), healthTopic("b") })
            publisher.send(zmq::buffer(topic), zmq::send_flags::dontwait);
        zmq::message_t message;
        while (subscriber.recv(message, zmq::recv_flags::dontwait))
            received.insert(message.to_string());
        QTest::qWait(5);
    }

    QVERIFY(received.contains("health.a"));
    QVERIFY2(received.contains("health.ab"), "ZeroMQ no longer delivers longer topics to a prefix subscription");
    QVERIFY(!received.contains("health.b"));
    QVERIFY(topicIsForService("health.a", "a"));
    QVERIFY(!topicIsForService("health.ab", "a"));
}

QTEST_GUILESS_MAIN(TestTopic)
#include "tst_topic.moc"
