// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Graph view costs at 100, 1,000 and 2,000 services with three edges each: layout, a full redraw,
// a pan, and an incremental update of every service's metrics. Also the layout of a real
// 1,238-service dependency file when FAULTLINE_TRACE_DATA points at it.
#include <random>

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>

#include <benchmark/benchmark.h>
#include <graphviz/gvc.h>

#include "graphlayout.h"
#include "graphview.h"
#include "topology/livetopology.h"

using namespace faultline;

namespace
{

constexpr int edgesPerService = 3;

/** A layered plant: each service calls three services of later layers, some across several layers. */
TopologyDelta syntheticPlant(int services, int round = 0)
{
    std::mt19937 random(11);
    TopologyDelta delta;
    for (int i = 0; i < services; ++i) {
        ServiceSnapshot snapshot;
        snapshot.name = "svc-" + std::to_string(i);
        snapshot.state = i % 97 == 0 ? ServiceState::Critical : ServiceState::Ok;
        snapshot.criticalityKnown = true;
        snapshot.criticality = i % 10 == 0 ? Criticality::Core : Criticality::Important;
        snapshot.rps = 100 + round + i % 13;
        snapshot.errorRate = (round % 5) * 0.01;
        delta.services.push_back(std::move(snapshot));
    }
    for (int i = 0; i < services; ++i) {
        const int layerEnd = std::min(services - 1, i + 1 + services / 8);
        if (i + 1 > layerEnd)
            continue;
        std::uniform_int_distribution<int> pick(i + 1, layerEnd);
        for (int k = 0; k < edgesPerService; ++k) {
            EdgeSnapshot edge;
            edge.caller = "svc-" + std::to_string(i);
            edge.callee = "svc-" + std::to_string(pick(random));
            edge.rps = 10 + round;
            edge.errorRate = (round % 7) * 0.01;
            delta.edges.push_back(std::move(edge));
        }
    }
    return delta;
}

void layoutInput(const TopologyDelta &delta, QStringList &nodes, std::vector<GraphLayout::Edge> &edges)
{
    for (const ServiceSnapshot &service : delta.services)
        nodes.append(QString::fromStdString(service.name));
    for (const EdgeSnapshot &edge : delta.edges)
        edges.push_back({ QString::fromStdString(edge.caller), QString::fromStdString(edge.callee) });
}

void BM_LayoutFresh(benchmark::State &state)
{
    QStringList nodes;
    std::vector<GraphLayout::Edge> edges;
    layoutInput(syntheticPlant(int(state.range(0))), nodes, edges);
    for (auto _ : state)
        benchmark::DoNotOptimize(GraphLayout::compute(nodes, edges, {}));
    state.counters["edges"] = double(edges.size());
}

void BM_LayoutOneServiceAdded(benchmark::State &state)
{
    QStringList nodes;
    std::vector<GraphLayout::Edge> edges;
    layoutInput(syntheticPlant(int(state.range(0))), nodes, edges);
    const auto previous = GraphLayout::compute(nodes, edges, {});
    nodes.append(QStringLiteral("late"));
    edges.push_back({ nodes.first(), QStringLiteral("late") });
    for (auto _ : state)
        benchmark::DoNotOptimize(GraphLayout::compute(nodes, edges, previous));
}

void BM_LayoutLargeFile(benchmark::State &state)
{
    QFile file(QStringLiteral(FAULTLINE_TRACE_DATA "/jaeger-ui/DependencyGraph/large.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        state.SkipWithError("large.json not found under FAULTLINE_TRACE_DATA");
        return;
    }
    QStringList nodes;
    std::vector<GraphLayout::Edge> edges;
    QSet<QString> seen;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QString parent = value[QLatin1String("parent")].toString();
        const QString child = value[QLatin1String("child")].toString();
        for (const QString &name : { parent, child }) {
            if (!seen.contains(name)) {
                seen.insert(name);
                nodes.append(name);
            }
        }
        edges.push_back({ parent, child });
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(GraphLayout::compute(nodes, edges, {}));
    state.counters["services"] = double(nodes.size());
    state.counters["edges"] = double(edges.size());
}

void BM_GraphvizDotLargeFile(benchmark::State &state)
{
    // The same file through Graphviz's dot layout (libgvc), for the comparison in docs/graph-view.md.
    QFile file(QStringLiteral(FAULTLINE_TRACE_DATA "/jaeger-ui/DependencyGraph/large.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        state.SkipWithError("large.json not found; set FAULTLINE_TRACE_DATA");
        return;
    }
    GVC_t *context = gvContext();
    Agraph_t *graph = agopen(const_cast<char *>("large"), Agdirected, nullptr);
    QHash<QString, Agnode_t *> nodes;
    const auto node = [&](const QString &name) {
        auto found = nodes.find(name);
        if (found == nodes.end())
            found = nodes.insert(name, agnode(graph, name.toUtf8().data(), 1));
        return *found;
    };
    int edges = 0;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        agedge(graph, node(value[QLatin1String("parent")].toString()), node(value[QLatin1String("child")].toString()),
            nullptr, 1);
        ++edges;
    }
    for (auto _ : state) {
        if (gvLayout(context, graph, "dot") != 0) {
            state.SkipWithError("gvLayout failed: is the dot layout plugin installed?");
            break;
        }
        gvFreeLayout(context, graph);
    }
    state.counters["services"] = double(nodes.size());
    state.counters["edges"] = double(edges);
    agclose(graph);
    gvFreeContext(context);
}

/** A view of the synthetic plant, laid out on this thread, fitted into a 1920 × 1080 viewport. */
struct ViewFixture {
    explicit ViewFixture(int services)
    {
        view.setInlineLayoutLimit(1 << 20);
        view.resize(1920, 1080);
        topology.apply(syntheticPlant(services));
        view.fitToWindow();
    }
    void paint()
    {
        image.fill(Qt::white);
        QPainter painter(&image);
        view.render(&painter);
    }
    LiveTopology topology;
    GraphView view { &topology };
    QImage image { 1920, 1080, QImage::Format_ARGB32_Premultiplied };
};

void BM_RedrawFitted(benchmark::State &state)
{
    ViewFixture fixture(int(state.range(0)));
    for (auto _ : state)
        fixture.paint();
    state.counters["zoom"] = fixture.view.zoomFactor();
}

void BM_PanAtReadableZoom(benchmark::State &state)
{
    // At zoom 0.5 names are still readable; each iteration pans 40 px and repaints the viewport.
    ViewFixture fixture(int(state.range(0)));
    fixture.view.setTransform(QTransform::fromScale(0.5, 0.5));
    QScrollBar *bar = fixture.view.horizontalScrollBar();
    int step = 40;
    for (auto _ : state) {
        if (bar->value() + step > bar->maximum() || bar->value() + step < bar->minimum())
            step = -step;
        bar->setValue(bar->value() + step);
        fixture.paint();
    }
}

void BM_PanShownView(benchmark::State &state)
{
    // As the operator pans: the view is on screen, scrolls 40 px and repaints only what the scroll exposed.
    ViewFixture fixture(int(state.range(0)));
    fixture.view.setTransform(QTransform::fromScale(0.5, 0.5));
    fixture.view.show();
    QCoreApplication::processEvents();
    QScrollBar *bar = fixture.view.horizontalScrollBar();
    int step = 40;
    for (auto _ : state) {
        if (bar->value() + step > bar->maximum() || bar->value() + step < bar->minimum())
            step = -step;
        bar->setValue(bar->value() + step);
        fixture.view.viewport()->repaint();
    }
}

void BM_IncrementalUpdate(benchmark::State &state)
{
    // One coalesced delta in which every service and edge changed its figures, as during an incident.
    ViewFixture fixture(int(state.range(0)));
    std::vector<TopologyDelta> deltas;
    for (int round = 1; round <= 4; ++round)
        deltas.push_back(syntheticPlant(int(state.range(0)), round));
    std::size_t next = 0;
    for (auto _ : state) {
        fixture.topology.apply(deltas[next]);
        next = (next + 1) % deltas.size();
    }
}

} // namespace

BENCHMARK(BM_LayoutFresh)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutOneServiceAdded)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LayoutLargeFile)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GraphvizDotLargeFile)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RedrawFitted)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanAtReadableZoom)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PanShownView)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_IncrementalUpdate)->Arg(100)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
