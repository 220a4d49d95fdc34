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

#include "graphtoolbar.h"
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
    , m_graphToolBar(new GraphToolBar(m_graphView))
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

    addToolBar(Qt::TopToolBarArea, m_graphToolBar);
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
    QAction *exportSvg
        = file->addAction(tr("Export Graph as &SVG…"), this, [this]() { exportGraph(QStringLiteral("svg")); });
    exportSvg->setObjectName(QStringLiteral("exportSvgAction"));
    QAction *exportPng
        = file->addAction(tr("Export Graph as &PNG…"), this, [this]() { exportGraph(QStringLiteral("png")); });
    exportPng->setObjectName(QStringLiteral("exportPngAction"));
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
    view->addSeparator();
    QAction *find = view->addAction(tr("&Find Service…"), m_graphToolBar, &GraphToolBar::startSearch);
    find->setShortcut(QKeySequence::Find);
    view->addAction(m_graphToolBar->focusAction());
    view->addSeparator();
    QAction *leftToRight = view->addAction(tr("Lay Out &Left to Right"));
    leftToRight->setObjectName(QStringLiteral("leftToRightAction"));
    leftToRight->setCheckable(true);
    connect(leftToRight, &QAction::toggled, m_graphView, &GraphView::setLeftToRight);
    QAction *rearrange = view->addAction(tr("&Rearrange Graph"), m_graphView, &GraphView::rearrange);
    rearrange->setShortcut(Qt::CTRL | Qt::Key_L);
    rearrange->setToolTip(tr("Lay the whole graph out afresh, releasing the services you dragged"));
    QAction *overview = view->addAction(tr("Show &Overview"));
    overview->setCheckable(true);
    overview->setChecked(true);
    connect(overview, &QAction::toggled, m_graphView, &GraphView::setMinimapVisible);
    view->addAction(m_graphToolBar->toggleViewAction());

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

void MainWindow::exportGraph(const QString &format)
{
    const bool svg = format == QLatin1String("svg");
    const QString path = QFileDialog::getSaveFileName(this, svg ? tr("Export Graph as SVG") : tr("Export Graph as PNG"),
        svg ? QStringLiteral("faultline-graph.svg") : QStringLiteral("faultline-graph.png"),
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const Result<QString> written = svg ? m_graphView->exportSvg(path) : m_graphView->exportPng(path);
    if (!written) {
        m_banner->showError(written.error().message);
        return;
    }
    statusBar()->showMessage(tr("Graph exported to %1").arg(written.value()), 5000);
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
