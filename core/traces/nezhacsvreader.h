// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "traces/span.h"

namespace faultline
{

/**
 * Reads the TrainTicket span CSV of the Nezha data set, one line at a time:
 * TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration.
 * The root span's ParentID is "root"; the service is the pod name without its replica suffix. The
 * format has no span kinds and no error flag, so its calls come from parent/child links across services.
 */
class NezhaCsvReader
{
public:
    /** Reads the header line; an Error names the columns that are missing. */
    std::optional<Error> readHeader(std::string_view line);
    /** Reads one data line into @p span. */
    std::optional<Error> readLine(std::string_view line, Span &span) const;

    /** "ts-order-service-5b67c48447-mv5hb" -> "ts-order-service"; "kafka-0" -> "kafka". */
    static std::string serviceFromPod(std::string_view pod);

private:
    enum Column { TraceId, SpanId, ParentId, PodName, OperationName, StartTime, EndTime, ColumnCount };
    std::vector<int> m_columns = std::vector<int>(ColumnCount, -1); // field index of each column
};

} // namespace faultline
