// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QByteArray>
#include <QCoreApplication>

namespace folio::html {

// Markup that strict XML refuses (an element left open, an HTML-only entity, a stray "&") read
// the way browsers read it: parsed as HTML5 by gumbo (Google's parser, a Debian package), then
// written back as well-formed XHTML that the XML converters (SafeXmlReader) take as they take any
// file. Nothing after the first error is lost, which is what strict parsing cost before.
//
// What comes out: an <html> element in the XHTML namespace with <head> and <body>; elements
// gumbo knows by their normalised names (SVG ones in SVG's spelling), unknown elements left out
// with their content kept; attributes whose names XML accepts (xlink: and xml: ones with their
// prefixes, other prefixed ones dropped); text and attribute values escaped and stripped of the
// characters XML forbids; comments and doctypes dropped. Input is decoded as HTML would be (BOM,
// <meta charset>, else UTF-8).
//
// Limits: markup whose elements could nest deeper than MaxDepth is refused (gumbo frees its tree
// recursively, so a hostile depth would exhaust the stack), as is input over MaxBytes. gumbo
// cannot be interrupted, so it runs as a detached call (callDetached()): a cancel returns at once.
class LenientHtml
{
    Q_DECLARE_TR_FUNCTIONS(folio::html::LenientHtml)
public:
    static constexpr int MaxDepth = 4096;
    static constexpr qsizetype MaxBytes = 64 * 1024 * 1024;

    // `name` names the file or part in messages.
    static Result<QByteArray> toXhtml(const QByteArray &data, const QString &name, const CancellationToken &token);
    // The deepest the elements of `data` could nest, counting start tags that are neither
    // self-closed nor void or implicitly closed (br, img, p, li...), less end tags: an upper
    // bound, cheap to find.
    static int depthBound(const QByteArray &data);
};

} // namespace folio::html
