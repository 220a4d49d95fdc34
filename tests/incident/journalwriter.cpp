// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Child process of tst_journalcrash: records events through IncidentManager until it is killed,
// and prints "seq N" on stdout for each event once the manager reports it written.
// Usage: incident_journal_writer JOURNAL SEED
#include <cstdio>

#include <unistd.h>

#include <QCoreApplication>
#include <QRandomGenerator>

#include "incident/incidentmanager.h"

using namespace faultline;

namespace
{

// Unbuffered, so that every line the parent reads was written before the kill.
void report(const QByteArray &line)
{
    const auto written = ::write(STDOUT_FILENO, line.constData(), size_t(line.size()));
    if (written != line.size())
        std::_Exit(3);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: incident_journal_writer JOURNAL SEED\n", stderr);
        return 2;
    }

    IncidentManager manager;
    manager.setAutoCloseDelay(std::chrono::milliseconds(0));
    QObject::connect(&manager, &IncidentManager::eventRecorded, &manager, [](const IncidentEvent &event) {
        report(QByteArray("seq ") + QByteArray::number(qulonglong(event.sequence)) + '\n');
    });
    QObject::connect(&manager, &IncidentManager::journalFailed, &manager, [](const QString &message) {
        std::fprintf(stderr, "journal failed: %s\n", qPrintable(message));
        std::_Exit(4);
    });

    const auto opened = manager.openIncident(QStringLiteral("crash test"), QStringLiteral("tester"), {}, arguments[1]);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    report("ready\n");

    // Records of varied size, alone and in batches, so that kills land inside writes of every length.
    QRandomGenerator random(arguments[2].toUInt());
    for (int round = 0; round < 100000; ++round) {
        std::vector<IncidentEvent> batch(std::size_t(1 + random.bounded(4)));
        for (auto &event : batch) {
            event.kind = EventKind::OperatorNote;
            event.operatorName = QStringLiteral("tester");
            event.text = QString(random.bounded(3000), QLatin1Char('a' + char(random.bounded(26))));
        }
        manager.recordBatch(batch);
    }
    return 0;
}
