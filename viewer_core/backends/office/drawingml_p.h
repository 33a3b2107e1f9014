// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by the DrawingML readers (drawingml.cpp: colours and text, drawingmlshapes.cpp:
// shapes). Not part of the reader's interface.
#include "drawingml.h"

namespace folio::presentation::drawingml::detail {

// A number attribute's value; `fallback` when absent, malformed or not finite.
double number(const QString &text, double fallback = 0);
std::optional<double> optionalNumber(const QString &text);
// An on/off attribute ("1", "true", "on" are on); nullopt when absent.
std::optional<bool> optionalFlag(const SafeXmlReader &xml, QLatin1String name);
// On a colour element (a:srgbClr, a:schemeClr, ...): its colour, modifiers applied; nullopt (and
// the element skipped) for anything else.
std::optional<QColor> readColorElement(SafeXmlReader &xml, const Theme &theme);
// Whether an element is one of DrawingML's fills (a:solidFill, a:noFill, ...).
bool isFill(QStringView name);
// On a fill element: its colour (transparent for a:noFill); nullopt for fills drawn otherwise.
std::optional<QColor> readFill(SafeXmlReader &xml, const Theme &theme);

} // namespace folio::presentation::drawingml::detail
