// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <bit>
#include <cstdint>
#include <limits>

#include <QTest>

#include "wire/decoder.h"
#include "wire/encoder.h"
#include "wire/protocol.h"

using namespace faultline;
using namespace faultline::wire;

Q_DECLARE_METATYPE(faultline::wire::Envelope)
Q_DECLARE_METATYPE(faultline::HealthReport)
Q_DECLARE_METATYPE(faultline::ControlRequest)
Q_DECLARE_METATYPE(faultline::ControlReply)
Q_DECLARE_METATYPE(faultline::Span)

// Doubles must come back bit for bit, which QCOMPARE's fuzzy comparison of doubles would not check.
#define COMPARE_EXACT(actual, expected)                                                                                \
    QVERIFY2(std::bit_cast<std::uint64_t>(double(actual)) == std::bit_cast<std::uint64_t>(double(expected)),           \
        qPrintable(QStringLiteral("%1 is %2, expected %3")                                                             \
                       .arg(QLatin1String(#actual))                                                                    \
                       .arg(double(actual), 0, 'g', 17)                                                                \
                       .arg(double(expected), 0, 'g', 17)))

#define COMPARE_OPTIONAL(actual, expected)                                                                             \
    do {                                                                                                               \
        QCOMPARE((actual).has_value(), (expected).has_value());                                                        \
        if ((expected).has_value())                                                                                    \
            COMPARE_EXACT(*(actual), *(expected));                                                                     \
    } while (false)

// Checks that @p result failed with an Error about @p expectedWhere.
// The message must name that field and contain @p expectedPart.
#define VERIFY_REJECTED(result, expectedWhere, expectedPart)                                                           \
    do {                                                                                                               \
        QVERIFY2(!(result).ok(), "the decoder accepted the message");                                                  \
        const Error &error_ = (result).error();                                                                        \
        QCOMPARE(error_.where, expectedWhere);                                                                         \
        QVERIFY2(error_.message.contains(expectedWhere), qPrintable(error_.message));                                  \
        QVERIFY2(error_.message.contains(expectedPart), qPrintable(error_.message));                                   \
    } while (false)

class TestDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void envelopeRoundTrip_data();
    void envelopeRoundTrip();
    void envelopeAccepts_data();
    void envelopeAccepts();
    void envelopeRejects_data();
    void envelopeRejects();

    void healthRoundTrip_data();
    void healthRoundTrip();
    void healthNullMeansAbsent();
    void healthRejects_data();
    void healthRejects();

    void controlRequestRoundTrip_data();
    void controlRequestRoundTrip();
    void controlRequestRejects_data();
    void controlRequestRejects();
    void controlReplyRoundTrip_data();
    void controlReplyRoundTrip();
    void controlReplyRejects_data();
    void controlReplyRejects();

    void tracesRoundTrip();
    void tracesFields_data();
    void tracesFields();
    void tracesSkipInvalidSpans_data();
    void tracesSkipInvalidSpans();
    void tracesRejects_data();
    void tracesRejects();

    void malformedDocuments_data();
    void malformedDocuments();
    void truncatedAtEveryCut_data();
    void truncatedAtEveryCut();
    void largeValidMessages();
    void largeInvalidMessages();
    void payloadLimit();
    void decoderRecoversAfterErrors();

private:
    Decoder m_decoder;
};

namespace
{

std::string_view view(const QByteArray &bytes)
{
    return { bytes.constData(), std::size_t(bytes.size()) };
}

QByteArray bytes(const std::string &text)
{
    return QByteArray::fromStdString(text);
}

// A JSON object built from raw "key": value pairs, so that a test can replace or drop one field.
class Fields
{
public:
    Fields(std::initializer_list<std::pair<QByteArray, QByteArray>> fields)
        : m_fields(fields)
    {
    }

    // Returns a copy with @p key set to the raw JSON @p value, or removed when @p value is empty.
    Fields with(const QByteArray &key, const QByteArray &value) const
    {
        Fields copy = *this;
        auto it
            = std::find_if(copy.m_fields.begin(), copy.m_fields.end(), [&](const auto &f) { return f.first == key; });
        if (value.isEmpty()) {
            if (it != copy.m_fields.end())
                copy.m_fields.erase(it);
        } else if (it != copy.m_fields.end()) {
            it->second = value;
        } else {
            copy.m_fields.push_back({ key, value });
        }
        return copy;
    }

    QByteArray json() const
    {
        QByteArray out("{");
        for (const auto &[key, value] : m_fields) {
            if (out.size() > 1)
                out += ',';
            out += '"' + key + "\":" + value;
        }
        return out + '}';
    }

private:
    std::vector<std::pair<QByteArray, QByteArray>> m_fields;
};

const QByteArray absent;

Fields envelopeFields()
{
    return { { "v", "1" }, { "publisher", "\"plant-1\"" }, { "session", "\"4f2a9c01\"" }, { "seq", "7" },
        { "sent_unix_ns", "1700000000123456789" } };
}

Fields healthFields()
{
    return { { "service", "\"mes\"" }, { "instance", "\"mes-1\"" }, { "criticality", "\"core\"" },
        { "timestamp_unix_ns", "1700000000000000000" }, { "interval_ms", "1000" }, { "mode", "\"ramping\"" },
        { "ramp_percent", "25" }, { "shed_capacity", "40" }, { "rps", "120.5" }, { "error_rate", "0.02" },
        { "latency_p50_ms", "4.5" }, { "latency_p95_ms", "9" }, { "latency_p99_ms", "20" }, { "in_flight", "3" },
        { "capacity", "64" }, { "fallbacks", "2" }, { "shed", "1" }, { "cache_age_ms", "1500" },
        { "breakers", R"([{"callee":"db","state":"open"}])" } };
}

Fields requestFields()
{
    return { { "v", "1" }, { "id", "\"c0ffee-1\"" }, { "op", "\"ramp\"" }, { "service", "\"mes\"" },
        { "params", R"({"percent":25})" }, { "operator", "\"alice\"" }, { "reason", "\"recovered\"" },
        { "deadline_unix_ms", "1700000005000" } };
}

Fields replyFields()
{
    return { { "v", "1" }, { "id", "\"c0ffee-1\"" }, { "status", "\"applied\"" }, { "reason", "\"\"" },
        { "service", "\"mes\"" }, { "mode", "\"ramping\"" } };
}

HealthReport fullHealthReport()
{
    HealthReport report;
    report.service = "robot-arm-3";
    report.instance = "cell-2/arm-3";
    report.criticality = Criticality::Core;
    report.timestampUnixNs = 1'700'000'000'123'456'789;
    report.intervalMs = 250;
    report.mode = ServiceMode::Ramping;
    report.rampPercent = 25;
    report.shedCapacity = 12.5;
    report.rps = 1234.5678;
    report.errorRate = 0.125;
    report.latencyP50Ms = 0.1;
    report.latencyP95Ms = 7.25;
    report.latencyP99Ms = 19.999999999999996;
    report.inFlight = 17;
    report.capacity = 64;
    report.fallbacks = 3;
    report.shed = 9;
    report.cacheAgeMs = 1500.75;
    report.breakers
        = { { "db", BreakerState::Open }, { "mes", BreakerState::HalfOpen }, { "plc.gw-1", BreakerState::Closed } };
    return report;
}

} // namespace

// ---- envelope ----

void TestDecoder::envelopeRoundTrip_data()
{
    QTest::addColumn<Envelope>("envelope");

    Envelope typical;
    typical.publisher = "faultline-sim";
    typical.session = "4f2a9c01";
    typical.seq = 1;
    typical.sentUnixNs = 1'700'000'000'123'456'789;
    QTest::newRow("typical") << typical;

    Envelope past53 = typical;
    past53.seq = (std::uint64_t(1) << 53) + 1;
    past53.sentUnixNs = (std::int64_t(1) << 62) + 1;
    QTest::newRow("seq and time past 2^53") << past53;

    Envelope largest = typical;
    largest.seq = std::numeric_limits<std::uint64_t>::max();
    largest.sentUnixNs = std::numeric_limits<std::int64_t>::max();
    QTest::newRow("largest seq and time") << largest;

    Envelope noSession = typical;
    noSession.session.clear();
    noSession.sentUnixNs = 0;
    QTest::newRow("empty session and zero time") << noSession;

    Envelope escaped = typical;
    escaped.publisher = "plant \"north\"\\\n\xe2\x82\xac";
    escaped.session = std::string(200, 's');
    QTest::newRow("publisher needing escapes and longest session") << escaped;
}

void TestDecoder::envelopeRoundTrip()
{
    QFETCH(Envelope, envelope);
    const auto decoded = m_decoder.envelope(encodeEnvelope(envelope));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->version, protocolVersion);
    QCOMPARE(decoded->publisher, envelope.publisher);
    QCOMPARE(decoded->session, envelope.session);
    QCOMPARE(decoded->seq, envelope.seq);
    QCOMPARE(decoded->sentUnixNs, envelope.sentUnixNs);
}

