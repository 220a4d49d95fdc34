// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceimportwindow.h"

#include <climits>

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

#include "importedgraphview.h"
#include "messagebanner.h"
#include "traceimportjob.h"
#include "traces/graphimport.h"

namespace faultline
{

namespace
{

// Graph warnings beyond this many are counted, not listed, so a file of broken traces stays readable.
constexpr std::size_t maxListedWarnings = 200;

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString describeFile(const ImportSummary &summary)
{
    QString text = TraceImportWindow::tr("%1\n  format: %2\n  traces: %3, spans: %4, services: %5\n")
                       .arg(summary.file, fromStd(traceFormatName(summary.format)))
                       .arg(summary.traces)
                       .arg(summary.spans)
                       .arg(summary.services);
    if (summary.links > 0)
        text += TraceImportWindow::tr("  dependency entries: %1\n").arg(summary.links);
    text += TraceImportWindow::tr("  bad lines: %1\n").arg(summary.badLineCount);
    for (const BadLine &bad : summary.badLines)
        text += TraceImportWindow::tr("    line %1 skipped: %2\n").arg(bad.line).arg(bad.reason);
    if (summary.badLineCount > summary.badLines.size())
        text
            += TraceImportWindow::tr("    and %1 more bad lines\n").arg(summary.badLineCount - summary.badLines.size());
    if (summary.skippedSpanCount > 0)
        text += TraceImportWindow::tr("  skipped spans: %1\n").arg(summary.skippedSpanCount);
    for (const SkippedSpan &skipped : summary.skippedSpans)
        text += TraceImportWindow::tr("    span at byte %1 skipped: %2\n").arg(skipped.offset).arg(skipped.reason);
    return text;
}

QString describeImport(const GraphImport &imported)
{
    QString text;
    for (const ImportSummary &summary : imported.files)
        text += describeFile(summary);

    const DependencyGraph &graph = imported.graph;
    text += TraceImportWindow::tr("\nGraph: %1 nodes, %2 edges, %3 warnings\n")
                .arg(graph.nodeCount())
                .arg(graph.edgeCount())
                .arg(graph.warnings().size());
    if (imported.droppedForMemory > 0)
        text += TraceImportWindow::tr("%1 spans were linked early to stay within the memory bound; calls across "
                                      "them may be missing.\n")
                    .arg(imported.droppedForMemory);
    const std::size_t listed = std::min(graph.warnings().size(), maxListedWarnings);
    for (std::size_t i = 0; i < listed; ++i) {
        const GraphWarning &warning = graph.warnings()[i];
        text += TraceImportWindow::tr("  %1 at %2: %3\n")
                    .arg(fromStd(warning.kind), fromStd(warning.location), fromStd(warning.message));
    }
    if (graph.warnings().size() > listed)
        text += TraceImportWindow::tr("  and %1 more warnings\n").arg(graph.warnings().size() - listed);
    return text;
}

} // namespace

TraceImportWindow::TraceImportWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_job(new TraceImportJob(this))
    , m_banner(new MessageBanner)
    , m_progressRow(new QWidget)
    , m_progressLabel(new QLabel)
    , m_progressBar(new QProgressBar)
    , m_cancelButton(new QPushButton(tr("Cancel")))
    , m_graphView(new ImportedGraphView)
    , m_summary(new QPlainTextEdit)
{
    // A separate top-level window even when it has a parent, so the imported graph never mixes into the live one.
    setWindowFlag(Qt::Window);
    setWindowTitle(tr("Imported traces — Faultline"));

    auto *progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->addWidget(m_progressLabel);
    progressLayout->addWidget(m_progressBar, 1);
    progressLayout->addWidget(m_cancelButton);
    m_progressBar->setRange(0, 1000);
    m_progressBar->setTextVisible(false);
    m_progressRow->hide();

    m_summary->setReadOnly(true);
    m_summary->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_graphView);
    splitter->addWidget(m_summary);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    // The summary's unwrapped lines would otherwise claim most of the width from the graph.
    splitter->setSizes({ 1000, 400 });

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_progressRow);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    connect(m_cancelButton, &QPushButton::clicked, m_job, &TraceImportJob::cancel);
    connect(m_job, &TraceImportJob::progressChanged, this, &TraceImportWindow::onProgressChanged);
    connect(m_job, &TraceImportJob::finished, this, &TraceImportWindow::onJobFinished);
    resize(1400, 850);
}

TraceImportWindow::~TraceImportWindow() = default;

TraceImportWindow *TraceImportWindow::openFiles(const QStringList &paths, QWidget *parent)
{
    auto *window = new TraceImportWindow(parent);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    window->startImport(paths);
    return window;
}

QStringList TraceImportWindow::localFiles(const QMimeData *mimeData)
{
    QStringList files;
    if (!mimeData || !mimeData->hasUrls())
        return files;
    for (const QUrl &url : mimeData->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

void TraceImportWindow::startImport(const QStringList &paths)
{
    if (isImporting() || !m_paths.isEmpty() || paths.isEmpty())
        return;
    m_paths = paths;

    QStringList names;
    for (const QString &path : paths)
        names.append(QFileInfo(path).fileName());
    setWindowTitle(tr("%1 — Imported traces — Faultline").arg(names.join(QStringLiteral(", "))));
    m_progressLabel->setText(tr("Importing %n file(s)…", nullptr, int(paths.size())));
    m_progressBar->setValue(0);
    m_progressRow->show();
    m_summary->setPlainText(tr("Importing…"));
    m_job->start(paths);
}

bool TraceImportWindow::isImporting() const
{
    return m_job->isRunning();
}

QString TraceImportWindow::summaryText() const
{
    return m_summary->toPlainText();
}

void TraceImportWindow::onProgressChanged(int permille)
{
    m_progressBar->setValue(permille);
}

void TraceImportWindow::onJobFinished()
{
    m_progressRow->hide();
    const auto &result = m_job->result();
    if (!result || !*result) {
        const Error error = result ? result->error() : Error { tr("the import ended without a result"), {} };
        const QString message = error.where.isEmpty()
            ? tr("Could not import the trace files: %1").arg(error.message)
            : tr("Could not import the trace files: %1 (at %2)").arg(error.message, error.where);
        m_banner->showError(message);
        m_summary->setPlainText(message);
        m_graphView->setGraph(DependencyGraph {});
        Q_EMIT importFinished(false);
        return;
    }

    const GraphImport &imported = result->value();
    m_graphView->setGraph(imported.graph);
    m_summary->setPlainText(describeImport(imported));
    std::uint64_t badLines = 0;
    for (const ImportSummary &summary : imported.files)
        badLines += summary.badLineCount;
    if (badLines > 0)
        m_banner->showWarning(tr("%n malformed line(s) were skipped; the summary lists them by number.", nullptr,
            int(std::min<std::uint64_t>(badLines, INT_MAX))));
    Q_EMIT importFinished(true);
}

} // namespace faultline
