// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceformat.h"

#include <algorithm>
#include <vector>

#include <simdjson.h>

namespace faultline
{

namespace
{

struct KeySeen {
    std::string key;
    char valueStart = 0; // first character of the value: '[', '{', '"', a digit, 't', 'f' or 'n'
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * Lists the keys of the first object found at @p depth (1: the root object; 2: an object inside the
 * root array), as far as @p text reaches. Text cut off mid-document is fine: what was seen is returned.
 */
std::vector<KeySeen> keysAtDepth(std::string_view text, int depth)
{
    std::vector<KeySeen> keys;
    int level = 0;
    bool inString = false;
    bool escaped = false;
    bool expectKey = false; // at the wanted depth, the next string is a key
    bool awaitValue = false; // a key was read; the first non-space after ':' starts its value
    bool objectAtDepth = false;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                if (expectKey) {
                    keys.push_back({ current, 0 });
                    expectKey = false;
                    awaitValue = true;
                }
            } else if (expectKey) {
                current.push_back(c);
            }
            continue;
        }
        if (awaitValue && c != ':' && !isSpace(c)) {
            keys.back().valueStart = c;
            awaitValue = false;
        }
        switch (c) {
        case '"':
            inString = true;
            current.clear();
            break;
        case '{':
            ++level;
            if (level == depth) {
                if (objectAtDepth)
                    return keys; // only the first object at that depth counts
                objectAtDepth = true;
                expectKey = true;
            }
            break;
        case '[':
            ++level;
            break;
        case '}':
        case ']':
            if (level == depth && objectAtDepth)
                return keys;
            --level;
            break;
        case ',':
            if (level == depth && objectAtDepth)
                expectKey = true;
            break;
        default:
            break;
        }
    }
    return keys;
}

const KeySeen *findKey(const std::vector<KeySeen> &keys, std::string_view name)
{
    const auto it = std::find_if(keys.begin(), keys.end(), [&](const KeySeen &seen) { return seen.key == name; });
    return it == keys.end() ? nullptr : &*it;
}

bool isBulkAction(const std::vector<KeySeen> &keys)
{
    if (keys.size() != 1)
        return false;
    const std::string &key = keys.front().key;
    return key == "index" || key == "create" || key == "update" || key == "delete";
}

std::optional<TraceFormat> classifyDocument(const std::vector<KeySeen> &keys)
{
    if (findKey(keys, "resourceSpans") || findKey(keys, "batches"))
        return TraceFormat::OtlpNdjson;
    if (findKey(keys, "traceID") && findKey(keys, "spanID"))
        return TraceFormat::JaegerElasticsearch;
    if (findKey(keys, "traceId") && findKey(keys, "spanId"))
        return TraceFormat::DataPrepperSpans;
    if ((findKey(keys, "serviceName") && (findKey(keys, "destination") || findKey(keys, "target")))
        || (findKey(keys, "sourceNode") && findKey(keys, "targetNode")))
        return TraceFormat::DataPrepperServiceMap;
    return std::nullopt;
}

std::string_view firstLine(std::string_view text)
{
    const auto end = text.find('\n');
    return end == std::string_view::npos ? text : text.substr(0, end);
}

std::string describeStart(std::string_view text)
{
    std::string shown(text.substr(0, 40));
    std::replace_if(
        shown.begin(), shown.end(), [](char c) { return c < 0x20; }, ' ');
    return shown;
}

// A line is a whole JSON document when simdjson parses it alone.
bool isCompleteDocument(std::string_view line)
{
    simdjson::dom::parser parser;
    const simdjson::padded_string padded(line);
    simdjson::dom::element element;
    return parser.parse(padded).get(element) == simdjson::SUCCESS;
}

