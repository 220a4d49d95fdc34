// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphlayoutworker.h"

#include <QElapsedTimer>

#include "uilogging.h"

namespace faultline
{
namespace
{

QPointF transposed(const QPointF &point)
{
    return { point.y(), point.x() };
}

} // namespace

GraphLayoutWorker::GraphLayoutWorker(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    m_thread.setObjectName(QStringLiteral("graph layout"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start(QThread::LowPriority);
}

GraphLayoutWorker::~GraphLayoutWorker()
{
    // A running layout finishes first; the waiting ones are skipped by their generation.
    m_latest->store(~quint64(0));
    m_thread.quit();
    m_thread.wait();
}

QHash<QString, QPointF> GraphLayoutWorker::computeNow(const GraphLayoutRequest &request)
{
    if (!request.leftToRight)
        return GraphLayout::compute(request.nodes, request.edges, request.previous, request.spacing, request.pinned);

    // Left to right is the top-down layout with the axes swapped, so layers become columns.
    GraphLayout::Spacing spacing = request.spacing;
    std::swap(spacing.nodeWidth, spacing.nodeHeight);
    QHash<QString, QPointF> previous;
    for (auto it = request.previous.cbegin(); it != request.previous.cend(); ++it)
        previous.insert(it.key(), transposed(it.value()));
    QHash<QString, QPointF> positions
        = GraphLayout::compute(request.nodes, request.edges, previous, spacing, request.pinned);
    for (auto it = positions.begin(); it != positions.end(); ++it)
        it.value() = transposed(it.value());
    return positions;
}

quint64 GraphLayoutWorker::request(GraphLayoutRequest request)
{
    const quint64 generation = ++m_requestedGeneration;
    m_latest->store(generation);
    auto shared = std::make_shared<GraphLayoutRequest>(std::move(request));
    QMetaObject::invokeMethod(m_context, [this, latest = m_latest, shared, generation]() {
        if (latest->load() != generation)
            return;
        QElapsedTimer timer;
        timer.start();
        const QHash<QString, QPointF> positions = computeNow(*shared);
        const qint64 elapsed = timer.elapsed();
        qCDebug(lcUi) << "graph layout computed, nodes" << shared->nodes.size() << "ms" << elapsed;
        // The owner outlives the thread (its destructor joins it), so queuing to it is safe here.
        QMetaObject::invokeMethod(
            this, [this, generation, positions, elapsed]() { onComputed(generation, positions, elapsed); },
            Qt::QueuedConnection);
    });
    return generation;
}

void GraphLayoutWorker::onComputed(quint64 generation, const QHash<QString, QPointF> &positions, qint64 elapsedMs)
{
    if (generation != m_requestedGeneration)
        return;
    m_finishedGeneration = generation;
    Q_EMIT finished(generation, positions, elapsedMs);
}

} // namespace faultline