void TestDecoder::envelopeAccepts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("session");
    QTest::addColumn<quint64>("seq");
    QTest::addColumn<qint64>("sentUnixNs");

    const auto base = envelopeFields();
    QTest::newRow("all fields") << base.json() << QByteArray("4f2a9c01") << quint64(7) << qint64(1700000000123456789);
    QTest::newRow("unknown fields are ignored")
        << base.with("x-extra", R"({"deep":[1,2,{"a":null}]})").with("trace", "\"abc\"").json()
        << QByteArray("4f2a9c01") << quint64(7) << qint64(1700000000123456789);
    QTest::newRow("session left out") << base.with("session", absent).json() << QByteArray() << quint64(7)
                                      << qint64(1700000000123456789);
    QTest::newRow("null session and time mean absent")
        << base.with("session", "null").with("sent_unix_ns", "null").json() << QByteArray() << quint64(7) << qint64(0);
    QTest::newRow("time as a string of digits") << base.with("sent_unix_ns", "\"1700000000123456789\"").json()
                                                << QByteArray("4f2a9c01") << quint64(7) << qint64(1700000000123456789);
    QTest::newRow("seq of 2^53 + 1 is exact") << base.with("seq", "9007199254740993").json() << QByteArray("4f2a9c01")
                                              << quint64(9007199254740993ULL) << qint64(1700000000123456789);
    QTest::newRow("seq of 2^64 - 1") << base.with("seq", "18446744073709551615").json() << QByteArray("4f2a9c01")
                                     << quint64(18446744073709551615ULL) << qint64(1700000000123456789);
    QTest::newRow("whitespace everywhere") << QByteArray(" \n{ \"v\" : 1 ,\t\"publisher\":\"p\", \"seq\" :7 }\r\n ")
                                           << QByteArray() << quint64(7) << qint64(0);
    QTest::newRow("escaped key") << QByteArray(R"({"\u0076":1,"publisher":"p","seq":7})") << QByteArray() << quint64(7)
                                 << qint64(0);
    QTest::newRow("duplicate key takes the last")
        << base.json().replace("\"seq\":7", "\"seq\":7,\"seq\":8") << QByteArray("4f2a9c01") << quint64(8)
        << qint64(1700000000123456789);
}

void TestDecoder::envelopeAccepts()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, session);
    QFETCH(quint64, seq);
    QFETCH(qint64, sentUnixNs);

    const auto decoded = m_decoder.envelope(view(json));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(QByteArray::fromStdString(decoded->session), session);
    QCOMPARE(decoded->seq, seq);
    QCOMPARE(decoded->sentUnixNs, sentUnixNs);
}

void TestDecoder::envelopeRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const auto base = envelopeFields();
    auto row = [&](const char *name, const QByteArray &key, const QByteArray &value, const char *where,
                   const char *part) {
        QTest::newRow(name) << base.with(key, value).json() << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("version missing", "v", absent, "v", "missing");
    row("version null", "v", "null", "v", "missing");
    row("unknown version 2", "v", "2", "v", "unsupported protocol version 2");
    row("version 0", "v", "0", "v", "unsupported protocol version 0");
    row("version as string", "v", "\"1\"", "v", "must be a non-negative integer");
    row("version as fraction", "v", "1.0", "v", "without a fraction");
    row("version negative", "v", "-1", "v", "must not be negative");
    row("version past 2^64", "v", "18446744073709551616", "v", "2^64-1");
    row("publisher missing", "publisher", absent, "publisher", "missing");
    row("publisher empty", "publisher", "\"\"", "publisher", "1 to 200 bytes");
    row("publisher of 201 bytes", "publisher", '"' + QByteArray(201, 'p') + '"', "publisher", "1 to 200 bytes");
    row("publisher as number", "publisher", "5", "publisher", "must be a string");
    row("publisher as object", "publisher", "{}", "publisher", "must be a string");
    row("session of 201 bytes", "session", '"' + QByteArray(201, 's') + '"', "session", "0 to 200 bytes");
    row("session as number", "session", "5", "session", "must be a string");
    row("seq missing", "seq", absent, "seq", "missing");
    row("seq zero", "seq", "0", "seq", "at least 1");
    row("seq negative", "seq", "-3", "seq", "must not be negative");
    row("seq as string", "seq", "\"7\"", "seq", "must be a non-negative integer");
    row("seq as fraction", "seq", "7.5", "seq", "without a fraction");
    row("seq with exponent", "seq", "7e0", "seq", "without a fraction");
    row("seq of 2^64", "seq", "18446744073709551616", "seq", "2^64-1");
    row("seq far past 2^64", "seq", "99999999999999999999999999", "seq", "2^64-1");
    row("seq as boolean", "seq", "true", "seq", "must be a non-negative integer");
    row("time negative", "sent_unix_ns", "-1", "sent_unix_ns", "must not be negative");
    row("time negative string", "sent_unix_ns", "\"-1\"", "sent_unix_ns", "must not be negative");
    row("time of 2^63", "sent_unix_ns", "9223372036854775808", "sent_unix_ns", "below 2^63");
    row("time string of 2^63", "sent_unix_ns", "\"9223372036854775808\"", "sent_unix_ns", "2^63-1");
    row("time string with letters", "sent_unix_ns", "\"17e8\"", "sent_unix_ns", "decimal integer");
    row("time empty string", "sent_unix_ns", "\"\"", "sent_unix_ns", "decimal integer");
    row("time string with plus sign", "sent_unix_ns", "\"+5\"", "sent_unix_ns", "decimal integer");
    row("time as fraction", "sent_unix_ns", "1.5", "sent_unix_ns", "without a fraction");
    row("time as array", "sent_unix_ns", "[1]", "sent_unix_ns", "integer or a string of digits");
    row("time past a double", "sent_unix_ns", "1e999", "sent_unix_ns", "too large");
}

void TestDecoder::envelopeRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);
    VERIFY_REJECTED(m_decoder.envelope(view(json)), where, part);
}

// ---- health ----

void TestDecoder::healthRoundTrip_data()
{
    QTest::addColumn<HealthReport>("report");

    QTest::newRow("every field set") << fullHealthReport();

    HealthReport minimal;
    minimal.service = "a";
    minimal.instance = "a";
    QTest::newRow("only the required fields") << minimal;

    HealthReport extremes = fullHealthReport();
    extremes.timestampUnixNs = std::numeric_limits<std::int64_t>::max();
    extremes.intervalMs = 3'600'000;
    extremes.mode = ServiceMode::Shedding;
    extremes.rampPercent.reset();
    extremes.cacheAgeMs.reset();
    extremes.rps = std::numeric_limits<double>::max();
    extremes.errorRate = 1;
    extremes.latencyP50Ms = std::numeric_limits<double>::denorm_min();
    extremes.latencyP99Ms = 1e300;
    extremes.fallbacks = std::numeric_limits<std::uint64_t>::max();
    extremes.shed = (std::uint64_t(1) << 53) + 1;
    extremes.breakers.clear();
    QTest::newRow("extreme values") << extremes;

    HealthReport shortest = fullHealthReport();
    shortest.intervalMs = 10;
    shortest.errorRate = 0;
    shortest.rampPercent = 100;
    shortest.criticality = Criticality::Minor;
    shortest.mode = ServiceMode::Isolated;
    shortest.instance = std::string(200, 'i');
    shortest.service = std::string(200, 's');
    QTest::newRow("shortest interval and longest names") << shortest;

    HealthReport text = fullHealthReport();
    text.instance = "h\xc3\xa4lle \"2\"\t\\ \xf0\x9f\x94\xa5";
    text.mode = ServiceMode::Degraded;
    text.criticality = Criticality::Important;
    QTest::newRow("instance needing escapes") << text;
}

