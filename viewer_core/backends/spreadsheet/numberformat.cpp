// SPDX-License-Identifier: GPL-3.0-or-later
#include "numberformat.h"

#include <QDate>
#include <QList>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace folio::spreadsheet {

namespace {

// Stands for [h] in a parsed section. A character no format code contains: codes written in
// capitals ("MM/DD/YY HH:MM") have their own H.
constexpr char16_t ElapsedHours = u'\uE000';

// A format code section split into its parts: literal text kept, brackets and quotes resolved.
struct Section
{
    QString code; // the section without colour/condition brackets
    QString currency; // from [$€-407]
    bool elapsedHours = false; // [h]
};

QList<QStringView> splitSections(QStringView code)
{
    QList<QStringView> sections;
    bool quoted = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && c == u'\\')
            ++i;
        else if (!quoted && c == u';') {
            sections.append(code.sliced(start, i - start));
            start = i + 1;
        }
    }
    sections.append(code.sliced(std::min(start, code.size())));
    return sections;
}

// Resolves brackets: [Red] and [>100] are dropped, [$€-407] becomes a quoted "€", [h] stays.
Section parseSection(QStringView raw)
{
    Section section;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == u'"') {
            quoted = !quoted;
            section.code.append(c);
        } else if (!quoted && c == u'\\' && i + 1 < raw.size()) {
            section.code.append(c).append(raw[++i]);
        } else if (!quoted && c == u'[') {
            const qsizetype end = raw.indexOf(u']', i);
            if (end < 0)
                break;
            const QStringView inside = raw.sliced(i + 1, end - i - 1);
            if (inside.startsWith(u'$')) {
                const qsizetype dash = inside.indexOf(u'-');
                const QStringView symbol = inside.sliced(1, (dash < 0 ? inside.size() : dash) - 1);
                section.code.append(u'"').append(symbol).append(u'"');
            } else if (inside.compare(u"h", Qt::CaseInsensitive) == 0
                || inside.compare(u"hh", Qt::CaseInsensitive) == 0) {
                section.elapsedHours = true;
                section.code.append(ElapsedHours);
            } else if (inside.compare(u"mm", Qt::CaseInsensitive) == 0
                || inside.compare(u"ss", Qt::CaseInsensitive) == 0) {
                section.code.append(inside.toString().toLower());
            }
            i = end;
        } else {
            section.code.append(c);
        }
    }
    return section;
}

bool isDateSection(QStringView code)
{
    bool quoted = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
            continue;
        }
        const QChar l = c.toLower();
        if (l == u'y' || l == u'm' || l == u'd' || l == u'h' || l == u's' || c == ElapsedHours)
            return true;
    }
    return false;
}

struct DateParts
{
    int year = 1900;
    int month = 1;
    int day = 1;
    int weekday = 1; // 1 = Monday, as QDate
    qint64 seconds = 0; // of the day
    double fraction = 0; // of a second
};

DateParts dateParts(double serial, bool date1904)
{
    DateParts parts;
    double days = std::floor(serial);
    double dayFraction = serial - days;
    double totalSeconds = dayFraction * 86400.0;
    qint64 whole = qint64(std::floor(totalSeconds + 1e-6));
    parts.fraction = std::max(0.0, totalSeconds - double(whole));
    if (whole >= 86400) {
        whole -= 86400;
        days += 1;
    }
    parts.seconds = whole;
    if (!date1904 && days == 0) {
        // Excel's day zero: the 0th of January 1900.
        parts.year = 1900;
        parts.month = 1;
        parts.day = 0;
        parts.weekday = 6;
        return parts;
    }
    if (!date1904 && days == 60) {
        // Lotus 1-2-3's leap-year bug, kept by Excel: serial 60 is the 29th of February 1900.
        parts.year = 1900;
        parts.month = 2;
        parts.day = 29;
        parts.weekday = 3;
        return parts;
    }
    QDate base;
    if (date1904)
        base = QDate(1904, 1, 1);
    else
        base = days < 60 ? QDate(1899, 12, 31) : QDate(1899, 12, 30);
    const QDate date = base.addDays(qint64(days));
    if (date.isValid()) {
        parts.year = date.year();
        parts.month = date.month();
        parts.day = date.day();
        parts.weekday = date.dayOfWeek();
    }
    return parts;
}

