// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// faultline-rca-eval: measures the root-cause suggestion and the alarm delay on seeded demo-plant faults,
// and where a labelled Nezha TrainTicket trace file ranks its root cause.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include "nezhaevaluation.h"
#include "rcaevaluation.h"

using namespace faultline;

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("faultline-rca-eval", text);
}

std::optional<double> number(
    const QCommandLineParser &parser, const QString &name, double minimum, double maximum, QTextStream &err)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < minimum || value > maximum) {
        err << tr("faultline-rca-eval: --%1 must be a number from %2 to %3, got '%4'\n")
                   .arg(name)
                   .arg(minimum)
                   .arg(maximum)
                   .arg(parser.value(name));
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("faultline-rca-eval"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FAULTLINE_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the demo plant in-process with seeded random faults and reports how often the faulty service is the "
           "first or among the first three suspects, and how long its first alarm takes. With --nezha it ranks the "
           "labelled root cause of a Nezha TrainTicket trace file instead."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption seed(
        QStringLiteral("seed"), tr("Seed that draws the scenarios."), tr("n"), QStringLiteral("1"));
    const QCommandLineOption singles(
        QStringLiteral("singles"), tr("Scenarios with one fault."), tr("n"), QStringLiteral("20"));
    const QCommandLineOption pairs(
        QStringLiteral("pairs"), tr("Scenarios with two simultaneous faults."), tr("n"), QStringLiteral("10"));
    const QCommandLineOption warmup(QStringLiteral("warmup"), tr("Seconds of plant time before the faults start."),
        tr("seconds"), QStringLiteral("6"));
    const QCommandLineOption observe(QStringLiteral("observe"),
        tr("Seconds after the fault start at which the ranking is taken."), tr("seconds"), QStringLiteral("8"));
    const QCommandLineOption rate(
        QStringLiteral("rate"), tr("Requests per second into the plant."), tr("rps"), QStringLiteral("200"));
    const QCommandLineOption format(
        QStringLiteral("format"), tr("Output format: text or json."), tr("format"), QStringLiteral("text"));
    const QCommandLineOption nezha(
        QStringLiteral("nezha"), tr("Nezha span CSV to rank instead of the demo plant."), tr("file"));
    const QCommandLineOption faultList(
        QStringLiteral("fault-list"), tr("The Nezha fault list that labels the CSV."), tr("file"));
    parser.addOptions({ seed, singles, pairs, warmup, observe, rate, format, nezha, faultList });
    parser.process(app);

    const bool json = parser.value(format) == QLatin1String("json");
    if (!json && parser.value(format) != QLatin1String("text")) {
        err << tr("faultline-rca-eval: --format must be text or json, got '%1'\n").arg(parser.value(format));
        return 2;
    }

    if (parser.isSet(nezha)) {
        if (!parser.isSet(faultList)) {
            err << tr("faultline-rca-eval: --nezha needs --fault-list FILE, the fault list of the same day\n");
            return 2;
        }
        const auto result = rcaeval::evaluateNezha(parser.value(nezha), parser.value(faultList));
        if (!result) {
            err << QStringLiteral("faultline-rca-eval: %1\n").arg(result.error().message);
            return 1;
        }
        if (json)
            out << QJsonDocument(rcaeval::toJson(result.value())).toJson(QJsonDocument::Indented);
        else
            rcaeval::writeText(result.value(), out);
        return 0;
    }

    const auto seedValue = number(parser, QStringLiteral("seed"), 0, 9e15, err);
    const auto singleCount = number(parser, QStringLiteral("singles"), 0, 10000, err);
    const auto pairCount = number(parser, QStringLiteral("pairs"), 0, 10000, err);
    const auto warmupS = number(parser, QStringLiteral("warmup"), 1, 600, err);
    const auto observeS = number(parser, QStringLiteral("observe"), 1, 600, err);
    const auto rps = number(parser, QStringLiteral("rate"), 1, 100000, err);
    if (!seedValue || !singleCount || !pairCount || !warmupS || !observeS || !rps)
        return 2;

    rcaeval::Options options;
    options.seed = std::uint64_t(*seedValue);
    options.singles = int(*singleCount);
    options.pairs = int(*pairCount);
    options.warmupS = *warmupS;
    options.observeS = *observeS;
    options.requestsPerSecond = *rps;
    options.topology = PlantTopology::builtIn();

    std::vector<rcaeval::ScenarioResult> results;
    const auto scenarios = rcaeval::makeScenarios(options.topology, options);
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        results.push_back(rcaeval::runScenario(scenarios[i], options));
        // Progress goes to stderr, so the report on stdout stays machine-readable.
        err << QStringLiteral("[%1/%2] %3\n").arg(i + 1).arg(scenarios.size()).arg(rcaeval::describe(results.back()));
        err.flush();
    }
    const auto summary = rcaeval::summarize(results);
    if (json)
        out << QJsonDocument(rcaeval::toJson(results, summary)).toJson(QJsonDocument::Indented);
    else
        rcaeval::writeText(results, summary, out);
    return summary.failed > 0 ? 1 : 0;
}
