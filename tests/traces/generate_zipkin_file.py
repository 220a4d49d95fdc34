#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Faultline contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a Zipkin v2 JSON array of about SIZE_MIB MiB for measuring the trace import.

Each trace has 10 spans over 5 instrumented services, a database, a cache and a broker, so the
expected graph is fixed: 6 edges, each with one call per trace, and about 2 % failed payments.

Usage: generate_zipkin_file.py OUTPUT SIZE_MIB
"""
import random
import sys


def span(trace, span_id, parent, kind, service, start_us, duration_us, remote=None, error=False):
    text = '{"traceId":"%032x","id":"%016x",' % (trace, span_id)
    if parent:
        text += '"parentId":"%016x",' % parent
    text += ('"kind":"%s","name":"op %d","timestamp":%d,"duration":%d,'
             '"localEndpoint":{"serviceName":"%s","ipv4":"10.0.%d.%d"}'
             % (kind, span_id % 7, start_us, duration_us, service, trace % 250, span_id % 250))
    if remote:
        text += ',"remoteEndpoint":{"serviceName":"%s"}' % remote
    text += ',"tags":{"http.method":"GET","http.path":"/api/v1/item/%d"%s}}' % (
        span_id, ',"error":"timeout"' if error else '')
    return text


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target = int(sys.argv[2]) * 1024 * 1024
    random.seed(7)
    written = 1
    trace = 0
    with open(sys.argv[1], 'w') as out:
        out.write('[')
        while written < target:
            trace += 1
            base = 1_700_000_000_000_000 + trace * 1000
            ids = [trace * 16 + k + 1 for k in range(10)]
            spans = [
                span(trace, ids[0], 0, 'SERVER', 'gateway', base, 9000),
                span(trace, ids[1], ids[0], 'CLIENT', 'gateway', base + 100, 8000, 'orders'),
                span(trace, ids[2], ids[1], 'SERVER', 'orders', base + 200, 7800),
                span(trace, ids[3], ids[2], 'CLIENT', 'orders', base + 300, 1000, 'ordersdb'),
                span(trace, ids[4], ids[2], 'CLIENT', 'orders', base + 1400, 5000, 'payments'),
                span(trace, ids[5], ids[4], 'SERVER', 'payments', base + 1500, 4800, error=random.random() < 0.02),
                span(trace, ids[6], ids[5], 'CLIENT', 'payments', base + 1600, 2000, 'ledger'),
                span(trace, ids[7], ids[6], 'SERVER', 'ledger', base + 1700, 1800),
                span(trace, ids[8], ids[7], 'PRODUCER', 'ledger', base + 1800, 900, 'kafka'),
                span(trace, ids[9], ids[2], 'CLIENT', 'orders', base + 6500, 700, 'cache'),
            ]
            for text in spans:
                if written > 1:
                    out.write(',\n')
                    written += 2
                out.write(text)
                written += len(text)
        out.write(']\n')
    print('%d traces, %d spans' % (trace, trace * 10))


if __name__ == '__main__':
    main()
