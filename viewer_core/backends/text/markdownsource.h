// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace folio::text {

// A piece of a Markdown source: the text [begin, end), preceded by `prefix` when the piece
// continues a construct cut in two (a table's header rows, a code fence's opening line).
struct MarkdownSection
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QString prefix;
    bool endsInCode = false; // cut inside a code fence or an HTML block
};

// How big a section may grow, in lines and UTF-16 units. Past `softLines`, a section ends at the
// next paragraph boundary; past `structuralLines`, at the next list item, quote or heading too;
// past `tableRows` rows of one table, at the next row; past `hardLines` or `hardSize`, at the next
// line, whatever it is. A line longer than `maxLineLength` is cut between words.
//
// The defaults keep the parse and layout of one section around 10 ms (Qt 6.4, one core): tables
// cost most, about 0.2 ms a row.
struct MarkdownSplitLimits
{
    int softLines = 100;
    int structuralLines = 150;
    int tableRows = 50;
    int hardLines = 400;
    qsizetype hardSize = 64LL * 1024;
    qsizetype maxLineLength = 16LL * 1024;
};

// Cuts a Markdown source into sections that can be parsed one by one.
//
// Why: QTextDocument::setMarkdown() cannot be interrupted and is quadratic in the number of tables
// and list items of one document (Qt 6.4: 2000 small tables take 5 s, one 4000-row table 3 s).
// Parsing bounded sections keeps every uninterruptible step to milliseconds, so a token is honoured
// promptly, and keeps the total linear. Cuts go where Markdown allows them (a blank line before an
// unindented line outside code fences and HTML blocks); the forced ones repeat the context that
// makes the continuation render the same: a table continues under its header, code stays code.
QList<MarkdownSection> splitMarkdown(QStringView source, const MarkdownSplitLimits &limits = {});

// The link reference definitions ("[label]: https://...") outside code, one a line. Appended to
// every section, so a reference resolves wherever its definition is in the file.
QString referenceDefinitions(QStringView source);

// Rewrites void HTML elements outside code as self-closing: "<img src=x>" becomes "<img src=x/>".
//
// Why: Qt 6.4's Markdown importer drops everything after an unclosed void element ("<br>",
// "<img ...>", as in the centred logo of many READMEs), including the rest of the document.
// Fenced code and code spans are left alone, so code samples show what they say.
QString closeVoidElements(const QString &markdown);

} // namespace folio::text