void TestDecoder::healthRoundTrip()
{
    QFETCH(HealthReport, report);
    const auto decoded = m_decoder.health(encodeHealth(report));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    const HealthReport &actual = decoded.value();

    QCOMPARE(actual.service, report.service);
    QCOMPARE(actual.instance, report.instance);
    QCOMPARE(actual.criticality, report.criticality);
    QCOMPARE(actual.timestampUnixNs, report.timestampUnixNs);
    QCOMPARE(actual.intervalMs, report.intervalMs);
    QCOMPARE(actual.mode, report.mode);
    COMPARE_OPTIONAL(actual.rampPercent, report.rampPercent);
    COMPARE_OPTIONAL(actual.shedCapacity, report.shedCapacity);
    COMPARE_EXACT(actual.rps, report.rps);
    COMPARE_EXACT(actual.errorRate, report.errorRate);
    COMPARE_EXACT(actual.latencyP50Ms, report.latencyP50Ms);
    COMPARE_EXACT(actual.latencyP95Ms, report.latencyP95Ms);
    COMPARE_EXACT(actual.latencyP99Ms, report.latencyP99Ms);
    COMPARE_EXACT(actual.inFlight, report.inFlight);
    COMPARE_EXACT(actual.capacity, report.capacity);
    QCOMPARE(actual.fallbacks, report.fallbacks);
    QCOMPARE(actual.shed, report.shed);
    COMPARE_OPTIONAL(actual.cacheAgeMs, report.cacheAgeMs);
    QCOMPARE(actual.breakers.size(), report.breakers.size());
    for (std::size_t i = 0; i < report.breakers.size(); ++i) {
        QCOMPARE(actual.breakers[i].callee, report.breakers[i].callee);
        QCOMPARE(actual.breakers[i].state, report.breakers[i].state);
    }
}

void TestDecoder::healthNullMeansAbsent()
{
    // A publisher that writes None or NaN as null must get the defaults, not a rejected heartbeat.
    auto fields = healthFields();
    for (const char *key : { "criticality", "interval_ms", "mode", "ramp_percent", "shed_capacity", "rps", "error_rate",
             "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "in_flight", "capacity", "fallbacks", "shed",
             "cache_age_ms", "breakers" })
        fields = fields.with(key, "null");
    const auto decoded = m_decoder.health(view(fields.json()));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));

    const HealthReport defaults;
    QCOMPARE(decoded->service, std::string("mes"));
    QCOMPARE(decoded->criticality, defaults.criticality);
    QCOMPARE(decoded->intervalMs, defaults.intervalMs);
    QCOMPARE(decoded->mode, defaults.mode);
    QVERIFY(!decoded->rampPercent);
    QVERIFY(!decoded->shedCapacity);
    QCOMPARE(decoded->rps, 0.0);
    QCOMPARE(decoded->errorRate, 0.0);
    QCOMPARE(decoded->latencyP99Ms, 0.0);
    QCOMPARE(decoded->fallbacks, quint64(0));
    QVERIFY(!decoded->cacheAgeMs);
    QVERIFY(decoded->breakers.empty());

    // The encoder writes NaN as null, so such a report still decodes.
    auto report = fullHealthReport();
    report.latencyP99Ms = std::numeric_limits<double>::quiet_NaN();
    report.rampPercent = std::numeric_limits<double>::infinity();
    const auto fromNan = m_decoder.health(encodeHealth(report));
    QVERIFY2(fromNan.ok(), qPrintable(fromNan.ok() ? QString() : fromNan.error().message));
    QCOMPARE(fromNan->latencyP99Ms, 0.0);
    QVERIFY(!fromNan->rampPercent);
}

void TestDecoder::healthRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const auto base = healthFields();
    auto row = [&](const QString &name, const QByteArray &key, const QByteArray &value, const QString &where,
                   const char *part) {
        QTest::newRow(qPrintable(name)) << base.with(key, value).json() << where << QString::fromLatin1(part);
    };
    auto simpleRow = [&](const char *name, const char *key, const QByteArray &value, const char *part) {
        row(QString::fromLatin1(name), key, value, QString::fromLatin1(key), part);
    };

    // Every field with every wrong JSON type.
    for (const char *key : { "service", "instance", "criticality", "mode" }) {
        for (const char *value : { "5", "true", "[]", "{}" })
            row(QStringLiteral("%1 as %2").arg(QLatin1String(key), QLatin1String(value)), key, value,
                QString::fromLatin1(key), "must be a string");
    }
    for (const char *key : { "ramp_percent", "shed_capacity", "rps", "error_rate", "latency_p50_ms", "latency_p95_ms",
             "latency_p99_ms", "in_flight", "capacity", "cache_age_ms" }) {
        for (const char *value : { "\"5\"", "true", "[]", "{}" })
            row(QStringLiteral("%1 as %2").arg(QLatin1String(key), QLatin1String(value)), key, value,
                QString::fromLatin1(key), "must be a number");
        row(QStringLiteral("%1 negative").arg(QLatin1String(key)), key, "-0.5", QString::fromLatin1(key),
            "must not be negative");
        row(QStringLiteral("%1 past a double").arg(QLatin1String(key)), key, "1e400", QString::fromLatin1(key),
            "too large");
    }
    for (const char *key : { "interval_ms", "fallbacks", "shed" }) {
        for (const char *value : { "\"5\"", "true", "[]", "{}" })
            row(QStringLiteral("%1 as %2").arg(QLatin1String(key), QLatin1String(value)), key, value,
                QString::fromLatin1(key), "must be a non-negative integer");
        row(QStringLiteral("%1 negative").arg(QLatin1String(key)), key, "-1", QString::fromLatin1(key),
            "must not be negative");
        row(QStringLiteral("%1 as fraction").arg(QLatin1String(key)), key, "1.5", QString::fromLatin1(key),
            "without a fraction");
        row(QStringLiteral("%1 past 2^64").arg(QLatin1String(key)), key, "18446744073709551616",
            QString::fromLatin1(key), "2^64-1");
    }
    for (const char *value : { "true", "[]", "{}", "1.5" })
        row(QStringLiteral("timestamp as %1").arg(QLatin1String(value)), "timestamp_unix_ns", value,
            QStringLiteral("timestamp_unix_ns"), "");
    simpleRow("timestamp negative", "timestamp_unix_ns", "-1700000000000000000", "must not be negative");
    simpleRow("timestamp of 2^63", "timestamp_unix_ns", "9223372036854775808", "below 2^63");
    simpleRow("timestamp string of letters", "timestamp_unix_ns", "\"soon\"", "decimal integer");

    simpleRow("service missing", "service", absent, "missing");
    simpleRow("service null", "service", "null", "missing");
    simpleRow("service empty", "service", "\"\"", "not a valid service name");
    simpleRow("service with space", "service", "\"m es\"", "not a valid service name");
    simpleRow("service with UTF-8 letter", "service", "\"m\xc3\xa9s\"", "not a valid service name");
    simpleRow("service of 201 bytes", "service", '"' + QByteArray(201, 's') + '"', "not a valid service name");
    simpleRow("instance missing", "instance", absent, "missing");
    simpleRow("instance empty", "instance", "\"\"", "1 to 200 bytes");
    simpleRow("instance of 201 bytes", "instance", '"' + QByteArray(201, 'i') + '"', "1 to 200 bytes");
    simpleRow("timestamp missing", "timestamp_unix_ns", absent, "missing");
    simpleRow("unknown criticality", "criticality", "\"critical\"", "unknown criticality 'critical'");
    simpleRow("criticality in capitals", "criticality", "\"CORE\"", "unknown criticality");
    simpleRow("unknown mode", "mode", "\"paused\"", "unknown mode 'paused'");
    simpleRow("mode in capitals", "mode", "\"Normal\"", "unknown mode");
    simpleRow("error rate above 1", "error_rate", "1.5", "between 0 and 1");
    simpleRow("error rate as percent", "error_rate", "50", "between 0 and 1");
    simpleRow("ramp percent above 100", "ramp_percent", "100.5", "between 0 and 100");
    simpleRow("interval below 10 ms", "interval_ms", "9", "between 10 and 3600000");
    simpleRow("interval zero", "interval_ms", "0", "between 10 and 3600000");
    simpleRow("interval above an hour", "interval_ms", "3600001", "between 10 and 3600000");

    simpleRow("breakers as object", "breakers", "{}", "must be an array");
    row(QStringLiteral("breaker entry as number"), "breakers", "[1]", QStringLiteral("breakers[]"),
        "must be an object");
    row(QStringLiteral("breaker without callee"), "breakers", R"([{"state":"open"}])",
        QStringLiteral("breakers[].callee"), "missing");
    row(QStringLiteral("breaker with null callee"), "breakers", R"([{"callee":null}])",
        QStringLiteral("breakers[].callee"), "missing");
    row(QStringLiteral("breaker callee invalid"), "breakers", R"([{"callee":"d b"}])",
        QStringLiteral("breakers[].callee"), "not a valid service name");
    row(QStringLiteral("breaker callee as number"), "breakers", R"([{"callee":5}])",
        QStringLiteral("breakers[].callee"), "must be a string");
    row(QStringLiteral("breaker state unknown"), "breakers", R"([{"callee":"db","state":"ajar"}])",
        QStringLiteral("breakers[].state"), "unknown breaker state 'ajar'");
    row(QStringLiteral("breaker state as boolean"), "breakers", R"([{"callee":"db","state":true}])",
        QStringLiteral("breakers[].state"), "must be a string");
    row(QStringLiteral("second breaker invalid"), "breakers", R"([{"callee":"db"},{"callee":""}])",
        QStringLiteral("breakers[].callee"), "not a valid service name");
}

