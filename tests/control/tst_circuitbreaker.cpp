// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The circuit breaker's state machine, driven by a fake clock through scripts of calls and waits.
#include <QtTest>

#include "control/circuitbreaker.h"

using namespace faultline;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(faultline::CircuitBreakerConfig)

namespace
{

char stateLetter(BreakerState state)
{
    switch (state) {
    case BreakerState::Closed:
        return 'C';
    case BreakerState::Open:
        return 'O';
    case BreakerState::HalfOpen:
        return 'H';
    }
    return '?';
}

CircuitBreakerConfig countConfig(int window, int minimum)
{
    CircuitBreakerConfig config;
    config.windowSize = window;
    config.minimumNumberOfCalls = minimum;
    config.failureRateThreshold = 50;
    config.slowCallRateThreshold = 100;
    config.slowCallDurationThreshold = 100ms;
    config.waitDurationInOpenState = 1000ms;
    config.permittedNumberOfCallsInHalfOpenState = 2;
    return config;
}

// Runs a script of space-separated steps and returns the state after each one as a letter (C, O, H).
// Steps: s and f are permitted calls that succeed or fail in 1 ms. w is a successful call 1 ms slower than the
// slow-call threshold, and e one that takes exactly the threshold. p is a permission request that must be granted,
// d one that must be denied, and +N lets N milliseconds pass. A call whose permission is denied yields D.
QString run(CircuitBreaker &breaker, const QString &script)
{
    std::chrono::nanoseconds now = 10s;
    QStringList states;
    for (const auto &step : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (step.startsWith(QLatin1Char('+'))) {
            now += std::chrono::milliseconds(step.mid(1).toInt());
            states << QString(QLatin1Char(stateLetter(breaker.state())));
            continue;
        }
        const char kind = step.at(0).toLatin1();
        const bool permitted = breaker.tryAcquirePermission(now);
        if (kind == 'p' || kind == 'd') {
            states << ((permitted == (kind == 'p')) ? QString(QLatin1Char(stateLetter(breaker.state())))
                                                    : QStringLiteral("!"));
            continue;
        }
        if (!permitted) {
            states << QStringLiteral("D");
            continue;
        }
        const auto threshold = breaker.config().slowCallDurationThreshold;
        std::chrono::nanoseconds duration = 1ms;
        if (kind == 'w')
            duration = threshold + 1ms;
        else if (kind == 'e')
            duration = threshold;
        breaker.onResult(now, kind == 'f', duration);
        states << QString(QLatin1Char(stateLetter(breaker.state())));
    }
    return states.join(QLatin1Char(' '));
}

} // namespace

class TestCircuitBreaker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void deniedCallsNeverCountAsFailures();
    void ratesBeforeMinimumAreUnknown();
    void invalidConfigNamed_data();
    void invalidConfigNamed();
};

void TestCircuitBreaker::transitions_data()
{
    QTest::addColumn<CircuitBreakerConfig>("config");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("expected");

    const auto count = countConfig(4, 4);
    QTest::newRow("failures below the minimum number of calls keep it closed") << count << "f f f"
                                                                               << "C C C";
    QTest::newRow("failure rate exactly at the threshold opens") << count << "s s f f"
                                                                 << "C C C O";
    QTest::newRow("failure rate below the threshold stays closed") << count << "s s s f"
                                                                   << "C C C C";
    QTest::newRow("oldest call leaves the count window") << count << "s s s f f"
                                                         << "C C C C O";
    QTest::newRow("minimum is capped by the window size") << countConfig(2, 10) << "s f"
                                                          << "C O";
    QTest::newRow("open denies calls until the wait has passed") << count << "f f f f d +999 d +1 p"
                                                                 << "C C C O O O O O H";
    QTest::newRow("half-open permits only the configured probes") << count << "f f f f +1000 p p d"
                                                                  << "C C C O O H H H";
    QTest::newRow("half-open probes that succeed close it") << count << "f f f f +1000 s s"
                                                            << "C C C O O H C";
    QTest::newRow("half-open failure rate at the threshold reopens") << count << "f f f f +1000 s f"
                                                                     << "C C C O O H O";
    QTest::newRow("reopened breaker waits again in full") << count << "f f f f +1000 f f +999 d +1 p"
                                                          << "C C C O O H O O O O H";
    QTest::newRow("closed after half-open starts with an empty window") << count << "f f f f +1000 s s f f f"
                                                                        << "C C C O O H C C C C";

    auto slow = count;
    slow.slowCallRateThreshold = 50;
    QTest::newRow("slow-call rate exactly at the threshold opens") << slow << "w w e e"
                                                                   << "C C C O";
    QTest::newRow("calls exactly at the slow threshold are not slow") << slow << "w e e e"
                                                                      << "C C C C";
    QTest::newRow("slow probes reopen a half-open breaker") << slow << "w w s s +1000 w w"
                                                            << "C C C O O H O";

    auto timeBased = countConfig(2, 4);
    timeBased.windowType = CircuitBreakerConfig::WindowType::TimeBased;
    QTest::newRow("time window counts calls within its seconds") << timeBased << "f f f f"
                                                                 << "C C C O";
    QTest::newRow("time window forgets seconds past its size") << timeBased << "f f +2000 f f"
                                                               << "C C C C C";
    QTest::newRow("time window keeps the previous second") << timeBased << "f f +1000 f f"
                                                           << "C C C C O";
}