FormatGuess detectNdjson(std::string_view text)
{
    // Skip bulk action lines such as {"index":{}} and judge the first document.
    std::size_t offset = 0;
    while (offset < text.size()) {
        const std::string_view line = firstLine(text.substr(offset));
        offset += line.size() + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        const auto keys = keysAtDepth(line, 1);
        if (isBulkAction(keys))
            continue;
        if (const auto format = classifyDocument(keys))
            return { format, {} };
        return { std::nullopt, "NDJSON whose first document has none of the keys of a known span format" };
    }
    return { std::nullopt, "NDJSON with only bulk action lines" };
}

} // namespace

std::string_view traceFormatName(TraceFormat format)
{
    switch (format) {
    case TraceFormat::ZipkinV2:
        return "Zipkin v2 JSON";
    case TraceFormat::JaegerApi:
        return "Jaeger JSON";
    case TraceFormat::JaegerTrace:
        return "Jaeger trace JSON";
    case TraceFormat::JaegerElasticsearch:
        return "Jaeger Elasticsearch NDJSON";
    case TraceFormat::JaegerDependencies:
        return "Jaeger dependencies JSON";
    case TraceFormat::Otlp:
        return "OTLP/JSON";
    case TraceFormat::OtlpNdjson:
        return "OTLP/JSON lines";
    case TraceFormat::DataPrepperSpans:
        return "Data Prepper span NDJSON";
    case TraceFormat::DataPrepperServiceMap:
        return "Data Prepper service map NDJSON";
    case TraceFormat::NezhaCsv:
        return "Nezha TrainTicket CSV";
    }
    return "unknown";
}

FormatGuess detectTraceFormat(std::string_view head)
{
    std::string_view text = head;
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return { std::nullopt, "the file is empty" };
    text.remove_prefix(start);

    if (text.front() == '[') {
        // An empty array is an empty Zipkin export: there is nothing else it could be.
        const auto next = text.find_first_not_of(" \t\r\n", 1);
        if (next == std::string_view::npos || text[next] == ']')
            return { TraceFormat::ZipkinV2, {} };
        const auto keys = keysAtDepth(text, 2);
        if (findKey(keys, "parent") && findKey(keys, "child"))
            return { TraceFormat::JaegerDependencies, {} };
        if (findKey(keys, "traceId"))
            return { TraceFormat::ZipkinV2, {} };
        return { std::nullopt, "a JSON array whose first element is neither a Zipkin span nor a dependency link" };
    }

    if (text.front() == '{') {
        const std::string_view line = firstLine(text);
        const std::string_view rest = text.substr(std::min(text.size(), line.size() + 1));
        const bool moreLines = rest.find_first_not_of(" \t\r\n") != std::string_view::npos;
        if (moreLines && isCompleteDocument(line))
            return detectNdjson(text);

        const auto keys = keysAtDepth(text, 1);
        if (findKey(keys, "resourceSpans") || findKey(keys, "batches"))
            return { TraceFormat::Otlp, {} };
        if (const KeySeen *data = findKey(keys, "data")) {
            if (data->valueStart == '[')
                return { TraceFormat::JaegerApi, {} };
            if (data->valueStart == '{')
                return { TraceFormat::JaegerTrace, {} };
        }
        if (findKey(keys, "spans") && (findKey(keys, "traceID") || findKey(keys, "processes")))
            return { TraceFormat::JaegerTrace, {} };
        if (const auto format = classifyDocument(keys); format && !moreLines) {
            // A single document of a line format is a one-line NDJSON file.
            return { format == TraceFormat::OtlpNdjson ? TraceFormat::Otlp : format, {} };
        }
        return { std::nullopt, "a JSON object without resourceSpans, data, spans or span fields" };
    }

    const std::string_view header = firstLine(text);
    if (header.find("TraceID") != std::string_view::npos && header.find("SpanID") != std::string_view::npos
        && header.find("ParentID") != std::string_view::npos && header.find("PodName") != std::string_view::npos)
        return { TraceFormat::NezhaCsv, {} };
    return { std::nullopt,
        "neither JSON nor a known CSV header; the file starts with \"" + describeStart(text) + "\"" };
}

} // namespace faultline
