// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include "pagecolors.h"

#include <QComboBox>
#include <QCoreApplication>

namespace folio {

namespace {
struct ThemeText
{
    Q_DECLARE_TR_FUNCTIONS(folio::PageColorModes)
};
} // namespace

QIcon themedIcon(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
}

void addPageColorModes(QComboBox *box, const QString &normalText)
{
    box->addItem(normalText, int(PageColors::Mode::Normal));
    box->addItem(ThemeText::tr("Inverted"), int(PageColors::Mode::Invert));
    box->addItem(ThemeText::tr("Inverted lightness (colours kept)"), int(PageColors::Mode::InvertLightness));
    box->addItem(ThemeText::tr("Sepia"), int(PageColors::Mode::Sepia));
    box->addItem(ThemeText::tr("Custom paper and ink"), int(PageColors::Mode::Custom));
}

} // namespace folio
