// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphexport.h"

#include <algorithm>

#include <QFileInfo>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace faultline
{
namespace
{

/** Turns item caches off while it lives, so that a render draws vectors and text instead of cached pixmaps. */
class UncachedScene
{
public:
    explicit UncachedScene(QGraphicsScene *scene)
    {
        const QList<QGraphicsItem *> items = scene->items();
        for (QGraphicsItem *item : items) {
            if (item->cacheMode() != QGraphicsItem::NoCache) {
                m_cached.append({ item, item->cacheMode() });
                item->setCacheMode(QGraphicsItem::NoCache);
            }
        }
    }
    ~UncachedScene()
    {
        for (const auto &[item, mode] : std::as_const(m_cached))
            item->setCacheMode(mode);
    }
    Q_DISABLE_COPY_MOVE(UncachedScene)

private:
    QList<std::pair<QGraphicsItem *, QGraphicsItem::CacheMode>> m_cached;
};

Error emptyGraph()
{
    return Error { GraphExport::tr("The graph shows no services, so there is nothing to export; clear the filter "
                                   "or wait for data."),
        {} };
}

} // namespace

Result<QString> GraphExport::writeSvg(
    QGraphicsScene *scene, const QRectF &source, const QString &path, const QString &title)
{
    if (source.isEmpty())
        return emptyGraph();
    // QSvgGenerator reports no write errors, so the file is written to a QSaveFile that does.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { tr("Could not write %1: %2. Choose a folder you can write to.").arg(path, file.errorString()),
            path };

    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(title.isEmpty() ? tr("Faultline dependency graph") : title);
    generator.setDescription(tr("Service dependency graph exported by Faultline"));
    QPainter painter;
    if (!painter.begin(&generator))
        return Error { tr("Could not start the SVG export to %1.").arg(path), path };
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), Qt::white);
    const UncachedScene uncached(scene);
    scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    painter.end();
    if (!file.commit())
        return Error { tr("Could not write %1: %2. Check the free space.").arg(path, file.errorString()), path };
    return QFileInfo(path).absoluteFilePath();
}

Result<QString> GraphExport::writePng(QGraphicsScene *scene, const QRectF &source, const QString &path)
{
    if (source.isEmpty())
        return emptyGraph();
    const double scale = std::min(1.0, double(maximumPngSide) / std::max(source.width(), source.height()));
    const QSize size = (source.size() * scale).toSize().expandedTo(QSize(1, 1));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Error { tr("Could not allocate a %1 × %2 image for %3; filter the graph to fewer services.")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(path),
            path };
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const UncachedScene uncached(scene);
    scene->render(&painter, QRectF(QPointF(0, 0), size), source);
    painter.end();

    QImageWriter writer(path, "png");
    if (!writer.write(image))
        return Error { tr("Could not write %1: %2. Choose a folder you can write to.").arg(path, writer.errorString()),
            path };
    return QFileInfo(path).absoluteFilePath();
}

} // namespace faultline
