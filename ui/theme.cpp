// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

namespace folio {

QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
}

} // namespace folio
