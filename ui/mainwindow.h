// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStringList>

class QDragEnterEvent;
class QDropEvent;

namespace faultline
{

class GraphToolBar;
class GraphView;
class LiveTopology;
class MessageBanner;
class PublisherStatusWidget;
class ServiceDetailsPanel;

/**
 * The console's main window: the live graph with its navigation bar, the details of the selected
 * service, the stream status.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(LiveTopology *topology, QWidget *parent = nullptr);

    GraphView *graphView() const { return m_graphView; }
    ServiceDetailsPanel *detailsPanel() const { return m_detailsPanel; }
    PublisherStatusWidget *publisherStatus() const { return m_publisherStatus; }
    MessageBanner *banner() const { return m_banner; }
    GraphToolBar *graphToolBar() const { return m_graphToolBar; }

public Q_SLOTS:
    /** Shows a recoverable problem in the banner above the graph. */
    void showProblem(const QString &message);
    /** Names what the console listens to, for the window title. */
    void setSourceDescription(const QString &description);
    /** Opens trace files in an import window of their own, apart from the live graph. */
    void importTraces(const QStringList &paths);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void showAbout();
    void chooseTraceFiles();
    void exportGraph(const QString &format);

    GraphView *m_graphView;
    GraphToolBar *m_graphToolBar;
    ServiceDetailsPanel *m_detailsPanel;
    PublisherStatusWidget *m_publisherStatus;
    MessageBanner *m_banner;
};

} // namespace faultline
