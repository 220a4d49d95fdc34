// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphtoolbar.h"

#include <QAction>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStringListModel>
#include <QToolButton>

#include "graphview.h"
#include "statestyle.h"

namespace faultline
{
namespace
{

constexpr int completionLimit = 50;
const char stateProperty[] = "faultlineState";
const char criticalityProperty[] = "faultlineCriticality";

} // namespace

GraphToolBar::GraphToolBar(GraphView *view, QWidget *parent)
    : QToolBar(tr("Graph"), parent)
    , m_view(view)
    , m_search(new QLineEdit(this))
    , m_completions(new QStringListModel(this))
    , m_depth(new QSpinBox(this))
    , m_filterButton(new QToolButton(this))
    , m_pattern(new QLineEdit(this))
{
    setObjectName(QStringLiteral("graphToolBar"));

    m_search->setObjectName(QStringLiteral("graphSearch"));
    m_search->setPlaceholderText(tr("Find service (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    // The model already contains the matches in order, prefix matches first.
    completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_search->setCompleter(completer);
    connect(m_search, &QLineEdit::textEdited, this, &GraphToolBar::updateCompletions);
    connect(m_search, &QLineEdit::returnPressed, this, &GraphToolBar::acceptSearch);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &name) {
        m_search->setText(name);
        acceptSearch();
    });
    addWidget(m_search);
    addSeparator();

    m_focusAction = addAction(tr("Focus"), this, &GraphToolBar::toggleFocus);
    m_focusAction->setObjectName(QStringLiteral("focusAction"));
    m_focusAction->setCheckable(true);
    m_focusAction->setToolTip(tr("Show only the selected service and its neighbours (Enter; Esc leaves)"));
    m_depth->setObjectName(QStringLiteral("focusDepth"));
    m_depth->setRange(1, 5);
    m_depth->setValue(view->focusDepth());
    m_depth->setSuffix(tr(" hops"));
    m_depth->setToolTip(tr("How many hops up and down from the focused service are shown"));
    connect(m_depth, qOverload<int>(&QSpinBox::valueChanged), this, [this](int depth) {
        if (!m_view->focusedService().isEmpty())
            m_view->focusOn(m_view->focusedService(), depth);
    });
    addWidget(m_depth);
    addSeparator();

    m_filterButton->setObjectName(QStringLiteral("filterButton"));
    m_filterButton->setText(tr("Filter"));
    m_filterButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_filterButton);
    menu->addSection(tr("State"));
    for (const ServiceState state : { ServiceState::Critical, ServiceState::Warning, ServiceState::Ok,
             ServiceState::Stale, ServiceState::Unknown }) {
        QAction *action = menu->addAction(StateStyle::stateIcon(state), StateStyle::stateName(state));
        action->setCheckable(true);
        action->setProperty(stateProperty, int(state));
        action->setObjectName(QStringLiteral("state-%1").arg(int(state)));
        connect(action, &QAction::toggled, this, &GraphToolBar::applyFilter);
    }
    menu->addSection(tr("Criticality"));
    for (const Criticality criticality : { Criticality::Core, Criticality::Important, Criticality::Minor }) {
        QAction *action = menu->addAction(StateStyle::criticalityName(criticality));
        action->setCheckable(true);
        action->setProperty(criticalityProperty, int(criticality));
        action->setObjectName(QStringLiteral("criticality-%1").arg(int(criticality)));
        connect(action, &QAction::toggled, this, &GraphToolBar::applyFilter);
    }
    m_filterButton->setMenu(menu);
    addWidget(m_filterButton);

    m_pattern->setObjectName(QStringLiteral("namePattern"));
    m_pattern->setPlaceholderText(tr("Name pattern, e.g. robot-*"));
    m_pattern->setClearButtonEnabled(true);
    m_pattern->setMaximumWidth(220);
    connect(m_pattern, &QLineEdit::textChanged, this, &GraphToolBar::applyFilter);
    addWidget(m_pattern);

    connect(view, &GraphView::focusChanged, this, &GraphToolBar::onFocusChanged);
    connect(view, &GraphView::selectedServiceChanged, this, &GraphToolBar::onSelectionChanged);
    onSelectionChanged(view->selectedService());
}

void GraphToolBar::startSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void GraphToolBar::updateCompletions(const QString &text)
{
    m_completions->setStringList(m_view->matchingServices(text, completionLimit));
    // Type-ahead: the graph follows the first match while the operator types.
    const QStringList matches = m_completions->stringList();
    if (!matches.isEmpty())
        m_view->selectService(matches.first());
}

void GraphToolBar::acceptSearch()
{
    const QString text = m_search->text().trimmed();
    QString name = m_view->nodeItem(text) ? text : QString();
    if (name.isEmpty()) {
        const QStringList matches = m_view->matchingServices(text, 1);
        if (!matches.isEmpty())
            name = matches.first();
    }
    if (name.isEmpty())
        return;
    m_view->selectService(name);
    m_view->setFocus(Qt::OtherFocusReason);
}

void GraphToolBar::toggleFocus(bool checked)
{
    if (checked && !m_view->selectedService().isEmpty())
        m_view->focusOn(m_view->selectedService(), m_depth->value());
    else
        m_view->clearFocusMode();
    m_focusAction->setChecked(!m_view->focusedService().isEmpty());
}

void GraphToolBar::applyFilter()
{
    GraphFilter filter;
    for (const QAction *action : m_filterButton->menu()->actions()) {
        if (!action->isChecked())
            continue;
        if (action->property(stateProperty).isValid())
            filter.states.insert(ServiceState(action->property(stateProperty).toInt()));
        if (action->property(criticalityProperty).isValid())
            filter.criticalities.insert(Criticality(action->property(criticalityProperty).toInt()));
    }
    filter.setNamePattern(m_pattern->text());
    m_filterButton->setText(filter.states.empty() && filter.criticalities.empty() ? tr("Filter") : tr("Filter ●"));
    m_view->setFilter(filter);
}

void GraphToolBar::onFocusChanged(const QString &service, int depth)
{
    m_focusAction->setChecked(!service.isEmpty());
    const QSignalBlocker blocker(m_depth);
    m_depth->setValue(depth);
}

void GraphToolBar::onSelectionChanged(const QString &service)
{
    m_focusAction->setEnabled(!service.isEmpty() || !m_view->focusedService().isEmpty());
}

} // namespace faultline
