// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace folio::book {

class Book;
struct FontFace;

// The pictures of a book. Sizes come from the image headers (so layout never decodes);
// pixels are decoded only to draw, scaled down to what the page needs, and never kept.
// Not thread-safe, like the Book it reads.
class ImageStore
{
public:
    // `box` is the largest size in points a picture may take (the page's text area);
    // `pixelsPerPoint` converts points to QTextDocument's pixels (1 / formatLengthScale()).
    ImageStore(const Book &book, QSizeF box, qreal pixelsPerPoint);

    // The size in QTextDocument pixels to lay image `path` out at: its own size (or `requested`,
    // in CSS pixels, where valid) fitted into the box. Invalid when the book has no such image.
    // A picture that cannot be decoded (corrupt, SVG, over the pixel limit) keeps its place and
    // is drawn as a placeholder.
    QSize layoutSize(const QString &path, QSize requested, const CancellationToken &token);
    // The picture for drawing at `dpi`; a placeholder when it cannot be decoded.
    QImage image(const QString &path, double dpi, const CancellationToken &token);

    static QImage placeholder();

private:
    struct Info
    {
        QSize pixels; // as the header says
        QByteArray format;
        bool usable = false; // decodable within the limits
    };
    const Info &info(const QString &path, const CancellationToken &token);
    QSizeF fitted(QSizeF points) const;

    const Book &m_book;
    QSizeF m_box;
    qreal m_pixelsPerPoint;
    QHash<QString, Info> m_info;
    Info m_uncached;
};

// Fonts embedded in the book, registered with QFontDatabase for as long as the document lives
// (QFontDatabase is thread-safe in Qt 6). Each file is registered once.
class EmbeddedFonts
{
public:
    EmbeddedFonts() = default;
    ~EmbeddedFonts();
    EmbeddedFonts(const EmbeddedFonts &) = delete;
    EmbeddedFonts &operator=(const EmbeddedFonts &) = delete;

    // Registers the font of `face` (de-obfuscated) and maps its CSS family name to the family
    // QFontDatabase knows it by. Unreadable or unusable fonts are skipped: text falls back.
    void add(const Book &book, const FontFace &face, const CancellationToken &token);
    // Registered families by lower-case CSS family name.
    const QHash<QString, QString> &families() const { return m_families; }

    static constexpr int MaxFonts = 64;
    static constexpr qint64 MaxFontBytes = 32LL << 20;

private:
    QHash<QString, QString> m_families;
    QHash<QString, QString> m_byPath; // font file → family ("" when it failed)
    QList<int> m_ids;
};

} // namespace folio::book
