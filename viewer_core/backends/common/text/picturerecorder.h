// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QRectF>
#include <QTextObjectInterface>
#include <QTransform>

class QPainter;
class QTextDocument;

namespace folio::text {

// Where a QTextDocument's pictures land on a page, for night modes that keep pictures as they
// are (Document::pictureRects()). recordPictures() wraps the document's image handler: it still
// sizes and draws every picture, and while a PictureRecording is alive on the thread it also
// notes where, in points on the page. Threads: a document is drawn by one thread at a time; the
// recording is per thread.
class RecordingImageHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    RecordingImageHandler(QObject *inner, QObject *parent);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    QPointer<QObject> m_inner; // Qt's own image handler, owned by the layout
    QTextObjectInterface *m_handler = nullptr;
};

// Makes `document`'s pictures recordable (once per document; later calls do nothing).
void recordPictures(QTextDocument &document);

// Collects the pictures drawn with `painter` while it lives, in the coordinates `painter` has
// now (points on the page, when created at the page's origin).
class PictureRecording
{
public:
    explicit PictureRecording(const QPainter &painter);
    ~PictureRecording();
    PictureRecording(const PictureRecording &) = delete;
    PictureRecording &operator=(const PictureRecording &) = delete;

    const QList<QRectF> &rects() const { return m_rects; }

private:
    friend class RecordingImageHandler;
    QList<QRectF> m_rects;
    QTransform m_toPage;
    PictureRecording *m_outer = nullptr;
};

} // namespace folio::text
