// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cancellation.h"
#include "document.h"
#include "status.h"

#include <QList>
#include <QMetaType>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>

namespace folio {

struct SearchOptions
{
    bool caseSensitive = false;
    // A hit must not have a letter, digit or combining mark right before or after it.
    bool wholeWords = false;
    // The needle is a Perl-compatible regular expression (QRegularExpression) rather than words.
    bool regularExpression = false;

    friend bool operator==(const SearchOptions &, const SearchOptions &) = default;
};

// One occurrence of the searched text.
struct SearchHit
{
    int page = -1; // 0-based
    // Where it is, in points on the upright page (like TextBox::rect): one rectangle per line the
    // hit touches. Empty when the format only knows that the page contains the text.
    QList<QRectF> rects;
    // The hit in its surroundings, for a results list: a line's worth of the page's text, white
    // space simplified, with the hit at [contextFrom, contextFrom + contextLength).
    QString context;
    int contextFrom = 0;
    int contextLength = 0;

    friend bool operator==(const SearchHit &, const SearchHit &) = default;
};

// A search, compiled once: the needle and the options, checked (a regular expression may be
// invalid) and prepared for matching many pages. A cheap value: copies share the compiled form,
// and a const TextMatcher may be used from several threads at once.
class TextMatcher
{
public:
    // Matches nothing.
    TextMatcher();
    TextMatcher(const QString &needle, const SearchOptions &options);

    // False for an invalid regular expression; errorString() says why.
    bool isValid() const;
    QString errorString() const;
    // True when nothing can match: an empty (or blank) needle, or an invalid expression.
    bool isEmpty() const;
    const SearchOptions &options() const;

    // Every hit in the words `boxes` of page `page`, in reading order (see findInBoxes()).
    QList<SearchHit> findInBoxes(const QList<TextBox> &boxes, int page) const;
    // Every hit in the plain text of page `page`: hits without rectangles.
    QList<SearchHit> findInText(const QString &text, int page) const;

    // For page filters working on raw bytes: an ASCII word every hit contains, lower-cased unless
    // the search is case-sensitive; empty when there is none (regular expressions, a needle
    // without an ASCII word).
    QByteArray requiredWord() const;

private:
    struct Compiled;
    std::shared_ptr<const Compiled> d;
};

// The offset of the first place in `data`, UTF-8 text, where decoded text could hold a hit of
// `matcher`: its requiredWord(), or a character that searching turns into ASCII letters (the
// Kelvin sign, the long s, ligatures such as "ﬁ", Roman numerals...). -1 when no hit can start
// in `data`; 0 when the matcher has no required word (nothing can be ruled out). Never misses a
// hit: the answer may come early, never late.
qsizetype firstPossibleHitUtf8(QByteArrayView data, const TextMatcher &matcher);

// Implemented by documents that can rule pages out faster than by reading their text, from the
// file's bytes (plain text files): a search skips what they rule out.
class PageFilter
{
public:
    virtual ~PageFilter();
    // The first page from `from` on, and before `end`, that may hold a hit of `matcher`; -1 when
    // none can. end < 0 means the end of the document: pages are read (ensurePages) only as far
    // as a page that may hold a hit. `from` must be a known page.
    virtual Result<int> firstCandidatePage(
        int from, int end, const TextMatcher &matcher, const CancellationToken &token)
        = 0;
};

// The text of pages kept between searches of one document, so that a second search (the next
// word typed, another option) reads pages from memory instead of extracting them again: text
// extraction is what a first search of a PDF spends its time on. Up to a memory budget; pages
// beyond it are not kept. Thread-safe: jobs of several searches may use one store.
class SearchTextStore
{
public:
    static constexpr qint64 DefaultBudget = 64LL * 1024 * 1024;
    explicit SearchTextStore(qint64 budgetBytes = DefaultBudget);
    ~SearchTextStore();

    // The words of `page` when kept (with positions, or without for text-only formats).
    std::optional<QList<TextBox>> find(int page) const;
    bool contains(int page) const;
    void insert(int page, const QList<TextBox> &boxes);
    // Reads the words of `page` from `document` into the store unless they are there already
    // (words with positions, or from the plain text for text-only formats). Uses the document.
    Status load(Document &document, int page, const CancellationToken &token);
    // True once the budget is spent: nothing more will be kept.
    bool isFull() const;
    qint64 bytesUsed() const;
    int pageCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// One step of a search over a document: the next page that may hold a hit of `matcher`, from
// `from` on and before `end` (end < 0: up to the end of the document, reading it on as far as
// needed), and its hits. Pages a PageFilter rules out are skipped without reading their text.
struct PageSearchStep
{
    int page = -1; // the page searched; -1 when no page in the range can hold a hit
    QList<SearchHit> hits;
};
// With a `store`, pages are read from it when kept there, and kept there once read.
Result<PageSearchStep> searchNextPage(Document &document, const TextMatcher &matcher, int from, int end,
    const CancellationToken &token, SearchTextStore *store = nullptr);

// Every occurrence of `needle` in the words `boxes` of page `page`, in reading order.
//
// The boxes are joined into the page's text with one space after each box whose spaceAfter is set
// (TextBox::lineEnd alone joins without one: a word wrapped over two lines stays one word), so a
// phrase can span boxes and lines. The needle is trimmed and its runs of white space count as one
// space. Without caseSensitive, both sides are compared by Unicode simple case folding (ß stays
// ß, final sigma matches sigma); compatibility ligatures (ﬁ, ﬂ, ĳ) always match their letters.
// Occurrences do not overlap: "aa" occurs twice in "aaaaa". A partial word is highlighted by
// interpolating along its box, a box taller than wide (vertical text) is highlighted whole.
// An empty needle finds nothing.
QList<SearchHit> findInBoxes(
    const QList<TextBox> &boxes, int page, const QString &needle, const SearchOptions &options = {});

// For formats with Capability::Text but no TextLayout: one hit with no rectangles per occurrence of
// `needle` in `text` (page `page`), with the same matching rules as findInBoxes() (any white space
// in `text` counts as one space).
QList<SearchHit> findInText(const QString &text, int page, const QString &needle, const SearchOptions &options = {});

// The occurrences of `needle` on page `page` of `document`, from its textBoxes(). Unsupported
// (with a message for the user) when the document lacks Capability::TextLayout; Canceled or
// TimedOut when the token stops it. Uses the document: call it where the document may be used.
Result<QList<SearchHit>> findInPage(
    Document &document, int page, const QString &needle, const SearchOptions &options, const CancellationToken &token);

// The hits of page `page` by position when the document has Capability::TextLayout, else from
// its text (hits without rectangles). Unsupported when it has neither.
Result<QList<SearchHit>> findInPage(
    Document &document, int page, const TextMatcher &matcher, const CancellationToken &token);

// "This document's format does not support search", for callers that check capabilities first.
QString searchUnsupportedMessage();

} // namespace folio

Q_DECLARE_METATYPE(folio::SearchHit)
