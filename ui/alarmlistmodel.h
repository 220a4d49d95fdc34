// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <vector>

#include <QAbstractTableModel>
#include <QPointer>

#include "health/alarm.h"

namespace faultline
{

class LiveAlarms;

/**
 * The alarm list as a table, in LiveAlarms' order (priority, then the latest raise). Shelved and
 * suppressed alarms are rows too, so that the operator can find them; the panel hides them on request.
 */
class AlarmListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { PriorityColumn, StateColumn, ServiceColumn, ConditionColumn, CountColumn, RaisedColumn, ColumnCount };
    enum Role {
        AlarmIdRole = Qt::UserRole + 1, // quint64
        HiddenByDesignRole, // bool: shelved or suppressed
        ServiceRole, // QString
    };

    explicit AlarmListModel(LiveAlarms *alarms, QObject *parent = nullptr);

    /** Replaces the steady clock (milliseconds, the clock of Alarm::raisedAtMs), for tests. */
    void setSteadyClock(std::function<std::int64_t()> nowMs);

    const Alarm &alarm(int row) const { return m_rows.at(std::size_t(row)); }
    /** The row of the alarm with @p id, or -1. */
    int rowOf(quint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    QString raisedText(const Alarm &alarm) const;

    QPointer<LiveAlarms> m_alarms;
    std::vector<Alarm> m_rows;
    std::function<std::int64_t()> m_nowMs;
};

} // namespace faultline