void TestDecoder::healthRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);
    VERIFY_REJECTED(m_decoder.health(view(json)), where, part);
}

// ---- control request and reply ----

void TestDecoder::controlRequestRoundTrip_data()
{
    QTest::addColumn<ControlRequest>("request");

    ControlRequest ramp;
    ramp.id = "3f9d2c1e-5b7a-4e21-9c0d-8a6b5e4f3d2c";
    ramp.operation = ControlOperation::Ramp;
    ramp.service = "mes";
    ramp.percent = 25;
    ramp.operatorName = "alice";
    ramp.reason = "gate passed";
    ramp.deadlineUnixMs = 1'700'000'005'000;
    QTest::newRow("ramp with percent") << ramp;

    ControlRequest rampZero = ramp;
    rampZero.percent = 0;
    QTest::newRow("ramp to 0 percent") << rampZero;

    ControlRequest rampFull = ramp;
    rampFull.percent = 100;
    QTest::newRow("ramp to 100 percent") << rampFull;

    ControlRequest shed = ramp;
    shed.operation = ControlOperation::Shed;
    shed.percent.reset();
    shed.capacity = 40.5;
    QTest::newRow("shed with capacity") << shed;

    for (auto operation : { ControlOperation::Isolate, ControlOperation::Degrade, ControlOperation::Restore }) {
        ControlRequest plain = ramp;
        plain.operation = operation;
        plain.percent.reset();
        QTest::newRow(operationName(operation).data()) << plain;
    }

    ControlRequest text = ramp;
    text.operatorName = "J\xc3\xbcrgen \"ops\"";
    text.reason = "line 1\nline 2\t\\ \xe2\x9a\xa0";
    text.id = std::string(128, 'x');
    text.deadlineUnixMs = std::numeric_limits<std::int64_t>::max();
    QTest::newRow("text needing escapes, longest id, latest deadline") << text;

    ControlRequest anonymous = ramp;
    anonymous.operatorName.clear();
    anonymous.reason.clear();
    anonymous.deadlineUnixMs = 0;
    QTest::newRow("no operator or reason") << anonymous;
}

void TestDecoder::controlRequestRoundTrip()
{
    QFETCH(ControlRequest, request);
    const auto decoded = m_decoder.controlRequest(encodeControlRequest(request));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->id, request.id);
    QCOMPARE(decoded->operation, request.operation);
    QCOMPARE(decoded->service, request.service);
    COMPARE_OPTIONAL(decoded->percent, request.percent);
    COMPARE_OPTIONAL(decoded->capacity, request.capacity);
    QCOMPARE(decoded->operatorName, request.operatorName);
    QCOMPARE(decoded->reason, request.reason);
    QCOMPARE(decoded->deadlineUnixMs, request.deadlineUnixMs);
}

void TestDecoder::controlRequestRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const auto base = requestFields();
    auto row = [&](const char *name, const QByteArray &key, const QByteArray &value, const char *where,
                   const char *part) {
        QTest::newRow(name) << base.with(key, value).json() << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("version missing", "v", absent, "v", "missing");
    row("unknown version", "v", "3", "v", "unsupported protocol version 3");
    row("id missing", "id", absent, "id", "missing");
    row("id null", "id", "null", "id", "missing");
    row("id empty", "id", "\"\"", "id", "1 to 128 bytes");
    row("id of 129 bytes", "id", '"' + QByteArray(129, 'x') + '"', "id", "1 to 128 bytes");
    row("id as number", "id", "42", "id", "must be a string");
    row("operation missing", "op", absent, "op", "missing");
    row("unknown operation", "op", "\"reboot\"", "op", "unknown operation 'reboot'");
    row("operation in capitals", "op", "\"ISOLATE\"", "op", "unknown operation");
    row("operation as number", "op", "1", "op", "must be a string");
    row("service missing", "service", absent, "service", "missing");
    row("service invalid", "service", "\"m es\"", "service", "not a valid service name");
    row("service empty", "service", "\"\"", "service", "not a valid service name");
    row("deadline missing", "deadline_unix_ms", absent, "deadline_unix_ms", "missing");
    row("deadline negative", "deadline_unix_ms", "-1", "deadline_unix_ms", "must not be negative");
    row("deadline as fraction", "deadline_unix_ms", "1.5", "deadline_unix_ms", "without a fraction");
    row("deadline of 2^63", "deadline_unix_ms", "9223372036854775808", "deadline_unix_ms", "below 2^63");
    row("deadline as boolean", "deadline_unix_ms", "false", "deadline_unix_ms", "integer or a string of digits");
    row("operator as number", "operator", "7", "operator", "must be a string");
    row("reason as array", "reason", "[]", "reason", "must be a string");
    row("params as array", "params", "[25]", "params", "must be an object");
    row("ramp without params", "params", absent, "params.percent", "is missing");
    row("ramp with empty params", "params", "{}", "params.percent", "is missing");
    row("ramp percent null", "params", R"({"percent":null})", "params.percent", "is missing");
    row("ramp percent above 100", "params", R"({"percent":101})", "params.percent", "between 0 and 100");
    row("ramp percent negative", "params", R"({"percent":-5})", "params.percent", "must not be negative");
    row("ramp percent as string", "params", R"({"percent":"25"})", "params.percent", "must be a number");
    row("ramp percent past a double", "params", R"({"percent":1e400})", "params.percent", "too large");
    QTest::newRow("shed without capacity") << base.with("op", "\"shed\"").with("params", absent).json()
                                           << QStringLiteral("params.capacity") << QStringLiteral("at least 1");
    QTest::newRow("shed capacity zero") << base.with("op", "\"shed\"").with("params", R"({"capacity":0})").json()
                                        << QStringLiteral("params.capacity") << QStringLiteral("at least 1");
    QTest::newRow("shed capacity as string") << base.with("op", "\"shed\"").with("params", R"({"capacity":"9"})").json()
                                             << QStringLiteral("params.capacity") << QStringLiteral("must be a number");
}

void TestDecoder::controlRequestRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);
    VERIFY_REJECTED(m_decoder.controlRequest(view(json)), where, part);
}

void TestDecoder::controlReplyRoundTrip_data()
{
    QTest::addColumn<ControlReply>("reply");

    ControlReply applied;
    applied.id = "3f9d2c1e";
    applied.status = ControlStatus::Applied;
    applied.service = "mes";
    applied.mode = ServiceMode::Isolated;
    QTest::newRow("applied") << applied;

    ControlReply rejected = applied;
    rejected.status = ControlStatus::Rejected;
    rejected.reason = "deadline passed 1500 ms ago; send a new request";
    rejected.mode = ServiceMode::Normal;
    QTest::newRow("rejected with reason") << rejected;

    ControlReply unreadable = rejected;
    unreadable.id.clear();
    unreadable.service.clear();
    unreadable.reason = "invalid request: field 'id': is missing or null";
    QTest::newRow("rejected without id for an unreadable request") << unreadable;

    for (auto mode : { ServiceMode::Degraded, ServiceMode::Ramping, ServiceMode::Shedding }) {
        ControlReply reply = applied;
        reply.mode = mode;
        QTest::newRow(modeName(mode).data()) << reply;
    }
}

void TestDecoder::controlReplyRoundTrip()
{
    QFETCH(ControlReply, reply);
    const auto decoded = m_decoder.controlReply(encodeControlReply(reply));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->id, reply.id);
    QCOMPARE(decoded->status, reply.status);
    QCOMPARE(decoded->reason, reply.reason);
    QCOMPARE(decoded->service, reply.service);
    QCOMPARE(decoded->mode, reply.mode);
}

void TestDecoder::controlReplyRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const auto base = replyFields();
    auto row = [&](const char *name, const QByteArray &key, const QByteArray &value, const char *where,
                   const char *part) {
        QTest::newRow(name) << base.with(key, value).json() << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("version missing", "v", absent, "v", "missing");
    row("unknown version", "v", "2", "v", "unsupported protocol version 2");
    row("id missing", "id", absent, "id", "missing");
    row("id of 129 bytes", "id", '"' + QByteArray(129, 'x') + '"', "id", "0 to 128 bytes");
    row("id as number", "id", "1", "id", "must be a string");
    row("status missing", "status", absent, "status", "missing");
    row("unknown status", "status", "\"ok\"", "status", "unknown status 'ok'");
    row("status as boolean", "status", "true", "status", "must be a string");
    row("unknown mode", "mode", "\"off\"", "mode", "unknown mode 'off'");
    row("mode as number", "mode", "2", "mode", "must be a string");
    row("reason as object", "reason", "{}", "reason", "must be a string");
    row("service as number", "service", "5", "service", "must be a string");
}

