// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMimeType>
#include <QString>

namespace folio {

// `type` is `name` or a subclass of it (text/markdown of text/plain, a .docx of application/zip).
inline bool isOrInherits(const QMimeType &type, const QString &name)
{
    return type.name() == name || type.inherits(name);
}
inline bool isOrInherits(const QMimeType &type, const char *name)
{
    return isOrInherits(type, QString::fromLatin1(name));
}

} // namespace folio
