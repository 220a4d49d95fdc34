// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ingestclient.h"

#include "ingest/ingestworker.h"

namespace faultline {

IngestClient::IngestClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<faultline::TopologyDelta>();
}

IngestClient::~IngestClient()
{
    stop();
}

std::optional<Error> IngestClient::start(const Options &options)
{
    stop();
    // The sink runs on the worker thread; the queued call carries the delta to this object's thread
    // and is dropped by Qt if this object is gone by then.
    auto worker = std::make_unique<IngestWorker>(options, [this](TopologyDelta &&delta) {
        QMetaObject::invokeMethod(
            this, [this, delta = std::move(delta)] { Q_EMIT deltaReady(delta); }, Qt::QueuedConnection);
    });
    if (auto error = worker->start())
        return error;
    m_worker = std::move(worker);
    return std::nullopt;
}

void IngestClient::stop()
{
    if (m_worker) {
        m_worker->stop();
        m_worker.reset();
    }
}

bool IngestClient::sendHealthCommand(const HealthCommand &command)
{
    if (!m_worker || !m_worker->isRunning())
        return false;
    m_worker->post(command);
    return true;
}

bool IngestClient::isRunning() const
{
    return m_worker && m_worker->isRunning();
}

} // namespace faultline
