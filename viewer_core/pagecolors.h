// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

namespace folio {

// How a page's colours are shown: as the document has them, or turned for reading in the dark or
// on paper of another colour. Applied to a rendered page (Document::render()), so every format,
// the viewer, the command line and the exports share one definition.
struct PageColors
{
    enum class Mode {
        Normal,
        // Every colour to its opposite: black on white becomes white on black.
        Invert,
        // Light to dark and dark to light, hue and saturation kept: a red mark stays red, a
        // blue diagram blue, on a dark page.
        InvertLightness,
        // White becomes warm paper and black dark brown, the colours between mixed alike.
        Sepia,
        // White becomes `paper` and black `ink`, the colours between mixed alike.
        Custom,
    };

    Mode mode = Mode::Normal;
    QColor paper = Qt::white; // Custom
    QColor ink = Qt::black; // Custom
    // Pictures stay as they are where the document says where they are (photos and comic pages
    // whole; see Document::pictureRects()); elsewhere the whole page is turned.
    bool keepPictures = false;

    bool isNormal() const { return mode == Mode::Normal; }
    // What white paper becomes: for the view's placeholders and the page background.
    QColor paperColor() const;

    // "normal", "invert", "invert-lightness", "sepia", "custom".
    static QString name(Mode mode);
    static std::optional<Mode> modeFromName(const QString &name);
    static QStringList names();

    friend bool operator==(const PageColors &, const PageColors &) = default;
};

// The paper and ink of Sepia.
inline const QColor SepiaPaper = QColor(0xfb, 0xf0, 0xd9);
inline const QColor SepiaInk = QColor(0x5f, 0x4b, 0x32);

// Applies `colors` to `image` in place, except inside `pictures` (pixels of `image`). The image
// is converted to ARGB32 (premultiplied where it was) when it is in another format. Returns false
// when `token` was cancelled part-way (the image is then half done and must not be shown).
bool applyPageColors(
    QImage &image, const PageColors &colors, const QList<QRect> &pictures = {}, const CancellationToken &token = {});

} // namespace folio
