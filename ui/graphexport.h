// SPDX-FileCopyrightText: 2026 Faultline contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include "common/result.h"

class QGraphicsScene;

namespace faultline
{

/** Snapshots of a graph scene as files, for reports and tickets. */
class GraphExport final
{
    Q_DECLARE_TR_FUNCTIONS(faultline::GraphExport)

public:
    /** Largest side of an exported PNG in pixels; larger graphs are scaled down to fit. */
    static constexpr int maximumPngSide = 16384;

    /** Writes @p source of @p scene as SVG; returns the path written or why it failed. */
    static Result<QString> writeSvg(
        QGraphicsScene *scene, const QRectF &source, const QString &path, const QString &title);
    /** Writes @p source of @p scene as PNG at full scale, or smaller when a side would pass maximumPngSide. */
    static Result<QString> writePng(QGraphicsScene *scene, const QRectF &source, const QString &path);
};

} // namespace faultline
