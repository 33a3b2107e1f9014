// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cli {

// What `folio-cli --help` prints: the commands and every option of the tables in clioptions.h,
// section by section, wrapped to the terminal's usual width.
QString usageText();

} // namespace cli
