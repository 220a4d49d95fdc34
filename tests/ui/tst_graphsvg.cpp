// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "graphcommand.h"
#include "graphfilecommand.h"
#include "sim/demoplant.h"

using faultline::ctl::runGraphFromFiles;

namespace
{

struct SvgCounts {
    int groups = 0;
    int paths = 0;
    QStringList texts;
    QString error;
};

SvgCounts parse(const QString &svg)
{
    SvgCounts counts;
    QXmlStreamReader xml(svg);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("svg")) {
        counts.error = QStringLiteral("root element is not svg");
        return counts;
    }
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("g"))
            ++counts.groups;
        else if (xml.name() == QLatin1String("path"))
            ++counts.paths;
        else if (xml.name() == QLatin1String("text"))
            counts.texts.append(xml.readElementText());
    }
    if (xml.hasError())
        counts.error = xml.errorString();
    return counts;
}

} // namespace

class TestGraphSvg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void svgFromFile();
    void unknownFormatIsUsageError();
    void largeRealFile();
    void svgFromLiveStream();
};

void TestGraphSvg::svgFromFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("deps.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // Names with XML's special characters must come out escaped, and a self-call draws no edge.
    file.write(R"([{"parent":"web<&>","child":"orders","callCount":120},
                   {"parent":"orders","child":"stock","callCount":80},
                   {"parent":"orders","child":"orders","callCount":3}])");
    file.close();

    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    QCOMPARE(runGraphFromFiles({ path }, QStringLiteral("svg"), out, err), 0);
    out.flush();
    const SvgCounts counts = parse(output);
    QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
    QCOMPARE(counts.groups, 3);
    QVERIFY(counts.texts.contains(QStringLiteral("web<&>")));
    QVERIFY(counts.texts.contains(QStringLiteral("stock")));
    // Three node outlines, the arrow marker and two edges.
    QCOMPARE(counts.paths, 6);
}

void TestGraphSvg::unknownFormatIsUsageError()
{
    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    QCOMPARE(runGraphFromFiles({ QStringLiteral("x.json") }, QStringLiteral("png"), out, err), 2);
    QVERIFY(output.isEmpty());
}

void TestGraphSvg::largeRealFile()
{
    const QString path = QStringLiteral(FAULTLINE_TRACE_DATA "/jaeger-ui/DependencyGraph/large.json");
    if (!QFile::exists(path))
        QSKIP("the real trace data is not present");
    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    QCOMPARE(runGraphFromFiles({ path }, QStringLiteral("svg"), out, err), 0);
    out.flush();
    const SvgCounts counts = parse(output);
    QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
    QCOMPARE(counts.groups, 1238);
}

void TestGraphSvg::svgFromLiveStream()
{
    // The demo plant on loopback, with servo-controller crashed, drawn from three seconds of its stream.
    faultline::DemoPlant::Options options;
    options.topology = faultline::PlantTopology::builtIn();
    options.publishEndpoint = "tcp://127.0.0.1:*";
    options.controlEndpoint = "tcp://127.0.0.1:*";
    options.seed = 5;
    options.faults = { faultline::FaultSpec { "servo-controller", faultline::FaultKind::Crash, 0.5, 0 } };
    faultline::DemoPlant plant(std::move(options));
    const auto error = plant.start();
    QVERIFY2(!error, error ? qPrintable(error->message) : "");

    QString output;
    QString errors;
    QTextStream out(&output);
    QTextStream err(&errors);
    const int exit = faultline::ctl::runGraph(
        { QStringLiteral("graph"), QStringLiteral("--connect"), QString::fromStdString(plant.publishEndpoint()),
            QStringLiteral("--seconds"), QStringLiteral("4"), QStringLiteral("--format"), QStringLiteral("svg") },
        out, err);
    out.flush();
    err.flush();
    plant.stop();
    QVERIFY2(exit == 0, qPrintable(errors));

    const auto counts = parse(output);
    QVERIFY2(counts.error.isEmpty(), qPrintable(counts.error));
    for (const char *service : { "line-controller", "plc-gateway", "robot-arm", "quality-db" })
        QVERIFY2(counts.texts.contains(QLatin1String(service)), service);
    QVERIFY(counts.paths >= 10);
}

QTEST_GUILESS_MAIN(TestGraphSvg)
#include "tst_graphsvg.moc"
