// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exporters/exportrequest.h"

class QWidget;

namespace folio {

// What the GUI adds to an export job (Exporter::exportDocument() on a worker, its own instance of
// the document): telling the user when it failed.
class ExportJob
{
    Q_DECLARE_TR_FUNCTIONS(folio::ExportJob)
public:
    // A window-modal message box over `parent` naming the document, the folder and the reason.
    static void showFailure(const ExportRequest &request, const Status &status, QWidget *parent);
};

} // namespace folio