void TestDecoder::controlReplyRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);
    VERIFY_REJECTED(m_decoder.controlReply(view(json)), where, part);
}

// ---- OTLP traces ----

namespace
{

const QByteArray traceHex("5b8efff798038103d269b633813fc60c");
const QByteArray spanHex("d269b633813fc60c");
const QByteArray parentHex("5b8efff798038103");

QByteArray attribute(const QByteArray &key, const QByteArray &anyValue)
{
    return R"({"key":")" + key + R"(","value":)" + anyValue + '}';
}

QByteArray stringAttribute(const QByteArray &key, const QByteArray &value)
{
    return attribute(key, R"({"stringValue":")" + value + "\"}");
}

const QByteArray serviceResource = '[' + stringAttribute("service.name", "mes") + ']';

// An ExportTraceServiceRequest with one resource and one scope that contains @p spans (a comma-separated list).
QByteArray otlpDocument(const QByteArray &spans, const QByteArray &resourceAttributes = serviceResource)
{
    return R"({"resourceSpans":[{"resource":{"attributes":)" + resourceAttributes
        + R"(},"scopeSpans":[{"scope":{"name":"test"},"spans":[)" + spans + "]}]}]}";
}

Fields spanFields()
{
    return { { "traceId", '"' + traceHex + '"' }, { "spanId", '"' + spanHex + '"' },
        { "parentSpanId", '"' + parentHex + '"' }, { "name", "\"GET /orders\"" }, { "kind", "2" },
        { "startTimeUnixNano", "\"1700000000000000000\"" }, { "endTimeUnixNano", "\"1700000000250000000\"" } };
}

Span expectedSpan()
{
    Span span;
    span.traceId = traceHex.toStdString();
    span.spanId = spanHex.toStdString();
    span.parentSpanId = parentHex.toStdString();
    span.service = "mes";
    span.name = "GET /orders";
    span.kind = SpanKind::Server;
    span.startUnixNs = 1'700'000'000'000'000'000;
    span.endUnixNs = 1'700'000'000'250'000'000;
    return span;
}

void compareSpan(const Span &actual, const Span &expected)
{
    QCOMPARE(actual.traceId, expected.traceId);
    QCOMPARE(actual.spanId, expected.spanId);
    QCOMPARE(actual.parentSpanId, expected.parentSpanId);
    QCOMPARE(actual.service, expected.service);
    QCOMPARE(actual.instance, expected.instance);
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.startUnixNs.has_value(), expected.startUnixNs.has_value());
    QCOMPARE(actual.startUnixNs.value_or(-1), expected.startUnixNs.value_or(-1));
    QCOMPARE(actual.endUnixNs.has_value(), expected.endUnixNs.has_value());
    QCOMPARE(actual.endUnixNs.value_or(-1), expected.endUnixNs.value_or(-1));
    QCOMPARE(actual.error, expected.error);
    QCOMPARE(actual.peerName, expected.peerName);
    QCOMPARE(actual.peerKind, expected.peerKind);
}

std::vector<Span> roundTripSpans()
{
    std::vector<Span> spans;
    Span root = expectedSpan();
    root.parentSpanId.clear();
    root.instance = "mes-1";
    spans.push_back(root);

    const std::pair<NodeKind, const char *> peers[]
        = { { NodeKind::Service, "inventory" }, { NodeKind::Database, "postgresql" }, { NodeKind::Broker, "kafka" },
              { NodeKind::External, "erp.example.internal" } };
    std::uint64_t id = 0x10;
    for (const auto &[kind, name] : peers) {
        Span client = root;
        client.spanId = "00000000000000" + QByteArray::number(qulonglong(id++), 16).toStdString();
        client.parentSpanId = root.spanId;
        client.kind = SpanKind::Client;
        client.peerName = name;
        client.peerKind = kind;
        client.error = kind == NodeKind::Database;
        spans.push_back(client);
    }

    Span other = expectedSpan();
    other.traceId = "0000000000000000d269b633813fc60c";
    other.spanId = "0000000000000001";
    other.service = "robot-arm-3";
    other.instance.clear();
    other.name = "move \"joint\"\t\xe2\x86\x92 \\ 2";
    other.kind = SpanKind::Consumer;
    other.startUnixNs = (std::int64_t(1) << 53) + 1;
    other.endUnixNs = std::numeric_limits<std::int64_t>::max();
    spans.push_back(other);

    Span untimed = other;
    untimed.spanId = "0000000000000002";
    untimed.startUnixNs.reset();
    untimed.endUnixNs.reset();
    untimed.kind = SpanKind::Unspecified;
    spans.push_back(untimed);

    for (auto kind : { SpanKind::Internal, SpanKind::Producer }) {
        Span extra = other;
        extra.spanId = "000000000000000" + std::to_string(int(kind) + 3);
        extra.kind = kind;
        spans.push_back(extra);
    }
    return spans;
}

} // namespace

