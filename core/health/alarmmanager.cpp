// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmmanager.h"

#include <algorithm>

#include <QCoreApplication>

#include "health/alarmpriority.h"

namespace faultline
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("AlarmManager", text);
}

} // namespace

AlarmManager::AlarmManager(Clock clock)
    : AlarmManager(std::move(clock), Options {})
{
}

AlarmManager::AlarmManager(Clock clock, Options options)
    : m_clock(std::move(clock))
    , m_options(options)
{
}

AlarmManager::Row *AlarmManager::rowById(std::uint64_t id)
{
    const auto key = m_keys.find(id);
    if (key == m_keys.end())
        return nullptr;
    return &m_rows.at(key->second);
}

const Alarm *AlarmManager::find(std::uint64_t id) const
{
    const auto key = m_keys.find(id);
    if (key == m_keys.end())
        return nullptr;
    return &m_rows.at(key->second).alarm;
}

void AlarmManager::refreshState(Alarm &alarm)
{
    if (alarm.shelvedUntilMs)
        alarm.state = AlarmState::Shelved;
    else if (alarm.active && !alarm.suppressedBy.empty())
        alarm.state = AlarmState::Suppressed;
    else if (alarm.active)
        alarm.state = alarm.acknowledged ? AlarmState::Acknowledged : AlarmState::Unacknowledged;
    else
        alarm.state = alarm.acknowledged ? AlarmState::Normal : AlarmState::ReturnedUnacknowledged;
}

void AlarmManager::record(
    AlarmEventKind kind, const Row &row, std::int64_t nowMs, const std::string &operatorName, const QString &reason)
{
    m_events.push_back({ kind, row.alarm, nowMs, operatorName, reason });
}

void AlarmManager::activate(Row &row, const AlarmCondition &condition, std::int64_t nowMs)
{
    auto &alarm = row.alarm;
    alarm.active = true;
    alarm.acknowledged = false;
    alarm.acknowledgedBy.clear();
    alarm.clearedAtMs.reset();
    alarm.level = condition.level;
    alarm.value = condition.value;
    alarm.threshold = condition.threshold;
    alarm.lastRaisedAtMs = nowMs;
    alarm.firstOut = false;
    alarm.cascadeId = 0;
    row.activatedAtMs = nowMs;
    row.annunciated = false;
}

void AlarmManager::joinCascade(Row &row, const ImpactGraph &graph)
{
    auto &alarm = row.alarm;
    const auto related = [&](const Alarm &other) {
        return other.service == alarm.service || graph.dependsOn(alarm.service, other.service)
            || graph.dependsOn(other.service, alarm.service);
    };

    std::uint64_t cascade = 0;
    for (const auto &[key, other] : m_rows) {
        if (&other == &row || !other.alarm.active || other.alarm.cascadeId == 0 || !related(other.alarm))
            continue;
        if (cascade == 0 || other.alarm.cascadeId < cascade)
            cascade = other.alarm.cascadeId;
    }
    if (cascade == 0) {
        alarm.cascadeId = alarm.id;
        alarm.firstOut = true;
        return;
    }
    alarm.cascadeId = cascade;

    // Within the coincidence window a callee that alarms just after its caller takes over the first-out mark.
    for (auto &[key, other] : m_rows) {
        auto &first = other.alarm;
        if (!first.active || !first.firstOut || first.cascadeId != cascade)
            continue;
        const bool coincident = row.activatedAtMs - other.activatedAtMs <= m_options.coincidenceMs;
        if (coincident && first.service != alarm.service && graph.dependsOn(first.service, alarm.service)
            && !graph.dependsOn(alarm.service, first.service)) {
            first.firstOut = false;
            alarm.firstOut = true;
        }
        return;
    }
}

