// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace faultline
{

/**
 * An inline strip above the graph for recoverable problems (a failed connect, a warning of the
 * ingest thread). It is not modal, and repeats of the same message are counted instead of stacked.
 */
class MessageBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Level { Information, Warning, Error };

    explicit MessageBanner(QWidget *parent = nullptr);

    QString text() const;
    Level level() const { return m_level; }
    /** How many times the message shown was raised since it first appeared. */
    int repeatCount() const { return m_repeats; }

public Q_SLOTS:
    void showMessage(const QString &message, faultline::MessageBanner::Level level);
    void showWarning(const QString &message);
    void showError(const QString &message);
    void dismiss();

private:
    void updateText();

    QLabel *m_label;
    QToolButton *m_closeButton;
    QString m_message;
    Level m_level = Level::Information;
    int m_repeats = 0;
    // Other messages that arrived while one was shown, so that the operator knows there were more.
    int m_othersHidden = 0;
};

} // namespace faultline
