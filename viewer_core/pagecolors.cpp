// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagecolors.h"

#include <QRegion>

#include <algorithm>
#include <array>
#include <cmath>

namespace folio {

namespace {

using Channel = std::array<quint8, 256>;

// Per channel, c -> ink + (paper - ink) * c / 255: white to paper, black to ink.
std::array<Channel, 3> mixTables(const QColor &paper, const QColor &ink)
{
    std::array<Channel, 3> tables {};
    const int from[3] = {ink.red(), ink.green(), ink.blue()};
    const int to[3] = {paper.red(), paper.green(), paper.blue()};
    for (int channel = 0; channel < 3; ++channel) {
        for (int c = 0; c < 256; ++c)
            tables[channel][c] = quint8(std::lround(from[channel] + (to[channel] - from[channel]) * c / 255.0));
    }
    return tables;
}

// One row of pixels [from, to), unpremultiplied channels (alpha kept).
template<typename Fn>
void transformRow(QRgb *row, int from, int to, Fn fn)
{
    for (int x = from; x < to; ++x) {
        const QRgb p = row[x];
        int r = qRed(p);
        int g = qGreen(p);
        int b = qBlue(p);
        fn(r, g, b);
        row[x] = qRgba(r, g, b, qAlpha(p));
    }
}

} // namespace

QColor PageColors::paperColor() const
{
    switch (mode) {
    case Mode::Normal:
        return Qt::white;
    case Mode::Invert:
    case Mode::InvertLightness:
        return Qt::black;
    case Mode::Sepia:
        return SepiaPaper;
    case Mode::Custom:
        return paper;
    }
    return Qt::white;
}

QString PageColors::name(Mode mode)
{
    switch (mode) {
    case Mode::Normal:
        return QStringLiteral("normal");
    case Mode::Invert:
        return QStringLiteral("invert");
    case Mode::InvertLightness:
        return QStringLiteral("invert-lightness");
    case Mode::Sepia:
        return QStringLiteral("sepia");
    case Mode::Custom:
        return QStringLiteral("custom");
    }
    return {};
}

std::optional<PageColors::Mode> PageColors::modeFromName(const QString &name)
{
    for (const Mode mode : {Mode::Normal, Mode::Invert, Mode::InvertLightness, Mode::Sepia, Mode::Custom}) {
        if (name.compare(PageColors::name(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

QStringList PageColors::names()
{
    QStringList list;
    for (const Mode mode : {Mode::Normal, Mode::Invert, Mode::InvertLightness, Mode::Sepia, Mode::Custom})
        list.append(name(mode));
    return list;
}

bool applyPageColors(
    QImage &image, const PageColors &colors, const QList<QRect> &pictures, const CancellationToken &token)
{
    if (colors.isNormal() || image.isNull())
        return true;
    // Unpremultiplied pixels, so that a translucent pixel's colour turns like an opaque one's.
    const QImage::Format original = image.format();
    if (original != QImage::Format_ARGB32 && original != QImage::Format_RGB32)
        image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    // What is turned: the page less the pictures, row by row as spans.
    QRegion turned(image.rect());
    for (const QRect &picture : pictures)
        turned -= picture.intersected(image.rect());

    const auto tables = colors.mode == PageColors::Mode::Sepia ? mixTables(SepiaPaper, SepiaInk)
        : colors.mode == PageColors::Mode::Custom              ? mixTables(colors.paper, colors.ink)
                                                               : std::array<Channel, 3> {};
    for (const QRect &span : turned) {
        for (int y = span.top(); y <= span.bottom(); ++y) {
            if ((y & 63) == 0 && token.isCancelled())
                return false;
            auto *row = reinterpret_cast<QRgb *>(image.scanLine(y));
            switch (colors.mode) {
            case PageColors::Mode::Normal:
                break;
            case PageColors::Mode::Invert:
                transformRow(row, span.left(), span.right() + 1, [](int &r, int &g, int &b) {
                    r = 255 - r;
                    g = 255 - g;
                    b = 255 - b;
                });
                break;
            case PageColors::Mode::InvertLightness:
                // HSL lightness is (max + min) / 2; adding 255 - max - min to every channel turns
                // it into its opposite and keeps the differences between the channels, which are
                // the hue and the chroma. It never leaves [0, 255].
                transformRow(row, span.left(), span.right() + 1, [](int &r, int &g, int &b) {
                    const int shift = 255 - std::max({r, g, b}) - std::min({r, g, b});
                    r += shift;
                    g += shift;
                    b += shift;
                });
                break;
            case PageColors::Mode::Sepia:
            case PageColors::Mode::Custom:
                transformRow(row, span.left(), span.right() + 1, [&tables](int &r, int &g, int &b) {
                    r = tables[0][r];
                    g = tables[1][g];
                    b = tables[2][b];
                });
                break;
            }
        }
    }
    if (original == QImage::Format_ARGB32_Premultiplied)
        image.convertTo(original);
    return true;
}

} // namespace folio
