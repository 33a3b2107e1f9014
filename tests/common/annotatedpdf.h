// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "document.h"
#include "testfiles.h"

#include <poppler-annotation.h>
#include <poppler-qt6.h>

#include <QBuffer>
#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QRectF>

#include <memory>

// A PDF with annotations of many kinds, and what Folio should list for it. The pages are written
// by hand (a turned page, annotations Poppler cannot make: a popup, a hidden one, a link), then
// Poppler itself adds the rest and saves the file, as an annotating application would.
namespace folio::test::annotated {

// Page 1: Letter, 612 × 792 points. Page 2: 400 × 300 points turned by /Rotate 90, so 300 × 400
// upright. Pages are labelled "A-1" and "A-2".
constexpr int PageCount = 2;
inline const QSizeF FirstPageSize(612, 792);
inline const QSizeF TurnedPageSize(300, 400);
inline const QRectF TurnedNoteAsked(20, 300, 24, 24);

inline QDateTime created()
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
}

inline QDateTime modified()
{
    return QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
}

// What annotations() gives, page by page, in the order of each page's /Annots. The rectangles are
// in points on the upright page. On page 2, the square written by hand has /Rect [50 100 90 120]
// in the unturned page's space: turned by 90°, (x, y) becomes (y, x) from the top left.
inline QList<Annotation> expected()
{
    const auto make = [](Annotation::Type type, int page, QRectF rect, const QString &author, const QString &contents,
                          const QString &id) {
        Annotation annotation;
        annotation.type = type;
        annotation.page = page;
        annotation.rect = rect;
        annotation.author = author;
        annotation.contents = contents;
        annotation.id = id;
        return annotation;
    };
    QList<Annotation> list;
    list.append(make(Annotation::Type::Text, 0, QRectF(72, 72, 24, 24), QStringLiteral("Ada"),
        QStringLiteral("Check this\nand that"), QStringLiteral("test-note")));
    list.last().color = QColor(255, 200, 0);
    list.last().created = created();
    list.append(make(Annotation::Type::Highlight, 0, QRectF(100, 200, 150, 30), QStringLiteral("Bob"),
        QStringLiteral("Important"), QStringLiteral("test-highlight")));
    list.last().quads = {QRectF(100, 200, 150, 14), QRectF(100, 216, 80, 14)};
    list.last().color = QColor(255, 255, 0);
    list.last().created = created();
    list.append(make(Annotation::Type::Ink, 0, QRectF(300, 300, 100, 50), QStringLiteral("Ada"),
        QStringLiteral("Scribble"), QStringLiteral("test-ink")));
    list.last().color = QColor(0, 0, 255);
    list.append(make(Annotation::Type::Square, 0, QRectF(50, 500, 120, 80), QStringLiteral("Bob"),
        QStringLiteral("Box"), QStringLiteral("test-square")));
    list.last().color = QColor(255, 0, 0);
    list.append(make(Annotation::Type::Circle, 0, QRectF(200, 500, 80, 80), QStringLiteral("Bob"), QString(),
        QStringLiteral("test-circle")));
    list.last().color = QColor(0, 128, 0);
    list.append(make(Annotation::Type::Stamp, 0, QRectF(350, 600, 150, 50), QStringLiteral("Carol"),
        QStringLiteral("Approved by Carol"), QStringLiteral("test-stamp")));
    list.last().created = created();
    list.append(make(Annotation::Type::Square, 1, QRectF(100, 50, 20, 40), QStringLiteral("Carol"),
        QStringLiteral("Turned"), QStringLiteral("turned-1")));
    list.last().color = QColor(0, 0, 255);
    list.last().subject = QStringLiteral("Box");
    // Poppler gives a note's icon a fixed rotation: on a turned page, the icon asked for at
    // (20, 300) is drawn (and reported) at (44, 300). annotatedPdf() asks for TurnedNoteAsked.
    list.append(make(Annotation::Type::Text, 1, QRectF(44, 300, 24, 24), QStringLiteral("Ada"),
        QStringLiteral("On the turned page"), QStringLiteral("test-turned-note")));
    list.last().color = QColor(255, 200, 0);
    // Without a creation date, the modification date stands for it (Poppler's reading).
    for (Annotation &annotation : list) {
        annotation.modified = modified();
        if (!annotation.created.isValid())
            annotation.created = annotation.modified;
    }
    return list;
}

// The pages before Poppler adds to them: page 2 holds a square with a popup, a hidden square and
// a link, of which annotations() lists the square only.
inline QByteArray handWrittenPdf()
{
    const QByteArray content = "BT /F1 14 Tf 100 580 Td (Annotated page) Tj ET";
    return pdfFromObjects({
        "<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /D /P (A-) >>] >> >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>"
        " /Contents 6 0 R >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Rotate 90 /Annots [7 0 R 8 0 R 9 0 R 10 0 R] >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Annot /Subtype /Square /Rect [50 100 90 120] /T (Carol) /Contents (Turned) /NM (turned-1)"
        " /Subj (Box) /C [0 0 1] /M (D:20260304050607Z) /Popup 8 0 R >>",
        "<< /Type /Annot /Subtype /Popup /Rect [150 100 300 200] /Parent 7 0 R >>",
        "<< /Type /Annot /Subtype /Square /Rect [10 10 30 30] /F 2 /Contents (Hidden) >>",
        "<< /Type /Annot /Subtype /Link /Rect [200 200 250 250] /A << /S /URI /URI (https://example.com) >> >>",
    });
}

