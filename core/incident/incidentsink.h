// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include "incident/incidentevent.h"

namespace faultline
{

/**
 * Where alarms, control and playbooks report what happened. The IncidentManager implements it;
 * other modules depend only on this header. Call it on the thread that owns the sink (the GUI
 * thread in the console). record() returns once the event is handed over; the journal write and
 * its fsync happen before the sink shows the event anywhere.
 */
class IncidentSink
{
public:
    virtual ~IncidentSink() = default;

    /** Records one event; the sink sets the sequence number, and the time when it is null. */
    virtual void record(const IncidentEvent &event) = 0;

    /** Records events that arrived together, with one fsync for all of them. */
    virtual void recordBatch(const std::vector<IncidentEvent> &events)
    {
        for (const auto &event : events)
            record(event);
    }
};

} // namespace faultline
