// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "playbook/playbooklibrary.h"
#include "playbook/playbookloader.h"

using namespace faultline;

namespace
{

// A valid playbook; the error rows replace one line of it.
const char *validPlaybook = R"(name: Valid
description: A playbook every row starts from.
applies_when:
  state: [critical, stale]
  error_rate_above: 20 %
steps:
  - title: Isolate it
    instructions: Cut it off.
    action: isolate
    target: suspect
    check:
      of: callers
      metric: error_rate
      below: 5 %
      within: 30s
      hold: 5s
    on_failure: rollback
  - title: Ramp back
    instructions: Slowly.
    action: ramp
    schedule: [5 %, 25%, 50, 100 %]
    check: {metric: p99, below: 250ms, within: 1m}
    on_failure: retry
    retries: 3
  - title: Wait
    instructions: Let it settle.
    action: wait
    duration: 1.5 s
rollback:
  - title: Isolate again
    action: isolate
)";

} // namespace

class TestPlaybookLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validPlaybookParses();
    void loaderErrors_data();
    void loaderErrors();
    void hugeFileIsRejected();
    void tooManySteps();
    void deepNestingIsRejected();
    void missingFile();
    void shippedPlaybooksLoad_data();
    void shippedPlaybooksLoad();
    void builtInLibrary();
    void directoryOverridesById();
};

void TestPlaybookLoader::validPlaybookParses()
{
    const auto result = parsePlaybook(validPlaybook, QStringLiteral("dir/valid-one.yaml"));
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    const Playbook &playbook = result.value();
    QCOMPARE(playbook.id, QStringLiteral("valid-one"));
    QCOMPARE(playbook.name, QStringLiteral("Valid"));
    QCOMPARE(playbook.appliesWhen.size(), std::size_t(1));
    QCOMPARE(playbook.appliesWhen[0].states, (std::vector { ServiceState::Critical, ServiceState::Stale }));
    QCOMPARE(playbook.appliesWhen[0].errorRateAbove, std::optional<double>(0.2));

    // The schedule expands to one gated step per stage.
    QCOMPARE(playbook.steps.size(), std::size_t(6));
    const PlaybookStep &isolate = playbook.steps[0];
    QCOMPARE(isolate.action, StepAction::Isolate);
    QCOMPARE(isolate.line, 7);
    QVERIFY(isolate.needsConfirmation());
    QVERIFY(isolate.check.has_value());
    QCOMPARE(isolate.check->subject.kind, PlaybookTarget::Kind::Callers);
    QCOMPARE(isolate.check->threshold, 0.05);
    QCOMPARE(isolate.check->within, std::chrono::milliseconds(30000));
    QCOMPARE(isolate.check->hold, std::chrono::milliseconds(5000));
    QCOMPARE(isolate.onFailure, FailurePolicy::Rollback);
    QCOMPARE(describeCheck(*isolate.check), QStringLiteral("callers' error rate below 5 % for 5 s within 30 s"));

    const QList<double> percents { 5, 25, 50, 100 };
    for (int i = 0; i < 4; ++i) {
        const PlaybookStep &stage = playbook.steps[1 + i];
        QCOMPARE(stage.action, StepAction::Ramp);
        QCOMPARE(stage.percent, std::optional<double>(percents[i]));
        QCOMPARE(stage.check->metric, CheckMetric::LatencyP99);
        QCOMPARE(stage.check->threshold, 250.0);
        QCOMPARE(stage.check->within, std::chrono::milliseconds(60000));
        QCOMPARE(stage.retries, 3);
        QCOMPARE(stage.needsConfirmation(), percents[i] < 100);
    }
    QCOMPARE(playbook.steps[5].duration, std::chrono::milliseconds(1500));
    QCOMPARE(playbook.steps[5].onFailure, FailurePolicy::Escalate);
    QCOMPARE(playbook.rollback.size(), std::size_t(1));
    QCOMPARE(playbook.rollback[0].action, StepAction::Isolate);
}

