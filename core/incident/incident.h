// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include "incident/incidentevent.h"

namespace faultline
{

enum class IncidentState : std::uint8_t { Open, Closed };

std::string_view incidentStateName(IncidentState state);
std::optional<IncidentState> incidentStateFromName(std::string_view name);

/**
 * One incident: its header and its events in sequence order. The header follows from the events
 * (IncidentOpened sets the title and opening time, IncidentClosed the closing time), so a journal
 * stores only events and apply() rebuilds the same model.
 */
struct Incident {
    QString id;
    QString title;
    QDateTime openedAt; // UTC
    QDateTime closedAt; // UTC; null while open
    IncidentState state = IncidentState::Open;
    std::vector<IncidentEvent> events;

    bool operator==(const Incident &) const = default;

    /** Appends @p event and updates the header when it opens or closes the incident. */
    void apply(const IncidentEvent &event);

    /** The events sorted by time, ties kept in sequence order, as every export lists them. */
    std::vector<IncidentEvent> eventsByTime() const;

    /** Keys of the alarms raised and not yet cleared (see alarmKey()), sorted. */
    QStringList activeAlarms() const;

    /** True when at least one alarm was raised in the incident. */
    bool hadAlarms() const;

    /**
     * The graph snapshot taken nearest to the first critical event (else the first alarm, else
     * the first snapshot), or nullptr when none was taken.
     */
    const IncidentEvent *graphAtFirstAlarm() const;

    /** A fresh id: the UTC opening time and four random hex digits, safe as a file name ("20260314-101502-3fa2"). */
    static QString newId(const QDateTime &openedAt);
};

/** The key that ties an alarm's raise, acknowledge, shelve and clear: the correlation id, else the service. */
QString alarmKey(const IncidentEvent &event);

/** True for the events that mark the plant as worse: critical alarms and changes to the critical state. */
bool isCriticalEvent(const IncidentEvent &event);

} // namespace faultline
