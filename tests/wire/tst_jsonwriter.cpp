// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>
#include <limits>

#include <QTest>

#include <simdjson.h>

#include "wire/jsonwriter.h"

using namespace faultline::wire;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesEveryControlCharacter();
    void escapesStrings_data();
    void escapesStrings();
    void replacesInvalidUtf8_data();
    void replacesInvalidUtf8();
    void everyByteGivesValidJson();
    void writesNumbers_data();
    void writesNumbers();
    void doublesRoundTrip_data();
    void doublesRoundTrip();
    void placesCommas();
};

namespace
{

std::string escaped(std::string_view text)
{
    std::string out;
    JsonWriter::appendEscaped(out, text);
    return out;
}

// Parses @p json as an object {"s": <string>} and returns the string, or nothing when the JSON is invalid.
std::optional<std::string> parseStringField(const std::string &json)
{
    simdjson::dom::parser parser;
    simdjson::dom::element document;
    if (parser.parse(simdjson::padded_string(json)).get(document))
        return std::nullopt;
    std::string_view text;
    if (document["s"].get_string().get(text))
        return std::nullopt;
    return std::string(text);
}

std::string objectWithString(std::string_view text)
{
    std::string out;
    JsonWriter(out).beginObject().field("s", text).endObject();
    return out;
}

} // namespace

void TestJsonWriter::escapesEveryControlCharacter()
{
    for (int c = 0; c < 0x20; ++c) {
        const std::string input(1, char(c));
        std::string expected;
        switch (c) {
        case '\n':
            expected = "\"\\n\"";
            break;
        case '\r':
            expected = "\"\\r\"";
            break;
        case '\t':
            expected = "\"\\t\"";
            break;
        default: {
            char buffer[16];
            std::snprintf(buffer, sizeof buffer, "\"\\u%04x\"", c);
            expected = buffer;
        }
        }
        QCOMPARE(escaped(input), expected);
        const auto parsed = parseStringField(objectWithString(input));
        QVERIFY2(parsed, qPrintable(QStringLiteral("control character %1 gave invalid JSON").arg(c)));
        QCOMPARE(*parsed, input);
    }
}

void TestJsonWriter::escapesStrings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("empty") << QByteArray() << QByteArray(R"("")");
    QTest::newRow("plain ascii") << QByteArray("robot-arm 7") << QByteArray(R"("robot-arm 7")");
    QTest::newRow("double quote") << QByteArray(R"(say "hi")") << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << QByteArray(R"(C:\plant)") << QByteArray(R"("C:\\plant")");
    QTest::newRow("backslash before quote") << QByteArray(R"(\")") << QByteArray(R"("\\\"")");
    QTest::newRow("slash is left alone") << QByteArray("a/b") << QByteArray(R"("a/b")");
    QTest::newRow("DEL is left alone") << QByteArray("\x7f") << QByteArray("\"\x7f\"");
    QTest::newRow("NUL inside text") << QByteArray("a\0b", 3) << QByteArray(R"("a\u0000b")");
    QTest::newRow("two-byte UTF-8") << QByteArray("caf\xc3\xa9") << QByteArray("\"caf\xc3\xa9\"");
    QTest::newRow("three-byte UTF-8") << QByteArray("\xe2\x82\xac") << QByteArray("\"\xe2\x82\xac\"");
    QTest::newRow("four-byte UTF-8") << QByteArray("\xf0\x9f\x94\xa5") << QByteArray("\"\xf0\x9f\x94\xa5\"");
    QTest::newRow("line separator U+2028") << QByteArray("\xe2\x80\xa8") << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("largest code point") << QByteArray("\xf4\x8f\xbf\xbf") << QByteArray("\"\xf4\x8f\xbf\xbf\"");
}

void TestJsonWriter::escapesStrings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string_view text(input.constData(), std::size_t(input.size()));

    QCOMPARE(QByteArray::fromStdString(escaped(text)), expected);
    const auto parsed = parseStringField(objectWithString(text));
    QVERIFY(parsed);
    QCOMPARE(QByteArray::fromStdString(*parsed), input);
}

void TestJsonWriter::replacesInvalidUtf8_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray replacement("\xef\xbf\xbd");
    QTest::newRow("stray continuation byte") << QByteArray("a\x80z") << "a" + replacement + "z";
    QTest::newRow("overlong NUL") << QByteArray("\xc0\x80") << replacement + replacement;
    QTest::newRow("overlong three-byte slash") << QByteArray("\xe0\x80\xaf") << replacement + replacement + replacement;
    QTest::newRow("UTF-16 surrogate") << QByteArray("\xed\xa0\x80") << replacement + replacement + replacement;
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80")
                                    << replacement + replacement + replacement + replacement;
    QTest::newRow("byte F5 never occurs") << QByteArray("\xf5") << replacement;
    QTest::newRow("byte FF never occurs") << QByteArray("x\xff") << "x" + replacement;
    QTest::newRow("sequence cut by the end") << QByteArray("ok\xe2\x82") << "ok" + replacement + replacement;
    QTest::newRow("lead byte followed by ascii") << QByteArray("\xc3(") << replacement + "(";
    QTest::newRow("Latin-1 text") << QByteArray("caf\xe9") << "caf" + replacement;
}