// Fractions of a page of `size` points, as Poppler's annotation geometry counts.
inline QRectF fractions(const QRectF &points, QSizeF size)
{
    return QRectF(points.x() / size.width(), points.y() / size.height(), points.width() / size.width(),
        points.height() / size.height());
}

inline QPointF fraction(const QPointF &point, QSizeF size)
{
    return QPointF(point.x() / size.width(), point.y() / size.height());
}

// A quad of Poppler's highlight over `rect` (points) of a page of `size` points.
inline Poppler::HighlightAnnotation::Quad quadOver(const QRectF &rect, QSizeF size)
{
    Poppler::HighlightAnnotation::Quad quad;
    quad.points[0] = fraction(rect.topLeft(), size);
    quad.points[1] = fraction(rect.topRight(), size);
    quad.points[2] = fraction(rect.bottomRight(), size);
    quad.points[3] = fraction(rect.bottomLeft(), size);
    quad.capStart = false;
    quad.capEnd = false;
    quad.feather = 0.1;
    return quad;
}

// The annotated PDF: handWrittenPdf() with the annotations of expected() that are not written by
// hand added by Poppler. Empty when Poppler fails.
inline QByteArray annotatedPdf()
{
    std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(handWrittenPdf());
    if (!document || document->numPages() != PageCount)
        return {};
    const QList<Annotation> wanted = expected();
    for (const Annotation &want : wanted) {
        if (want.id == QLatin1String("turned-1"))
            continue; // written by hand
        std::unique_ptr<Poppler::Page> page = document->page(want.page);
        if (!page)
            return {};
        const QSizeF size = page->pageSizeF();
        std::unique_ptr<Poppler::Annotation> annotation;
        switch (want.type) {
        case Annotation::Type::Text:
            annotation = std::make_unique<Poppler::TextAnnotation>(Poppler::TextAnnotation::Linked);
            break;
        case Annotation::Type::Highlight:
            annotation = std::make_unique<Poppler::HighlightAnnotation>();
            break;
        case Annotation::Type::Ink:
            annotation = std::make_unique<Poppler::InkAnnotation>();
            break;
        case Annotation::Type::Square:
        case Annotation::Type::Circle:
            annotation = std::make_unique<Poppler::GeomAnnotation>();
            break;
        case Annotation::Type::Stamp:
            annotation = std::make_unique<Poppler::StampAnnotation>();
            break;
        default:
            return {};
        }
        page->addAnnotation(annotation.get());
        const bool turnedNote = want.id == QLatin1String("test-turned-note");
        annotation->setBoundary(fractions(turnedNote ? TurnedNoteAsked : want.rect, size));
        if (want.type == Annotation::Type::Highlight) {
            QList<Poppler::HighlightAnnotation::Quad> quads;
            for (const QRectF &rect : want.quads)
                quads.append(quadOver(rect, size));
            auto &highlight = static_cast<Poppler::HighlightAnnotation &>(*annotation);
            highlight.setHighlightType(Poppler::HighlightAnnotation::Highlight);
            highlight.setHighlightQuads(quads);
        } else if (want.type == Annotation::Type::Ink) {
            const QRectF r = want.rect;
            static_cast<Poppler::InkAnnotation &>(*annotation)
                .setInkPaths(
                    {{fraction(r.topLeft(), size), fraction(r.center(), size), fraction(r.bottomRight(), size)}});
        } else if (want.type == Annotation::Type::Square || want.type == Annotation::Type::Circle) {
            static_cast<Poppler::GeomAnnotation &>(*annotation)
                .setGeomType(want.type == Annotation::Type::Circle ? Poppler::GeomAnnotation::InscribedCircle
                                                                   : Poppler::GeomAnnotation::InscribedSquare);
        } else if (want.type == Annotation::Type::Stamp) {
            static_cast<Poppler::StampAnnotation &>(*annotation).setStampIconName(QStringLiteral("Approved"));
        }
        annotation->setAuthor(want.author);
        annotation->setContents(want.contents);
        annotation->setUniqueName(want.id);
        if (want.created != want.modified)
            annotation->setCreationDate(want.created);
        if (want.color.isValid()) {
            Poppler::Annotation::Style style = annotation->style();
            style.setColor(want.color);
            annotation->setStyle(style);
        }
        // Last: Poppler stamps every other change with the time it is made.
        annotation->setModificationDate(want.modified);
    }
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    std::unique_ptr<Poppler::PDFConverter> converter = document->pdfConverter();
    converter->setOutputDevice(&out);
    converter->setPDFOptions(Poppler::PDFConverter::WithChanges);
    if (!converter->convert())
        return {};
    return out.data();
}

} // namespace folio::test::annotated
