// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QString>

#include "health/alarm.h"
#include "playbook/playbook.h"
#include "playbook/playbookmetrics.h"

namespace faultline
{

class PlaybookLibrary;

/** A playbook that applies to a service, with the rank of that service's trouble. */
struct PlaybookSuggestion {
    QString service;
    const Playbook *playbook = nullptr; // owned by the library, valid while it is unchanged
    bool failing = false; // the service is warning, critical or stale
    AlarmPriority priority = AlarmPriority::Low; // as the alarm list ranks it; Low for services not failing
};

/** True when @p clause holds; @p callersMaxErrorRate is the highest error rate among the direct callers. */
bool clauseMatches(const MatchClause &clause, const ServiceMetrics &service, double callersMaxErrorRate);

/** True when any clause of @p playbook holds for @p service. An unknown service matches nothing. */
bool playbookApplies(const Playbook &playbook, const QString &service, const PlaybookMetrics &metrics);

/** The playbooks of @p library that apply to @p service, the most specific clause first, then by name. */
std::vector<const Playbook *> applicablePlaybooks(
    const PlaybookLibrary &library, const QString &service, const PlaybookMetrics &metrics);

/**
 * Suggestions for every service some playbook applies to. Failing services come first, in the alarm
 * list's priority order, which weighs the state against the highest criticality among the service
 * and its transitive callers. Ties go to the higher own criticality, then to more affected services,
 * then by name. Each service's playbooks follow in applicablePlaybooks() order.
 */
std::vector<PlaybookSuggestion> suggestPlaybooks(const PlaybookLibrary &library, const PlaybookMetrics &metrics);

} // namespace faultline
