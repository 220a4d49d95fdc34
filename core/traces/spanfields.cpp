// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanfields.h"

#include <array>
#include <charconv>

#include <QCoreApplication>

#include "traces/spanid.h"

namespace faultline
{

namespace
{

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

bool readDigits(std::string_view text, std::size_t position, std::size_t count, int &out)
{
    if (position + count > text.size())
        return false;
    const auto [end, ec] = std::from_chars(text.data() + position, text.data() + position + count, out);
    return ec == std::errc() && end == text.data() + position + count;
}

// Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse).
std::int64_t daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - int(era * 400);
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

} // namespace

void PeerAttributes::consider(std::string_view key, std::string_view value)
{
    if (value.empty())
        return;
    if (key == "peer.service")
        m_peerService = value;
    else if (key == "db.system")
        m_dbSystem = value;
    else if (key == "messaging.system")
        m_messagingSystem = value;
    else if (key == "server.address")
        m_serverAddress = value;
    else if (key.starts_with("db.") || key.starts_with("sql."))
        m_databaseHint = true;
}

void PeerAttributes::applyTo(Span &span) const
{
    const bool messagingSpan = span.kind == SpanKind::Producer || span.kind == SpanKind::Consumer;
    const bool database = !m_dbSystem.empty() || m_databaseHint;
    const auto kindOfNamedPeer = [&] {
        if (messagingSpan || !m_messagingSystem.empty())
            return NodeKind::Broker;
        return database ? NodeKind::Database : NodeKind::Service;
    };

    if (!m_remoteService.empty()) {
        span.peerName = m_remoteService;
        span.peerKind = kindOfNamedPeer();
    } else if (!m_peerService.empty()) {
        span.peerName = m_peerService;
        span.peerKind = kindOfNamedPeer();
    } else if (!m_dbSystem.empty()) {
        span.peerName = m_dbSystem;
        span.peerKind = NodeKind::Database;
    } else if (!m_messagingSystem.empty()) {
        span.peerName = m_messagingSystem;
        span.peerKind = NodeKind::Broker;
    } else if (!m_serverAddress.empty()) {
        span.peerName = m_serverAddress;
        span.peerKind = NodeKind::External;
        if (messagingSpan)
            span.peerKind = NodeKind::Broker;
        else if (database)
            span.peerKind = NodeKind::Database;
    }
}

std::optional<SpanKind> parseSpanKind(std::string_view text)
{
    if (text.size() == 1 && text[0] >= '0' && text[0] <= '5')
        return SpanKind(text[0] - '0');
    if (text.size() > 10 && equalsIgnoringCase(text.substr(0, 10), "SPAN_KIND_"))
        text.remove_prefix(10);
    static constexpr std::array<std::pair<std::string_view, SpanKind>, 6> names { {
        { "unspecified", SpanKind::Unspecified },
        { "internal", SpanKind::Internal },
        { "server", SpanKind::Server },
        { "client", SpanKind::Client },
        { "producer", SpanKind::Producer },
        { "consumer", SpanKind::Consumer },
    } };
    for (const auto &[name, kind] : names) {
        if (equalsIgnoringCase(text, name))
            return kind;
    }
    return std::nullopt;
}

std::optional<std::int64_t> parseRfc3339Nanos(std::string_view text)
{
    // YYYY-MM-DDTHH:MM:SS, then an optional fraction of up to nine digits, then Z or +HH:MM / -HH:MM.
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' || !readDigits(text, 5, 2, month)
        || text[7] != '-' || !readDigits(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
        || !readDigits(text, 11, 2, hour) || text[13] != ':' || !readDigits(text, 14, 2, minute) || text[16] != ':'
        || !readDigits(text, 17, 2, second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;

    std::size_t position = 19;
    std::int64_t nanos = 0;
    if (position < text.size() && text[position] == '.') {
        ++position;
        int digits = 0;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
            if (digits < 9) {
                nanos = nanos * 10 + (text[position] - '0');
                ++digits;
            }
            ++position;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            nanos *= 10;
    }

    std::int64_t offsetSeconds = 0;
    if (position < text.size() && (text[position] == 'Z' || text[position] == 'z')) {
        ++position;
    } else if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
        int offsetHours = 0, offsetMinutes = 0;
        if (!readDigits(text, position + 1, 2, offsetHours) || position + 3 >= text.size() || text[position + 3] != ':'
            || !readDigits(text, position + 4, 2, offsetMinutes))
            return std::nullopt;
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[position] == '-' ? -1 : 1);
        position += 6;
    } else {
        return std::nullopt;
    }
    if (position != text.size())
        return std::nullopt;

    const std::int64_t seconds
        = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    return seconds * 1'000'000'000 + nanos;
}

std::optional<std::string> normalizeImportedId(std::string_view text, std::size_t hexDigits)
{
    if (auto id = normalizeId(text, hexDigits))
        return id;
    if (text.empty() || text.size() > 64 || text.find_first_not_of('0') == std::string_view::npos)
        return std::nullopt;
    for (char c : text) {
        if (c <= ' ' || c > '~')
            return std::nullopt;
    }
    return toLowerHex(text);
}

std::optional<Error> assignSpanIds(Span &span, std::string_view traceId, std::string_view spanId,
    std::string_view parentId, const IdFieldNames &fields)
{
    const auto invalid = [](const char *field, std::string_view id, const char *what) {
        const QString shown = QString::fromUtf8(id.data(), qsizetype(std::min<std::size_t>(id.size(), 64)));
        return Error { QCoreApplication::translate("SpanFields",
                           "field '%1': '%2' is not a valid %3 id (empty, all zeros, unprintable or longer than 64 "
                           "characters)")
                           .arg(QLatin1String(field), shown, QLatin1String(what)),
            QLatin1String(field) };
    };
    const auto trace = normalizeImportedTraceId(traceId);
    if (!trace)
        return invalid(fields.trace, traceId, "trace");
    const auto own = normalizeImportedSpanId(spanId);
    if (!own)
        return invalid(fields.span, spanId, "span");
    span.traceId = *trace;
    span.spanId = *own;
    if (parentId.find_first_not_of('0') == std::string_view::npos)
        return std::nullopt;
    const auto parent = normalizeImportedSpanId(parentId);
    if (!parent)
        return invalid(fields.parent, parentId, "span");
    span.parentSpanId = *parent;
    return std::nullopt;
}

std::string toLowerHex(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'F')
            c = char(c - 'A' + 'a');
    }
    return out;
}

} // namespace faultline
