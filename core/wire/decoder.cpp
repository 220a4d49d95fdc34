// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Decoder::envelope and Decoder::health; the control messages and OTLP traces have files of their own.
#include "decoder.h"

#include <QCoreApplication>

#include "wire/protocol.h"

namespace faultline::wire
{
namespace
{

using simdjson::dom::array;
using simdjson::dom::object;

QString tr(const char *text)
{
    return QCoreApplication::translate("wire", text);
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 200)));
}

std::optional<Error> readBreakers(JsonValue value, std::vector<BreakerReport> &out)
{
    array list;
    if (auto e = openArray(value, "breakers", list))
        return e;
    for (JsonValue item : list) {
        object entry;
        if (auto e = openObject(item, "breakers[]", entry))
            return e;
        BreakerReport breaker;
        bool hasCallee = false;
        auto e = forEachField(entry, [&](std::string_view key, JsonValue v) -> std::optional<Error> {
            if (key == "callee") {
                hasCallee = true;
                return readServiceName(v, "breakers[].callee", breaker.callee);
            }
            if (key == "state") {
                std::string name;
                if (auto se = readString(v, "breakers[].state", name))
                    return se;
                const auto state = breakerStateFromName(name);
                if (!state)
                    return fieldError("breakers[].state",
                        tr("unknown breaker state '%1'; expected closed, open or half_open").arg(fromView(name)));
                breaker.state = *state;
            }
            return std::nullopt;
        });
        if (e)
            return e;
        if (!hasCallee)
            return missingField("breakers[].callee");
        out.push_back(std::move(breaker));
    }
    return std::nullopt;
}

} // namespace

Result<Envelope> Decoder::envelope(std::string_view json)
{
    object root;
    if (auto error = parseObject(m_parser, m_buffer, json, root))
        return *error;

    Envelope envelope;
    bool hasVersion = false;
    bool hasPublisher = false;
    bool hasSeq = false;
    auto error = forEachField(root, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "v") {
            hasVersion = true;
            return checkProtocolVersion(value);
        }
        if (key == "publisher") {
            hasPublisher = true;
            return readBoundedString(value, key, 1, 200, envelope.publisher);
        }
        if (key == "session")
            return readBoundedString(value, key, 0, 200, envelope.session);
        if (key == "seq") {
            hasSeq = true;
            if (auto e = readUint64(value, key, envelope.seq))
                return e;
            if (envelope.seq == 0)
                return fieldError(key, tr("must be at least 1; each topic counts from 1"));
            return std::nullopt;
        }
        if (key == "sent_unix_ns")
            return readUnixTime(value, key, envelope.sentUnixNs);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasVersion)
        return missingField("v");
    if (!hasPublisher)
        return missingField("publisher");
    if (!hasSeq)
        return missingField("seq");
    return envelope;
}

Result<HealthReport> Decoder::health(std::string_view json)
{
    object root;
    if (auto error = parseObject(m_parser, m_buffer, json, root))
        return *error;

    HealthReport report;
    bool hasService = false;
    bool hasInstance = false;
    bool hasTimestamp = false;
    auto error = forEachField(root, [&](std::string_view key, JsonValue value) -> std::optional<Error> {
        if (key == "service") {
            hasService = true;
            return readServiceName(value, key, report.service);
        }
        if (key == "instance") {
            hasInstance = true;
            return readBoundedString(value, key, 1, 200, report.instance);
        }
        if (key == "timestamp_unix_ns") {
            hasTimestamp = true;
            return readUnixTime(value, key, report.timestampUnixNs);
        }
        if (key == "criticality") {
            std::string name;
            if (auto e = readString(value, key, name))
                return e;
            const auto criticality = criticalityFromName(name);
            if (!criticality)
                return fieldError(
                    key, tr("unknown criticality '%1'; expected core, important or minor").arg(fromView(name)));
            report.criticality = *criticality;
            return std::nullopt;
        }
        if (key == "interval_ms") {
            std::uint64_t interval = 0;
            if (auto e = readUint64(value, key, interval))
                return e;
            if (interval < 10 || interval > 3'600'000)
                return fieldError(key, tr("must be between 10 and 3600000 milliseconds (got %1)").arg(interval));
            report.intervalMs = std::int64_t(interval);
            return std::nullopt;
        }
        if (key == "mode")
            return readMode(value, key, report.mode);
        if (key == "ramp_percent") {
            double percent = 0;
            if (auto e = readNonNegative(value, key, percent))
                return e;
            if (percent > 100)
                return fieldError(key, tr("must be between 0 and 100 (got %1)").arg(percent));
            report.rampPercent = percent;
            return std::nullopt;
        }
        if (key == "shed_capacity") {
            double capacity = 0;
            if (auto e = readNonNegative(value, key, capacity))
                return e;
            report.shedCapacity = capacity;
            return std::nullopt;
        }
        if (key == "rps")
            return readNonNegative(value, key, report.rps);
        if (key == "error_rate") {
            if (auto e = readNonNegative(value, key, report.errorRate))
                return e;
            if (report.errorRate > 1)
                return fieldError(key, tr("is a share between 0 and 1 (got %1)").arg(report.errorRate));
            return std::nullopt;
        }
        if (key == "latency_p50_ms")
            return readNonNegative(value, key, report.latencyP50Ms);
        if (key == "latency_p95_ms")
            return readNonNegative(value, key, report.latencyP95Ms);
        if (key == "latency_p99_ms")
            return readNonNegative(value, key, report.latencyP99Ms);
        if (key == "in_flight")
            return readNonNegative(value, key, report.inFlight);
        if (key == "capacity")
            return readNonNegative(value, key, report.capacity);
        if (key == "fallbacks")
            return readUint64(value, key, report.fallbacks);
        if (key == "shed")
            return readUint64(value, key, report.shed);
        if (key == "cache_age_ms") {
            double age = 0;
            if (auto e = readNonNegative(value, key, age))
                return e;
            report.cacheAgeMs = age;
            return std::nullopt;
        }
        if (key == "breakers")
            return readBreakers(value, report.breakers);
        return std::nullopt;
    });
    if (error)
        return *error;
    if (!hasService)
        return missingField("service");
    if (!hasInstance)
        return missingField("instance");
    if (!hasTimestamp)
        return missingField("timestamp_unix_ns");
    return report;
}

} // namespace faultline::wire