void TestCircuitBreaker::transitions()
{
    QFETCH(CircuitBreakerConfig, config);
    QFETCH(QString, script);
    QFETCH(QString, expected);

    QVERIFY(!config.validate());
    CircuitBreaker breaker(config);
    QCOMPARE(run(breaker, script), expected);
}

void TestCircuitBreaker::deniedCallsNeverCountAsFailures()
{
    CircuitBreaker breaker(countConfig(4, 4));
    QCOMPARE(run(breaker, QStringLiteral("f f f f")), QStringLiteral("C C C O"));
    for (int i = 0; i < 50; ++i)
        QVERIFY(!breaker.tryAcquirePermission(10s));
    QCOMPARE(breaker.notPermittedCalls(), std::uint64_t(50));

    // The probes see only their own results, not the 50 denied calls.
    QVERIFY(breaker.tryAcquirePermission(12s));
    breaker.onResult(12s, false, 1ms);
    QVERIFY(breaker.tryAcquirePermission(12s));
    breaker.onResult(12s, false, 1ms);
    QCOMPARE(int(breaker.state()), int(BreakerState::Closed));
    QCOMPARE(breaker.transitions(), std::uint64_t(3));
}

void TestCircuitBreaker::ratesBeforeMinimumAreUnknown()
{
    CircuitBreaker breaker(countConfig(10, 4));
    QCOMPARE(breaker.failureRate(), -1.0);
    run(breaker, QStringLiteral("s s s f"));
    QCOMPARE(breaker.failureRate(), 25.0);
    QCOMPARE(breaker.slowCallRate(), 0.0);
}

void TestCircuitBreaker::invalidConfigNamed_data()
{
    QTest::addColumn<CircuitBreakerConfig>("config");
    QTest::addColumn<QString>("field");

    auto config = countConfig(4, 4);
    config.windowSize = 0;
    QTest::newRow("empty window") << config << "windowSize";
    config = countConfig(20'000, 4);
    QTest::newRow("huge count window") << config << "windowSize";
    config = countConfig(4, 0);
    QTest::newRow("zero minimum calls") << config << "minimumNumberOfCalls";
    config = countConfig(4, 4);
    config.failureRateThreshold = 0;
    QTest::newRow("zero failure threshold") << config << "failureRateThreshold";
    config = countConfig(4, 4);
    config.failureRateThreshold = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("NaN failure threshold") << config << "failureRateThreshold";
    config = countConfig(4, 4);
    config.slowCallRateThreshold = 101;
    QTest::newRow("slow threshold past 100") << config << "slowCallRateThreshold";
    config = countConfig(4, 4);
    config.waitDurationInOpenState = 0ms;
    QTest::newRow("no wait in open") << config << "waitDurationInOpenState";
    config = countConfig(4, 4);
    config.permittedNumberOfCallsInHalfOpenState = 0;
    QTest::newRow("no half-open probes") << config << "permittedNumberOfCallsInHalfOpenState";
}

void TestCircuitBreaker::invalidConfigNamed()
{
    QFETCH(CircuitBreakerConfig, config);
    QFETCH(QString, field);
    const auto error = config.validate();
    QVERIFY(error.has_value());
    QCOMPARE(error->where, field);
    QVERIFY(!error->message.isEmpty());
}

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
