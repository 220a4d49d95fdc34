// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "common/result.h"
#include "health/alarm.h"
#include "health/healthdelta.h"
#include "health/impactgraph.h"

namespace faultline
{

/** A condition of a service that is currently past its warning threshold. */
struct AlarmCondition {
    std::string service;
    HealthCondition condition = HealthCondition::ErrorRate;
    HealthLevel level = HealthLevel::Warning;
    double value = 0;
    double threshold = 0;
};

/**
 * The alarm state machine of ISA-18.2 over (service, condition) alarms: acknowledgement, return to
 * normal, shelving with expiry, suppression by design, first-out, repeat counts and flood summary.
 * Pure logic: time comes from the injected clock (monotonic ms), so tests drive it.
 * docs/health-and-alarms.md states the rules.
 */
class AlarmManager
{
public:
    using Clock = std::function<std::int64_t()>;

    struct Options {
        std::int64_t floodWindowMs = 600'000;
        int floodLimit = 10; // more annunciations than this within the window is a flood
        // A row that returned to Normal is kept this long, so that a repeat raises its count instead of a new row.
        std::int64_t repeatWindowMs = 600'000;
        // Alarms raised this close together are ordered by dependency (callee first), not by arrival, because
        // caller and callee heartbeats arrive up to one interval apart.
        std::int64_t coincidenceMs = 1000;
        std::int64_t maxShelveMs = 8 * 3'600'000;
    };

    explicit AlarmManager(Clock clock);
    AlarmManager(Clock clock, Options options);

    /** Brings the alarms in line with @p active, the conditions now past their thresholds. */
    void update(const std::vector<AlarmCondition> &active, const ImpactGraph &graph);

    std::optional<Error> acknowledge(std::uint64_t id, const std::string &operatorName);
    /** Acknowledges every unacknowledged row, suppressed and shelved ones included; returns how many. */
    int acknowledgeAll(const std::string &operatorName);
    std::optional<Error> shelve(
        std::uint64_t id, std::int64_t durationMs, const std::string &operatorName, const QString &reason = {});
    std::optional<Error> unshelve(std::uint64_t id, const std::string &operatorName);

    /** The rows of the alarm list (every state but Normal), in alarmListOrder. */
    std::vector<Alarm> alarms() const;
    /** A row by id, Normal rows still retained for repeats included; null when unknown. */
    const Alarm *find(std::uint64_t id) const;
    const FloodSummary &flood() const { return m_flood; }

    /** Moves what changed since the last call into @p delta: rows, removed ids, events and the flood summary. */
    void takeChanges(HealthDelta &delta);

private:
    using Key = std::pair<std::string, HealthCondition>;

    struct Row {
        Alarm alarm;
        std::int64_t activatedAtMs = 0; // start of the current activation, escalations left out
        bool annunciated = false; // shown as active at least once during the current activation
        Alarm published; // the row as the last delta carried it
        bool listed = false; // in the list as of the last delta
    };

    Row *rowById(std::uint64_t id);
    void activate(Row &row, const AlarmCondition &condition, std::int64_t nowMs);
    void joinCascade(Row &row, const ImpactGraph &graph);
    static void refreshState(Alarm &alarm);
    void updateSuppression(const ImpactGraph &graph);
    void updateFlood(std::int64_t nowMs);
    void endShelving(Row &row, const std::string &operatorName);
    void record(AlarmEventKind kind, const Row &row, std::int64_t nowMs, const std::string &operatorName = {},
        const QString &reason = {});

    Clock m_clock;
    Options m_options;
    std::map<Key, Row> m_rows;
    std::map<std::uint64_t, Key> m_keys;
    std::uint64_t m_nextId = 1;
    std::vector<AlarmEvent> m_events;
    std::vector<std::uint64_t> m_erasedWhileListed;
    // Annunciations within the flood window: time, service and priority.
    std::deque<std::tuple<std::int64_t, std::string, AlarmPriority>> m_annunciations;
    FloodSummary m_flood;
    FloodSummary m_publishedFlood;
};

} // namespace faultline