void AlarmManager::updateSuppression(const ImpactGraph &graph)
{
    std::vector<Row *> active;
    for (auto &[key, row] : m_rows) {
        row.alarm.suppressedBy.clear();
        if (row.alarm.active)
            active.push_back(&row);
    }
    const auto earlier = [](const Row *a, const Row *b) {
        return a->activatedAtMs != b->activatedAtMs ? a->activatedAtMs < b->activatedAtMs : a->alarm.id < b->alarm.id;
    };

    // Every active alarm on a service that this one depends on is a candidate cause.
    std::map<const Row *, std::vector<const Row *>> causes;
    for (auto *row : active) {
        for (const auto *other : active) {
            if (other->alarm.service == row->alarm.service
                || !graph.dependsOn(row->alarm.service, other->alarm.service))
                continue;
            // In a dependency cycle each service depends on the other, so the alarm raised first is the cause.
            if (graph.dependsOn(other->alarm.service, row->alarm.service) && !earlier(other, row))
                continue;
            causes[row].push_back(other);
        }
    }

    // Name the cause that has no cause of its own where there is one, so the operator sees where to look.
    for (auto *row : active) {
        const auto it = causes.find(row);
        if (it == causes.end())
            continue;
        const Row *best = nullptr;
        bool bestIsRoot = false;
        for (const auto *cause : it->second) {
            const bool isRoot = !causes.contains(cause);
            if (!best || (isRoot && !bestIsRoot) || (isRoot == bestIsRoot && earlier(cause, best))) {
                best = cause;
                bestIsRoot = isRoot;
            }
        }
        row->alarm.suppressedBy = best->alarm.service;
    }
}

void AlarmManager::update(const std::vector<AlarmCondition> &active, const ImpactGraph &graph)
{
    const auto nowMs = m_clock();
    std::vector<std::pair<AlarmEventKind, Key>> pending;

    // One entry per key, the highest level winning, in case the caller passed duplicates.
    std::map<Key, const AlarmCondition *> current;
    for (const auto &condition : active) {
        if (condition.level == HealthLevel::Ok || condition.service.empty())
            continue;
        auto &slot = current[{ condition.service, condition.condition }];
        if (!slot || condition.level > slot->level)
            slot = &condition;
    }

    for (auto &[key, row] : m_rows) {
        if (row.alarm.shelvedUntilMs && nowMs >= *row.alarm.shelvedUntilMs) {
            endShelving(row, {});
            pending.emplace_back(AlarmEventKind::Unshelved, key);
        }
        if (row.alarm.active && !current.contains(key)) {
            row.alarm.active = false;
            row.alarm.clearedAtMs = nowMs;
            // An alarm that was never shown (suppressed or shelved throughout) needs no acknowledgement once cleared.
            if (!row.annunciated)
                row.alarm.acknowledged = true;
            pending.emplace_back(AlarmEventKind::Cleared, key);
        }
    }

    std::vector<Row *> raised;
    for (const auto &[key, condition] : current) {
        auto it = m_rows.find(key);
        if (it == m_rows.end()) {
            Row row;
            row.alarm.id = m_nextId++;
            row.alarm.service = key.first;
            row.alarm.condition = key.second;
            row.alarm.raisedAtMs = nowMs;
            it = m_rows.emplace(key, std::move(row)).first;
            m_keys.emplace(it->second.alarm.id, key);
            activate(it->second, *condition, nowMs);
            raised.push_back(&it->second);
            continue;
        }
        auto &row = it->second;
        auto &alarm = row.alarm;
        if (!alarm.active) {
            ++alarm.count;
            activate(row, *condition, nowMs);
            raised.push_back(&row);
            continue;
        }
        if (condition->level > alarm.level) {
            // An escalation is announced again, as a separate high-high alarm would be.
            alarm.lastRaisedAtMs = nowMs;
            alarm.acknowledged = false;
            alarm.acknowledgedBy.clear();
            row.annunciated = false;
            pending.emplace_back(AlarmEventKind::Escalated, key);
        }
        alarm.level = condition->level;
        alarm.value = condition->value;
        alarm.threshold = condition->threshold;
    }

    // Callees before their callers, so that the cause of a simultaneous cascade opens it.
    const auto dependencies = [&](const Row *row) {
        int count = 0;
        for (const auto *other : raised) {
            if (other->alarm.service != row->alarm.service && graph.dependsOn(row->alarm.service, other->alarm.service)
                && !graph.dependsOn(other->alarm.service, row->alarm.service))
                ++count;
        }
        return count;
    };
    std::vector<std::pair<int, Row *>> ordered;
    for (auto *row : raised)
        ordered.emplace_back(dependencies(row), row);
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &[count, row] : ordered) {
        joinCascade(*row, graph);
        pending.emplace_back(AlarmEventKind::Raised, Key { row->alarm.service, row->alarm.condition });
    }

    updateSuppression(graph);
    std::map<std::string, AlarmImpact, std::less<>> impacts;
    for (auto &[key, row] : m_rows) {
        auto &alarm = row.alarm;
        auto impact = impacts.find(alarm.service);
        if (impact == impacts.end()) {
            const auto index = graph.indexOf(alarm.service);
            impact = impacts.emplace(alarm.service, index ? alarmImpact(graph, *index) : AlarmImpact {}).first;
        }
        alarm.criticality = impact->second.own;
        alarm.impact = impact->second.highest;
        alarm.affectedServices = impact->second.affectedServices;
        alarm.priority = alarmPriority(alarm.level, alarm.impact);
        refreshState(alarm);
        if (alarm.state == AlarmState::Unacknowledged && !row.annunciated) {
            row.annunciated = true;
            m_annunciations.emplace_back(nowMs, alarm.service, alarm.priority);
        }
    }

    for (const auto &[kind, key] : pending)
        record(kind, m_rows.at(key), nowMs);

    // Rows back to Normal are kept for a while only to count repeats.
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        const auto &alarm = it->second.alarm;
        const bool expired = alarm.state == AlarmState::Normal
            && nowMs - alarm.clearedAtMs.value_or(nowMs) >= m_options.repeatWindowMs;
        if (!expired) {
            ++it;
            continue;
        }
        if (it->second.listed)
            m_erasedWhileListed.push_back(alarm.id);
        m_keys.erase(alarm.id);
        it = m_rows.erase(it);
    }
    updateFlood(nowMs);
}

