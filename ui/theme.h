// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QComboBox;

namespace folio {

// The window's shared look: icons and the colours of page placeholders.

// A freedesktop icon from the desktop's theme, else the one bundled in resources/icons/.
QIcon themedIcon(const QString &name);
inline QIcon themedIcon(const char *name)
{
    return themedIcon(QLatin1String(name));
}

// Text drawn on a page that is not there yet or failed: grey while it renders, red when it failed.
inline const QColor PlaceholderTextColor {0x8a, 0x8f, 0x96};
inline const QColor ErrorTextColor {0xb0, 0x2a, 0x2a};

// Fills `box` with the page colour modes (item data: PageColors::Mode as int), Normal named
// `normalText` ("Normal", "As in the document").
void addPageColorModes(QComboBox *box, const QString &normalText);

} // namespace folio
