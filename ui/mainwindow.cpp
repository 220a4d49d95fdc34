// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include "graphview.h"
#include "messagebanner.h"
#include "publisherstatuswidget.h"
#include "servicedetailspanel.h"
#include "topology/livetopology.h"
#include "traceimportwindow.h"

namespace faultline
{

MainWindow::MainWindow(LiveTopology *topology, QWidget *parent)
    : QMainWindow(parent)
    , m_graphView(new GraphView(topology))
    , m_detailsPanel(new ServiceDetailsPanel(topology))
    , m_publisherStatus(new PublisherStatusWidget(topology))
    , m_banner(new MessageBanner)
{
    setWindowTitle(tr("Faultline"));

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_graphView, 1);
    setCentralWidget(central);

    auto *dock = new QDockWidget(tr("Service details"), this);
    dock->setObjectName(QStringLiteral("serviceDetailsDock"));
    dock->setWidget(m_detailsPanel);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setMinimumWidth(420);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    statusBar()->addPermanentWidget(m_publisherStatus, 1);

    connect(m_graphView, &GraphView::selectedServiceChanged, m_detailsPanel, &ServiceDetailsPanel::setService);
    connect(topology, &LiveTopology::warningRaised, m_banner, &MessageBanner::showWarning);

    createMenus();
    setAcceptDrops(true);
    resize(1600, 900);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importAction = file->addAction(tr("&Import Traces…"), this, &MainWindow::chooseTraceFiles);
    importAction->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fit = view->addAction(tr("&Fit to Window"), m_graphView, &GraphView::fitToWindow);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_graphView, &GraphView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_graphView, &GraphView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Faultline"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Faultline"),
        tr("<h3>Faultline %1</h3>"
           "<p>An operations console for plant microservices: a live dependency graph built from "
           "health and trace streams, coloured by health.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QApplication::applicationVersion()));
}

void MainWindow::importTraces(const QStringList &paths)
{
    if (!paths.isEmpty())
        TraceImportWindow::openFiles(paths, this);
}

void MainWindow::chooseTraceFiles()
{
    importTraces(QFileDialog::getOpenFileNames(
        this, tr("Import Traces"), {}, tr("Trace files (*.json *.ndjson *.jsonl *.csv);;All files (*)")));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!TraceImportWindow::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = TraceImportWindow::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    importTraces(files);
}

void MainWindow::showProblem(const QString &message)
{
    m_banner->showError(message);
}

void MainWindow::setSourceDescription(const QString &description)
{
    setWindowTitle(description.isEmpty() ? tr("Faultline") : tr("%1 — Faultline").arg(description));
}

} // namespace faultline