void AlarmManager::endShelving(Row &row, const std::string &operatorName)
{
    auto &alarm = row.alarm;
    alarm.shelvedUntilMs.reset();
    if (alarm.active) {
        // Back from the shelf, an active alarm is announced again.
        alarm.acknowledged = false;
        alarm.acknowledgedBy.clear();
        row.annunciated = false;
    } else {
        alarm.acknowledged = true;
        alarm.acknowledgedBy = operatorName;
    }
    refreshState(alarm);
}

std::optional<Error> AlarmManager::acknowledge(std::uint64_t id, const std::string &operatorName)
{
    auto *row = rowById(id);
    if (!row || row->alarm.state == AlarmState::Normal)
        return Error { tr("no alarm %1 in the list; it may have returned to normal already").arg(id),
            QString::number(id) };
    if (row->alarm.acknowledged)
        return std::nullopt;
    row->alarm.acknowledged = true;
    row->alarm.acknowledgedBy = operatorName;
    refreshState(row->alarm);
    const auto nowMs = m_clock();
    record(AlarmEventKind::Acknowledged, *row, nowMs, operatorName);
    updateFlood(nowMs);
    return std::nullopt;
}

int AlarmManager::acknowledgeAll(const std::string &operatorName)
{
    std::vector<std::uint64_t> ids;
    for (const auto &[key, row] : m_rows) {
        if (!row.alarm.acknowledged && row.alarm.state != AlarmState::Normal)
            ids.push_back(row.alarm.id);
    }
    for (const auto id : ids)
        acknowledge(id, operatorName);
    return int(ids.size());
}

std::optional<Error> AlarmManager::shelve(
    std::uint64_t id, std::int64_t durationMs, const std::string &operatorName, const QString &reason)
{
    auto *row = rowById(id);
    if (!row || row->alarm.state == AlarmState::Normal)
        return Error { tr("no alarm %1 in the list; it may have returned to normal already").arg(id),
            QString::number(id) };
    if (durationMs <= 0 || durationMs > m_options.maxShelveMs)
        return Error { tr("cannot shelve alarm %1 for %2 ms; choose a duration above 0 and at most %3 hours")
                           .arg(id)
                           .arg(durationMs)
                           .arg(m_options.maxShelveMs / 3'600'000.0),
            QStringLiteral("duration") };
    const auto nowMs = m_clock();
    row->alarm.shelvedUntilMs = nowMs + durationMs;
    refreshState(row->alarm);
    record(AlarmEventKind::Shelved, *row, nowMs, operatorName, reason);
    updateFlood(nowMs);
    return std::nullopt;
}

