// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include "pagecolors.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace folio {

namespace {
struct ThemeText
{
    Q_DECLARE_TR_FUNCTIONS(folio::PageColorModes)
};

// The ink the bundled icons are drawn in (resources/icons/*.svg).
constexpr QLatin1String BundledInk("#3b4250");

// A bundled icon drawn in the palette's text colour at the time it is painted: dark on a light
// window, light on a dark one, the disabled text colour when disabled. So icons made before the
// palette changed follow it. GUI thread only (QSvgRenderer, QPixmap).
class TintedSvgEngine final : public QIconEngine
{
public:
    explicit TintedSvgEngine(QString resource)
        : m_resource(std::move(resource))
    {
        QFile file(m_resource);
        if (file.open(QIODevice::ReadOnly))
            m_svg = QString::fromUtf8(file.readAll());
    }

    QIconEngine *clone() const override { return new TintedSvgEngine(*this); }
    QString key() const override { return QStringLiteral("folio-tinted-svg"); }
    bool isNull() override { return m_svg.isEmpty(); }
    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = scaledPixmap(rect.size(), mode, state, ratio);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor ink = inkFor(mode);
        const QSize device = (QSizeF(size) * scale).toSize();
        const QString cacheKey = QStringLiteral("%1x%2/%3").arg(device.width()).arg(device.height()).arg(ink.name(QColor::HexArgb));
        if (const auto it = m_cache.constFind(cacheKey); it != m_cache.constEnd())
            return *it;
        QPixmap pixmap(device);
        pixmap.fill(Qt::transparent);
        if (!device.isEmpty()) {
            QString svg = m_svg;
            svg.replace(BundledInk, ink.name(QColor::HexRgb), Qt::CaseInsensitive);
            QSvgRenderer renderer(svg.toUtf8());
            QPainter painter(&pixmap);
            if (ink.alpha() < 255)
                painter.setOpacity(ink.alphaF());
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(device)));
        }
        pixmap.setDevicePixelRatio(scale);
        if (m_cache.size() > 32)
            m_cache.clear();
        m_cache.insert(cacheKey, pixmap);
        return pixmap;
    }

private:
    static QColor inkFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (mode == QIcon::Selected)
            return palette.color(QPalette::HighlightedText);
        // On a light window the icons keep their own ink; on a dark one, the window's text colour.
        return isDarkPalette(palette) ? palette.color(QPalette::WindowText) : QColor(BundledInk);
    }

    QString m_resource;
    QString m_svg;
    QHash<QString, QPixmap> m_cache;
};

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe3, 0xe5, 0xe8);
    const QColor disabled(0x80, 0x84, 0x8a);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    palette.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2b));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7a, 0xb3, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb3, 0x94, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return palette;
}

// The style and palette the platform gave, for going back to "follow the system".
struct SystemLook
{
    bool saved = false;
    QString style;
    QPalette palette;
};
SystemLook &systemLook()
{
    static SystemLook look;
    return look;
}

} // namespace

QIcon themedIcon(const QString &name)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new TintedSvgEngine(QStringLiteral(":/icons/%1.svg").arg(name)));
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor pageBackgroundColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0x1b, 0x1c, 0x1f) : QColor(0xc8, 0xcb, 0xcf);
}

void applyWindowTheme(WindowTheme theme)
{
    SystemLook &look = systemLook();
    if (!look.saved) {
        look.saved = true;
        look.style = QApplication::style()->name();
        look.palette = QGuiApplication::palette();
    }
    if (theme == WindowTheme::System) {
        if (QApplication::style()->name() != look.style)
            QApplication::setStyle(QStyleFactory::create(look.style));
        QApplication::setPalette(look.palette);
        return;
    }
    // Fusion draws every widget from the palette, so both looks are complete on any desktop.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == WindowTheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
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