void TestPlaybookLoader::loaderErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing title") << QByteArray("  - title: Ramp back\n    instructions: Slowly.\n")
                                   << QByteArray("  - instructions: Slowly.\n") << 18
                                   << QStringLiteral("has no 'title'");
    QTest::newRow("missing instructions") << QByteArray("    instructions: Cut it off.\n") << QByteArray() << 7
                                          << QStringLiteral("has no 'instructions'");
    QTest::newRow("missing name") << QByteArray("name: Valid\n") << QByteArray() << 1
                                  << QStringLiteral("has no 'name'");
    QTest::newRow("bad action") << QByteArray("    action: isolate\n") << QByteArray("    action: reboot\n") << 9
                                << QStringLiteral("unknown action 'reboot'");
    QTest::newRow("percent above 100") << QByteArray("[5 %, 25%, 50, 100 %]") << QByteArray("[5 %, 25%, 50, 150 %]")
                                       << 21 << QStringLiteral("invalid percent '150 %'");
    QTest::newRow("percent not a number")
        << QByteArray("below: 5 %") << QByteArray("below: five") << 14 << QStringLiteral("invalid percent 'five'");
    QTest::newRow("negative percent") << QByteArray("error_rate_above: 20 %") << QByteArray("error_rate_above: -3 %")
                                      << 5 << QStringLiteral("invalid percent '-3 %'");
    QTest::newRow("schedule not rising") << QByteArray("[5 %, 25%, 50, 100 %]") << QByteArray("[5 %, 50, 25, 100]")
                                         << 21 << QStringLiteral("the schedule must rise");
    QTest::newRow("title is a list") << QByteArray("title: Wait\n") << QByteArray("title: [a, b]\n") << 25
                                     << QStringLiteral("'title' must be text, but it is a list");
    QTest::newRow("steps is text") << QByteArray(validPlaybook)
                                   << QByteArray("name: X\napplies_when: {state: critical}\nsteps: many\n") << 3
                                   << QStringLiteral("'steps' must be a list of steps");
    QTest::newRow("check is a list") << QByteArray("check: {metric: p99, below: 250ms, within: 1m}")
                                     << QByteArray("check: [p99]") << 22
                                     << QStringLiteral("a check must be a map of keys, but this is a list");
    QTest::newRow("unknown top-level key") << QByteArray("description:") << QByteArray("summary:") << 2
                                           << QStringLiteral("unknown key 'summary' in a playbook");
    QTest::newRow("unknown step key") << QByteArray("    duration: 1.5 s\n")
                                      << QByteArray("    duration: 1.5 s\n    timeout: 3s\n") << 29
                                      << QStringLiteral("unknown key 'timeout' in a step");
    QTest::newRow("duplicate key") << QByteArray("    duration: 1.5 s\n")
                                   << QByteArray("    duration: 1.5 s\n    duration: 2 s\n") << 29
                                   << QStringLiteral("duplicate key 'duration'");
    QTest::newRow("malformed yaml") << QByteArray("[5 %, 25%, 50, 100 %]") << QByteArray("[5 %, 25%, 50, 100 %") << 22
                                    << QStringLiteral("invalid YAML");
    QTest::newRow("bad duration unit") << QByteArray("duration: 1.5 s") << QByteArray("duration: 1.5 hours") << 28
                                       << QStringLiteral("invalid duration '1.5 hours'");
    QTest::newRow("duration without unit")
        << QByteArray("within: 30s") << QByteArray("within: 30") << 15 << QStringLiteral("invalid duration '30'");
    QTest::newRow("hold longer than within")
        << QByteArray("hold: 5s") << QByteArray("hold: 50s") << 16 << QStringLiteral("could never pass");
    QTest::newRow("check without within")
        << QByteArray("      within: 30s\n") << QByteArray() << 12 << QStringLiteral("has no 'within'");
    QTest::newRow("check of state with below")
        << QByteArray("metric: p99, below: 250ms") << QByteArray("metric: state, below: 250ms") << 22
        << QStringLiteral("'is' or 'in'");
    QTest::newRow("bad state name") << QByteArray("state: [critical, stale]") << QByteArray("state: [critical, down]")
                                    << 4 << QStringLiteral("invalid state 'down'");
    QTest::newRow("bad policy") << QByteArray("on_failure: retry") << QByteArray("on_failure: panic") << 23
                                << QStringLiteral("invalid on_failure 'panic'");
    QTest::newRow("ramp without percent") << QByteArray("    schedule: [5 %, 25%, 50, 100 %]\n") << QByteArray() << 18
                                          << QStringLiteral("exactly one of 'percent' or 'schedule'");
    QTest::newRow("percent on isolate") << QByteArray("    target: suspect\n")
                                        << QByteArray("    target: suspect\n    percent: 5\n") << 11
                                        << QStringLiteral("apply only to action: ramp");
    QTest::newRow("wait without duration")
        << QByteArray("    duration: 1.5 s\n") << QByteArray() << 25 << QStringLiteral("needs 'duration'");
    QTest::newRow("rollback policy without rollback steps")
        << QByteArray("rollback:\n  - title: Isolate again\n    action: isolate\n") << QByteArray() << 7
        << QStringLiteral("has no 'rollback' steps");
    QTest::newRow("check in a roll-back step")
        << QByteArray("  - title: Isolate again\n    action: isolate\n")
        << QByteArray(
               "  - title: Isolate again\n    action: isolate\n    check: {metric: p99, below: 1s, within: 1m}\n")
        << 32 << QStringLiteral("unknown key 'check' in a roll-back step");
    QTest::newRow("empty applies_when") << QByteArray("  state: [critical, stale]\n  error_rate_above: 20 %\n")
                                        << QByteArray("  {}\n") << 4 << QStringLiteral("states no condition");
    QTest::newRow("empty file") << QByteArray(validPlaybook) << QByteArray() << 1
                                << QStringLiteral("the file is empty");
    QTest::newRow("only comments") << QByteArray(validPlaybook) << QByteArray("# nothing here\n# yet\n") << 1
                                   << QStringLiteral("the file is empty");
    QTest::newRow("document is a list") << QByteArray(validPlaybook) << QByteArray("- a\n- b\n") << 1
                                        << QStringLiteral("a playbook must be a map of keys, but this is a list");
    QTest::newRow("shed without capacity")
        << QByteArray("    action: isolate\n    target") << QByteArray("    action: shed\n    target") << 7
        << QStringLiteral("needs 'capacity'");
}

