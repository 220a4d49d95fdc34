// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The root-cause evaluation harness on a small seeded set of demo-plant faults, over inproc:// sockets.
#include <QFileInfo>
#include <QTest>

#include "nezhaevaluation.h"
#include "rcaevaluation.h"

using namespace faultline;

namespace
{

rcaeval::Options smallSet()
{
    rcaeval::Options options;
    options.seed = 11;
    options.singles = 3;
    options.pairs = 1;
    options.warmupS = 5;
    options.observeS = 7;
    options.topology = PlantTopology::builtIn();
    return options;
}

} // namespace

class TestRcaEvaluation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scenariosAreSeeded()
    {
        auto options = smallSet();
        options.singles = 30;
        options.pairs = 30;
        const auto first = rcaeval::makeScenarios(options.topology, options);
        const auto again = rcaeval::makeScenarios(options.topology, options);
        QCOMPARE(int(first.size()), 60);
        for (std::size_t i = 0; i < first.size(); ++i) {
            QCOMPARE(first[i].faults, again[i].faults);
            QCOMPARE(first[i].plantSeed, again[i].plantSeed);
            QCOMPARE(int(first[i].faults.size()), i < 30 ? 1 : 2);
            if (first[i].faults.size() == 2)
                QVERIFY(first[i].faults[0].service != first[i].faults[1].service);
            for (const auto &fault : first[i].faults)
                QCOMPARE(fault.startS, options.warmupS);
        }
        options.seed = 12;
        QVERIFY(rcaeval::makeScenarios(options.topology, options)[0].faults != first[0].faults
            || rcaeval::makeScenarios(options.topology, options)[1].faults != first[1].faults);
    }

    void percentileIsNearestRank_data()
    {
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<double>("q");
        QTest::addColumn<double>("expected");
        QTest::newRow("empty") << QList<double> {} << 0.5 << 0.0;
        QTest::newRow("median of four") << QList<double> { 4, 1, 3, 2 } << 0.5 << 2.0;
        QTest::newRow("p90 of ten") << QList<double> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } << 0.9 << 9.0;
        QTest::newRow("maximum") << QList<double> { 3, 9, 1 } << 1.0 << 9.0;
        QTest::newRow("zero quantile is the minimum") << QList<double> { 3, 9, 1 } << 0.0 << 1.0;
    }

    void percentileIsNearestRank()
    {
        QFETCH(QList<double>, values);
        QFETCH(double, q);
        QFETCH(double, expected);
        QCOMPARE(rcaeval::percentile(std::vector<double>(values.begin(), values.end()), q), expected);
    }

    void seededSetFindsTheFaults()
    {
        const auto options = smallSet();
        std::vector<rcaeval::ScenarioResult> results;
        for (const auto &scenario : rcaeval::makeScenarios(options.topology, options)) {
            results.push_back(rcaeval::runScenario(scenario, options));
            qInfo().noquote() << rcaeval::describe(results.back());
            QVERIFY2(!results.back().error, qPrintable(rcaeval::describe(results.back())));
        }
        const auto summary = rcaeval::summarize(results);
        QCOMPARE(summary.singles, 3);
        QCOMPARE(summary.pairs, 1);
        QCOMPARE(summary.singlesTop3, summary.singles);
        QVERIFY2(summary.singlesTop1 >= summary.singles - 1, qPrintable(QString::number(summary.singlesTop1)));
        QCOMPARE(summary.pairsBothTop3, summary.pairs);
        // Every faulty service raised an alarm of its own. The tool measures how fast, which is not asserted here.
        QCOMPARE(summary.faultsWithoutAlarm, 0);
    }

    void nezhaLabelIsRead()
    {
        const auto folder = QStringLiteral(FAULTLINE_TRACE_DATA "/nezha/rca_data-2023-01-29");
        if (!QFileInfo::exists(folder))
            QSKIP("the Nezha data set is not installed");
        const auto result = rcaeval::evaluateNezha(
            folder + QStringLiteral("/08_43_trace.csv"), folder + QStringLiteral("/2023-01-29-fault_list.json"));
        QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->label, std::string("ts-contacts-service"));
        QCOMPARE(result->injectTime, QStringLiteral("2023-01-29 08:43:04"));
        QCOMPARE(result->spans, std::uint64_t(4445));
        QVERIFY(result->calls > 0);
        QVERIFY(result->callsAfterInject > 0);
        QVERIFY(result->callsAfterInject < result->calls);
    }

    void nezhaRejectsMissingFiles()
    {
        const auto result = rcaeval::evaluateNezha(
            QStringLiteral("/nonexistent/trace.csv"), QStringLiteral("/nonexistent/faults.json"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QLatin1String("/nonexistent/trace.csv")));
    }
};

QTEST_GUILESS_MAIN(TestRcaEvaluation)
#include "tst_rcaevaluation.moc"
