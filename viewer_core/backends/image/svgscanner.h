// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "safetylimits.h"
#include "status.h"

#include <QByteArray>
#include <QString>

namespace folio::image {

// What the root <svg> element says about its size, as written ("210mm", "0 0 100 50").
struct SvgRoot
{
    QString width;
    QString height;
    QString viewBox;
    QString title; // text of the root's first <title> child, simplified
    // References QtSvg would resolve against the local file system: <image> hrefs other than
    // data: URIs, and <?xml-stylesheet?> instructions (QtSvg 6.4 reads the CSS file they name).
    int externalReferences = 0;
};

// Checks an SVG document with QXmlStreamReader before QtSvg sees it. QtSvg's own parse cannot be
// interrupted and reports no error text; this pass polls the token, enforces the XML depth limit
// (QtSvg draws nested elements recursively) and finds what QtSvg would load from disk.
class SvgScanner
{
    Q_DECLARE_TR_FUNCTIONS(folio::image::SvgScanner)
public:
    // Corrupt for malformed XML or a root that is not <svg>, LimitExceeded when nested deeper
    // than limits.maxXmlDepth.
    static Result<SvgRoot> scan(const QByteArray &data, const Limits &limits, const CancellationToken &token);
    // A copy of `data` (already scanned) without the external references scan() counted.
    static Result<QByteArray> withoutExternalReferences(const QByteArray &data, const CancellationToken &token);
};

} // namespace folio::image
