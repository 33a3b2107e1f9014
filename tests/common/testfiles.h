// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QRectF>
#include <QTemporaryDir>

#include <cmath>

// Small file helpers the unit tests share.
namespace folio::test {

// The whole file, or nothing when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Writes `bytes` to `name` in `dir`; returns the path, or nothing when not all could be written.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// A PDF made of `objects` (numbered from 1 in order, object 1 the catalogue), with a correct
// cross-reference table: for PDFs that QPdfWriter cannot write (a /Rotate, a lying page tree).
inline QByteArray pdfFromObjects(const QList<QByteArray> &objects)
{
    QByteArray out("%PDF-1.4\n");
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(out.size());
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

// Whether each edge of `actual` is within `tolerance` of `expected`'s.
inline bool nearRect(const QRectF &actual, const QRectF &expected, qreal tolerance)
{
    return std::abs(actual.left() - expected.left()) <= tolerance
        && std::abs(actual.right() - expected.right()) <= tolerance
        && std::abs(actual.top() - expected.top()) <= tolerance
        && std::abs(actual.bottom() - expected.bottom()) <= tolerance;
}

} // namespace folio::test
