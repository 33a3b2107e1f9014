// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

class QTextDocument;

// The fonts Folio lays pages out with. Every backend that chooses a font asks here, for families
// from the packages the project declares (the .deb depends on or recommends them, ./dev installs
// them), never for the system's default: the system's monospace font decides nothing about how
// many lines a text page holds. A given file is therefore paginated the same on every machine that
// has the declared fonts. Only when a declared family is missing does fontconfig's choice step in,
// which --verbose (folio.core debug) reports once per process.
namespace folio::fonts {

enum class Role { Sans, Serif, Mono };

struct DeclaredFamily
{
    QLatin1String family;
    QLatin1String package; // the Debian package that installs it
    Role role;
};

// Every family Folio asks for by name, with its package.
const QList<DeclaredFamily> &declaredFamilies();

// "DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono": the families of plain text, CSV, Markdown,
// archive listings, exports' own text and every document that names no font of its own.
QString family(Role role);
// family(role) at `pointSize`, unhinted (advances then scale linearly, so a grid measured once is
// the grid drawn at any resolution), with the style hint a fallback would need.
QFont font(Role role, qreal pointSize);

// The declared families that stand in for a family a document names (a DOCX run's w:rFonts, a
// spreadsheet's default font, a CSS font-family entry; empty for none), for QFont::setFamilies:
// the family itself when Folio declares it, else its metric-compatible substitute (Calibri →
// Carlito, Cambria → Caladea, Arial/Helvetica → Liberation Sans, Times → Liberation Serif,
// Courier → Liberation Mono), then the declared family of its kind (sans, serif or monospace,
// guessed from the name). A document's font that happens to be installed here but that Folio does
// not declare is not used: pages must not depend on it.
QStringList substitutes(const QString &requested);
// The kind of a family by its name: CSS generic names, known families, then words in the name.
Role roleOf(const QString &requested);

// Gives every run of `document` that names a family neither declared nor in `allowed` (a book's
// embedded fonts) the declared families standing in for it, and fixed-pitch runs without a family
// of their own the declared monospace. For documents built from HTML or Markdown, whose parsers
// pick families by themselves: QTextDocument sets <code>, <pre> and <tt> in "Courier New" and
// Markdown code in the system's monospace font, both of which fontconfig resolves differently on
// every machine. Call before the document is laid out (formats then cost no layout).
void pinFamilies(QTextDocument &document, const QStringList &allowed = {});

// Missing declared families, once per process: "DejaVu Sans Mono (fonts-dejavu-core)". Empty when
// everything is installed. Needs a QGuiApplication.
QStringList missingFamilies();

} // namespace folio::fonts
