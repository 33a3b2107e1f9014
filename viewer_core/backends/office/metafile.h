// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QImage>
#include <QSize>

// Windows Enhanced Metafiles (EMF), the pictures Word, PowerPoint and Excel store as previews of
// embedded objects and for many drawings. Qt has no decoder for them; libemf2svg (a maintained
// Debian library) turns one into SVG, which QtSvg draws.
namespace folio::office::metafile {

// The largest metafile drawn; a larger one keeps the grey placeholder.
inline constexpr qsizetype MaxEmfBytes = 32 * 1024 * 1024;

// Whether `head` (at least 44 bytes) starts an EMF: an EMR_HEADER record with the " EMF" signature.
bool isEmf(QByteArrayView head);
// The picture's size in pixels at 96 dpi, from the header's frame (0.01 mm), else from its
// bounds (device pixels); invalid when neither is usable.
QSize emfPixelSize(QByteArrayView head);
// The metafile drawn into an image of `pixels`, transparent where it draws nothing; a null image when
// libemf2svg refuses the file or QtSvg cannot draw what it wrote. Thread-safe: the library is
// called under one lock, as it keeps no promise of being reentrant.
QImage renderEmf(const QByteArray &data, QSize pixels);

} // namespace folio::office::metafile