QString twoDigits(qint64 n)
{
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

QString formatDate(double value, const Section &section, bool date1904)
{
    const QStringView code = section.code;
    const DateParts parts = dateParts(value, date1904);
    const QLocale c = QLocale::c();
    // AM/PM changes the hours to 12-hour ones.
    const bool ampm = code.contains(u"AM/PM", Qt::CaseInsensitive) || code.contains(u"A/P", Qt::CaseInsensitive);
    QString out;
    bool quoted = false;
    bool lastWasHour = false;
    qint64 hours = parts.seconds / 3600;
    const qint64 minutes = (parts.seconds / 60) % 60;
    const qint64 seconds = parts.seconds % 60;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar ch = code[i];
        if (ch == u'"') {
            quoted = !quoted;
            continue;
        }
        if (quoted) {
            out.append(ch);
            continue;
        }
        if (ch == u'\\' && i + 1 < code.size()) {
            out.append(code[++i]);
            continue;
        }
        if (ch == u'_' && i + 1 < code.size()) {
            ++i;
            out.append(u' ');
            continue;
        }
        if (ch == u'*') {
            ++i;
            continue;
        }
        const QChar l = ch.toLower();
        qsizetype run = 1;
        while (i + run < code.size() && code[i + run].toLower() == l && ch != ElapsedHours)
            ++run;
        if (ch == ElapsedHours) {
            const qint64 elapsed = qint64(std::floor(value)) * 24 + hours;
            out.append(QString::number(elapsed));
            lastWasHour = true;
            continue;
        }
        if (l == u'y') {
            out.append(run <= 2 ? twoDigits(parts.year % 100) : QString::number(parts.year));
            lastWasHour = false;
        } else if (l == u'm') {
            // Minutes after hours or before seconds; months otherwise.
            qsizetype next = i + run;
            while (next < code.size() && !code[next].isLetter())
                ++next;
            const bool minute = run <= 2 && (lastWasHour || (next < code.size() && code[next].toLower() == u's'));
            if (minute)
                out.append(run == 1 ? QString::number(minutes) : twoDigits(minutes));
            else if (run == 1)
                out.append(QString::number(parts.month));
            else if (run == 2)
                out.append(twoDigits(parts.month));
            else if (run == 3)
                out.append(c.monthName(parts.month, QLocale::ShortFormat));
            else if (run == 5)
                out.append(c.monthName(parts.month, QLocale::LongFormat).left(1));
            else
                out.append(c.monthName(parts.month, QLocale::LongFormat));
            lastWasHour = false;
        } else if (l == u'd') {
            if (run == 1)
                out.append(QString::number(parts.day));
            else if (run == 2)
                out.append(twoDigits(parts.day));
            else if (run == 3)
                out.append(c.dayName(parts.weekday, QLocale::ShortFormat));
            else
                out.append(c.dayName(parts.weekday, QLocale::LongFormat));
            lastWasHour = false;
        } else if (l == u'h') {
            qint64 h = hours;
            if (ampm) {
                h %= 12;
                if (h == 0)
                    h = 12;
            }
            out.append(run == 1 ? QString::number(h) : twoDigits(h));
            lastWasHour = true;
        } else if (l == u's') {
            out.append(run == 1 ? QString::number(seconds) : twoDigits(seconds));
            // "ss.00": the fraction of the second.
            if (i + run < code.size() && code[i + run] == u'.') {
                qsizetype zeros = 0;
                while (i + run + 1 + zeros < code.size() && code[i + run + 1 + zeros] == u'0')
                    ++zeros;
                if (zeros > 0) {
                    const qint64 scaled = qint64(std::round(parts.fraction * std::pow(10.0, double(zeros))));
                    out.append(u'.').append(QStringLiteral("%1").arg(scaled, int(zeros), 10, QLatin1Char('0')));
                    run += 1 + zeros;
                }
            }
            lastWasHour = false;
        } else if (l == u'a' && code.sliced(i).startsWith(u"AM/PM", Qt::CaseInsensitive)) {
            out.append(hours < 12 ? QStringLiteral("AM") : QStringLiteral("PM"));
            run = 5;
        } else if (l == u'a' && code.sliced(i).startsWith(u"A/P", Qt::CaseInsensitive)) {
            out.append(hours < 12 ? QStringLiteral("A") : QStringLiteral("P"));
            run = 3;
        } else if (ch == u'@') {
            out.append(QString::number(value));
        } else {
            out.append(code.sliced(i, run));
        }
        i += run - 1;
    }
    return out;
}

