// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <optional>

#include <QObject>
#include <QStringList>

#include "common/result.h"
#include "traces/graphimport.h"

class QThread;

namespace faultline
{

/**
 * Runs importDependencyGraph() for a list of files on a worker thread of its own and reports back on
 * the thread that owns the job, through queued signals. A job runs one import. Its destructor cancels a
 * running import and waits for the worker to stop.
 */
class TraceImportJob : public QObject
{
    Q_OBJECT

public:
    explicit TraceImportJob(QObject *parent = nullptr);
    ~TraceImportJob() override;

    /** Starts the import. Does nothing when this job already started one. */
    void start(const QStringList &paths);
    bool isRunning() const;
    /** The outcome, set once finished() was emitted. */
    const std::optional<Result<GraphImport>> &result() const { return m_result; }

public Q_SLOTS:
    /** Asks the worker to stop at its next 1 MiB chunk, so that the job finishes with an Error. */
    void cancel();

Q_SIGNALS:
    /** Bytes read over the total of all files, in thousandths, emitted only when the value changes. */
    void progressChanged(int permille);
    void finished();

private:
    void onThreadFinished();

    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel { false };
    std::atomic<int> m_lastPermille { -1 };
    // Written by the worker and read only after QThread::finished has reached this thread.
    std::optional<Result<GraphImport>> m_worker;
    std::optional<Result<GraphImport>> m_result;
};

} // namespace faultline
