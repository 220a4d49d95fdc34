// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "nezhacsvreader.h"

#include <array>
#include <charconv>

#include <QCoreApplication>
#include <QStringList>

#include "traces/spanfields.h"
#include "traces/spanid.h"

namespace faultline
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("NezhaCsvReader", text);
}

// Splits one CSV line; quoted fields may contain commas and doubled quotes.
std::vector<std::string> splitCsv(std::string_view line)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back().push_back('"');
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back().push_back(c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back().push_back(c);
        }
    }
    return fields;
}

bool isLowerAlnum(std::string_view text)
{
    for (char c : text) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return false;
    }
    return !text.empty();
}

bool isDigits(std::string_view text)
{
    return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<std::int64_t> parseNanos(const std::string &text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value <= 0)
        return std::nullopt;
    return value;
}

constexpr std::array<std::string_view, 7> columnNames { "TraceID", "SpanID", "ParentID", "PodName", "OperationName",
    "StartTimeUnixNano", "EndTimeUnixNano" };

} // namespace

std::string NezhaCsvReader::serviceFromPod(std::string_view pod)
{
    // A Deployment's pod is <name>-<pod-template-hash of 6 to 10 characters>-<5 characters>; a
    // StatefulSet's is <name>-<ordinal>.
    const auto last = pod.rfind('-');
    if (last == std::string_view::npos)
        return std::string(pod);
    const std::string_view suffix = pod.substr(last + 1);
    if (isDigits(suffix))
        return std::string(pod.substr(0, last));
    const auto previous = pod.rfind('-', last - 1);
    if (suffix.size() == 5 && isLowerAlnum(suffix) && previous != std::string_view::npos && last > 0) {
        const std::string_view hash = pod.substr(previous + 1, last - previous - 1);
        if (hash.size() >= 6 && hash.size() <= 10 && isLowerAlnum(hash))
            return std::string(pod.substr(0, previous));
    }
    return std::string(pod);
}

std::optional<Error> NezhaCsvReader::readHeader(std::string_view line)
{
    if (line.starts_with("\xEF\xBB\xBF"))
        line.remove_prefix(3);
    const auto fields = splitCsv(line);
    QStringList missing;
    for (int column = 0; column < ColumnCount; ++column) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (fields[i] == columnNames[column])
                m_columns[column] = int(i);
        }
        if (m_columns[column] < 0 && column != OperationName)
            missing.append(QString::fromLatin1(columnNames[column].data(), qsizetype(columnNames[column].size())));
    }
    if (!missing.isEmpty())
        return Error { tr("the CSV header lacks the column(s) %1").arg(missing.join(QStringLiteral(", "))),
            QStringLiteral("line 1") };
    return std::nullopt;
}

std::optional<Error> NezhaCsvReader::readLine(std::string_view line, Span &span) const
{
    const auto fields = splitCsv(line);
    const auto field = [&](Column column) -> const std::string & {
        static const std::string empty;
        const int index = m_columns[column];
        return index >= 0 && std::size_t(index) < fields.size() ? fields[std::size_t(index)] : empty;
    };
    if (fields.size() < 7)
        return Error { tr("expected 8 comma-separated fields, found %1").arg(fields.size()), {} };

    const auto traceId = normalizeImportedTraceId(field(TraceId));
    if (!traceId)
        return Error { tr("'%1' is not a valid trace id (empty, all zeros, unprintable or longer than 64 characters)")
                           .arg(QString::fromStdString(field(TraceId).substr(0, 64))),
            {} };
    const auto spanId = normalizeImportedSpanId(field(SpanId));
    if (!spanId)
        return Error { tr("'%1' is not a valid span id (empty, all zeros, unprintable or longer than 64 characters)")
                           .arg(QString::fromStdString(field(SpanId).substr(0, 64))),
            {} };
    span.traceId = *traceId;
    span.spanId = *spanId;
    const std::string &parent = field(ParentId);
    if (parent != "root" && !parent.empty()) {
        const auto parentId = normalizeImportedSpanId(parent);
        if (!parentId)
            return Error {
                tr("'%1' is not a valid span id or \"root\"").arg(QString::fromStdString(parent.substr(0, 64))), {}
            };
        span.parentSpanId = *parentId;
    }
    span.instance = field(PodName);
    span.service = serviceFromPod(span.instance);
    span.name = field(OperationName);
    span.startUnixNs = parseNanos(field(StartTime));
    span.endUnixNs = parseNanos(field(EndTime));
    return std::nullopt;
}

} // namespace faultline