void TestPlaybookLoader::loaderErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(int, line);
    QFETCH(QString, reason);

    QByteArray yaml(validPlaybook);
    QVERIFY2(yaml.contains(from), from.constData());
    yaml.replace(from, to);

    const auto result = parsePlaybook(yaml, QStringLiteral("bad.yaml"));
    QVERIFY(!result.ok());
    const QString where = QStringLiteral("bad.yaml:%1").arg(line);
    QCOMPARE(result.error().where, where);
    QVERIFY2(result.error().message.startsWith(where + QStringLiteral(": ")), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
}

void TestPlaybookLoader::hugeFileIsRejected()
{
    QByteArray yaml(validPlaybook);
    yaml.append(QByteArray(maxPlaybookFileBytes, '#'));
    const auto result = parsePlaybook(yaml, QStringLiteral("huge.yaml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().where, QStringLiteral("huge.yaml:1"));
    QVERIFY(result.error().message.contains(QStringLiteral("above the limit")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("huge.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
    file.close();
    const auto loaded = loadPlaybookFile(file.fileName());
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.error().message.contains(QStringLiteral("above the limit")));
}

void TestPlaybookLoader::tooManySteps()
{
    QByteArray yaml("name: Long\napplies_when: {state: critical}\nsteps:\n");
    for (int i = 0; i <= maxPlaybookSteps; ++i)
        yaml.append(QStringLiteral("  - {title: Step %1, instructions: Do it.}\n").arg(i).toUtf8());
    QVERIFY(yaml.size() < maxPlaybookFileBytes);
    const auto result = parsePlaybook(yaml, QStringLiteral("long.yaml"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().where, QStringLiteral("long.yaml:%1").arg(4 + maxPlaybookSteps));
    QVERIFY(result.error().message.contains(QStringLiteral("more than 100 steps")));
}

void TestPlaybookLoader::deepNestingIsRejected()
{
    // Nesting within the size limit must end in an error, not in a stack overflow of the parser.
    const QByteArray yaml = "name: " + QByteArray(20000, '[');
    const auto result = parsePlaybook(yaml, QStringLiteral("deep.yaml"));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().where.startsWith(QStringLiteral("deep.yaml:")), qPrintable(result.error().where));
}

void TestPlaybookLoader::missingFile()
{
    const auto result = loadPlaybookFile(QStringLiteral("/nonexistent/none.yaml"));
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(QStringLiteral("/nonexistent/none.yaml")));
}

void TestPlaybookLoader::shippedPlaybooksLoad_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(QStringLiteral(FAULTLINE_SOURCE_DIR "/resources/playbooks"));
    const auto files = dir.entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 4);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestPlaybookLoader::shippedPlaybooksLoad()
{
    QFETCH(QString, file);
    const auto result = loadPlaybookFile(file);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QVERIFY(!result->steps.empty());
    QVERIFY(!result->appliesWhen.empty());
    QVERIFY(!result->description.isEmpty());
    for (const auto &step : result->steps) {
        QVERIFY(!step.title.isEmpty());
        QVERIFY(!step.instructions.isEmpty());
    }
}

void TestPlaybookLoader::builtInLibrary()
{
    const PlaybookLibrary library = PlaybookLibrary::builtIn();
    QVERIFY2(library.errors().empty(), library.errors().empty() ? "" : qPrintable(library.errors()[0].message));
    for (const char *id : { "cascading-latency", "dependency-down", "overload", "recovery-ramp" })
        QVERIFY2(library.find(QString::fromLatin1(id)), id);

    // The recovery ramp: 5, 25, 50, 100 % with a hold and a gate each, rolling back to isolate.
    const Playbook *ramp = library.find(QStringLiteral("recovery-ramp"));
    QList<double> percents;
    for (const auto &step : ramp->steps) {
        if (step.action != StepAction::Ramp)
            continue;
        percents.append(*step.percent);
        QVERIFY(step.check.has_value());
        QVERIFY(step.check->hold.count() > 0);
        QCOMPARE(step.onFailure, FailurePolicy::Rollback);
    }
    QCOMPARE(percents, (QList<double> { 5, 25, 50, 100 }));
    QCOMPARE(ramp->rollback.size(), std::size_t(1));
    QCOMPARE(ramp->rollback[0].action, StepAction::Isolate);
    QCOMPARE(ramp->rollback[0].target.kind, PlaybookTarget::Kind::Suspect);
}

void TestPlaybookLoader::directoryOverridesById()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto write = [&dir](const QString &name, const QByteArray &content) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    QByteArray override(validPlaybook);
    override.replace("name: Valid", "name: Site overload");
    write(QStringLiteral("overload.yaml"), override);
    write(QStringLiteral("broken.yml"), "name: [");
    write(QStringLiteral("notes.txt"), "not a playbook");

    PlaybookLibrary library = PlaybookLibrary::builtIn();
    const auto shipped = library.playbooks().size();
    QCOMPARE(library.addDirectory(dir.path()), 1);
    QCOMPARE(library.playbooks().size(), shipped);
    QCOMPARE(library.find(QStringLiteral("overload"))->name, QStringLiteral("Site overload"));
    QCOMPARE(library.errors().size(), std::size_t(1));
    QVERIFY(library.errors()[0].where.endsWith(QStringLiteral("broken.yml:1")));

    QCOMPARE(library.addDirectory(dir.filePath(QStringLiteral("missing"))), 0);
    QCOMPARE(library.errors().size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestPlaybookLoader)
#include "tst_playbookloader.moc"
