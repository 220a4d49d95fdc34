// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include <QObject>
#include <QPointer>

#include "control/commandsender.h"

class QAction;
class QMenu;
class QWidget;

namespace faultline
{

class IncidentSink;

/**
 * The operator's actions on one service: isolate, degrade, shed, ramp and restore. It provides the
 * QActions with their shortcuts for the menus, confirms the actions that cut traffic, sends the
 * command, and records sent, applied, rejected and timed out in the incident.
 */
class ServiceActions : public QObject
{
    Q_OBJECT

public:
    /** The request's parameters that the operator confirmed in the dialog. */
    struct Confirmation {
        std::optional<double> percent;
        std::optional<double> capacity;
        QString reason;
    };
    /** Asks the operator to confirm @p operation on @p service; nothing means cancelled. */
    using ConfirmPrompt
        = std::function<std::optional<Confirmation>(ControlOperation operation, const QString &service)>;

    ServiceActions(CommandSender *sender, IncidentSink *sink, QWidget *dialogParent);

    void setOperatorName(const QString &name) { m_operatorName = name; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /** Replaces the confirmation dialog, for tests. */
    void setConfirmPrompt(ConfirmPrompt prompt) { m_prompt = std::move(prompt); }

    /** The action of @p operation, acting on the current service. */
    QAction *action(ControlOperation operation) const;
    /** Adds the five actions to @p menu. */
    void addTo(QMenu *menu) const;
    /** Returns whether @p operation cuts traffic, so that it needs confirmation first. */
    static bool cutsTraffic(ControlOperation operation, std::optional<double> percent);

public Q_SLOTS:
    void setCurrentService(const QString &service);
    /** Asks for confirmation when needed and sends @p operation for @p service. */
    void trigger(ControlOperation operation, const QString &service);

Q_SIGNALS:
    /** A command ended; the console shows the outcome in its banner. */
    void finished(const faultline::CommandOutcome &outcome, const QString &summary);

private:
    std::optional<Confirmation> askOperator(ControlOperation operation, const QString &service);
    void send(ControlOperation operation, const QString &service, const Confirmation &confirmation);

    CommandSender *m_sender;
    IncidentSink *m_sink;
    QPointer<QWidget> m_dialogParent;
    QString m_operatorName;
    QString m_service;
    std::chrono::milliseconds m_timeout { 5000 };
    ConfirmPrompt m_prompt;
    std::vector<std::pair<ControlOperation, QAction *>> m_actions;
};

} // namespace faultline
