// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QMenuBar>
#include <QTest>
#include <QTranslator>

#include "mainwindow.h"
#include "statestyle.h"
#include "topology/livetopology.h"

using namespace faultline;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsEmbedded();
    void germanMenusInMainWindow();
    void missingLanguageFallsBackToEnglish();
};

void TestTranslations::germanCatalogueIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::German, QLocale::Germany), QStringLiteral("faultline"),
        QStringLiteral("_"), QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    QCOMPARE(StateStyle::stateName(ServiceState::Stale), QStringLiteral("Veraltet (kein Heartbeat)"));
    QCOMPARE(QCoreApplication::translate("faultline::MainWindow", "&File"), QStringLiteral("&Datei"));
    // Plural forms come out of the catalogue too.
    QCOMPARE(
        QCoreApplication::translate("faultline::MessageBanner", "(%n times)", nullptr, 3), QStringLiteral("(3-mal)"));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
}

void TestTranslations::germanMenusInMainWindow()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/faultline_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    LiveTopology topology;
    MainWindow window(&topology);
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus, (QStringList { QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe") }));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
}

void TestTranslations::missingLanguageFallsBackToEnglish()
{
    QTranslator translator;
    QVERIFY(!translator.load(QLocale(QLocale::Japanese, QLocale::Japan), QStringLiteral("faultline"),
        QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(StateStyle::stateName(ServiceState::Stale), QStringLiteral("Stale (no heartbeat)"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