void TestDecoder::tracesRoundTrip()
{
    const auto spans = roundTripSpans();
    const auto decoded = m_decoder.traces(encodeOtlpTraces(spans));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QVERIFY(decoded->skipped.empty());
    QCOMPARE(decoded->spans.size(), spans.size());

    // The encoder groups spans by resource, so match them by id.
    for (const auto &expected : spans) {
        const auto found = std::find_if(decoded->spans.begin(), decoded->spans.end(),
            [&](const Span &span) { return span.spanId == expected.spanId; });
        QVERIFY2(found != decoded->spans.end(), expected.spanId.c_str());
        compareSpan(*found, expected);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestDecoder::tracesFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Span>("expected");

    const auto base = spanFields();
    const Span plain = expectedSpan();
    QTest::newRow("hex ids and string times") << otlpDocument(base.json()) << plain;

    QTest::newRow("uppercase hex ids") << otlpDocument(
        base.with("traceId", '"' + traceHex.toUpper() + '"').with("spanId", '"' + spanHex.toUpper() + '"').json())
                                       << plain;
    QTest::newRow("base64 ids") << otlpDocument(base.with("traceId", "\"W47/95gDgQPSabYzgT/GDA==\"")
                                                    .with("spanId", "\"0mm2M4E/xgw=\"")
                                                    .with("parentSpanId", "\"W47/95gDgQM=\"")
                                                    .json())
                                << plain;
    Span shortTrace = plain;
    shortTrace.traceId = "0000000000000000d269b633813fc60c";
    QTest::newRow("64-bit trace id") << otlpDocument(base.with("traceId", "\"d269b633813fc60c\"").json()) << shortTrace;

    Span root = plain;
    root.parentSpanId.clear();
    QTest::newRow("empty parent is a root") << otlpDocument(base.with("parentSpanId", "\"\"").json()) << root;
    QTest::newRow("all-zero hex parent is a root")
        << otlpDocument(base.with("parentSpanId", "\"0000000000000000\"").json()) << root;
    QTest::newRow("all-zero base64 parent is a root")
        << otlpDocument(base.with("parentSpanId", "\"AAAAAAAAAAA=\"").json()) << root;
    QTest::newRow("parent left out") << otlpDocument(base.with("parentSpanId", absent).json()) << root;

    Span client = plain;
    client.kind = SpanKind::Client;
    QTest::newRow("kind as enum name") << otlpDocument(base.with("kind", "\"SPAN_KIND_CLIENT\"").json()) << client;
    QTest::newRow("kind as short name in lowercase") << otlpDocument(base.with("kind", "\"client\"").json()) << client;
    QTest::newRow("kind as number") << otlpDocument(base.with("kind", "3").json()) << client;
    Span unspecified = plain;
    unspecified.kind = SpanKind::Unspecified;
    QTest::newRow("kind left out") << otlpDocument(base.with("kind", absent).json()) << unspecified;

    Span exactTimes = plain;
    exactTimes.startUnixNs = 1'700'000'000'123'456'789;
    exactTimes.endUnixNs = 1'700'000'000'123'456'791;
    QTest::newRow("times as numbers past 2^53") << otlpDocument(
        base.with("startTimeUnixNano", "1700000000123456789").with("endTimeUnixNano", "1700000000123456791").json())
                                                << exactTimes;
    QTest::newRow("times as strings past 2^53") << otlpDocument(
        base.with("startTimeUnixNano", "\"1700000000123456789\"")
            .with("endTimeUnixNano", "\"1700000000123456791\"")
            .json()) << exactTimes;
    Span untimed = plain;
    untimed.startUnixNs.reset();
    untimed.endUnixNs.reset();
    QTest::newRow("zero times are unset")
        << otlpDocument(base.with("startTimeUnixNano", "\"0\"").with("endTimeUnixNano", "0").json()) << untimed;

    Span failed = plain;
    failed.error = true;
    QTest::newRow("status code 2 is an error") << otlpDocument(base.with("status", R"({"code":2})").json()) << failed;
    QTest::newRow("status code name is an error")
        << otlpDocument(base.with("status", R"({"code":"STATUS_CODE_ERROR","message":"timeout"})").json()) << failed;
    QTest::newRow("status code 1 is ok") << otlpDocument(base.with("status", R"({"code":1})").json()) << plain;
    QTest::newRow("status without code is ok") << otlpDocument(base.with("status", "{}").json()) << plain;
    QTest::newRow("error attribute as boolean")
        << otlpDocument(base.with("attributes", '[' + attribute("error", R"({"boolValue":true})") + ']').json())
        << failed;
    QTest::newRow("error attribute false")
        << otlpDocument(base.with("attributes", '[' + attribute("error", R"({"boolValue":false})") + ']').json())
        << plain;

    auto withAttributes = [&](std::initializer_list<QByteArray> attributes) {
        QByteArray list("[");
        for (const auto &item : attributes)
            list += (list.size() > 1 ? "," : "") + item;
        return otlpDocument(base.with("attributes", list + ']').json());
    };
    Span peer = plain;
    peer.peerName = "inventory";
    peer.peerKind = NodeKind::Service;
    QTest::newRow("peer.service names a service")
        << withAttributes({ stringAttribute("peer.service", "inventory") }) << peer;
    Span database = plain;
    database.peerName = "postgresql";
    database.peerKind = NodeKind::Database;
    QTest::newRow("db.system names a database")
        << withAttributes({ stringAttribute("db.system", "postgresql") }) << database;
    Span namedDatabase = database;
    namedDatabase.peerName = "orders-db";
    QTest::newRow("peer.service with db.system is a named database")
        << withAttributes({ stringAttribute("db.system", "postgresql"), stringAttribute("peer.service", "orders-db") })
        << namedDatabase;
    Span broker = plain;
    broker.peerName = "kafka";
    broker.peerKind = NodeKind::Broker;
    QTest::newRow("messaging.system names a broker")
        << withAttributes({ stringAttribute("messaging.system", "kafka") }) << broker;
    Span external = plain;
    external.peerName = "erp.example.internal";
    external.peerKind = NodeKind::External;
    QTest::newRow("server.address names an external callee")
        << withAttributes({ stringAttribute("server.address", "erp.example.internal") }) << external;
    QTest::newRow("net.peer.name names an external callee")
        << withAttributes({ stringAttribute("net.peer.name", "erp.example.internal") }) << external;
    QTest::newRow("server.address wins over net.peer.name") << withAttributes(
        { stringAttribute("server.address", "erp.example.internal"), stringAttribute("net.peer.name", "10.0.0.7") })
                                                            << external;
    QTest::newRow("server.address wins over an earlier net.peer.name") << withAttributes(
        { stringAttribute("net.peer.name", "10.0.0.7"), stringAttribute("server.address", "erp.example.internal") })
                                                                       << external;
    QTest::newRow("peer.service wins over server.address") << withAttributes(
        { stringAttribute("server.address", "10.0.0.7"), stringAttribute("peer.service", "inventory") })
                                                           << peer;
    Span numericPeer = plain;
    numericPeer.peerName = "8080";
    numericPeer.peerKind = NodeKind::External;
    QTest::newRow("integer attribute value as text")
        << withAttributes({ attribute("server.address", R"({"intValue":"8080"})") }) << numericPeer;

    Span instance = plain;
    instance.instance = "mes-7";
    const QByteArray serviceName = stringAttribute("service.name", "mes");
    QTest::newRow("service.instance.id of the resource")
        << otlpDocument(base.json(), '[' + serviceName + ',' + stringAttribute("service.instance.id", "mes-7") + ']')
        << instance;
    QTest::newRow("host.name when there is no instance id")
        << otlpDocument(base.json(), '[' + serviceName + ',' + stringAttribute("host.name", "mes-7") + ']') << instance;
    QTest::newRow("instance id wins over an earlier host.name") << otlpDocument(base.json(),
        '[' + serviceName + ',' + stringAttribute("host.name", "box") + ','
            + stringAttribute("service.instance.id", "mes-7") + ']')
                                                                << instance;
    QTest::newRow("instance id wins over a later host.name") << otlpDocument(base.json(),
        '[' + serviceName + ',' + stringAttribute("service.instance.id", "mes-7") + ','
            + stringAttribute("host.name", "box") + ']') << instance;
    QTest::newRow("span instance id wins over the resource")
        << otlpDocument(base.with("attributes", '[' + stringAttribute("service.instance.id", "mes-7") + ']').json(),
               '[' + serviceName + ',' + stringAttribute("service.instance.id", "mes-1") + ']')
        << instance;
    Span noService = plain;
    noService.service.clear();
    QTest::newRow("resource without service.name") << otlpDocument(base.json(), "[]") << noService;

    QTest::newRow("resource after its spans") << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[)"
        + base.json() + R"(]}],"resource":{"attributes":)" + serviceResource + "}}]}")
                                              << plain;
    QTest::newRow("batches instead of resourceSpans")
        << otlpDocument(base.json()).replace("\"resourceSpans\"", "\"batches\"") << plain;
    QTest::newRow("instrumentationLibrarySpans instead of scopeSpans")
        << otlpDocument(base.json()).replace("\"scopeSpans\"", "\"instrumentationLibrarySpans\"") << plain;
    QTest::newRow("null fields mean absent") << otlpDocument(
        base.with("attributes", "null").with("status", "null").with("droppedAttributesCount", "null").json())
                                             << plain;
    QTest::newRow("unknown fields are ignored") << otlpDocument(
        base.with("traceState", "\"k=v\"")
            .with("flags", "257")
            .with("events", R"([{"name":"retry","timeUnixNano":"1"}])")
            .with("links", R"([{"traceId":"zz"}])")
            .json()) << plain;
}

void TestDecoder::tracesFields()
{
    QFETCH(QByteArray, json);
    QFETCH(Span, expected);
    const auto decoded = m_decoder.traces(view(json));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QVERIFY2(decoded->skipped.empty(), qPrintable(decoded->skipped.empty() ? QString() : decoded->skipped[0].message));
    QCOMPARE(decoded->spans.size(), std::size_t(1));
    compareSpan(decoded->spans.front(), expected);
}

void TestDecoder::tracesSkipInvalidSpans_data()
{
    QTest::addColumn<QByteArray>("badSpan");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const auto base = spanFields().with("spanId", "\"00000000000000bb\"");
    auto row = [&](const char *name, const QByteArray &key, const QByteArray &value, const char *where,
                   const char *part) {
        QTest::newRow(name) << base.with(key, value).json() << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("trace id missing", "traceId", absent, "traceId", "is missing");
    row("trace id null", "traceId", "null", "traceId", "is missing");
    row("trace id all zero", "traceId", "\"00000000000000000000000000000000\"", "traceId", "is not a nonzero hex");
    row("trace id of 17 bytes", "traceId", "\"ff5b8efff798038103d269b633813fc60c\"", "traceId", "up to 16 bytes");
    row("trace id garbage", "traceId", "\"not-a-trace-id\"", "traceId", "'not-a-trace-id'");
    row("trace id as number", "traceId", "12345", "traceId", "must be a string");
    row("span id missing", "spanId", absent, "spanId", "is missing");
    row("span id of 128 bits", "spanId", '"' + traceHex + '"', "spanId", "up to 8 bytes");
    row("span id as array", "spanId", "[]", "spanId", "must be a string");
    row("parent id garbage", "parentSpanId", "\"parent!\"", "parentSpanId", "'parent!'");
    row("parent id as number", "parentSpanId", "0", "parentSpanId", "must be a string");
    row("name as number", "name", "5", "name", "must be a string");
    row("kind 6", "kind", "6", "kind", "0 to 5");
    row("kind negative", "kind", "-1", "kind", "must not be negative");
    row("kind as fraction", "kind", "2.5", "kind", "without a fraction");
    row("kind unknown name", "kind", "\"SPAN_KIND_GATEWAY\"", "kind", "unknown span kind");
    row("kind as boolean", "kind", "true", "kind", "must be a number or a string");
    for (const char *key : { "startTimeUnixNano", "endTimeUnixNano" }) {
        const QByteArray name(key);
        QTest::newRow(name + " negative")
            << base.with(key, "-5").json() << QString::fromLatin1(key) << QStringLiteral("must not be negative");
        QTest::newRow(name + " negative string")
            << base.with(key, "\"-5\"").json() << QString::fromLatin1(key) << QStringLiteral("must not be negative");
        QTest::newRow(name + " as fraction")
            << base.with(key, "1.5e18").json() << QString::fromLatin1(key) << QStringLiteral("without a fraction");
        QTest::newRow(name + " string of letters")
            << base.with(key, "\"noon\"").json() << QString::fromLatin1(key) << QStringLiteral("decimal integer");
        QTest::newRow(name + " of 2^63") << base.with(key, "\"9223372036854775808\"").json() << QString::fromLatin1(key)
                                         << QStringLiteral("2^63-1");
        QTest::newRow(name + " as object") << base.with(key, "{}").json() << QString::fromLatin1(key)
                                           << QStringLiteral("integer or a string of digits");
    }
    row("status as string", "status", "\"ERROR\"", "status", "must be an object");
    row("status code negative", "status", R"({"code":-1})", "status.code", "must not be negative");
    row("status code as object", "status", R"({"code":{}})", "status.code", "must be a number or a string");
    row("attributes as object", "attributes", "{}", "attributes", "must be an array");
    row("attribute as string", "attributes", R"(["peer.service"])", "attributes[]", "must be an object");
    row("attribute key as number", "attributes", R"([{"key":1,"value":{"stringValue":"x"}}])", "attributes[].key",
        "must be a string");
    row("attribute value not an AnyValue", "attributes", R"([{"key":"peer.service","value":"x"}])",
        "attributes[].value", "AnyValue");
    row("attribute stringValue as number", "attributes", R"([{"key":"peer.service","value":{"stringValue":1}}])",
        "attributes[].value", "must be a string");
}

void TestDecoder::tracesSkipInvalidSpans()
{
    QFETCH(QByteArray, badSpan);
    QFETCH(QString, where);
    QFETCH(QString, part);

    const auto decoded = m_decoder.traces(view(otlpDocument(spanFields().json() + ',' + badSpan)));
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().message));
    QCOMPARE(decoded->spans.size(), std::size_t(1));
    QCOMPARE(decoded->spans.front().spanId, spanHex.toStdString());
    QCOMPARE(decoded->skipped.size(), std::size_t(1));
    const Error &error = decoded->skipped.front();
    QCOMPARE(error.where, where);
    QVERIFY2(error.message.contains(where), qPrintable(error.message));
    QVERIFY2(error.message.contains(part), qPrintable(error.message));
    QVERIFY2(error.message.startsWith(QLatin1String("span 2:")), qPrintable(error.message));
}

