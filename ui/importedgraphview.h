// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphview.h"

namespace faultline
{

class DependencyGraph;

/**
 * A read-only GraphView of a dependency graph imported from trace files, with the search, focus,
 * filters, overview and off-thread layout of the live graph. Nodes carry no health, because trace
 * files contain no heartbeats.
 */
class ImportedGraphView : public GraphView
{
    Q_OBJECT

public:
    explicit ImportedGraphView(QWidget *parent = nullptr);

    /** Replaces what the view shows with @p graph. */
    void setGraph(const DependencyGraph &graph);
    QStringList nodeNames() const { return serviceNames(); }
};

} // namespace faultline