// Digits with thousands separators every three from the right.
QString groupThousands(const QString &digits)
{
    QString out;
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0)
            out.append(u',');
        out.append(digits[i]);
    }
    return out;
}

// A number section: [prefix literals] digits [.decimals] [E+00] [%] [suffix literals].
QString formatNumber(double value, const Section &section, bool negativeSign)
{
    const QStringView code = section.code;
    // First pass: what the placeholders ask for.
    int decimals = 0;
    int integerZeros = 0;
    bool thousands = false;
    bool percent = false;
    int exponentDigits = -1;
    bool exponentPlus = false;
    bool inDecimals = false;
    bool seenDigit = false;
    int trailingCommas = 0; // "#,##0," scales by 1000
    bool quoted = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (quoted)
            continue;
        if (c == u'\\' || c == u'_' || c == u'*') {
            ++i;
            continue;
        }
        if (exponentDigits >= 0) {
            if (c == u'0' || c == u'#')
                ++exponentDigits;
            continue;
        }
        if (c == u'0' || c == u'#' || c == u'?') {
            seenDigit = true;
            trailingCommas = 0;
            if (inDecimals)
                ++decimals;
            else if (c == u'0')
                ++integerZeros;
        } else if (c == u'.') {
            inDecimals = true;
        } else if (c == u',' && seenDigit) {
            if (!inDecimals)
                thousands = true;
            ++trailingCommas;
        } else if (c == u'%') {
            percent = true;
        } else if ((c == u'E' || c == u'e') && i + 1 < code.size() && (code[i + 1] == u'+' || code[i + 1] == u'-')) {
            exponentDigits = 0;
            exponentPlus = code[i + 1] == u'+';
            ++i;
        } else if (c == u'/') {
            return {}; // fractions: General
        }
    }
    if (!seenDigit && !percent) {
        // A section of literals only ("zero", "-"): shown as written; "@" shows the value.
        if (code.contains(u'@'))
            return {};
        QString literal;
        quoted = false;
        for (qsizetype i = 0; i < code.size(); ++i) {
            const QChar c = code[i];
            if (c == u'"')
                quoted = !quoted;
            else if (!quoted && c == u'\\' && i + 1 < code.size())
                literal.append(code[++i]);
            else if (!quoted && c == u'_' && i + 1 < code.size()) {
                literal.append(u' ');
                ++i;
            } else if (!quoted && c == u'*' && i + 1 < code.size())
                ++i;
            else
                literal.append(c);
        }
        return literal;
    }
    double v = std::fabs(value);
    if (percent)
        v *= 100;
    // "#,##0," divides by 1000 for every comma right after the digits (not a separator then).
    if (trailingCommas > 0 && !inDecimals)
        v /= std::pow(1000.0, trailingCommas);
    QString number;
    if (exponentDigits >= 0) {
        int exponent = 0;
        if (v != 0) {
            exponent = int(std::floor(std::log10(v)));
            // Engineering formats ("##0.0E+0") keep exponents a multiple of the integer digits.
            v /= std::pow(10.0, exponent);
            if (std::round(v * std::pow(10.0, decimals)) >= 10 * std::pow(10.0, decimals)) {
                v /= 10;
                ++exponent;
            }
        }
        number = QString::number(v, 'f', decimals);
        QString exp = QString::number(std::abs(exponent)).rightJustified(std::max(1, exponentDigits), u'0');
        number += u'E';
        number += exponent < 0 ? u"-" : (exponentPlus ? u"+" : u"");
        number += exp;
    } else {
        number = QString::number(v, 'f', decimals);
        const qsizetype dot = number.indexOf(u'.');
        QString integer = dot < 0 ? number : number.left(dot);
        const QString fraction = dot < 0 ? QString() : number.mid(dot);
        if (integer == u"0" && integerZeros == 0)
            integer.clear();
        if (integer.size() < integerZeros)
            integer = integer.rightJustified(integerZeros, u'0');
        if (thousands)
            integer = groupThousands(integer);
        number = integer + fraction;
    }
    // Second pass: the literals around the number, in order.
    QString prefix;
    QString suffix;
    bool placed = false;
    quoted = false;
    bool inExponent = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code[i];
        QString *target = placed ? &suffix : &prefix;
        if (c == u'"') {
            quoted = !quoted;
            continue;
        }
        if (quoted) {
            target->append(c);
            continue;
        }
        if (c == u'\\' && i + 1 < code.size()) {
            target->append(code[++i]);
        } else if (c == u'_' && i + 1 < code.size()) {
            ++i;
            target->append(u' ');
        } else if (c == u'*') {
            ++i;
        } else if (c == u'0' || c == u'#' || c == u'?' || c == u'.' || (c == u',' && !placed) || inExponent) {
            placed = true;
        } else if ((c == u'E' || c == u'e') && i + 1 < code.size() && (code[i + 1] == u'+' || code[i + 1] == u'-')) {
            inExponent = true;
            placed = true;
            ++i;
        } else if (c == u',' && placed && suffix.isEmpty()) {
            // scaling comma: nothing to show
        } else {
            target->append(c);
        }
        if (inExponent && i + 1 < code.size() && code[i + 1] != u'0' && code[i + 1] != u'#')
            inExponent = false;
    }
    QString result = prefix + number + suffix;
    // "-0.00" would be odd: the sign only shows when a shown digit is not zero.
    static const QRegularExpression nonZero(QStringLiteral("[1-9]"));
    if (negativeSign && value < 0 && number.contains(nonZero))
        result.prepend(u'-');
    return result;
}

} // namespace

