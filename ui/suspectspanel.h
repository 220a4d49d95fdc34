// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace faultline
{

class LiveAlarms;

/** The ranked root-cause suspects with their reasons, best first; activating one selects it in the graph. */
class SuspectsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SuspectsPanel(LiveAlarms *alarms, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    void serviceSelected(const QString &service);

private:
    void reload();

    LiveAlarms *m_alarms;
    QLabel *m_placeholder;
    QTreeWidget *m_list;
};

} // namespace faultline
