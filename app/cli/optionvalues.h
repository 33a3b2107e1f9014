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

} // namespace cli::values
