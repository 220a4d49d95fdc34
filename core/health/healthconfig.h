// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <QByteArray>
#include <QString>

#include "common/result.h"
#include "health/healththresholds.h"

namespace faultline
{

/**
 * Health thresholds for every service: defaults, per-service values from a config file, and
 * overrides set at run time (by the console), which win over both. docs/health-and-alarms.md
 * describes the file format.
 */
class HealthConfig
{
public:
    /** Resource path of the built-in config. */
    static constexpr const char *builtInPath = ":/config/health.json";

    /** The built-in config (resources/config/health.json), or plain defaults if that fails to parse. */
    static HealthConfig builtIn();
    /** Parses a config document; @p source names the file in error messages. */
    static Result<HealthConfig> fromJson(const QByteArray &json, const QString &source = QString());
    /** Reads and parses a config file (or a Qt resource path). */
    static Result<HealthConfig> load(const QString &path);
    /** Checks that warnings lie below criticals, shares within 0..1 and delays within an hour. */
    static std::optional<Error> validate(const HealthThresholds &thresholds, const QString &where);

    const HealthThresholds &defaults() const { return m_defaults; }
    void setDefaults(const HealthThresholds &thresholds) { m_defaults = thresholds; }

    /** The thresholds that apply to @p service: its override, else its file entry, else the defaults. */
    const HealthThresholds &thresholdsFor(std::string_view service) const;

    /** Sets a run-time override for @p service; the Error says which value is invalid. */
    std::optional<Error> setOverride(const std::string &service, const HealthThresholds &thresholds);
    /** Drops the run-time override of @p service; false when it had none. */
    bool clearOverride(std::string_view service);

    const std::map<std::string, HealthThresholds, std::less<>> &fileEntries() const { return m_fromFile; }
    const std::map<std::string, HealthThresholds, std::less<>> &overrides() const { return m_overrides; }

    /** The document that fromJson() reads back to this config, overrides left out. */
    QByteArray toJson() const;

private:
    HealthThresholds m_defaults;
    std::map<std::string, HealthThresholds, std::less<>> m_fromFile;
    std::map<std::string, HealthThresholds, std::less<>> m_overrides;
};

} // namespace faultline
