// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QMimeData;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace faultline
{

class ImportedGraphView;
class MessageBanner;
class TraceImportJob;

/**
 * A window of its own for trace files imported into a dependency graph, apart from the live plant.
 * The import runs on a worker thread behind an inline progress bar with Cancel. The graph is then
 * shown next to a summary of each file, or the banner names the file that could not be read.
 */
class TraceImportWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit TraceImportWindow(QWidget *parent = nullptr);
    ~TraceImportWindow() override;

    /** Opens a window that deletes itself on close, shows it and starts importing @p paths. */
    static TraceImportWindow *openFiles(const QStringList &paths, QWidget *parent = nullptr);
    /** The local files in a drag or drop, empty when it carries none. */
    static QStringList localFiles(const QMimeData *mimeData);

    /** Starts importing. A window imports once and ignores later calls. */
    void startImport(const QStringList &paths);
    bool isImporting() const;

    ImportedGraphView *graphView() const { return m_graphView; }
    MessageBanner *banner() const { return m_banner; }
    QString summaryText() const;

Q_SIGNALS:
    /** Emitted when the import ended, with @p succeeded false when it failed or was cancelled. */
    void importFinished(bool succeeded);

private:
    void onProgressChanged(int permille);
    void onJobFinished();

    TraceImportJob *m_job;
    MessageBanner *m_banner;
    QWidget *m_progressRow;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QPushButton *m_cancelButton;
    ImportedGraphView *m_graphView;
    QPlainTextEdit *m_summary;
    QStringList m_paths;
};

} // namespace faultline