void TestJsonWriter::replacesInvalidUtf8()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string_view text(input.constData(), std::size_t(input.size()));

    QCOMPARE(QByteArray::fromStdString(escaped(text)), '"' + expected + '"');
    const auto parsed = parseStringField(objectWithString(text));
    QVERIFY2(parsed, "the writer produced JSON that simdjson rejects");
    QCOMPARE(QByteArray::fromStdString(*parsed), expected);
}

void TestJsonWriter::everyByteGivesValidJson()
{
    // Single bytes and every pair of bytes: whatever the input, the output must parse.
    for (int first = 0; first < 256; ++first) {
        for (int second = 0; second < 256; ++second) {
            const std::string input { char(first), char(second) };
            const auto parsed = parseStringField(objectWithString(input));
            if (!parsed)
                QFAIL(qPrintable(QStringLiteral("bytes %1 %2 gave invalid JSON").arg(first).arg(second)));
        }
    }
}

void TestJsonWriter::writesNumbers_data()
{
    QTest::addColumn<QByteArray>("written");
    QTest::addColumn<QByteArray>("expected");

    auto write = [](auto number) {
        std::string out;
        JsonWriter(out).value(number);
        return QByteArray::fromStdString(out);
    };
    QTest::newRow("zero") << write(0) << QByteArray("0");
    QTest::newRow("negative int") << write(-42) << QByteArray("-42");
    QTest::newRow("int64 max") << write(std::numeric_limits<std::int64_t>::max()) << QByteArray("9223372036854775807");
    QTest::newRow("int64 min") << write(std::numeric_limits<std::int64_t>::min()) << QByteArray("-9223372036854775808");
    QTest::newRow("uint64 max") << write(std::numeric_limits<std::uint64_t>::max())
                                << QByteArray("18446744073709551615");
    QTest::newRow("2^53 + 1 stays exact")
        << write(std::uint64_t(9007199254740993ULL)) << QByteArray("9007199254740993");
    QTest::newRow("double one half") << write(0.5) << QByteArray("0.5");
    QTest::newRow("NaN is null") << write(std::numeric_limits<double>::quiet_NaN()) << QByteArray("null");
    QTest::newRow("infinity is null") << write(std::numeric_limits<double>::infinity()) << QByteArray("null");
    QTest::newRow("negative infinity is null") << write(-std::numeric_limits<double>::infinity()) << QByteArray("null");
    QTest::newRow("true") << write(true) << QByteArray("true");
    QTest::newRow("false") << write(false) << QByteArray("false");
}

void TestJsonWriter::writesNumbers()
{
    QFETCH(QByteArray, written);
    QFETCH(QByteArray, expected);
    QCOMPARE(written, expected);
}

void TestJsonWriter::doublesRoundTrip_data()
{
    QTest::addColumn<double>("number");

    QTest::newRow("one tenth") << 0.1;
    QTest::newRow("one third") << 1.0 / 3.0;
    QTest::newRow("negative zero") << -0.0;
    QTest::newRow("smallest subnormal") << std::numeric_limits<double>::denorm_min();
    QTest::newRow("smallest normal") << std::numeric_limits<double>::min();
    QTest::newRow("largest double") << std::numeric_limits<double>::max();
    QTest::newRow("2^53 + 2") << 9007199254740994.0;
    QTest::newRow("large exponent") << 1e300;
    QTest::newRow("latency in ms") << 12.345678901234567;
}

void TestJsonWriter::doublesRoundTrip()
{
    QFETCH(double, number);
    std::string out;
    JsonWriter(out).beginObject().field("d", number).endObject();

    simdjson::dom::parser parser;
    simdjson::dom::element document;
    QVERIFY(!parser.parse(simdjson::padded_string(out)).get(document));
    double parsed = 0;
    QVERIFY(!document["d"].get_double().get(parsed));
    QCOMPARE(std::memcmp(&parsed, &number, sizeof number), 0);
}

void TestJsonWriter::placesCommas()
{
    std::string out;
    JsonWriter json(out);
    json.beginObject()
        .field("a", 1)
        .key("list")
        .beginArray()
        .value(1)
        .beginObject()
        .endObject()
        .beginArray()
        .endArray()
        .value("x")
        .null()
        .endArray()
        .key("empty")
        .beginObject()
        .endObject()
        .field("b", false)
        .endObject();
    QCOMPARE(QByteArray::fromStdString(out), QByteArray(R"({"a":1,"list":[1,{},[],"x",null],"empty":{},"b":false})"));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
