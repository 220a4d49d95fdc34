// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

#include "uilogging.h"

namespace faultline
{

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    connect(m_closeButton, &QToolButton::clicked, this, &MessageBanner::dismiss);
    hide();
}

QString MessageBanner::text() const
{
    return m_label->text();
}

void MessageBanner::showMessage(const QString &message, Level level)
{
    if (isVisibleTo(parentWidget()) && message == m_message) {
        ++m_repeats;
    } else if (isVisibleTo(parentWidget()) && level < m_level) {
        // A lesser message does not push an error out of sight.
        ++m_othersHidden;
    } else {
        if (isVisibleTo(parentWidget()))
            ++m_othersHidden;
        m_message = message;
        m_level = level;
        m_repeats = 1;
    }
    qCInfo(lcUi) << "banner" << int(level) << message;

    static const char *const styles[] = {
        "QFrame#messageBanner { background: #e3f2fd; border: 1px solid #90caf9; }",
        "QFrame#messageBanner { background: #fff4d6; border: 1px solid #e0b040; }",
        "QFrame#messageBanner { background: #fde0de; border: 1px solid #d9534f; }",
    };
    setStyleSheet(QString::fromLatin1(styles[int(m_level)]));
    updateText();
    show();
}

void MessageBanner::showWarning(const QString &message)
{
    showMessage(message, Level::Warning);
}

void MessageBanner::showError(const QString &message)
{
    showMessage(message, Level::Error);
}

void MessageBanner::dismiss()
{
    m_message.clear();
    m_repeats = 0;
    m_othersHidden = 0;
    hide();
}

void MessageBanner::updateText()
{
    QString text = m_message;
    if (m_repeats > 1)
        text += QLatin1Char(' ') + tr("(%n times)", nullptr, m_repeats);
    if (m_othersHidden > 0)
        text += QLatin1Char(' ') + tr("(%n more message(s) not shown)", nullptr, m_othersHidden);
    m_label->setText(text);
}

} // namespace faultline
