// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadeddocument.h"

#include <algorithm>

namespace folio {

Result<QList<QSizeF>> readPageSizes(Document &document, int from, const CancellationToken &token)
{
    const int count = document.pageCount();
    QList<QSizeF> sizes;
    sizes.reserve(std::max(0, count - from));
    for (int i = from; i < count; ++i) {
        if ((i & 63) == 0 && token.isCancelled())
            return Status::fromToken(token);
        sizes.append(document.pageSize(i));
    }
    return sizes;
}

} // namespace folio
