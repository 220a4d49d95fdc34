// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "playbook/playbook.h"
#include "playbook/playbookmetrics.h"

namespace faultline
{

/** One evaluation of a check against the live metrics. */
struct CheckObservation {
    bool satisfied = false;
    QString observed; // what was measured, for the panel and the journal, such as "mes 3.2 %, hmi 0.4 %"
};

/** The services @p target names when the playbook runs against @p suspect. */
QStringList resolveTargets(const PlaybookTarget &target, const QString &suspect, const PlaybookMetrics &metrics);

/**
 * Evaluates @p check once. A service without metrics, a stale or unknown one for rate and latency
 * checks, and an empty set of callers never satisfy a check: missing data is never taken as healthy.
 */
CheckObservation evaluateCheck(const PlaybookCheck &check, const QString &suspect, const PlaybookMetrics &metrics);

} // namespace faultline
