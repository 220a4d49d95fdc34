// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceimportjob.h"

#include <algorithm>

#include <QThread>

#include "uilogging.h"

namespace faultline
{

TraceImportJob::TraceImportJob(QObject *parent)
    : QObject(parent)
{
}

TraceImportJob::~TraceImportJob()
{
    if (!m_thread)
        return;
    m_cancel = true;
    m_thread->wait();
}

void TraceImportJob::start(const QStringList &paths)
{
    if (m_thread)
        return;
    qCDebug(lcUi) << "trace import started, files" << paths;

    m_thread = QThread::create([this, paths] {
        GraphImportOptions options;
        options.cancel = &m_cancel;
        options.progress = [this](std::uint64_t read, std::uint64_t total) {
            const int permille = total == 0 ? 0 : int(std::min<std::uint64_t>(1000, read * 1000 / total));
            if (m_lastPermille.exchange(permille) == permille)
                return;
            // Queued to this object, so the signal reaches its receivers on the GUI thread.
            QMetaObject::invokeMethod(
                this, [this, permille] { Q_EMIT progressChanged(permille); }, Qt::QueuedConnection);
        };
        m_worker = importDependencyGraph(paths, options);
    });
    m_thread->setParent(this);
    connect(m_thread, &QThread::finished, this, &TraceImportJob::onThreadFinished, Qt::QueuedConnection);
    m_thread->start();
}

bool TraceImportJob::isRunning() const
{
    return m_thread && !m_result;
}

void TraceImportJob::cancel()
{
    m_cancel = true;
}

void TraceImportJob::onThreadFinished()
{
    m_result = std::move(m_worker);
    m_worker.reset();
    if (m_result && !*m_result)
        qCWarning(lcUi) << "trace import failed:" << m_result->error().message << m_result->error().where;
    else if (m_result)
        qCDebug(lcUi) << "trace import finished, nodes" << (*m_result)->graph.nodeCount();
    Q_EMIT finished();
}

} // namespace faultline
