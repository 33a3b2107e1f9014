// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlmarkup.h"

#include <QUrl>

namespace folio {

namespace {

bool isXmlCharacter(char16_t c)
{
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    // Noncharacters: QTextDocument marks frames with U+FDD0..U+FDD1 and tables' cells with others.
    if (c >= 0xfdd0 && c <= 0xfdef)
        return false;
    return c != 0xfffe && c != 0xffff;
}

} // namespace

void appendHtmlEscaped(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = text[i].unicode();
        switch (c) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        default:
            if (QChar::isHighSurrogate(c)) {
                if (i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
                    out += text[i];
                    out += text[i + 1];
                    ++i;
                }
            } else if (!QChar::isLowSurrogate(c) && isXmlCharacter(c)) {
                out += QChar(c);
            }
        }
    }
}

QString htmlEscaped(QStringView text)
{
    QString out;
    appendHtmlEscaped(out, text);
    return out;
}

QString cssNumber(qreal value)
{
    QString text = QString::number(value, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

QString cssColor(const QColor &color)
{
    const QColor rgb = color.toRgb();
    if (rgb.alpha() == 255)
        return rgb.name(QColor::HexRgb);
    return QStringLiteral("rgba(%1,%2,%3,%4)")
        .arg(rgb.red())
        .arg(rgb.green())
        .arg(rgb.blue())
        .arg(cssNumber(rgb.alphaF()));
}

QString htmlLinkTarget(const QString &href)
{
    const QString target = href.trimmed();
    if (target.isEmpty())
        return {};
    if (target.startsWith(u'#'))
        return target.size() > 1 ? target : QString();
    const QUrl url(target);
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")
        || scheme == QLatin1String("ftp"))
        return QString::fromLatin1(url.toEncoded()); // spaces and the like percent-encoded
    return {};
}

} // namespace folio
