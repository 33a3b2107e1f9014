// SPDX-License-Identifier: GPL-3.0-or-later
#include "picturerecorder.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace folio::text {

namespace {

thread_local PictureRecording *t_recording = nullptr;
constexpr char RecordedProperty[] = "folioRecordsPictures";

} // namespace

RecordingImageHandler::RecordingImageHandler(QObject *inner, QObject *parent)
    : QObject(parent)
    , m_inner(inner)
    , m_handler(qobject_cast<QTextObjectInterface *>(inner))
{ }

QSizeF RecordingImageHandler::intrinsicSize(QTextDocument *document, int position, const QTextFormat &format)
{
    return m_inner && m_handler ? m_handler->intrinsicSize(document, position, format) : QSizeF();
}

void RecordingImageHandler::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *document, int position, const QTextFormat &format)
{
    if (!m_inner || !m_handler)
        return;
    m_handler->drawObject(painter, rect, document, position, format);
    if (t_recording && !rect.isEmpty())
        t_recording->m_rects.append((painter->transform() * t_recording->m_toPage).mapRect(rect));
}

void recordPictures(QTextDocument &document)
{
    if (document.property(RecordedProperty).toBool())
        return;
    document.setProperty(RecordedProperty, true);
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    QObject *inner = dynamic_cast<QObject *>(layout->handlerForObject(QTextFormat::ImageObject));
    if (!inner)
        return;
    // Owned by the document, which may belong to another thread (the one that laid it out): the
    // handler joins that thread before it is given its parent, since QObject refuses a parent in
    // another thread.
    auto *handler = new RecordingImageHandler(inner, nullptr);
    handler->moveToThread(document.thread());
    handler->setParent(&document);
    layout->registerHandler(QTextFormat::ImageObject, handler);
}

PictureRecording::PictureRecording(const QPainter &painter)
    : m_toPage(painter.transform().inverted())
    , m_outer(t_recording)
{
    t_recording = this;
}

PictureRecording::~PictureRecording()
{
    t_recording = m_outer;
}

} // namespace folio::text