void TestDecoder::tracesRejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    const QByteArray span = spanFields().json();
    auto row = [](const char *name, const QByteArray &json, const char *where, const char *part) {
        QTest::newRow(name) << json << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("empty object", "{}", "resourceSpans", "is missing");
    row("resourceSpans null", R"({"resourceSpans":null})", "resourceSpans", "is missing");
    row("Jaeger JSON", R"({"data":[{"traceID":"abc","spans":[]}]})", "resourceSpans", "is missing");
    row("resourceSpans as object", R"({"resourceSpans":{}})", "resourceSpans", "must be an array");
    row("batches as string", R"({"batches":"x"})", "batches", "must be an array");
    row("resource entry as number", R"({"resourceSpans":[1]})", "resourceSpans[]", "must be an object");
    row("batches entry as array", R"({"batches":[[]]})", "batches[]", "must be an object");
    row("resource as array", R"({"resourceSpans":[{"resource":[]}]})", "resource", "must be an object");
    row("resource attributes as object", R"({"resourceSpans":[{"resource":{"attributes":{}}}]})", "attributes",
        "must be an array");
    row("resource attribute value invalid",
        R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":7}]}}]})", "attributes[].value",
        "AnyValue");
    row("scopeSpans as object", R"({"resourceSpans":[{"scopeSpans":{}}]})", "scopeSpans", "must be an array");
    row("scope entry as number", R"({"resourceSpans":[{"scopeSpans":[3]}]})", "scopeSpans[]", "must be an object");
    row("library entry as number", R"({"resourceSpans":[{"instrumentationLibrarySpans":[3]}]})",
        "instrumentationLibrarySpans[]", "must be an object");
    row("spans as object", R"({"resourceSpans":[{"scopeSpans":[{"spans":{}}]}]})", "spans", "must be an array");
    row("span as string", R"({"resourceSpans":[{"scopeSpans":[{"spans":[")" + span.toBase64() + "\"]}]}]}", "spans[]",
        "must be an object");
    row("Zipkin v2 array", '[' + span + ']', "", "must be a JSON object");
}

void TestDecoder::tracesRejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);
    VERIFY_REJECTED(m_decoder.traces(view(json)), where, part);
}

// ---- malformed and hostile documents ----

namespace
{

enum class Kind { Envelope, Health, ControlRequest, ControlReply, Traces };

std::optional<Error> decodeAs(Decoder &decoder, Kind kind, std::string_view json)
{
    auto errorOf = [](const auto &result) -> std::optional<Error> {
        if (result.ok())
            return std::nullopt;
        return result.error();
    };
    switch (kind) {
    case Kind::Envelope:
        return errorOf(decoder.envelope(json));
    case Kind::Health:
        return errorOf(decoder.health(json));
    case Kind::ControlRequest:
        return errorOf(decoder.controlRequest(json));
    case Kind::ControlReply:
        return errorOf(decoder.controlReply(json));
    case Kind::Traces:
        return errorOf(decoder.traces(json));
    }
    return std::nullopt;
}

const std::pair<Kind, const char *> allKinds[] = { { Kind::Envelope, "envelope" }, { Kind::Health, "health" },
    { Kind::ControlRequest, "control request" }, { Kind::ControlReply, "control reply" }, { Kind::Traces, "traces" } };

// A valid OTLP document of about @p targetBytes with spans numbered from 1.
std::string largeTraceDocument(std::size_t targetBytes, std::size_t &spanCount)
{
    std::vector<Span> spans;
    Span span = expectedSpan();
    span.peerName = "inventory";
    std::size_t bytes = 0;
    for (std::uint64_t i = 1; bytes < targetBytes; ++i) {
        char id[17];
        std::snprintf(id, sizeof id, "%016llx", static_cast<unsigned long long>(i));
        span.spanId = id;
        spans.push_back(span);
        bytes += 300;
    }
    spanCount = spans.size();
    return encodeOtlpTraces(spans);
}

} // namespace

void TestDecoder::malformedDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("part");

    auto row = [](const char *name, const QByteArray &json, const char *where, const char *part) {
        QTest::newRow(name) << json << QString::fromLatin1(where) << QString::fromLatin1(part);
    };
    row("empty input", "", "", "empty");
    row("only whitespace", " \n\t ", "", "empty");
    row("array root", "[]", "", "must be a JSON object (got array)");
    row("string root", "\"health\"", "", "must be a JSON object (got string)");
    row("number root", "42", "", "must be a JSON object (got number)");
    row("null root", "null", "", "must be a JSON object (got null)");
    row("boolean root", "true", "", "must be a JSON object (got boolean)");
    row("trailing garbage", R"({"a":1} x)", "", "after the end");
    row("second document", "{} {}", "", "after the end");
    row("NUL after the document", QByteArray("{}\0", 3), "", "after the end");
    row("trailing comma", R"({"a":1,})", "", "expected a key");
    row("single quotes", "{'a':1}", "", "expected a key");
    row("bare key", "{a:1}", "", "expected a key");
    row("missing colon", R"({"a" 1})", "a", "expected ':'");
    row("missing comma", R"({"a":1 "b":2})", "a", "expected ','");
    row("mismatched bracket", R"({"a":[1}})", "a[]", "expected ',' or ']'");
    row("NaN literal", R"({"a":NaN})", "a", "expected a value");
    row("Infinity literal", R"({"a":-Infinity})", "a", "not a valid JSON number");
    row("misspelt literal", R"({"a":nul})", "a", "expected a value");
    row("integer past 2^64", R"({"a":18446744073709551616})", "a", "2^64-1");
    row("integer below -2^63", R"({"a":-9223372036854775809})", "a", "-2^63");
    row("number too large for a double", R"({"a":-1e400})", "a", "too large");
    row("leading zero", R"({"a":01})", "a", "leading zeros");
    row("fraction without digits", R"({"a":1.})", "a", "not a valid JSON number");
    row("exponent without digits", R"({"a":1e})", "a", "not a valid JSON number");
    row("plus sign", R"({"a":+1})", "a", "expected a value");
    row("invalid UTF-8 in a value", "{\"name\":\"caf\xe9\"}", "name", "UTF-8");
    row("invalid UTF-8 in a key", "{\"caf\xe9\":1}", "", "UTF-8");
    row("overlong UTF-8", "{\"a\":\"\xc0\xaf\"}", "a", "UTF-8");
    row("UTF-8 of a surrogate", "{\"a\":\"\xed\xa0\x80\"}", "a", "UTF-8");
    row("UTF-8 past U+10FFFF", "{\"a\":\"\xf4\x90\x80\x80\"}", "a", "UTF-8");
    row("lone high surrogate escape", R"({"a":"\ud800"})", "a", "surrogate");
    row("lone low surrogate escape", R"({"a":"\udc00x"})", "a", "surrogate");
    row("short unicode escape", R"({"a":"\u12"})", "a", "four hex digits");
    row("unknown escape", R"({"a":"\q"})", "a", "invalid escape");
    row("raw control character in a string", "{\"a\":\"x\x01\"}", "a", "control character");
    row("raw newline in a string", "{\"a\":\"x\ny\"}", "a", "control character");
    row("nested field path", R"({"params":{"percent":1e400}})", "params.percent", "too large");
    row("array field path", "{\"breakers\":[{\"callee\":\"\xff\"}]}", "breakers[].callee", "UTF-8");
    row("unterminated string", R"({"a":"abc)", "a", "not terminated");
    row("unterminated key", R"({"abc)", "", "not terminated");
}

