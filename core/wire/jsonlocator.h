// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <QString>

namespace faultline::wire
{

/** The first syntax fault of a JSON document: its byte offset, the field it sits in and what is wrong. */
struct JsonSyntaxProblem {
    std::size_t offset = 0;
    std::string path; // as "params.percent" or "breakers[].callee", empty outside every field, cut after 200 bytes
    QString problem;
};

/**
 * Finds the first place where @p json breaks RFC 8259 or the limits of simdjson: integers from
 * -2^63 to 2^64-1, finite doubles and at most @p maxDepth nested arrays and objects. simdjson reports
 * only the kind of fault, so this scan runs after it rejected a document to name the field at fault.
 * Returns nothing when the scan finds no fault.
 */
std::optional<JsonSyntaxProblem> locateSyntaxProblem(std::string_view json, std::size_t maxDepth);

} // namespace faultline::wire
