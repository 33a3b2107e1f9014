# SPDX-License-Identifier: GPL-3.0-or-later
# The layering check must fail on a back edge (ctest "layering_self_test"): a small tree with one
# deliberate violation of each rule is checked, every one must be reported, and the same tree
# without them must pass. Variables: CHECK (check-layers.cmake), OUT (a scratch folder).
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${OUT}")
function(write path content)
    file(WRITE "${OUT}/${path}" "${content}\n")
endfunction()

# A clean tree: app → ui → core, a family using common/ and office/, office using common/.
write(viewer_core/document.h "#pragma once")
write(viewer_core/formatregistry.h "#pragma once")
write(viewer_core/nestedopener.h "#pragma once\n#include \"document.h\"")
write(viewer_core/formatregistry.cpp "#include \"formatregistry.h\"\n#include \"backends/pdf/pdfbackend.h\"")
write(viewer_core/backends/common/archive/archivereader.h "#pragma once\n#include <KZip>\n#include \"document.h\"")
write(viewer_core/backends/office/officepackage.h "#pragma once\n#include \"backends/common/archive/archivereader.h\"")
write(viewer_core/backends/pdf/pdfbackend.h "#pragma once\n#include \"nestedopener.h\"\n#include <poppler-qt6.h>")
write(viewer_core/backends/epub/epubpackage.cpp "#include \"backends/office/officepackage.h\"\n#include <QImage>")
write(ui/mainwindow.h "#pragma once\n#include \"document.h\"\n#include <QWidget>")
write(app/gui/main.cpp "#include \"mainwindow.h\"")

function(run expect_failure)
    execute_process(COMMAND "${CMAKE_COMMAND}" -DROOT=${OUT} -DWIDGETS_INCLUDE_DIR=${OUT}/qtwidgets -P "${CHECK}"
        RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
    set(output "${output}" PARENT_SCOPE)
    if(expect_failure AND status EQUAL 0)
        message(FATAL_ERROR "the check passed a tree with back edges:\n${output}")
    elseif(NOT expect_failure AND NOT status EQUAL 0)
        message(FATAL_ERROR "the check failed a clean tree:\n${output}")
    endif()
endfunction()

file(WRITE "${OUT}/qtwidgets/QWidget" "")
run(FALSE)

# One back edge per rule.
write(viewer_core/backends/pdf/registryuser.cpp "#include \"formatregistry.h\"")
write(viewer_core/backends/epub/crossfamily.cpp "#include \"backends/pdf/pdfbackend.h\"")
write(viewer_core/backends/office/familyuser.cpp "#include \"backends/pdf/pdfbackend.h\"")
write(viewer_core/backends/common/officeuser.cpp "#include \"backends/office/officepackage.h\"")
write(viewer_core/uiuser.cpp "#include \"mainwindow.h\"")
write(viewer_core/widgetsuser.cpp "#include <QWidget>")
write(ui/appuser.cpp "#include \"gui/main.cpp\"")
write(viewer_core/backends/epub/karchiveuser.cpp "#include <KZip>")
write(viewer_core/backends/text/poppleruser.cpp "#include <poppler-qt6.h>")
run(TRUE)
set(expected
    "backends/pdf/registryuser.cpp: \"formatregistry.h\": backends never include the format registry"
    "backends/epub/crossfamily.cpp: \"backends/pdf/pdfbackend.h\": a family includes only"
    "backends/office/familyuser.cpp: \"backends/pdf/pdfbackend.h\": backends/office/ includes backends/common/ only"
    "backends/common/officeuser.cpp: \"backends/office/officepackage.h\": backends/common/ is shared"
    "viewer_core/uiuser.cpp: \"mainwindow.h\": viewer_core must not include ui/"
    "viewer_core/widgetsuser.cpp: <QWidget>: viewer_core must not use Qt Widgets"
    "ui/appuser.cpp: \"gui/main.cpp\": ui must not include app/"
    "backends/epub/karchiveuser.cpp: <KZip>: this library is included only in"
    "backends/text/poppleruser.cpp: <poppler-qt6.h>: this library is included only in")
foreach(line IN LISTS expected)
    string(FIND "${output}" "${line}" at)
    if(at LESS 0)
        message(FATAL_ERROR "not reported: ${line}\n${output}")
    endif()
endforeach()
message("layering_self_test: every deliberate back edge was reported, the clean tree passed")
