// SPDX-License-Identifier: GPL-3.0-or-later
#include "textsearch.h"

#include <QCoreApplication>

namespace folio {

namespace {

class TextSearch
{
    Q_DECLARE_TR_FUNCTIONS(folio::TextSearch)
};

// The page's text as one string, and for each of its UTF-16 units the box and the offset in the
// box's text it came from (box -1 for the spaces between boxes).
struct JoinedText
{
    QString text;
    QList<int> box;
    QList<int> offset;
};

JoinedText join(const QList<TextBox> &boxes)
{
    JoinedText joined;
    for (int i = 0; i < boxes.size(); ++i) {
        const QString &word = boxes[i].text;
        joined.text += word;
        for (int k = 0; k < word.size(); ++k) {
            joined.box.append(i);
            joined.offset.append(k);
        }
        if (boxes[i].spaceAfter && i + 1 < boxes.size()) {
            joined.text += QLatin1Char(' ');
            joined.box.append(-1);
            joined.offset.append(0);
        }
    }
    return joined;
}

// Appends the searchable form of code point `cp` to `out`: compatibility ligatures decomposed,
// then case-folded unless `caseSensitive`.
void appendFolded(char32_t cp, bool caseSensitive, QString &out)
{
    const auto appendOne = [&](char32_t c) {
        if (!caseSensitive)
            c = QChar::toCaseFolded(c);
        if (QChar::requiresSurrogates(c)) {
            out += QChar(QChar::highSurrogate(c));
            out += QChar(QChar::lowSurrogate(c));
        } else {
            out += QChar(char16_t(c));
        }
    };
    // "ﬁ" in a PDF must match "fi" typed by the user. Only ligature-like compatibility mappings:
    // a wider normalisation (NFKC) would also turn "²" into "2", which is not what a reader sees.
    if (cp >= 0x80 && QChar::decompositionTag(cp) == QChar::Compat) {
        const QString parts = QChar::decomposition(cp);
        if (parts.size() > 1) {
            for (char32_t part : parts.toUcs4())
                appendOne(part);
            return;
        }
    }
    appendOne(cp);
}

// `text` in searchable form, with the index in `text` each unit of the result comes from.
QString fold(const QString &text, bool caseSensitive, QList<qsizetype> *source)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        char32_t cp = text.at(i).unicode();
        qsizetype length = 1;
        if (QChar::isHighSurrogate(cp) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            length = 2;
        }
        const qsizetype before = out.size();
        appendFolded(cp, caseSensitive, out);
        if (source) {
            for (qsizetype k = before; k < out.size(); ++k)
                source->append(i);
        }
        i += length;
    }
    return out;
}

bool isWordCharacter(char32_t cp)
{
    return QChar::isLetterOrNumber(cp) || QChar::isMark(cp);
}

