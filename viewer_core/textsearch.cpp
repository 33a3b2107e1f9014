// SPDX-License-Identifier: GPL-3.0-or-later
#include "textsearch.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

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
    QList<qsizetype> lineStarts; // the index in `text` of each line's first unit, ascending
};

JoinedText join(const QList<TextBox> &boxes)
{
    JoinedText joined;
    joined.lineStarts.append(0);
    for (int i = 0; i < boxes.size(); ++i) {
        if (i > 0 && boxes[i - 1].lineEnd)
            joined.lineStarts.append(joined.text.size());
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

// Characters of context kept on each side of a hit.
constexpr qsizetype ContextBefore = 40;
constexpr qsizetype ContextAfter = 60;

// `hit` gets the text of its line(s) around [begin, end) of `joined`, cut at spaces where possible.
void setContext(SearchHit &hit, const JoinedText &joined, qsizetype begin, qsizetype end)
{
    const QString &text = joined.text;
    const auto next = std::upper_bound(joined.lineStarts.cbegin(), joined.lineStarts.cend(), begin);
    const qsizetype lineStart = *(next - 1);
    const auto after = std::lower_bound(joined.lineStarts.cbegin(), joined.lineStarts.cend(), end);
    // The line ends before the next one's start, without the space that joins them.
    const qsizetype lineEnd = after == joined.lineStarts.cend() ? text.size() : std::max(end, *after - 1);
    qsizetype from = std::max<qsizetype>(lineStart, begin - ContextBefore);
    if (from > lineStart) {
        const qsizetype space = text.indexOf(QLatin1Char(' '), from);
        if (space >= 0 && space < begin)
            from = space + 1;
    }
    qsizetype to = std::min<qsizetype>(lineEnd, end + ContextAfter);
    if (to < lineEnd) {
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '), to);
        if (space >= end)
            to = space;
    }
    const QString before = text.mid(from, begin - from);
    const QString match = text.mid(begin, end - begin);
    hit.context = (from > lineStart ? QStringLiteral("…") : QString()) + before + match + text.mid(end, to - end)
        + (to < lineEnd ? QStringLiteral("…") : QString());
    hit.contextFrom = int(before.size() + (from > lineStart ? 1 : 0));
    hit.contextLength = int(match.size());
}

// The code points above ASCII whose searchable form (ligatures split, case folded) holds an ASCII
// character: the ones a byte-level filter for an ASCII word cannot skip. Sorted.
const std::vector<char32_t> &asciiProducingCodePoints()
{
    static const std::vector<char32_t> points = [] {
        // What appendFolded() does, without building strings: a case fold, or the parts of a
        // ligature-like compatibility decomposition (each maybe folded), reaching ASCII.
        const auto ascii = [](char32_t c) { return c < 0x80 || QChar::toCaseFolded(c) < 0x80; };
        std::vector<char32_t> found;
        for (char32_t cp = 0x80; cp <= QChar::LastValidCodePoint; ++cp) {
            if (QChar::toCaseFolded(cp) < 0x80) {
                found.push_back(cp);
            } else if (QChar::decompositionTag(cp) == QChar::Compat) {
                const QString parts = QChar::decomposition(cp);
                const QList<uint> units = parts.toUcs4();
                if (units.size() > 1 && std::any_of(units.cbegin(), units.cend(), ascii))
                    found.push_back(cp);
            }
        }
        return found;
    }();
    return points;
}

// The words of a page without positions, from its plain text (formats without TextLayout).
QList<TextBox> wordsOf(const QString &text)
{
    QList<TextBox> words;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text.at(i).isSpace();
        if (space && start >= 0) {
            // A line break in the white space after the word ends its line (for the context).
            qsizetype next = i;
            while (next < text.size() && text.at(next).isSpace() && text.at(next) != QLatin1Char('\n'))
                ++next;
            const bool lineEnd = next < text.size() && text.at(next) == QLatin1Char('\n');
            words.append(TextBox {text.mid(start, i - start), QRectF(), true, lineEnd});
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return words;
}

} // namespace

struct TextMatcher::Compiled
{
    SearchOptions options;
    QString needle; // folded literal needle; empty for a regular expression
    QRegularExpression expression;
    QByteArray requiredWord;
    bool valid = true;
    bool empty = true;
};

TextMatcher::TextMatcher()
    : d(std::make_shared<Compiled>())
{ }

TextMatcher::TextMatcher(const QString &needle, const SearchOptions &options)
{
    auto compiled = std::make_shared<Compiled>();
    compiled->options = options;
    if (options.regularExpression) {
        QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
        if (!options.caseSensitive)
            flags |= QRegularExpression::CaseInsensitiveOption;
        compiled->expression = QRegularExpression(needle, flags);
        compiled->valid = compiled->expression.isValid();
        if (compiled->valid)
            compiled->expression.optimize();
        compiled->empty = !compiled->valid || needle.isEmpty();
    } else {
        compiled->needle = fold(normalizedNeedle(needle), options.caseSensitive, nullptr);
        compiled->empty = compiled->needle.isEmpty();
        // The longest ASCII word of the needle: every hit contains it, folded like the needle.
        for (const QString &word : compiled->needle.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const bool ascii = std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
            if (ascii && word.size() > compiled->requiredWord.size())
                compiled->requiredWord = word.toLatin1();
        }
    }
    d = std::move(compiled);
}

bool TextMatcher::isValid() const
{
    return d->valid;
}

QString TextMatcher::errorString() const
{
    if (d->valid)
        return {};
    return TextSearch::tr("Invalid regular expression: %1 (at character %2)")
        .arg(d->expression.errorString())
        .arg(d->expression.patternErrorOffset() + 1);
}

bool TextMatcher::isEmpty() const
{
    return d->empty;
}

const SearchOptions &TextMatcher::options() const
{
    return d->options;
}

QByteArray TextMatcher::requiredWord() const
{
    return d->requiredWord;
}

QList<SearchHit> TextMatcher::findInBoxes(const QList<TextBox> &boxes, int page) const
{
    if (d->empty || boxes.isEmpty())
        return {};
    const JoinedText joined = join(boxes);
    QList<qsizetype> source;
    source.reserve(joined.text.size());
    const bool regex = d->options.regularExpression;
    // A regular expression sees the text with ligatures split and its own case rules.
    const QString haystack = fold(joined.text, regex || d->options.caseSensitive, &source);

    QList<SearchHit> hits;
    qsizetype from = 0;
    while (from <= haystack.size()) {
        qsizetype at = -1;
        qsizetype length = 0;
        if (regex) {
            const QRegularExpressionMatch match = d->expression.match(haystack, from);
            if (!match.hasMatch())
                break;
            at = match.capturedStart();
            length = match.capturedLength();
            if (length == 0) { // an empty match highlights nothing: look further
                from = at + 1;
                continue;
            }
        } else {
            at = haystack.indexOf(d->needle, from, Qt::CaseSensitive);
            length = d->needle.size();
        }
        if (at < 0)
            break;
        const qsizetype end = at + length;
        // From folded units back to the page's text: the last unit's character, whole.
        const qsizetype begin = source[at];
        qsizetype sourceEnd = source[end - 1] + 1;
        if (sourceEnd < joined.text.size() && joined.text.at(sourceEnd).isLowSurrogate())
            ++sourceEnd;
        if (d->options.wholeWords
            && (isWordCharacter(codePointBefore(joined.text, begin))
                || isWordCharacter(codePointAt(joined.text, sourceEnd)))) {
            from = at + 1;
            continue;
        }
        SearchHit hit;
        hit.page = page;
        hit.rects = rectsOf(boxes, joined, begin, sourceEnd);
        setContext(hit, joined, begin, sourceEnd);
        hits.append(std::move(hit));
        from = end;
    }
    return hits;
}

QList<SearchHit> TextMatcher::findInText(const QString &text, int page) const
{
    if (d->empty)
        return {};
    // The text's words as boxes without positions, so both searches share one set of rules.
    QList<SearchHit> hits = findInBoxes(wordsOf(text), page);
    for (SearchHit &hit : hits)
        hit.rects.clear();
    return hits;
}

QList<SearchHit> findInBoxes(const QList<TextBox> &boxes, int page, const QString &needle, const SearchOptions &options)
{
    return TextMatcher(needle, options).findInBoxes(boxes, page);
}

QList<SearchHit> findInText(const QString &text, int page, const QString &needle, const SearchOptions &options)
{
    return TextMatcher(needle, options).findInText(text, page);
}

qsizetype firstPossibleHitUtf8(QByteArrayView data, const TextMatcher &matcher)
{
    const QByteArray word = matcher.requiredWord();
    if (word.isEmpty())
        return 0;
    const bool caseSensitive = matcher.options().caseSensitive;
    const auto folded
        = [caseSensitive](uchar c) -> uchar { return caseSensitive || c < 'A' || c > 'Z' ? c : uchar(c - 'A' + 'a'); };

    // The word, by Boyer-Moore-Horspool over ASCII-folded bytes.
    qsizetype wordAt = -1;
    const qsizetype n = word.size();
    if (data.size() >= n) {
        std::array<qsizetype, 256> shift;
        shift.fill(n);
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const uchar c = uchar(word[i]);
            shift[c] = n - 1 - i;
            if (!caseSensitive && c >= 'a' && c <= 'z')
                shift[c - 'a' + 'A'] = n - 1 - i;
        }
        const auto *bytes = reinterpret_cast<const uchar *>(data.data());
        const auto *wanted = reinterpret_cast<const uchar *>(word.constData());
        for (qsizetype at = 0; at + n <= data.size();) {
            const uchar last = bytes[at + n - 1];
            if (folded(last) == wanted[n - 1]) {
                qsizetype k = n - 2;
                while (k >= 0 && folded(bytes[at + k]) == wanted[k])
                    --k;
                if (k < 0) {
                    wordAt = at;
                    break;
                }
            }
            at += shift[last];
        }
    }

    // Before it: a character whose searchable form is ASCII could make a hit of its own.
    const qsizetype limit = wordAt >= 0 ? wordAt : data.size();
    const std::vector<char32_t> &producing = asciiProducingCodePoints();
    const auto *bytes = reinterpret_cast<const uchar *>(data.data());
    for (qsizetype i = 0; i < limit;) {
        // ASCII eight bytes at a time.
        if (i + 8 <= limit) {
            quint64 word;
            std::memcpy(&word, bytes + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        // One UTF-8 sequence; a malformed one decodes to U+FFFD, which is harmless.
        const uchar lead = bytes[i];
        const int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        char32_t cp = length == 4 ? lead & 0x07 : length == 3 ? lead & 0x0F : length == 2 ? lead & 0x1F : 0xFFFD;
        bool wellFormed = length > 1;
        for (int k = 1; k < length && wellFormed; ++k) {
            if (i + k >= data.size() || (bytes[i + k] & 0xC0) != 0x80) {
                wellFormed = false;
                break;
            }
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        if (wellFormed && std::binary_search(producing.cbegin(), producing.cend(), cp))
            return i;
        i += wellFormed ? length : 1;
    }
    return wordAt;
}

PageFilter::~PageFilter() = default;

Result<QList<SearchHit>> findInPage(
    Document &document, int page, const TextMatcher &matcher, const CancellationToken &token)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    if (matcher.isEmpty())
        return QList<SearchHit>();
    if (document.capabilities().testFlag(Capability::TextLayout)) {
        Result<QList<TextBox>> boxes = document.textBoxes(page, token);
        if (!boxes)
            return boxes.status();
        return matcher.findInBoxes(*boxes, page);
    }
    if (document.capabilities().testFlag(Capability::Text)) {
        Result<QString> text = document.text(page, token);
        if (!text)
            return text.status();
        return matcher.findInText(*text, page);
    }
    return Status(StatusCode::Unsupported, searchUnsupportedMessage());
}

Result<QList<SearchHit>> findInPage(
    Document &document, int page, const QString &needle, const SearchOptions &options, const CancellationToken &token)
{
    if (!document.capabilities().testFlag(Capability::TextLayout))
        return Status(StatusCode::Unsupported, searchUnsupportedMessage());
    return findInPage(document, page, TextMatcher(needle, options), token);
}

struct SearchTextStore::Private
{
    mutable std::mutex mutex;
    std::unordered_map<int, QList<TextBox>> pages;
    qint64 budget = 0;
    qint64 used = 0;
    bool full = false;
};

SearchTextStore::SearchTextStore(qint64 budgetBytes)
    : d(std::make_unique<Private>())
{
    d->budget = budgetBytes;
}

SearchTextStore::~SearchTextStore() = default;

std::optional<QList<TextBox>> SearchTextStore::find(int page) const
{
    std::lock_guard lock(d->mutex);
    const auto it = d->pages.find(page);
    if (it == d->pages.end())
        return std::nullopt;
    return it->second;
}

void SearchTextStore::insert(int page, const QList<TextBox> &boxes)
{
    qint64 bytes = 64;
    for (const TextBox &box : boxes)
        bytes += qint64(sizeof(TextBox)) + box.text.size() * 2 + 32;
    std::lock_guard lock(d->mutex);
    if (d->used + bytes > d->budget) {
        d->full = true;
        return;
    }
    if (d->pages.count(page))
        return;
    d->pages.emplace(page, boxes);
    d->used += bytes;
}

bool SearchTextStore::contains(int page) const
{
    std::lock_guard lock(d->mutex);
    return d->pages.count(page) > 0;
}

bool SearchTextStore::isFull() const
{
    std::lock_guard lock(d->mutex);
    return d->full;
}

qint64 SearchTextStore::bytesUsed() const
{
    std::lock_guard lock(d->mutex);
    return d->used;
}

int SearchTextStore::pageCount() const
{
    std::lock_guard lock(d->mutex);
    return int(d->pages.size());
}

namespace {

// The words of `page`, from the store or the document (and then kept in the store).
Result<QList<TextBox>> pageWords(Document &document, int page, SearchTextStore *store, const CancellationToken &token)
{
    if (store) {
        if (std::optional<QList<TextBox>> kept = store->find(page))
            return std::move(*kept);
    }
    QList<TextBox> words;
    if (document.capabilities().testFlag(Capability::TextLayout)) {
        Result<QList<TextBox>> boxes = document.textBoxes(page, token);
        if (!boxes)
            return boxes.status();
        words = std::move(*boxes);
    } else if (document.capabilities().testFlag(Capability::Text)) {
        Result<QString> text = document.text(page, token);
        if (!text)
            return text.status();
        words = wordsOf(*text);
    } else {
        return Status(StatusCode::Unsupported, searchUnsupportedMessage());
    }
    if (store)
        store->insert(page, words);
    return words;
}

} // namespace

Status SearchTextStore::load(Document &document, int page, const CancellationToken &token)
{
    if (contains(page))
        return {};
    const Result<QList<TextBox>> words = pageWords(document, page, this, token);
    return words ? Status() : words.status();
}

Result<PageSearchStep> searchNextPage(Document &document, const TextMatcher &matcher, int from, int end,
    const CancellationToken &token, SearchTextStore *store)
{
    if (token.isCancelled())
        return Status::fromToken(token);
    PageSearchStep step;
    if (matcher.isEmpty() || from < 0 || (end >= 0 && from >= end))
        return step;
    if (from >= document.pageCount()) {
        if (end >= 0 || document.isPageCountFinal())
            return step;
        if (Status status = document.ensurePages(from + 1, token); !status)
            return status;
        if (from >= document.pageCount())
            return step;
    }
    int page = from;
    if (auto *filter = dynamic_cast<PageFilter *>(&document)) {
        const Result<int> candidate = filter->firstCandidatePage(from, end, matcher, token);
        if (!candidate)
            return candidate.status();
        if (*candidate < 0)
            return step;
        page = *candidate;
    }
    Result<QList<TextBox>> words = pageWords(document, page, store, token);
    if (!words)
        return words.status().withPage(page);
    step.page = page;
    step.hits = matcher.findInBoxes(*words, page);
    if (!document.capabilities().testFlag(Capability::TextLayout)) {
        for (SearchHit &hit : step.hits)
            hit.rects.clear();
    }
    return step;
}

QString searchUnsupportedMessage()
{
    return TextSearch::tr("This document's format does not support search");
}

} // namespace folio
