// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <QByteArray>
#include <QString>

#include "common/result.h"
#include "wire/healthreport.h"

namespace faultline
{

/** One simulated service of the demo plant. */
struct PlantService {
    std::string name;
    Criticality criticality = Criticality::Important;
    int instances = 1;
    double baseLatencyMs = 5; // median of the service's own work per request, before jitter and callees
    double capacity = 100; // in-flight requests one instance serves before it rejects the excess
    double timeoutMs = 1000; // how long the service waits on each of its callees
};

/** A caller-to-callee dependency and how often one request of the caller makes it. */
struct PlantEdge {
    std::string caller;
    std::string callee;
    // Calls per request of the caller: the integer part is always made, the fraction is the probability
    // of one more call (0.3 is "three requests in ten make one call", 2.5 is "two or three calls").
    double callsPerRequest = 1;
    // The caller has fallback data for this callee, so a failed call does not fail the caller's request.
    bool fallback = false;
};

/** A service that receives traffic from outside the plant, with its share of the total request rate. */
struct PlantEntryPoint {
    std::string service;
    double share = 1;
};

/**
 * The services, call edges and entry points of a simulated plant. The call graph is acyclic and every
 * service is reachable from an entry point, so every request ends and every service receives traffic.
 */
class PlantTopology
{
public:
    // Limits that keep one request and one plant bounded in time and memory.
    static constexpr int maxServices = 5000;
    static constexpr int maxInstances = 1000;
    static constexpr double maxCallsPerRequestOnEdge = 20;
    static constexpr double maxExpectedCallsPerRequest = 2000;
    // The simulator walks a request recursively, one stack frame per level of calls.
    static constexpr int maxCallDepth = 64;

    PlantTopology() = default;
    PlantTopology(
        std::vector<PlantService> services, std::vector<PlantEdge> edges, std::vector<PlantEntryPoint> entryPoints);

    /** The factory plant compiled into the program (resources/demo/plant.json). */
    static PlantTopology builtIn();

    /** Parses and validates a topology document; @p source names the file in error messages. */
    static Result<PlantTopology> fromJson(const QByteArray &json, const QString &source = QString());
    /** Reads and validates a topology file (or a Qt resource path such as ":/demo/plant.json"). */
    static Result<PlantTopology> load(const QString &path);

    QByteArray toJson() const;
    std::optional<Error> save(const QString &path) const;
    /** The shape that `faultline-sim --print-topology` prints: service names and criticalities, and edges. */
    QByteArray summaryJson() const;

    /** Checks names, numbers, references, cycles and reachability; the Error names the field and service. */
    std::optional<Error> validate() const;

    bool isEmpty() const { return m_services.empty(); }
    const std::vector<PlantService> &services() const { return m_services; }
    const std::vector<PlantEdge> &edges() const { return m_edges; }
    const std::vector<PlantEntryPoint> &entryPoints() const { return m_entryPoints; }

    /** Index of @p name in services(), or nothing. */
    std::optional<std::size_t> indexOf(std::string_view name) const;
    const PlantService *service(std::string_view name) const;

    /** Expected number of calls per service for one incoming request, by the edges' call rates. */
    std::vector<double> expectedVisitsPerRequest() const;

private:
    void indexNames();

    std::vector<PlantService> m_services;
    std::vector<PlantEdge> m_edges;
    std::vector<PlantEntryPoint> m_entryPoints;
    // Service index by name; with duplicate names (which validate() rejects) the first one wins.
    std::unordered_map<std::string, std::size_t> m_indexByName;
};

} // namespace faultline
