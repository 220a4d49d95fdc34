// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <set>

#include <QRegularExpression>
#include <QSet>
#include <QString>

#include "topology/topologydelta.h"

namespace faultline
{

/**
 * Which services the graph shows: by state, by criticality and by a name pattern. An empty set
 * accepts every value, so a default GraphFilter accepts everything.
 */
class GraphFilter final
{
public:
    std::set<ServiceState> states;
    std::set<Criticality> criticalities;

    /**
     * Sets a wildcard pattern matched case-insensitively against the whole name ("robot-*",
     * "*gateway*"); a pattern without wildcards matches any name that contains it.
     */
    void setNamePattern(const QString &pattern);
    QString namePattern() const { return m_namePattern; }

    bool isActive() const { return !states.empty() || !criticalities.empty() || !m_namePattern.isEmpty(); }
    /**
     * True when @p snapshot passes every part of the filter. A service that never stated its
     * criticality passes a criticality filter only when it lets Important through, the default that
     * alarm ranking assumes for it too.
     */
    bool accepts(const ServiceSnapshot &snapshot) const;
    bool acceptsName(const QString &name) const;

    bool operator==(const GraphFilter &other) const = default;

private:
    QString m_namePattern;
    QRegularExpression m_nameExpression;
};

} // namespace faultline
