// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include "incident/incidentevent.h"

namespace faultline
{

/** Translated labels and one-line descriptions of incident events, shared by the exports and the timeline. */
class EventText final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::EventText)

public:
    /** "Alarm raised", "Action timed out", "Operator note". */
    static QString kindLabel(EventKind kind);
    /** "Info", "Warning", "Critical". */
    static QString severityLabel(Severity severity);
    static QString stateLabel(ServiceState state);
    static QString criticalityLabel(Criticality criticality);
    /** The event's text, or a description built from its kind and details when the text is empty. */
    static QString description(const IncidentEvent &event);
};

} // namespace faultline
