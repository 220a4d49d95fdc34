// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QToolBar>

class QAction;
class QLineEdit;
class QSpinBox;
class QStringListModel;
class QToolButton;

namespace faultline
{

class GraphView;

/**
 * Navigation of the graph: search by name with type-ahead, focus mode with its depth, and the
 * filters by state, criticality and name pattern. Works on one GraphView.
 */
class GraphToolBar : public QToolBar
{
    Q_OBJECT

public:
    explicit GraphToolBar(GraphView *view, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QLineEdit *patternField() const { return m_pattern; }
    QSpinBox *depthBox() const { return m_depth; }
    QAction *focusAction() const { return m_focusAction; }
    /** The checkable actions of the state and criticality filter menu, by object name. */
    QToolButton *filterButton() const { return m_filterButton; }

public Q_SLOTS:
    /** Puts the keyboard focus into the search field, selecting what it holds. */
    void startSearch();

private:
    void updateCompletions(const QString &text);
    void acceptSearch();
    void toggleFocus(bool checked);
    void applyFilter();
    void onFocusChanged(const QString &service, int depth);
    void onSelectionChanged(const QString &service);

    GraphView *m_view;
    QLineEdit *m_search;
    QStringListModel *m_completions;
    QSpinBox *m_depth;
    QAction *m_focusAction;
    QToolButton *m_filterButton;
    QLineEdit *m_pattern;
};

} // namespace faultline
