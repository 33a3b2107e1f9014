// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "status.h"

#include <QByteArray>
#include <QString>

namespace folio {

// File names on Linux are bytes; Qt's are Unicode, converted through UTF-8. A name holding bytes
// that are not UTF-8 (an old Latin-1 download, a name made on purpose) does not survive that round
// trip: QFile would look for another file. A program that has the bytes (folio-cli and folio get
// them in argv) opens such a file through these functions and names it in messages by display().
struct NativeFileName
{
    Q_DECLARE_TR_FUNCTIONS(folio::NativeFileName)
public:
    // True when QFile finds the file by QFile::decodeName(native).
    static bool isRepresentable(const QByteArray &native);
    // The name for people: its UTF-8 as is, every other byte as \xHH (as `ls -b` shows it).
    static QString display(const QByteArray &native);
    // A name QFile opens the same file by. For a representable name, the decoded name. Otherwise
    // the file is opened by its bytes and named by its descriptor ("/proc/self/fd/N"), which stays
    // open for the life of the process, so that the file can be opened again (by render workers)
    // and survives a rename. Fails with the system's reason when the file cannot be opened.
    static Result<QString> reachable(const QByteArray &native);
};

} // namespace folio
