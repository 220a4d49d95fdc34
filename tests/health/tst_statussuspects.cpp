// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `faultlinectl status --suspects` against the demo plant with one fault, over loopback TCP.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "sim/demoplant.h"
#include "statuscommand.h"

using namespace faultline;

class TestStatusSuspects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        DemoPlant::Options options;
        options.topology = PlantTopology::builtIn();
        options.publishEndpoint = "tcp://127.0.0.1:*";
        options.controlEndpoint = "tcp://127.0.0.1:*";
        options.seed = 5;
        // The fault starts after the capture began, so the ranking has a minute-long baseline to compare with.
        options.faults = { FaultSpec { "servo-controller", FaultKind::Errors, 4, 0 } };
        m_plant = std::make_unique<DemoPlant>(options);
        const auto error = m_plant->start();
        QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    }

    void cleanupTestCase() { m_plant.reset(); }

    void jsonCarriesRankedSuspects()
    {
        QString output;
        QString errors;
        QTextStream out(&output);
        QTextStream err(&errors);
        const int exit = ctl::runStatus(
            { QStringLiteral("status"), QStringLiteral("--connect"), QString::fromStdString(m_plant->publishEndpoint()),
                QStringLiteral("--seconds"), QStringLiteral("9"), QStringLiteral("--suspects"),
                QStringLiteral("--format"), QStringLiteral("json") },
            out, err);
        out.flush();
        err.flush();
        QVERIFY2(exit == 0, qPrintable(errors));

        const auto root = QJsonDocument::fromJson(output.toUtf8()).object();
        QVERIFY(root.contains(QLatin1String("services")));
        const auto suspects = root.value(QLatin1String("suspects")).toArray();
        QVERIFY2(!suspects.isEmpty(), qPrintable(output));
        const auto best = suspects.first().toObject();
        QCOMPARE(best.value(QLatin1String("service")).toString(), QStringLiteral("servo-controller"));
        double previous = 2;
        for (const auto &value : suspects) {
            const auto suspect = value.toObject();
            QVERIFY(!suspect.value(QLatin1String("service")).toString().isEmpty());
            QVERIFY(!suspect.value(QLatin1String("reason")).toString().isEmpty());
            const double score = suspect.value(QLatin1String("score")).toDouble(-1);
            QVERIFY(score > 0 && score <= previous);
            previous = score;
        }
    }

    void textListsSuspectsAndJsonOmitsThemUnasked()
    {
        QString output;
        QString errors;
        QTextStream out(&output);
        QTextStream err(&errors);
        const auto endpoint = QString::fromStdString(m_plant->publishEndpoint());
        QCOMPARE(ctl::runStatus({ QStringLiteral("status"), QStringLiteral("--connect"), endpoint,
                                    QStringLiteral("--seconds"), QStringLiteral("4"), QStringLiteral("--suspects") },
                     out, err),
            0);
        out.flush();
        QVERIFY2(output.contains(QLatin1String("suspect 1: servo-controller")), qPrintable(output));

        output.clear();
        QCOMPARE(ctl::runStatus(
                     { QStringLiteral("status"), QStringLiteral("--connect"), endpoint, QStringLiteral("--seconds"),
                         QStringLiteral("1"), QStringLiteral("--format"), QStringLiteral("json") },
                     out, err),
            0);
        out.flush();
        QVERIFY(!QJsonDocument::fromJson(output.toUtf8()).object().contains(QLatin1String("suspects")));
    }

    void unreadableHealthConfigIsAUsageError()
    {
        QString output;
        QString errors;
        QTextStream out(&output);
        QTextStream err(&errors);
        const int exit = ctl::runStatus(
            { QStringLiteral("status"), QStringLiteral("--connect"), QString::fromStdString(m_plant->publishEndpoint()),
                QStringLiteral("--health-config"), QStringLiteral("/nonexistent/health.json") },
            out, err);
        err.flush();
        QCOMPARE(exit, 2);
        QVERIFY2(errors.contains(QLatin1String("/nonexistent/health.json")), qPrintable(errors));
    }

private:
    std::unique_ptr<DemoPlant> m_plant;
};

QTEST_GUILESS_MAIN(TestStatusSuspects)
#include "tst_statussuspects.moc"