std::optional<Error> AlarmManager::unshelve(std::uint64_t id, const std::string &operatorName)
{
    auto *row = rowById(id);
    if (!row || !row->alarm.shelvedUntilMs)
        return Error { tr("alarm %1 is not shelved").arg(id), QString::number(id) };
    const auto nowMs = m_clock();
    endShelving(*row, operatorName);
    record(AlarmEventKind::Unshelved, *row, nowMs, operatorName);
    updateFlood(nowMs);
    return std::nullopt;
}

std::vector<Alarm> AlarmManager::alarms() const
{
    std::vector<Alarm> list;
    for (const auto &[key, row] : m_rows) {
        if (row.alarm.state != AlarmState::Normal)
            list.push_back(row.alarm);
    }
    std::sort(list.begin(), list.end(), alarmListOrder);
    return list;
}

void AlarmManager::updateFlood(std::int64_t nowMs)
{
    while (!m_annunciations.empty() && nowMs - std::get<0>(m_annunciations.front()) >= m_options.floodWindowMs)
        m_annunciations.pop_front();

    FloodSummary flood;
    flood.alarmsInWindow = int(m_annunciations.size());
    flood.active = flood.alarmsInWindow > m_options.floodLimit;
    if (flood.active)
        flood.sinceMs = m_flood.active ? m_flood.sinceMs : nowMs;
    std::map<std::string, int> perService;
    for (const auto &[atMs, service, priority] : m_annunciations) {
        ++flood.byPriority[std::size_t(priority)];
        ++perService[service];
    }
    std::vector<std::pair<std::string, int>> services(perService.begin(), perService.end());
    std::stable_sort(
        services.begin(), services.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    services.resize(std::min<std::size_t>(services.size(), 5));
    flood.topServices = std::move(services);

    std::vector<const Alarm *> firstOut;
    for (const auto &[key, row] : m_rows) {
        const auto &alarm = row.alarm;
        if (alarm.active && alarm.firstOut)
            firstOut.push_back(&alarm);
        if (alarm.state == AlarmState::Suppressed)
            ++flood.suppressed;
        if (alarm.state == AlarmState::Shelved)
            ++flood.shelved;
    }
    std::sort(firstOut.begin(), firstOut.end(),
        [](const Alarm *a, const Alarm *b) { return a->lastRaisedAtMs < b->lastRaisedAtMs; });
    for (const auto *alarm : firstOut) {
        if (std::find(flood.firstOutServices.begin(), flood.firstOutServices.end(), alarm->service)
            == flood.firstOutServices.end())
            flood.firstOutServices.push_back(alarm->service);
    }
    m_flood = std::move(flood);
}

void AlarmManager::takeChanges(HealthDelta &delta)
{
    for (auto &[key, row] : m_rows) {
        const bool listed = row.alarm.state != AlarmState::Normal;
        if (listed && (!row.listed || row.alarm != row.published)) {
            delta.alarms.push_back(row.alarm);
            row.published = row.alarm;
            row.listed = true;
        } else if (!listed && row.listed) {
            delta.removedAlarms.push_back(row.alarm.id);
            row.published = row.alarm;
            row.listed = false;
        }
    }
    delta.removedAlarms.insert(delta.removedAlarms.end(), m_erasedWhileListed.begin(), m_erasedWhileListed.end());
    m_erasedWhileListed.clear();
    delta.events.insert(
        delta.events.end(), std::make_move_iterator(m_events.begin()), std::make_move_iterator(m_events.end()));
    m_events.clear();
    if (m_flood != m_publishedFlood) {
        delta.flood = m_flood;
        m_publishedFlood = m_flood;
    }
}

} // namespace faultline
