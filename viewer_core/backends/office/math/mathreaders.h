// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formula.h"

#include "document.h"

namespace folio {
class SafeXmlReader;
}

namespace folio::office {
class Package;
}

namespace folio::office::math {

// Office Math (OMML, ECMA-376 part 1 §22.1): the reader on an m:oMathPara (a display formula)
// or m:oMath (inline), which it reads to its end tag. Elements are matched by local name.
Formula readOmml(SafeXmlReader &xml);

// MathML 2/3 presentation markup: a whole document with a math root.
Result<Formula> readMathml(
    const QByteArray &bytes, const QString &partName, const Limits &limits, const CancellationToken &token);

// An ODF formula object (draw:object xlink:href="Object 1"): its content.xml when that holds
// MathML; Unsupported for any other object.
Result<Formula> formulaFromOpenDocumentObject(
    const Package &package, const QString &href, const CancellationToken &token);

} // namespace folio::office::math
