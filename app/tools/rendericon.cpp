// SPDX-License-Identifier: GPL-3.0-or-later
// folio-rendericon SVG OUTDIR SIZE...: renders the application icon to OUTDIR/SIZExSIZE/NAME.png
// for the hicolor theme, NAME being the SVG's file name without its extension.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Painting shapes into a QImage needs no platform plugin, so no display and no runtime folder.
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "Usage: folio-rendericon SVG OUTDIR SIZE...\n");
        return 2;
    }

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "folio-rendericon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    // A non-square icon would be stretched by every icon theme consumer: refuse it here.
    const QRectF box = renderer.viewBoxF();
    if (box.width() != box.height()) {
        std::fprintf(
            stderr, "folio-rendericon: %s is not square (%gx%g)\n", qPrintable(args.at(1)), box.width(), box.height());
        return 1;
    }

    const QString name = QFileInfo(args.at(1)).completeBaseName();
    for (const QString &arg : args.mid(3)) {
        bool ok = false;
        const int size = arg.toInt(&ok);
        if (!ok || size < 1) {
            std::fprintf(stderr, "folio-rendericon: bad size '%s'\n", qPrintable(arg));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter);
        }
        const QString folder = QStringLiteral("%1/%2x%2").arg(args.at(2)).arg(size);
        const QString file = QStringLiteral("%1/%2.png").arg(folder, name);
        if (!QDir().mkpath(folder) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "folio-rendericon: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
