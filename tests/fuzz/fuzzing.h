// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <cstddef>
#include <cstdint>

// What every fuzz target runs (fuzzer.cpp), shared by the libFuzzer targets and fuzz_replay.
namespace folio::fuzz {

// The parser families, one fuzz target each (FOLIO_FUZZ_TARGETS in CMakeLists.txt).
QStringList families();
// Once per process: the QGuiApplication, quiet Qt messages, warm font caches.
void initialize(int *argc, char ***argv);
// Offers `data` to the parsers of `family` under a 3 s token: detection only for "detect",
// otherwise Viewer::load and a little of what a viewer does next. A crash or a sanitizer report
// is the only failure.
void testOneInput(const QString &family, const uint8_t *data, size_t size);

} // namespace folio::fuzz