QString NumberFormat::builtinCode(int id)
{
    switch (id) {
    case 1:
        return QStringLiteral("0");
    case 2:
        return QStringLiteral("0.00");
    case 3:
        return QStringLiteral("#,##0");
    case 4:
        return QStringLiteral("#,##0.00");
    case 5:
        return QStringLiteral("\"$\"#,##0_);(\"$\"#,##0)");
    case 6:
        return QStringLiteral("\"$\"#,##0_);[Red](\"$\"#,##0)");
    case 7:
        return QStringLiteral("\"$\"#,##0.00_);(\"$\"#,##0.00)");
    case 8:
        return QStringLiteral("\"$\"#,##0.00_);[Red](\"$\"#,##0.00)");
    case 9:
        return QStringLiteral("0%");
    case 10:
        return QStringLiteral("0.00%");
    case 11:
        return QStringLiteral("0.00E+00");
    case 14:
        return QStringLiteral("m/d/yyyy"); // shown in the locale's short date; en-US here
    case 15:
        return QStringLiteral("d-mmm-yy");
    case 16:
        return QStringLiteral("d-mmm");
    case 17:
        return QStringLiteral("mmm-yy");
    case 18:
        return QStringLiteral("h:mm AM/PM");
    case 19:
        return QStringLiteral("h:mm:ss AM/PM");
    case 20:
        return QStringLiteral("h:mm");
    case 21:
        return QStringLiteral("h:mm:ss");
    case 22:
        return QStringLiteral("m/d/yyyy h:mm");
    case 37:
        return QStringLiteral("#,##0 ;(#,##0)");
    case 38:
        return QStringLiteral("#,##0 ;[Red](#,##0)");
    case 39:
        return QStringLiteral("#,##0.00;(#,##0.00)");
    case 40:
        return QStringLiteral("#,##0.00;[Red](#,##0.00)");
    case 45:
        return QStringLiteral("mm:ss");
    case 46:
        return QStringLiteral("[h]:mm:ss");
    case 47:
        return QStringLiteral("mm:ss.0");
    case 48:
        return QStringLiteral("##0.0E+0");
    case 49:
        return QStringLiteral("@");
    default:
        return {};
    }
}

bool NumberFormat::isDateCode(QStringView code)
{
    if (code.isEmpty() || code.compare(u"General", Qt::CaseInsensitive) == 0)
        return false;
    const QList<QStringView> sections = splitSections(code);
    return isDateSection(parseSection(sections.first()).code);
}

