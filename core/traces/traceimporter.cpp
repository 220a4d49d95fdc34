// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceimporter.h"

#include <QCoreApplication>
#include <QFile>

#include "common/logging.h"
#include "traces/dataprepperreader.h"
#include "traces/traceimporter_p.h"
#include "traces/zipkinspanreader.h"

namespace faultline
{

namespace
{

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceImporter", text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

Result<ImportSummary> TraceImporter::importFile(const QString &path, const Handlers &handlers)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { tr("cannot open %1: %2").arg(path, file.errorString()), path };
    return importDevice(file, path, handlers);
}

Result<ImportSummary> TraceImporter::importDevice(QIODevice &device, const QString &name, const Handlers &handlers)
{
    ImportRun run(device, name, handlers, m_progress, m_cancel);
    return run.run();
}

ImportRun::ImportRun(QIODevice &device, const QString &name, const TraceImporter::Handlers &handlers,
    const TraceImporter::ProgressCallback &progress, const std::atomic<bool> *cancel)
    : m_device(device)
    , m_handlers(handlers)
    , m_progress(progress)
    , m_cancel(cancel)
{
    m_summary.file = name;
    m_total = device.isSequential() ? 0 : std::uint64_t(std::max<qint64>(0, device.size()));
}

Error ImportRun::locatedError(const QString &message, const QString &where) const
{
    return Error { tr("%1: %2").arg(m_summary.file, message), where };
}

std::optional<Error> ImportRun::readChunk(std::string &chunk, bool &atEnd)
{
    if (m_cancel && m_cancel->load(std::memory_order_relaxed))
        return locatedError(tr("import cancelled"), {});
    chunk.resize(chunkBytes);
    const qint64 read = m_device.read(chunk.data(), qint64(chunk.size()));
    if (read < 0)
        return locatedError(tr("read failed after %1 bytes: %2").arg(m_summary.bytes).arg(m_device.errorString()),
            QStringLiteral("byte %1").arg(m_summary.bytes));
    chunk.resize(std::size_t(read));
    m_summary.bytes += std::uint64_t(read);
    atEnd = read == 0 || m_device.atEnd();
    if (m_progress)
        m_progress(m_summary.bytes, std::max(m_total, m_summary.bytes));
    return std::nullopt;
}

Result<ImportSummary> ImportRun::run()
{
    std::string chunk;
    bool atEnd = false;
    if (auto error = readChunk(chunk, atEnd))
        return *error;

    const FormatGuess guess = detectTraceFormat(std::string_view(chunk).substr(0, 64 * 1024));
    if (!guess.format)
        return locatedError(tr("not a recognised trace file (%1); Faultline reads Zipkin v2 JSON, Jaeger JSON, "
                               "Jaeger Elasticsearch NDJSON, OTLP/JSON, Data Prepper NDJSON and Nezha CSV")
                                .arg(qs(guess.problem)),
            QStringLiteral("byte 0"));
    m_summary.format = *guess.format;
    qCInfo(lcTraces) << "importing" << m_summary.file << "as" << qs(traceFormatName(m_summary.format));

    std::optional<Error> error;
    switch (m_summary.format) {
    case TraceFormat::ZipkinV2:
    case TraceFormat::JaegerApi:
    case TraceFormat::JaegerTrace:
    case TraceFormat::JaegerDependencies:
    case TraceFormat::Otlp:
        error = runDocument(std::move(chunk), atEnd);
        break;
    case TraceFormat::JaegerElasticsearch:
    case TraceFormat::OtlpNdjson:
    case TraceFormat::DataPrepperSpans:
    case TraceFormat::DataPrepperServiceMap:
    case TraceFormat::NezhaCsv:
        error = runLines(std::move(chunk), atEnd);
        break;
    }
    if (error)
        return *error;

    flushPendingJaegerSpans();
    flushSpans();
    m_summary.traces = m_traceIds.size();
    m_summary.services = m_services.size();
    return m_summary;
}

std::optional<Error> ImportRun::runDocument(std::string chunk, bool atEnd)
{
    JsonStreamSplitter splitter({ "data", "spans", "resourceSpans", "batches" });
    std::optional<Error> pieceError;
    const auto handler = [&](const JsonStreamSplitter::Piece &piece) {
        if (!pieceError)
            pieceError = handlePiece(piece);
    };
    for (;;) {
        if (auto error = splitter.feed(chunk, handler))
            return locatedError(error->message, error->where);
        if (pieceError)
            return pieceError;
        if (atEnd)
            break;
        if (auto error = readChunk(chunk, atEnd))
            return error;
    }
    if (auto error = splitter.finish())
        return locatedError(error->message, error->where);
    return std::nullopt;
}

std::optional<Error> ImportRun::parsePiece(std::string_view json, std::uint64_t offset, simdjson::dom::element &out)
{
    m_padded.assign(json);
    m_padded.resize(json.size() + simdjson::SIMDJSON_PADDING, '\0');
    if (const auto code = m_parser.parse(m_padded.data(), json.size(), false).get(out))
        return locatedError(
            tr("invalid JSON in the value at byte %1: %2").arg(offset).arg(qs(simdjson::error_message(code))),
            QStringLiteral("byte %1").arg(offset));
    return std::nullopt;
}

std::optional<Error> ImportRun::handlePiece(const JsonStreamSplitter::Piece &piece)
{
    const TraceFormat format = m_summary.format;
    const bool otlpResource = format == TraceFormat::Otlp && (piece.key == "resourceSpans" || piece.key == "batches");
    // Only the members that carry spans matter; totals, limits and the UI's own fields are skipped unparsed.
    const bool carriesSpans = (format == TraceFormat::ZipkinV2 && piece.key.empty())
        || (format == TraceFormat::JaegerDependencies && piece.key.empty())
        || (format == TraceFormat::JaegerApi && piece.key == "data")
        || (format == TraceFormat::JaegerTrace
            && (piece.key == "spans" || piece.key == "processes" || piece.key == "data"))
        || otlpResource;
    if (!carriesSpans)
        return std::nullopt;
    if (otlpResource) {
        readOtlp(piece.json, piece.offset, true);
        return std::nullopt;
    }

    simdjson::dom::element value;
    if (auto error = parsePiece(piece.json, piece.offset, value))
        return error;

    if (format == TraceFormat::ZipkinV2) {
        Span span;
        if (auto error = zipkin::readSpan(value, span))
            addSkippedSpan(piece.offset, error->message);
        else
            emitSpan(std::move(span));
    } else if (format == TraceFormat::JaegerDependencies) {
        DependencyLink link;
        if (auto error = jaeger::readDependency(value, link))
            addSkippedSpan(piece.offset, error->message);
        else
            emitLink(link);
    } else if (piece.key == "data") {
        readJaegerTrace(value, piece.offset);
    } else if (piece.key == "processes") {
        if (auto error = jaeger::readProcesses(value, m_processes))
            return locatedError(error->message, QStringLiteral("byte %1").arg(piece.offset));
        m_processesSeen = true;
        flushPendingJaegerSpans();
    } else if (piece.key == "spans" && piece.element) {
        Span span;
        std::string processId;
        if (auto error = jaeger::readSpan(value, span, processId)) {
            addSkippedSpan(piece.offset, error->message);
        } else if (span.service.empty() && !m_processesSeen) {
            // The processes of a trace object may come after its spans; hold the spans until then.
            m_pendingJaegerSpans.emplace_back(std::move(processId), std::move(span));
        } else {
            if (span.service.empty())
                span.service = m_processes[processId].service;
            emitSpan(std::move(span));
        }
    }
    return std::nullopt;
}

void ImportRun::readJaegerTrace(simdjson::dom::element trace, std::uint64_t offset)
{
    jaeger::Processes processes;
    simdjson::dom::element processesValue;
    if (!trace.at_key("processes").get(processesValue)) {
        if (auto error = jaeger::readProcesses(processesValue, processes))
            addSkippedSpan(offset, error->message);
    }
    simdjson::dom::array spans;
    if (trace.at_key("spans").get_array().get(spans)) {
        addSkippedSpan(offset, tr("a Jaeger trace without a spans array was skipped"));
        return;
    }
    for (simdjson::dom::element spanValue : spans) {
        Span span;
        std::string processId;
        if (auto error = jaeger::readSpan(spanValue, span, processId)) {
            addSkippedSpan(offset, error->message);
            continue;
        }
        if (span.service.empty()) {
            const auto process = processes.find(processId);
            if (process != processes.end()) {
                span.service = process->second.service;
                span.instance = process->second.instance;
            }
        }
        emitSpan(std::move(span));
    }
}

void ImportRun::flushPendingJaegerSpans()
{
    for (auto &[processId, span] : m_pendingJaegerSpans) {
        const auto process = m_processes.find(processId);
        if (process != m_processes.end()) {
            span.service = process->second.service;
            span.instance = process->second.instance;
        }
        emitSpan(std::move(span));
    }
    m_pendingJaegerSpans.clear();
}

void ImportRun::readOtlp(std::string_view json, std::uint64_t offset, bool wrapResource)
{
    std::string wrapped;
    if (wrapResource) {
        wrapped.reserve(json.size() + 20);
        wrapped.append("{\"resourceSpans\":[").append(json).append("]}");
        json = wrapped;
    }
    auto batch = m_otlpDecoder.traces(json);
    if (!batch) {
        addSkippedSpan(offset, batch.error().message);
        return;
    }
    for (const Error &skipped : batch->skipped)
        addSkippedSpan(offset, skipped.message);
    for (Span &span : batch.value().spans)
        emitSpan(std::move(span));
}

void ImportRun::emitSpan(Span &&span)
{
    ++m_summary.spans;
    if (!m_traceIds.contains(span.traceId))
        m_traceIds.insert(span.traceId);
    if (!span.service.empty() && !m_services.contains(span.service))
        m_services.insert(span.service);
    m_batch.push_back(std::move(span));
    if (m_batch.size() >= batchSpans)
        flushSpans();
}

void ImportRun::flushSpans()
{
    if (m_batch.empty())
        return;
    if (m_handlers.spans)
        m_handlers.spans(m_batch);
    m_batch.clear();
}

void ImportRun::emitLink(const DependencyLink &link)
{
    // A link without a child only names a service, as the server-side entries of a service map do.
    if (!link.child.empty()) {
        ++m_summary.links;
        m_services.insert(link.child);
    }
    m_services.insert(link.parent);
    if (m_handlers.links)
        m_handlers.links(link);
}

void ImportRun::addBadLine(std::uint64_t line, const QString &reason)
{
    ++m_summary.badLineCount;
    if (m_summary.badLines.size() < ImportSummary::maxListedProblems)
        m_summary.badLines.push_back({ line, reason });
}

void ImportRun::addSkippedSpan(std::uint64_t offset, const QString &reason)
{
    ++m_summary.skippedSpanCount;
    if (m_summary.skippedSpans.size() < ImportSummary::maxListedProblems)
        m_summary.skippedSpans.push_back({ offset, reason });
}

} // namespace faultline
