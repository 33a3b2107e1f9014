// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

class QComboBox;

namespace folio {

// The window's shared look: icons and the colours of page placeholders.

// A freedesktop icon from the desktop's theme, else the one bundled in resources/icons/, drawn in
// the palette's colours when painted: its own dark ink on a light window, the text colour on a
// dark one (the bundled icons' dark variants), the disabled text colour when disabled.
QIcon themedIcon(const QString &name);
inline QIcon themedIcon(const char *name)
{
    return themedIcon(QLatin1String(name));
}

// Whether the window is dark (its background darker than mid grey).
bool isDarkPalette(const QPalette &palette);
// The backdrop around the pages: light grey on a light window, near black on a dark one.
QColor pageBackgroundColor(const QPalette &palette);

// Preferences ▸ Window colours: the platform's look (its style and palette, dark where the
// desktop is dark), or Fusion in light or dark colours whatever the desktop says.
enum class WindowTheme { System, Light, Dark };
void applyWindowTheme(WindowTheme theme);

// Text drawn on a page that is not there yet or failed: grey while it renders, red when it failed.
inline const QColor PlaceholderTextColor {0x8a, 0x8f, 0x96};
inline const QColor ErrorTextColor {0xb0, 0x2a, 0x2a};

// Fills `box` with the page colour modes (item data: PageColors::Mode as int), Normal named
// `normalText` ("Normal", "As in the document").
void addPageColorModes(QComboBox *box, const QString &normalText);

} // namespace folio
