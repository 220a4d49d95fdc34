// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphfilter.h"

namespace faultline
{

void GraphFilter::setNamePattern(const QString &pattern)
{
    m_namePattern = pattern.trimmed();
    if (m_namePattern.isEmpty()) {
        m_nameExpression = {};
        return;
    }
    const bool wildcard = m_namePattern.contains(QLatin1Char('*')) || m_namePattern.contains(QLatin1Char('?'));
    const QString glob = wildcard ? m_namePattern : QStringLiteral("*%1*").arg(m_namePattern);
    // Qt 6.4's wildcard conversion stops "*" at "/", but service names are not paths.
    QString expression = QRegularExpression::escape(glob);
    expression.replace(QLatin1String("\\*"), QLatin1String(".*"));
    expression.replace(QLatin1String("\\?"), QLatin1String("."));
    m_nameExpression = QRegularExpression(
        QRegularExpression::anchoredPattern(expression), QRegularExpression::CaseInsensitiveOption);
}

bool GraphFilter::acceptsName(const QString &name) const
{
    return m_namePattern.isEmpty() || m_nameExpression.match(name).hasMatch();
}

bool GraphFilter::accepts(const ServiceSnapshot &snapshot) const
{
    if (!states.empty() && !states.count(snapshot.state))
        return false;
    if (!criticalities.empty()) {
        const Criticality criticality = snapshot.criticalityKnown ? snapshot.criticality : Criticality::Important;
        if (!criticalities.count(criticality))
            return false;
    }
    return acceptsName(QString::fromStdString(snapshot.name));
}

} // namespace faultline
