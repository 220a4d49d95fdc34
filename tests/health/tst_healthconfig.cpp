// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QTemporaryDir>
#include <QTest>

#include "health/healthconfig.h"

using namespace faultline;

class TestHealthConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void builtInMatchesCompiledDefaults()
    {
        // The shipped file and the struct's defaults must agree, or the docs describe neither.
        const auto loaded = HealthConfig::load(QLatin1String(HealthConfig::builtInPath));
        QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->defaults(), HealthThresholds {});
        QVERIFY(loaded->fileEntries().empty());
    }

    void serviceEntryMergesOntoDefaults()
    {
        const auto config = HealthConfig::fromJson(R"({
            "version": 1,
            "defaults": {"latency_p99_ms": {"warning": 300, "critical": 900}, "clear_delay_ms": 8000},
            "services": {"servo-controller": {"latency_p99_ms": {"warning": 50}}}
        })");
        QVERIFY2(config.ok(), qPrintable(config ? QString() : config.error().message));
        const auto &servo = config->thresholdsFor("servo-controller");
        QCOMPARE(servo.p99WarningMs, 50.0);
        QCOMPARE(servo.p99CriticalMs, 900.0);
        QCOMPARE(servo.clearDelayMs, std::int64_t(8000));
        QCOMPARE(config->thresholdsFor("other").p99WarningMs, 300.0);
    }

    void overrideWinsAndClears()
    {
        auto config = HealthConfig::fromJson(R"({"services": {"a": {"error_rate": {"warning": 0.01}}}})").value();
        HealthThresholds custom;
        custom.errorRateWarning = 0.5;
        custom.errorRateCritical = 0.9;
        QVERIFY(!config.setOverride("a", custom));
        QCOMPARE(config.thresholdsFor("a").errorRateWarning, 0.5);
        QVERIFY(config.clearOverride("a"));
        QCOMPARE(config.thresholdsFor("a").errorRateWarning, 0.01);
        QVERIFY(!config.clearOverride("a"));
    }

    void overrideRejectsInvalid()
    {
        HealthConfig config;
        HealthThresholds inverted;
        inverted.p99WarningMs = 3000;
        const auto error = config.setOverride("a", inverted);
        QVERIFY(error);
        QVERIFY2(error->message.contains(QLatin1String("latency_p99_ms")), qPrintable(error->message));
        QVERIFY(config.overrides().empty());
        QVERIFY(config.setOverride({}, HealthThresholds {}));
    }

    void roundTrip()
    {
        auto config = HealthConfig::fromJson(R"({"services": {"b": {"saturation": {"warning": 0.5}}}})").value();
        const auto again = HealthConfig::fromJson(config.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->thresholdsFor("b"), config.thresholdsFor("b"));
        QCOMPARE(again->defaults(), config.defaults());
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("invalid JSON");
        QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("unknown top-level key") << QByteArray(R"({"defualts": {}})") << QStringLiteral("defualts");
        QTest::newRow("future version") << QByteArray(R"({"version": 2})") << QStringLiteral("version");
        QTest::newRow("unknown threshold key")
            << QByteArray(R"({"defaults": {"latency": {"warning": 1}}})") << QStringLiteral("latency");
        QTest::newRow("unknown pair key")
            << QByteArray(R"({"defaults": {"error_rate": {"warn": 0.1}}})") << QStringLiteral("warn");
        QTest::newRow("string value") << QByteArray(R"({"defaults": {"error_rate": {"warning": "5%"}}})")
                                      << QStringLiteral("number");
        QTest::newRow("warning above critical")
            << QByteArray(R"({"defaults": {"error_rate": {"warning": 0.5, "critical": 0.2}}})")
            << QStringLiteral("above critical");
        QTest::newRow("error share above one")
            << QByteArray(R"({"defaults": {"error_rate": {"warning": 0.5, "critical": 1.5}}})")
            << QStringLiteral("between 0 and 1");
        QTest::newRow("negative delay") << QByteArray(R"({"defaults": {"clear_delay_ms": -1}})")
                                        << QStringLiteral("clear_delay_ms");
        QTest::newRow("huge delay") << QByteArray(R"({"defaults": {"raise_delay_ms": 1e300}})")
                                    << QStringLiteral("raise_delay_ms");
        QTest::newRow("deadband of one") << QByteArray(R"({"defaults": {"deadband": 1}})")
                                         << QStringLiteral("deadband");
        QTest::newRow("services as a list") << QByteArray(R"({"services": []})") << QStringLiteral("services");
        QTest::newRow("empty service name") << QByteArray(R"({"services": {"": {}}})") << QStringLiteral("empty");
        QTest::newRow("bad service entry names it")
            << QByteArray(R"({"services": {"robot-arm": {"saturation": {"warning": -1}}}})")
            << QStringLiteral("robot-arm");
    }

    void rejectsMalformed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto config = HealthConfig::fromJson(json, QStringLiteral("test.json"));
        QVERIFY(!config.ok());
        QVERIFY2(config.error().message.contains(mentions), qPrintable(config.error().message));
    }

    void loadMissingFileNamesPath()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("absent.json"));
        const auto config = HealthConfig::load(path);
        QVERIFY(!config.ok());
        QVERIFY(config.error().message.contains(path));
    }
};

QTEST_GUILESS_MAIN(TestHealthConfig)
#include "tst_healthconfig.moc"
