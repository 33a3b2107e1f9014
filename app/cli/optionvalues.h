// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The values folio-cli's options take, read from their text: each returns false for text that is
// not such a value, and then leaves `value` alone.
namespace cli::values {

// An integer within [low, high].
bool parseInt(const QString &text, int low, int high, int &value);
// A number within [low, high].
bool parseNumber(const QString &text, double low, double high, double &value);
// A size limit: bytes, or a number with K, M, G or T (powers of 1024, optionally followed by "iB"
// or "B"): 512M, 1.5G. 0 means no limit (the largest qint64).
bool parseSizeLimit(const QString &text, qint64 &value);
// A count limit: a whole number, 0 for no limit (the largest qint64).
bool parseCountLimit(const QString &text, qint64 &value);
// A --pages list whose items may name pages by their labels (PDF /PageLabels: "iv", "A-3"),
// rewritten in page numbers for folio::PageList. `labels` has one entry per page, empty where a
// page has none. Numbers keep priority: an item that reads as a page number or a range of numbers
// stays as it is, even where a page is labelled with that number. Any other item must be the
// label of exactly one page, or a range of two such labels (or a label and a number) joined by
// "-". Returns false for an item that is neither and sets `badItem` to it.
bool resolvePageLabels(const QString &spec, const QStringList &labels, QString &value, QString &badItem);

} // namespace cli::values
