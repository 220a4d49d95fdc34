// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QColor>
#include <QIcon>
#include <QString>

#include "topology/servicestate.h"
#include "traces/span.h"
#include "wire/healthreport.h"

class QPainter;
class QRectF;

namespace faultline
{

/**
 * Colours, symbols and translated names of service states, modes and criticalities, shared by the
 * graph, the details panel and the status bar. Every state has a symbol of its own besides its
 * colour, so operators who cannot tell red from green still read it.
 */
class StateStyle final
{
public:
    /** The symbol drawn for a state; tests check it so that no-data states never get the Ok symbol. */
    enum class Symbol { CheckCircle, WarningTriangle, CrossOctagon, Clock, QuestionMark };

    static QColor stateColor(ServiceState state);
    /** A light tint of stateColor() for node bodies, dark enough text stays readable on it. */
    static QColor stateFill(ServiceState state);
    static Symbol stateSymbol(ServiceState state);
    /** Whether the outline is dashed: for states without current data (unknown, stale). */
    static bool stateOutlineDashed(ServiceState state);

    /** Paints the state symbol into @p rect (square works best). */
    static void paintStateSymbol(QPainter *painter, const QRectF &rect, ServiceState state);
    static QIcon stateIcon(ServiceState state, int size = 16);

    /** Colour of an edge from its error rate (0..1). */
    static QColor errorRateColor(double errorRate);

    static QString stateName(ServiceState state);
    /** One word, for table cells next to the state icon. */
    static QString shortStateName(ServiceState state);
    static QString modeName(ServiceMode mode, std::optional<double> rampPercent = std::nullopt);
    static QString criticalityName(Criticality criticality);
    static QString kindName(NodeKind kind);
    static QString breakerStateName(BreakerState state);
};

} // namespace faultline
