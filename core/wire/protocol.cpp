// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

namespace faultline::wire
{

std::string healthTopic(std::string_view service)
{
    std::string topic(healthPrefix);
    topic += service;
    return topic;
}

std::string traceTopic(std::string_view service)
{
    std::string topic(tracePrefix);
    topic += service;
    return topic;
}

std::optional<Topic> parseTopic(std::string_view topic)
{
    for (auto [prefix, stream] :
        { std::pair { healthPrefix, Stream::Health }, std::pair { tracePrefix, Stream::Trace } }) {
        if (topic.starts_with(prefix)) {
            const auto service = topic.substr(prefix.size());
            if (!isValidServiceName(service))
                return std::nullopt;
            return Topic { stream, service };
        }
    }
    return std::nullopt;
}

bool topicIsForService(std::string_view topic, std::string_view service)
{
    const auto parsed = parseTopic(topic);
    return parsed && parsed->service == service;
}

bool isValidServiceName(std::string_view name)
{
    if (name.empty() || name.size() > 200)
        return false;
    for (char c : name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == ':' || c == '/' || c == '-';
        if (!allowed)
            return false;
    }
    return true;
}

} // namespace faultline::wire
