// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QStringList>
#include <QThread>

#include "graphlayout.h"

namespace faultline
{

/** One layout to compute: the graph, the positions to keep and the direction of flow. */
struct GraphLayoutRequest {
    QStringList nodes;
    std::vector<GraphLayout::Edge> edges;
    QHash<QString, QPointF> previous;
    QSet<QString> pinned;
    GraphLayout::Spacing spacing;
    /** Callers left of callees instead of above them. */
    bool leftToRight = false;
};

/**
 * Runs GraphLayout::compute on a thread of its own, so that laying out thousands of services never
 * stalls the GUI. Requests are coalesced: while one layout runs, only the newest waiting request
 * survives, and results of requests that a newer one replaced are dropped.
 */
class GraphLayoutWorker : public QObject
{
    Q_OBJECT

public:
    explicit GraphLayoutWorker(QObject *parent = nullptr);
    ~GraphLayoutWorker() override;

    /** Queues @p request and returns its generation, which finished() carries back. */
    quint64 request(GraphLayoutRequest request);
    bool isBusy() const { return m_finishedGeneration < m_requestedGeneration; }

    /** Lays out on the calling thread; the worker thread runs the same function. */
    static QHash<QString, QPointF> computeNow(const GraphLayoutRequest &request);

Q_SIGNALS:
    /** Emitted on the owner's thread for the newest request only, with the time the layout took. */
    void finished(quint64 generation, const QHash<QString, QPointF> &positions, qint64 elapsedMs);

private:
    void onComputed(quint64 generation, const QHash<QString, QPointF> &positions, qint64 elapsedMs);

    QThread m_thread;
    QObject *m_context;
    // Shared with the worker thread, which skips a request once a newer one exists.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_requestedGeneration = 0;
    quint64 m_finishedGeneration = 0;
};

} // namespace faultline
