// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// ImportRun for the line formats: NDJSON and CSV, read line by line so that one bad line costs only itself.
#include <QCoreApplication>

#include "traces/dataprepperreader.h"
#include "traces/traceimporter_p.h"

namespace faultline
{

namespace
{

// A line longer than this is skipped as bad instead of growing the buffer without bound.
constexpr std::size_t maxLineBytes = 64u << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceImporter", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool isBulkAction(simdjson::dom::object object)
{
    if (object.size() != 1)
        return false;
    const std::string_view key = (*object.begin()).key;
    return key == "index" || key == "create" || key == "update" || key == "delete";
}

} // namespace

std::optional<Error> ImportRun::runLines(std::string chunk, bool atEnd)
{
    std::string carry; // the start of a line that continues in the next chunk
    std::uint64_t lineNumber = 0;
    bool skippingLongLine = false;
    for (;;) {
        std::string_view rest = chunk;
        while (!rest.empty()) {
            const auto newline = rest.find('\n');
            if (newline == std::string_view::npos) {
                if (!skippingLongLine)
                    carry.append(rest);
                if (carry.size() > maxLineBytes) {
                    addBadLine(lineNumber + 1, tr("line longer than %1 MiB").arg(maxLineBytes >> 20));
                    carry.clear();
                    skippingLongLine = true;
                }
                break;
            }
            ++lineNumber;
            const std::string_view piece = rest.substr(0, newline);
            rest.remove_prefix(newline + 1);
            if (skippingLongLine) {
                skippingLongLine = false;
                continue;
            }
            if (carry.empty()) {
                handleLine(piece, lineNumber);
            } else {
                carry.append(piece);
                handleLine(carry, lineNumber);
                carry.clear();
            }
        }
        if (m_fatal)
            return m_fatal;
        if (atEnd)
            break;
        if (auto error = readChunk(chunk, atEnd))
            return error;
    }
    if (!carry.empty() && !skippingLongLine)
        handleLine(carry, lineNumber + 1);
    if (m_fatal)
        return m_fatal;
    if (m_summary.format == TraceFormat::NezhaCsv && !m_csvHeaderRead)
        return locatedError(tr("the CSV file has no header line"), QStringLiteral("line 1"));
    return std::nullopt;
}

void ImportRun::handleLine(std::string_view line, std::uint64_t number)
{
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (isBlank(line))
        return;

    if (m_summary.format != TraceFormat::NezhaCsv) {
        handleJsonLine(line, number);
        return;
    }
    if (m_fatal)
        return;
    if (!m_csvHeaderRead) {
        // Without its columns no line of the file can be read, so a bad header ends the import.
        m_csvHeaderRead = true;
        if (auto error = m_csv.readHeader(line))
            m_fatal = locatedError(error->message, QStringLiteral("line %1").arg(number));
        return;
    }
    Span span;
    if (auto error = m_csv.readLine(line, span))
        addBadLine(number, error->message);
    else
        emitSpan(std::move(span));
}

void ImportRun::handleJsonLine(std::string_view line, std::uint64_t number)
{
    if (m_summary.format == TraceFormat::OtlpNdjson) {
        auto batch = m_otlpDecoder.traces(line);
        if (!batch) {
            addBadLine(number, batch.error().message);
            return;
        }
        for (const Error &skipped : batch->skipped)
            addBadLine(number, skipped.message);
        for (Span &span : batch.value().spans)
            emitSpan(std::move(span));
        return;
    }

    m_padded.assign(line);
    m_padded.resize(line.size() + simdjson::SIMDJSON_PADDING, '\0');
    simdjson::dom::element document;
    if (const auto code = m_parser.parse(m_padded.data(), line.size(), false).get(document)) {
        addBadLine(number, tr("invalid JSON: %1").arg(qs(simdjson::error_message(code))));
        return;
    }
    simdjson::dom::object object;
    if (document.get_object().get(object)) {
        addBadLine(number, tr("expected a JSON object"));
        return;
    }
    if (isBulkAction(object))
        return;

    switch (m_summary.format) {
    case TraceFormat::JaegerElasticsearch: {
        Span span;
        std::string processId;
        if (auto error = jaeger::readSpan(document, span, processId))
            addBadLine(number, error->message);
        else
            emitSpan(std::move(span));
        break;
    }
    case TraceFormat::DataPrepperSpans: {
        Span span;
        if (auto error = dataprepper::readSpan(document, span))
            addBadLine(number, error->message);
        else
            emitSpan(std::move(span));
        break;
    }
    case TraceFormat::DataPrepperServiceMap: {
        DependencyLink link;
        bool isEdge = false;
        if (auto error = dataprepper::readServiceMapEntry(document, link, isEdge))
            addBadLine(number, error->message);
        else
            emitLink(link);
        break;
    }
    default:
        break;
    }
}

} // namespace faultline
