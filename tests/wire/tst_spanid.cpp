// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTest>

#include "traces/spanid.h"

using namespace faultline;

class TestSpanId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceIds_data();
    void traceIds();
    void spanIds_data();
    void spanIds();
    void sixtyFourBitTraceIdEqualsZeroExtended();
};

namespace
{

const QString rejected = QStringLiteral("<rejected>");

QString normalised(std::optional<std::string> id)
{
    return id ? QString::fromStdString(*id) : rejected;
}

} // namespace

void TestSpanId::traceIds_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lowercase hex of 16 bytes")
        << QByteArray("5b8efff798038103d269b633813fc60c") << QStringLiteral("5b8efff798038103d269b633813fc60c");
    QTest::newRow("uppercase hex is lowered")
        << QByteArray("5B8EFFF798038103D269B633813FC60C") << QStringLiteral("5b8efff798038103d269b633813fc60c");
    QTest::newRow("mixed case hex is lowered")
        << QByteArray("5b8EfFf798038103D269b633813fC60c") << QStringLiteral("5b8efff798038103d269b633813fc60c");
    QTest::newRow("64-bit id is padded to 32 digits")
        << QByteArray("d269b633813fc60c") << QStringLiteral("0000000000000000d269b633813fc60c");
    QTest::newRow("short hex is padded") << QByteArray("1") << QStringLiteral("00000000000000000000000000000001");
    QTest::newRow("odd number of digits is padded")
        << QByteArray("abc") << QStringLiteral("00000000000000000000000000000abc");
    QTest::newRow("leading zeros beyond 32 digits are dropped")
        << QByteArray("0000d269b633813fc60c5b8efff798038103") << QStringLiteral("d269b633813fc60c5b8efff798038103");
    QTest::newRow("base64 of 16 bytes") << QByteArray("AQIDBAUGBwgJCgsMDQ4PEA==")
                                        << QStringLiteral("0102030405060708090a0b0c0d0e0f10");
    QTest::newRow("base64 of 8 bytes is padded")
        << QByteArray("AQIDBAUGBwg=") << QStringLiteral("00000000000000000102030405060708");
    QTest::newRow("base64 of 16 bytes without padding")
        << QByteArray("AQIDBAUGBwgJCgsMDQ4PEA") << QStringLiteral("0102030405060708090a0b0c0d0e0f10");
    QTest::newRow("url-safe base64") << QByteArray("-_-_-_-_-_-_-_-_-_-_-w==")
                                     << QStringLiteral("fbffbffbffbffbffbffbffbffbffbffb");
    QTest::newRow("standard base64 with + and /")
        << QByteArray("+/+/+/+/+/+/+/+/+/+/+w==") << QStringLiteral("fbffbffbffbffbffbffbffbffbffbffb");

    QTest::newRow("empty") << QByteArray() << rejected;
    QTest::newRow("all zero hex") << QByteArray("00000000000000000000000000000000") << rejected;
    QTest::newRow("all zero 64-bit hex") << QByteArray("0000000000000000") << rejected;
    QTest::newRow("all zero base64") << QByteArray("AAAAAAAAAAAAAAAAAAAAAA==") << rejected;
    QTest::newRow("33 significant hex digits") << QByteArray("15b8efff798038103d269b633813fc60c") << rejected;
    QTest::newRow("base64 of 17 bytes") << QByteArray("AQIDBAUGBwgJCgsMDQ4PEBE=") << rejected;
    QTest::newRow("space inside") << QByteArray("5b8efff798038103 d269b633813fc60c") << rejected;
    QTest::newRow("punctuation") << QByteArray("5b8efff7-9803-8103-d269-b633813fc60c!") << rejected;
    QTest::newRow("equals sign inside") << QByteArray("AQID=AUGBwg=") << rejected;
    QTest::newRow("only padding") << QByteArray("============") << rejected;
    QTest::newRow("non-ascii bytes") << QByteArray("5b8efff798038103\xc3\xa9") << rejected;
    QTest::newRow("NUL byte") << QByteArray("5b8e\0fff", 8) << rejected;
}

void TestSpanId::traceIds()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(normalised(normalizeTraceId(std::string_view(input.constData(), std::size_t(input.size())))), expected);
}

void TestSpanId::spanIds_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("lowercase hex of 8 bytes") << QByteArray("d269b633813fc60c") << QStringLiteral("d269b633813fc60c");
    QTest::newRow("uppercase hex is lowered") << QByteArray("D269B633813FC60C") << QStringLiteral("d269b633813fc60c");
    QTest::newRow("short hex is padded to 16 digits") << QByteArray("2a") << QStringLiteral("000000000000002a");
    QTest::newRow("leading zeros beyond 16 digits are dropped")
        << QByteArray("00000000d269b633813fc60c") << QStringLiteral("d269b633813fc60c");
    QTest::newRow("base64 of 8 bytes") << QByteArray("AQIDBAUGBwg=") << QStringLiteral("0102030405060708");
    QTest::newRow("base64 of 8 bytes without padding")
        << QByteArray("AQIDBAUGBwg") << QStringLiteral("0102030405060708");
    QTest::newRow("base64 of 16 bytes with zero high half")
        << QByteArray("AAAAAAAAAAABAgMEBQYHCA==") << QStringLiteral("0102030405060708");

    QTest::newRow("empty") << QByteArray() << rejected;
    QTest::newRow("all zero hex") << QByteArray("0000000000000000") << rejected;
    QTest::newRow("all zero base64") << QByteArray("AAAAAAAAAAA=") << rejected;
    QTest::newRow("128-bit hex is too long for a span id")
        << QByteArray("5b8efff798038103d269b633813fc60c") << rejected;
    QTest::newRow("17 significant hex digits") << QByteArray("1d269b633813fc60c") << rejected;
    QTest::newRow("base64 of 16 bytes with nonzero high half") << QByteArray("AQIDBAUGBwgJCgsMDQ4PEA==") << rejected;
    QTest::newRow("garbage with punctuation") << QByteArray("span#1") << rejected;
    QTest::newRow("word of base64 letters") << QByteArray("not-an-id") << rejected;
    QTest::newRow("three base64 letters") << QByteArray("xyz") << rejected;
    QTest::newRow("hex prefix 0x") << QByteArray("0xd269b633813fc60c") << rejected;
    QTest::newRow("whitespace around") << QByteArray(" d269b633813fc60c ") << rejected;
}

void TestSpanId::spanIds()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(normalised(normalizeSpanId(std::string_view(input.constData(), std::size_t(input.size())))), expected);
}

void TestSpanId::sixtyFourBitTraceIdEqualsZeroExtended()
{
    // Zipkin and Jaeger may write the same trace with a 64-bit or a 128-bit id; both must link.
    const auto shortId = normalizeTraceId("d269b633813fc60c");
    const auto longId = normalizeTraceId("0000000000000000d269b633813fc60c");
    QVERIFY(shortId);
    QVERIFY(longId);
    QCOMPARE(*shortId, *longId);
}

QTEST_GUILESS_MAIN(TestSpanId)
#include "tst_spanid.moc"
