// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <QString>

namespace faultline
{

/** A likely root cause of the current trouble. */
struct Suspect {
    std::string service;
    double score = 0; // 0..1; comparable within one ranking, not across incidents
    QString reason; // translated, for example "latency rose here first; its own callees are healthy"

    friend bool operator==(const Suspect &, const Suspect &) = default;
};

} // namespace faultline
