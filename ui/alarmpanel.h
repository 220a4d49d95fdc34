// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace faultline
{

class AlarmFilter;
class AlarmListModel;
class LiveAlarms;

/**
 * The alarm list: highest priority first, then the latest raise, unacknowledged rows in bold and
 * first-out alarms named. During an alarm flood it shows the summary and only the first-out, urgent
 * and high alarms until the operator asks for all of them.
 */
class AlarmPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AlarmPanel(LiveAlarms *alarms, QWidget *parent = nullptr);

    AlarmListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /** The rows on screen after the filters, for tests and the status bar. */
    int visibleRows() const;

    /** Prompts for the shelving reason. Tests replace it because they cannot reply to a dialog. */
    void setReasonPrompt(std::function<std::optional<QString>(const QString &service)> prompt);

public Q_SLOTS:
    void acknowledgeSelected();
    void shelveSelected(qint64 durationMs);
    void unshelveSelected();
    void setShowHidden(bool show);
    void setShowAllDuringFlood(bool show);

Q_SIGNALS:
    /** The operator picked an alarm; the console selects its service in the graph. */
    void serviceSelected(const QString &service);

private:
    quint64 selectedAlarm() const;
    void updateFlood();
    void updateButtons();

    QPointer<LiveAlarms> m_alarms;
    AlarmListModel *m_model;
    AlarmFilter *m_filter;
    QTableView *m_view;
    QLabel *m_floodLabel;
    QCheckBox *m_showAll;
    QCheckBox *m_showHidden;
    QPushButton *m_acknowledge;
    QPushButton *m_acknowledgeAll;
    QToolButton *m_shelve;
    QPushButton *m_unshelve;
    QLabel *m_countLabel;
    std::function<std::optional<QString>(const QString &)> m_reasonPrompt;
    quint64 m_keptSelection = 0;
};

} // namespace faultline