// The code point that ends right before `index` in `text`, or 0 at the start.
char32_t codePointBefore(const QString &text, qsizetype index)
{
    if (index <= 0)
        return 0;
    const QChar last = text.at(index - 1);
    if (last.isLowSurrogate() && index >= 2 && text.at(index - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(text.at(index - 2), last);
    return last.unicode();
}

// The code point that starts at `index` in `text`, or 0 at the end.
char32_t codePointAt(const QString &text, qsizetype index)
{
    if (index >= text.size())
        return 0;
    const QChar first = text.at(index);
    if (first.isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(first, text.at(index + 1));
    return first.unicode();
}

// The part of `box` that holds characters [from, to) of its text.
QRectF partOf(const TextBox &box, int from, int to)
{
    const qsizetype length = box.text.size();
    if (length <= 0 || (from <= 0 && to >= length))
        return box.rect;
    // Vertical text (a rotated page or a vertical line of text) runs up or down the page; which
    // way is unknown here, so the whole box is the honest answer.
    if (box.rect.height() > box.rect.width())
        return box.rect;
    const qreal left = box.rect.left() + box.rect.width() * qreal(from) / qreal(length);
    const qreal right = box.rect.left() + box.rect.width() * qreal(to) / qreal(length);
    return QRectF(QPointF(left, box.rect.top()), QPointF(right, box.rect.bottom()));
}

// The rectangles of characters [begin, end) of `joined`: one per line, merged from the boxes.
QList<QRectF> rectsOf(const QList<TextBox> &boxes, const JoinedText &joined, qsizetype begin, qsizetype end)
{
    QList<QRectF> rects;
    int previousBox = -1;
    for (qsizetype i = begin; i < end;) {
        const int box = joined.box[i];
        if (box < 0) {
            ++i;
            continue;
        }
        const int from = joined.offset[i];
        while (i < end && joined.box[i] == box)
            ++i;
        const QRectF part = partOf(boxes[box], from, joined.offset[i - 1] + 1);
        // Boxes of one line merge; a line end starts a new rectangle.
        if (previousBox >= 0 && !boxes[previousBox].lineEnd && !rects.isEmpty())
            rects.last() = rects.last().united(part);
        else
            rects.append(part);
        previousBox = box;
    }
    return rects;
}

QString normalizedNeedle(const QString &needle)
{
    return needle.simplified();
}

} // namespace

QList<SearchHit> findInBoxes(const QList<TextBox> &boxes, int page, const QString &needle, const SearchOptions &options)
{
    const QString wanted = fold(normalizedNeedle(needle), options.caseSensitive, nullptr);
    if (wanted.isEmpty() || boxes.isEmpty())
        return {};
    const JoinedText joined = join(boxes);
    QList<qsizetype> source;
    source.reserve(joined.text.size());
    const QString haystack = fold(joined.text, options.caseSensitive, &source);

    QList<SearchHit> hits;
    qsizetype from = 0;
    while (true) {
        const qsizetype at = haystack.indexOf(wanted, from, Qt::CaseSensitive);
        if (at < 0)
            break;
        const qsizetype end = at + wanted.size();
        // From folded units back to the page's text: the last unit's character, whole.
        const qsizetype begin = source[at];
        qsizetype sourceEnd = source[end - 1] + 1;
        if (sourceEnd < joined.text.size() && joined.text.at(sourceEnd).isLowSurrogate())
            ++sourceEnd;
        if (options.wholeWords
            && (isWordCharacter(codePointBefore(joined.text, begin))
                || isWordCharacter(codePointAt(joined.text, sourceEnd)))) {
            from = at + 1;
            continue;
        }
        hits.append(SearchHit {page, rectsOf(boxes, joined, begin, sourceEnd)});
        from = end;
    }
    return hits;
}

QList<SearchHit> findInText(const QString &text, int page, const QString &needle, const SearchOptions &options)
{
    // The text's words as boxes without positions, so both searches share one set of rules.
    QList<TextBox> words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text.at(i).isSpace();
        if (space && start >= 0) {
            words.append(TextBox {text.mid(start, i - start), QRectF(), true, false});
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    QList<SearchHit> hits = findInBoxes(words, page, needle, options);
    for (SearchHit &hit : hits)
        hit.rects.clear();
    return hits;
}

Result<QList<SearchHit>> findInPage(
    Document &document, int page, const QString &needle, const SearchOptions &options, const CancellationToken &token)
{
    if (!document.capabilities().testFlag(Capability::TextLayout))
        return Status(StatusCode::Unsupported, searchUnsupportedMessage());
    if (token.isCancelled())
        return Status::fromToken(token);
    if (normalizedNeedle(needle).isEmpty())
        return QList<SearchHit>();
    Result<QList<TextBox>> boxes = document.textBoxes(page, token);
    if (!boxes)
        return boxes.status();
    return findInBoxes(*boxes, page, needle, options);
}

QString searchUnsupportedMessage()
{
    return TextSearch::tr("This document's format does not support search");
}

} // namespace folio