QString NumberFormat::general(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("#NUM!");
    if (value == 0)
        return QStringLiteral("0");
    const double magnitude = std::fabs(value);
    const QString sign = value < 0 ? QStringLiteral("-") : QString();
    if (magnitude >= 1e11 || magnitude < 1e-9) {
        // Scientific with as many digits as fit 11 characters: "1.23457E+11".
        QString mantissa;
        int exponent = int(std::floor(std::log10(magnitude)));
        double m = magnitude / std::pow(10.0, exponent);
        mantissa = QString::number(m, 'f', 5);
        if (mantissa.startsWith(QLatin1String("10"))) {
            ++exponent;
            mantissa = QString::number(m / 10, 'f', 5);
        }
        while (mantissa.endsWith(u'0'))
            mantissa.chop(1);
        if (mantissa.endsWith(u'.'))
            mantissa.chop(1);
        const QString exp = QString::number(std::abs(exponent)).rightJustified(2, u'0');
        return sign + mantissa + (exponent < 0 ? QStringLiteral("E-") : QStringLiteral("E+")) + exp;
    }
    const int integerDigits = magnitude >= 1 ? int(std::floor(std::log10(magnitude))) + 1 : 1;
    for (int decimals = std::max(0, 10 - integerDigits); decimals >= 0; --decimals) {
        QString text = QString::number(magnitude, 'f', decimals);
        if (text.contains(u'.')) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(u'.'))
                text.chop(1);
        }
        if (text.size() <= 11) {
            if (text == u"0")
                return text;
            return sign + text;
        }
    }
    return sign + QString::number(magnitude, 'f', 0);
}

QString NumberFormat::generalFitting(double value, int maxChars)
{
    if (!std::isfinite(value))
        return QStringLiteral("#NUM!");
    if (value == 0)
        return QStringLiteral("0");
    const double magnitude = std::fabs(value);
    const QString sign = value < 0 ? QStringLiteral("-") : QString();
    const int room = maxChars - int(sign.size());
    const int integerDigits = magnitude >= 1 ? int(std::floor(std::log10(magnitude))) + 1 : 1;
    if (room <= 0)
        return {};
    // Fewer decimals first, as long as the integer part fits and something other than 0 is left.
    if (integerDigits <= room && magnitude < 1e11) {
        for (int decimals = std::max(0, room - integerDigits - 1); decimals >= 0; --decimals) {
            QString text = QString::number(magnitude, 'f', decimals);
            if (text.contains(u'.')) {
                while (text.endsWith(u'0'))
                    text.chop(1);
                if (text.endsWith(u'.'))
                    text.chop(1);
            }
            if (text == u"0")
                break; // a small number shows in scientific rather than as 0
            if (text.size() <= room)
                return sign + text;
        }
    }
    // Then scientific, with as many mantissa digits as fit: "1.2E+11", "1E+11".
    int exponent = int(std::floor(std::log10(magnitude)));
    const QString exp = QString::number(std::abs(exponent + 1)).rightJustified(2, u'0');
    for (int decimals = std::max(0, room - 4 - int(exp.size())); decimals >= 0; --decimals) {
        int e = exponent;
        QString mantissa = QString::number(magnitude / std::pow(10.0, e), 'f', decimals);
        if (mantissa.startsWith(QLatin1String("10"))) {
            ++e;
            mantissa = QString::number(magnitude / std::pow(10.0, e), 'f', decimals);
        }
        if (mantissa.contains(u'.')) {
            while (mantissa.endsWith(u'0'))
                mantissa.chop(1);
            if (mantissa.endsWith(u'.'))
                mantissa.chop(1);
        }
        const QString text = mantissa + (e < 0 ? QStringLiteral("E-") : QStringLiteral("E+"))
            + QString::number(std::abs(e)).rightJustified(2, u'0');
        if (text.size() <= room)
            return sign + text;
    }
    return {};
}

QString NumberFormat::format(double value, QStringView code, bool date1904)
{
    if (code.isEmpty() || code.compare(u"General", Qt::CaseInsensitive) == 0 || !std::isfinite(value))
        return general(value);
    const QList<QStringView> sections = splitSections(code);
    // Sections: positive;negative;zero;text. A negative number in its own section loses its sign
    // (the section shows it, with parentheses for instance).
    qsizetype index = 0;
    bool negativeSign = true;
    if (value < 0 && sections.size() >= 2 && !sections[1].trimmed().isEmpty()) {
        index = 1;
        negativeSign = false;
    } else if (value == 0 && sections.size() >= 3) {
        index = 2;
    }
    const Section section = parseSection(sections[index]);
    if (section.code.trimmed().compare(u"General", Qt::CaseInsensitive) == 0) {
        const QString g = general(negativeSign ? value : std::fabs(value));
        return g;
    }
    if (isDateSection(section.code)) {
        if (value < 0 || value > 2958465) // past 9999-12-31: Excel shows hashes
            return QStringLiteral("###");
        return formatDate(value, section, date1904);
    }
    QString formatted = formatNumber(value, section, negativeSign);
    if (formatted.isNull())
        return general(value);
    return formatted;
}

} // namespace folio::spreadsheet
