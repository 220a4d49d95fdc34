// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's table model and its filter: local times, live rows from the manager, filters
// by severity, service, kind and search text, and the model contract under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "incident/incidentmanager.h"
#include "incident/incidenttimelinefilter.h"
#include "incident/incidenttimelinemodel.h"
#include "incidenttestdata.h"

using namespace faultline;
using namespace faultline::testdata;

namespace
{

QList<quint64> sequences(const QAbstractItemModel &model)
{
    QList<quint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(IncidentTimelineModel::SequenceRole).toULongLong());
    return result;
}

} // namespace

class TestIncidentTimelineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsLocalTimeWithOffset()
    {
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QTimeZone berlin("Europe/Berlin");
        if (!berlin.isValid())
            QSKIP("time zone Europe/Berlin is not installed (tzdata)");
        model.setTimeZone(berlin);
        model.setIncident(sampleIncident());
        QCOMPARE(model.rowCount(), int(sampleIncident().events.size()));
        QCOMPARE(model.columnCount(), int(IncidentTimelineModel::ColumnCount));

        // Row 1 is sequence 2, the state change at 10:00:00 UTC, which is 11:00 in Berlin in March.
        const auto time = model.index(1, IncidentTimelineModel::TimeColumn);
        QCOMPARE(time.data().toString(), QStringLiteral("2026-03-14 11:00:00.000 +01:00"));
        QCOMPARE(time.data(Qt::ToolTipRole).toString(), QStringLiteral("2026-03-14T10:00:00.000+00:00"));
        QCOMPARE(model.index(1, IncidentTimelineModel::DescriptionColumn).data().toString(),
            QStringLiteral("state changed from ok to warning"));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTimeZone(QTimeZone("America/New_York"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(time.data().toString(), QStringLiteral("2026-03-14 06:00:00.000 -04:00"));
    }

    void filters_data()
    {
        QTest::addColumn<QList<int>>("severities");
        QTest::addColumn<QStringList>("services");
        QTest::addColumn<bool>("hideUnnamed");
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<QString>("search");
        QTest::addColumn<QList<quint64>>("expected"); // sequence numbers in time order

        QTest::newRow("no filter sorts by time")
            << QList<int> {} << QStringList {} << false << QList<int> {} << QString()
            << QList<quint64> { 2, 3, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
        QTest::newRow("critical only") << QList<int> { int(Severity::Critical) } << QStringList {} << false
                                       << QList<int> {} << QString() << QList<quint64> { 3, 4 };
        QTest::newRow("one service keeps events without a service")
            << QList<int> {} << QStringList { QStringLiteral("mes") } << false << QList<int> {} << QString()
            << QList<quint64> { 2, 5, 8, 9, 10, 11, 14, 15 };
        QTest::newRow("one service alone") << QList<int> {} << QStringList { QStringLiteral("mes") } << true
                                           << QList<int> {} << QString() << QList<quint64> { 2, 8, 9, 14 };
        QTest::newRow("actions") << QList<int> {} << QStringList {} << false
                                 << QList<int> { int(EventKind::ActionSent), int(EventKind::ActionApplied),
                                        int(EventKind::ActionRejected) }
                                 << QString() << QList<quint64> { 6, 7, 8, 9 };
        QTest::newRow("search is case-insensitive over the operator")
            << QList<int> {} << QStringList {} << false << QList<int> {} << QStringLiteral("NOVÁKOVÁ")
            << QList<quint64> { 6, 10 };
        QTest::newRow("search finds detail values") << QList<int> {} << QStringList {} << false << QList<int> {}
                                                    << QStringLiteral("plant-sim") << QList<quint64> { 11 };
        QTest::newRow("filters combine") << QList<int> { int(Severity::Warning) }
                                         << QStringList { QStringLiteral("mes") } << true << QList<int> {}
                                         << QStringLiteral("capacity") << QList<quint64> { 9 };
        QTest::newRow("search without match") << QList<int> {} << QStringList {} << false << QList<int> {}
                                              << QStringLiteral("no such text") << QList<quint64> {};
    }

    void filters()
    {
        QFETCH(QList<int>, severities);
        QFETCH(QStringList, services);
        QFETCH(bool, hideUnnamed);
        QFETCH(QList<int>, kinds);
        QFETCH(QString, search);
        QFETCH(QList<quint64>, expected);

        IncidentTimelineModel model;
        model.setIncident(sampleIncident());
        IncidentTimelineFilter filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        std::set<Severity> severitySet;
        for (const int severity : severities)
            severitySet.insert(Severity(severity));
        std::set<EventKind> kindSet;
        for (const int kind : kinds)
            kindSet.insert(EventKind(kind));
        filter.setSeverities(severitySet);
        filter.setServices(services, hideUnnamed);
        filter.setKinds(kindSet);
        filter.setSearchText(search);
        QCOMPARE(sequences(filter), expected);
    }

    void followsManagerLive()
    {
        QTemporaryDir dir;
        IncidentManager manager;
        manager.setStore(IncidentStore(dir.path()));
        IncidentTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        IncidentTimelineFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setManager(&manager);
        QCOMPARE(model.rowCount(), 0);

        IncidentEvent alarm;
        alarm.kind = EventKind::AlarmRaised;
        alarm.severity = Severity::Critical;
        alarm.service = QStringLiteral("servo");
        manager.record(alarm);
        QCOMPARE(model.rowCount(), int(manager.currentIncident()->events.size()));
        QCOMPARE(model.services(), QStringList { QStringLiteral("servo") });

        manager.addNote(QStringLiteral("jana"), QStringLiteral("typed inline"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.event(2).text, QStringLiteral("typed inline"));
        QVERIFY(!manager.closeIncident(QStringLiteral("jana"), {}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(filter.rowCount(), 4);

        // A new incident starts a fresh timeline.
        QVERIFY(manager.openIncident(QStringLiteral("second"), QStringLiteral("jana")).ok());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.event(0).kind, EventKind::IncidentOpened);

        model.setManager(nullptr);
        QCOMPARE(model.rowCount(), 0);
        manager.addNote(QStringLiteral("jana"), QStringLiteral("not followed"));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIncidentTimelineModel)
#include "tst_incidenttimelinemodel.moc"