void TestDecoder::malformedDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    QFETCH(QString, part);

    for (const auto &[kind, name] : allKinds) {
        const auto error = decodeAs(m_decoder, kind, view(json));
        QVERIFY2(error, name);
        QVERIFY2(error->where == where,
            qPrintable(QStringLiteral("%1: where is '%2'").arg(QLatin1String(name), error->where)));
        QVERIFY2(error->message.contains(where), qPrintable(error->message));
        QVERIFY2(error->message.contains(part), qPrintable(error->message));
    }
}

void TestDecoder::truncatedAtEveryCut_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("message");

    Envelope envelope;
    envelope.publisher = "plant";
    envelope.session = "s1";
    envelope.seq = 12;
    envelope.sentUnixNs = 1'700'000'000'000'000'000;
    QTest::newRow("envelope") << int(Kind::Envelope) << bytes(encodeEnvelope(envelope));
    QTest::newRow("health") << int(Kind::Health) << bytes(encodeHealth(fullHealthReport()));
    ControlRequest request;
    request.id = "r1";
    request.operation = ControlOperation::Ramp;
    request.service = "mes";
    request.percent = 50;
    request.reason = "step \"2\"";
    request.deadlineUnixMs = 1'700'000'000'000;
    QTest::newRow("control request") << int(Kind::ControlRequest) << bytes(encodeControlRequest(request));
    ControlReply reply;
    reply.id = "r1";
    reply.status = ControlStatus::Applied;
    reply.service = "mes";
    QTest::newRow("control reply") << int(Kind::ControlReply) << bytes(encodeControlReply(reply));
    QTest::newRow("traces") << int(Kind::Traces) << bytes(encodeOtlpTraces(roundTripSpans()));
}

void TestDecoder::truncatedAtEveryCut()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, message);

    QVERIFY(!decodeAs(m_decoder, Kind(kind), view(message)));
    for (qsizetype cut = 0; cut < message.size(); ++cut) {
        const auto error = decodeAs(m_decoder, Kind(kind), view(message.left(cut)));
        if (!error)
            QFAIL(qPrintable(QStringLiteral("a message cut to %1 bytes was accepted").arg(cut)));
        QVERIFY2(error->message.contains(QLatin1String("JSON")), qPrintable(error->message));
        QVERIFY2(error->message.contains(error->where), qPrintable(error->message));
    }
}

void TestDecoder::largeValidMessages()
{
    std::size_t spanCount = 0;
    const auto traces = largeTraceDocument(10'000'000, spanCount);
    QVERIFY(traces.size() > 10'000'000);
    const auto batch = m_decoder.traces(traces);
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QVERIFY(batch->skipped.empty());
    QCOMPARE(batch->spans.size(), spanCount);
    QCOMPARE(batch->spans.front().spanId, std::string("0000000000000001"));
    QCOMPARE(batch->spans.back().peerName, std::string("inventory"));

    // An unknown field of 10 MB is read past and ignored.
    const auto health = healthFields().with("x-padding", '"' + QByteArray(10'000'000, 'p') + '"').json();
    const auto report = m_decoder.health(view(health));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
    QCOMPARE(report->service, std::string("mes"));
}

void TestDecoder::largeInvalidMessages()
{
    std::size_t spanCount = 0;
    const auto traces = largeTraceDocument(10'000'000, spanCount);
    const auto lastName = traces.rfind("\"name\":\"GET");
    const auto lastStart = traces.rfind("\"startTimeUnixNano\":\"");
    const auto lastTrace = traces.rfind("\"traceId\":\"");
    QVERIFY(lastName != std::string::npos);
    QVERIFY(lastStart != std::string::npos);
    QVERIFY(lastTrace != std::string::npos);

    auto badUtf8 = traces;
    badUtf8[lastName + 8] = '\xff';
    VERIFY_REJECTED(m_decoder.traces(badUtf8), QStringLiteral("resourceSpans[].scopeSpans[].spans[].name"),
        QStringLiteral("UTF-8"));

    auto hugeTime = traces;
    hugeTime.replace(lastStart + 20, 21, "1e999");
    VERIFY_REJECTED(m_decoder.traces(hugeTime),
        QStringLiteral("resourceSpans[].scopeSpans[].spans[].startTimeUnixNano"), QStringLiteral("too large"));

    const auto truncated = m_decoder.traces(std::string_view(traces).substr(0, traces.size() - 1));
    QVERIFY(!truncated.ok());
    QVERIFY2(truncated.error().message.contains(QLatin1String("ends early")), qPrintable(truncated.error().message));

    // A bad id in the last span costs that span only.
    auto badId = traces;
    badId.replace(lastTrace + 11, 4, "zzzz");
    const auto batch = m_decoder.traces(badId);
    QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
    QCOMPARE(batch->spans.size(), spanCount - 1);
    QCOMPARE(batch->skipped.size(), std::size_t(1));
    QCOMPARE(batch->skipped.front().where, QStringLiteral("traceId"));

    // Arrays nested far deeper than the parser's limit of 1024 levels, in an otherwise valid message.
    const auto deep = healthFields().with("x", QByteArray(100'000, '[') + QByteArray(100'000, ']')).json();
    const auto nested = m_decoder.health(view(deep));
    QVERIFY(!nested.ok());
    QVERIFY2(nested.error().where.startsWith(QLatin1String("x[][]")), qPrintable(nested.error().where));
    QVERIFY2(nested.error().where.size() < 300, "the path of a deeply nested value must be cut short");
    QVERIFY2(nested.error().message.contains(QLatin1String("deeper than 1024")), qPrintable(nested.error().message));

    QByteArray objects;
    for (int i = 0; i < 2000; ++i)
        objects += "{\"o\":";
    objects += "1" + QByteArray(2000, '}');
    const auto nestedObjects = m_decoder.health(view(healthFields().with("x", objects).json()));
    QVERIFY(!nestedObjects.ok());
    QVERIFY2(nestedObjects.error().where.startsWith(QLatin1String("x.o.o")), qPrintable(nestedObjects.error().where));

    // Exactly 1024 levels is the limit and still decodes.
    const auto atLimit = healthFields().with("x", QByteArray(1023, '[') + QByteArray(1023, ']')).json();
    const auto limitResult = m_decoder.health(view(atLimit));
    QVERIFY2(limitResult.ok(), qPrintable(limitResult.ok() ? QString() : limitResult.error().message));
}

void TestDecoder::payloadLimit()
{
    // A message of exactly maxPayloadBytes decodes, and one byte more is rejected before parsing.
    const QByteArray head = healthFields().json().chopped(1) + ",\"x-padding\":\"";
    const QByteArray tail = "\"}";
    QByteArray json = head + QByteArray(qsizetype(maxPayloadBytes) - head.size() - tail.size(), 'p') + tail;
    QCOMPARE(std::size_t(json.size()), maxPayloadBytes);
    const auto atLimit = m_decoder.health(view(json));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.ok() ? QString() : atLimit.error().message));

    json.insert(head.size(), 'p');
    for (const auto &[kind, name] : allKinds) {
        const auto error = decodeAs(m_decoder, kind, view(json));
        QVERIFY2(error, name);
        QVERIFY2(error->message.contains(QLatin1String("larger than the limit")), qPrintable(error->message));
        QVERIFY(error->where.isEmpty());
    }
}

void TestDecoder::decoderRecoversAfterErrors()
{
    // The decoder reuses its buffer, so a short message after a long one must not see the old bytes.
    const auto longEnvelope = envelopeFields().with("session", '"' + QByteArray(150, 's') + '"').json();
    QVERIFY(m_decoder.envelope(view(longEnvelope)).ok());
    QVERIFY(!m_decoder.envelope(view(longEnvelope.left(20))).ok());
    QVERIFY(!m_decoder.health(view(QByteArray("{\"service\":\"x\xff\"}"))).ok());
    const auto again = m_decoder.envelope(view(envelopeFields().json()));
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
    QCOMPARE(again->seq, quint64(7));
}

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
