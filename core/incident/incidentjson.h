// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include "common/result.h"
#include "incident/incident.h"

namespace faultline
{

/**
 * The JSON form of incidents and events, shared by the journal records and the JSON export.
 * docs/incident-journal.md documents the schema; fields that are empty are left out.
 */
class IncidentJson final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::IncidentJson)

public:
    /** The `version` of the export document; raise it when a field changes meaning or type. */
    static constexpr int ExportVersion = 1;

    static QJsonObject eventToJson(const IncidentEvent &event);
    /** Reads an event; the Error names the field that is missing or invalid. */
    static Result<IncidentEvent> eventFromJson(const QJsonObject &object);

    /** The incident's header (id, title, state, times), without its events. */
    static QJsonObject headerToJson(const Incident &incident);

    /** The export document: {"version": 1, "incident": {...}, "events": [...]}, events sorted by time. */
    static QByteArray exportDocument(const Incident &incident);
    /** Reads an export document back into the model; events are applied in sequence order. */
    static Result<Incident> importDocument(const QByteArray &json);
};

} // namespace faultline
