// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "livetopology.h"

namespace faultline {

LiveTopology::LiveTopology(QObject *parent)
    : QObject(parent)
{
}

const ServiceSnapshot *LiveTopology::service(const std::string &name) const
{
    const auto it = m_services.find(name);
    return it == m_services.end() ? nullptr : &it->second;
}

std::vector<const EdgeSnapshot *> LiveTopology::edgesOf(const std::string &service) const
{
    std::vector<const EdgeSnapshot *> result;
    for (const auto &[key, edge] : m_edges) {
        if (key.first == service || key.second == service)
            result.push_back(&edge);
    }
    return result;
}

void LiveTopology::apply(const TopologyDelta &delta)
{
    QStringList changedServices;
    bool structureChanged = false;

    for (const auto &snapshot : delta.services) {
        auto [it, inserted] = m_services.try_emplace(snapshot.name, snapshot);
        if (!inserted)
            it->second = snapshot;
        structureChanged = structureChanged || inserted;
        changedServices.append(QString::fromStdString(snapshot.name));
    }

    for (const auto &edge : delta.edges) {
        auto [it, inserted] = m_edges.try_emplace({edge.caller, edge.callee}, edge);
        if (!inserted)
            it->second = edge;
        structureChanged = structureChanged || inserted;
    }

    const bool publishersUpdated = !delta.publishers.empty();
    if (publishersUpdated)
        m_publishers = delta.publishers;
    m_counters = delta.counters;

    for (const auto &warning : delta.warnings)
        Q_EMIT warningRaised(QString::fromStdString(warning));
    if (!changedServices.isEmpty() || !delta.edges.empty())
        Q_EMIT changed(changedServices, structureChanged);
    if (publishersUpdated)
        Q_EMIT publishersChanged();
}

void LiveTopology::clear()
{
    m_services.clear();
    m_edges.clear();
    m_publishers.clear();
    m_counters = {};
    Q_EMIT changed({}, true);
    Q_EMIT publishersChanged();
}

} // namespace faultline
