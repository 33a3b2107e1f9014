// SPDX-License-Identifier: GPL-3.0-or-later
#include "officeunits.h"

namespace folio::office {

std::optional<double> parseLength(QStringView text, double emSize)
{
    text = text.trimmed();
    qsizetype unitStart = text.size();
    while (unitStart > 0 && text.at(unitStart - 1).isLetter())
        --unitStart;
    bool ok = false;
    const double value = text.left(unitStart).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QStringView unit = text.mid(unitStart);
    if (unit.isEmpty() || unit == u"pt")
        return value;
    if (unit == u"in")
        return value * 72.0;
    if (unit == u"cm")
        return value * 72.0 / 2.54;
    if (unit == u"mm")
        return value * 72.0 / 25.4;
    if (unit == u"pc")
        return value * 12.0;
    if (unit == u"px")
        return value * 0.75;
    if (unit == u"em")
        return value * emSize;
    return std::nullopt;
}

std::optional<QColor> parseHexColor(QStringView text)
{
    text = text.trimmed();
    if (text.startsWith(u'#'))
        text = text.mid(1);
    if (text.size() != 6)
        return std::nullopt;
    bool ok = false;
    const uint rgb = text.toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return QColor::fromRgb(QRgb(0xff000000u | rgb));
}

bool parseOnOff(const QString *value, bool absent)
{
    if (!value)
        return absent;
    const QString v = value->trimmed().toLower();
    return !(v == u"0" || v == u"false" || v == u"off" || v == u"none");
}

std::optional<double> parsePercentage(QStringView text)
{
    text = text.trimmed();
    bool ok = false;
    if (text.endsWith(u'%')) {
        const double value = text.chopped(1).toDouble(&ok);
        return ok ? std::optional<double>(value / 100.0) : std::nullopt;
    }
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value / 100000.0) : std::nullopt;
}

int columnIndex(QStringView reference)
{
    qint64 column = 0;
    qsizetype i = 0;
    for (; i < reference.size() && reference.at(i).isLetter(); ++i) {
        const char16_t c = QChar::toUpper(reference.at(i).unicode());
        if (c < u'A' || c > u'Z')
            return -1;
        column = column * 26 + (c - u'A' + 1);
        if (column > 16384 * 4)
            return -1;
    }
    return i == 0 ? -1 : int(column - 1);
}

int rowIndex(QStringView reference)
{
    qsizetype i = 0;
    while (i < reference.size() && reference.at(i).isLetter())
        ++i;
    bool ok = false;
    const int row = reference.mid(i).toInt(&ok);
    return ok && row > 0 ? row - 1 : -1;
}

QString columnName(int index)
{
    QString name;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace folio::office
