// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "alarmlistmodel.h"

#include <chrono>

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFont>

#include "displayformat.h"
#include "health/livealarms.h"

namespace faultline
{

namespace
{

std::int64_t steadyNowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString priorityText(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Urgent:
        return AlarmListModel::tr("Urgent");
    case AlarmPriority::High:
        return AlarmListModel::tr("High");
    case AlarmPriority::Medium:
        return AlarmListModel::tr("Medium");
    case AlarmPriority::Low:
        break;
    }
    return AlarmListModel::tr("Low");
}

QString stateText(const Alarm &alarm)
{
    switch (alarm.state) {
    case AlarmState::Unacknowledged:
        return AlarmListModel::tr("Unacknowledged");
    case AlarmState::Acknowledged:
        return AlarmListModel::tr("Acknowledged");
    case AlarmState::ReturnedUnacknowledged:
        return AlarmListModel::tr("Cleared, unacknowledged");
    case AlarmState::Shelved:
        return AlarmListModel::tr("Shelved");
    case AlarmState::Suppressed:
        return AlarmListModel::tr("Suppressed by %1").arg(QString::fromStdString(alarm.suppressedBy));
    case AlarmState::Normal:
        break;
    }
    return AlarmListModel::tr("Normal");
}

// Priority colours run red, orange, yellow, blue from urgent to low, and the text gives the same for colour-blind eyes.
QColor priorityColour(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Urgent:
        return QColor(0xc6, 0x28, 0x28);
    case AlarmPriority::High:
        return QColor(0xef, 0x6c, 0x00);
    case AlarmPriority::Medium:
        return QColor(0xf9, 0xa8, 0x25);
    case AlarmPriority::Low:
        break;
    }
    return QColor(0x15, 0x65, 0xc0);
}

bool hiddenByDesign(const Alarm &alarm)
{
    return alarm.state == AlarmState::Shelved || alarm.state == AlarmState::Suppressed;
}

} // namespace

AlarmListModel::AlarmListModel(LiveAlarms *alarms, QObject *parent)
    : QAbstractTableModel(parent)
    , m_alarms(alarms)
    , m_nowMs(steadyNowMs)
{
    // The list has tens of rows at most between floods, so a reset per delta is cheaper than diffing it.
    connect(alarms, &LiveAlarms::alarmsChanged, this, &AlarmListModel::reload);
    reload();
}

void AlarmListModel::setSteadyClock(std::function<std::int64_t()> nowMs)
{
    m_nowMs = std::move(nowMs);
}

int AlarmListModel::rowOf(quint64 id) const
{
    for (std::size_t row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == id)
            return int(row);
    }
    return -1;
}

void AlarmListModel::reload()
{
    beginResetModel();
    m_rows = m_alarms ? m_alarms->alarms() : std::vector<Alarm> {};
    endResetModel();
}

int AlarmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlarmListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlarmListModel::raisedText(const Alarm &alarm) const
{
    // Alarm times are on the ingest thread's steady clock, so they are shown as the wall-clock time they match.
    const auto ageMs = std::max<std::int64_t>(0, m_nowMs() - alarm.lastRaisedAtMs);
    const auto wall = QDateTime::currentDateTime().addMSecs(-ageMs);
    return wall.toString(QStringLiteral("HH:mm:ss"));
}

QVariant AlarmListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Alarm &alarm = m_rows[std::size_t(index.row())];

    switch (role) {
    case AlarmIdRole:
        return QVariant::fromValue<quint64>(alarm.id);
    case HiddenByDesignRole:
        return hiddenByDesign(alarm);
    case ServiceRole:
        return QString::fromStdString(alarm.service);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case PriorityColumn:
            return priorityText(alarm.priority);
        case StateColumn:
            return stateText(alarm);
        case ServiceColumn:
            return alarm.firstOut ? tr("%1 (first out)").arg(QString::fromStdString(alarm.service))
                                  : QString::fromStdString(alarm.service);
        case ConditionColumn:
            return alarmText(alarm);
        case CountColumn:
            return alarm.count;
        case RaisedColumn:
            return raisedText(alarm);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole: {
        auto tip = tr("%1 on %2: %3")
                       .arg(priorityText(alarm.priority), QString::fromStdString(alarm.service), alarmText(alarm));
        if (alarm.affectedServices > 0)
            tip += QLatin1Char('\n') + tr("%n caller(s) depend on it", nullptr, alarm.affectedServices);
        if (!alarm.acknowledgedBy.empty())
            tip += QLatin1Char('\n') + tr("acknowledged by %1").arg(QString::fromStdString(alarm.acknowledgedBy));
        if (alarm.shelvedUntilMs) {
            const auto leftMs = std::max<std::int64_t>(0, *alarm.shelvedUntilMs - m_nowMs());
            tip += QLatin1Char('\n') + tr("shelved for another %1").arg(DisplayFormat::age(double(leftMs)));
        }
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() == PriorityColumn)
            return priorityColour(alarm.priority);
        return {};
    case Qt::FontRole:
        // ISA-18.2: an unacknowledged alarm must stand out from one already seen.
        if (alarm.state == AlarmState::Unacknowledged || alarm.state == AlarmState::ReturnedUnacknowledged) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (hiddenByDesign(alarm) || !alarm.active)
            return QBrush(QColor(0x75, 0x75, 0x75));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant AlarmListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case PriorityColumn:
        return tr("Priority");
    case StateColumn:
        return tr("State");
    case ServiceColumn:
        return tr("Service");
    case ConditionColumn:
        return tr("Condition");
    case CountColumn:
        return tr("Count");
    case RaisedColumn:
        return tr("Last raised");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace faultline
