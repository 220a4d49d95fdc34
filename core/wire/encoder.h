// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>
#include <string>

#include "traces/span.h"
#include "wire/controlmessages.h"
#include "wire/envelope.h"
#include "wire/healthreport.h"

namespace faultline::wire
{

std::string encodeEnvelope(const Envelope &envelope);
std::string encodeHealth(const HealthReport &report);
std::string encodeControlRequest(const ControlRequest &request);
std::string encodeControlReply(const ControlReply &reply);

/**
 * Encodes spans as an OTLP/JSON ExportTraceServiceRequest with one resourceSpans entry per
 * service and instance, hex ids and times as decimal strings of unix nanoseconds.
 */
std::string encodeOtlpTraces(std::span<const Span> spans);

} // namespace faultline::wire
