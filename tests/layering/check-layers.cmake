# SPDX-License-Identifier: GPL-3.0-or-later
# The layering of the sources, checked over their #include lines (cmake -P; ctest "layering"):
#
#   app → ui → viewer_core, never back; viewer_core uses no Qt Widgets header.
#   viewer_core/backends/<family>/ includes the core (never the format registry or detector),
#     backends/common/ and backends/office/, and no other family's headers: a nested open goes
#     through NestedOpener, handed to the backend in its OpenRequest.
#   backends/office/ includes backends/common/, never a family; backends/common/ includes neither.
#   Each third-party library is included in one folder only: KArchive, libarchive, the compression
#     libraries (zlib, bzip2, liblzma, zstd) and uchardet in backends/common/archive/, Poppler in
#     backends/pdf/.
#
# Variables: ROOT (the source tree to check), WIDGETS_INCLUDE_DIR (Qt's QtWidgets header folder,
# to tell its headers from QtGui's). Prints every violation as "file: include: why" and fails when
# there is one.
# (Line numbers are not given: file(STRINGS) keeps only the include lines; search for the name.)
cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source tree> [-DWIDGETS_INCLUDE_DIR=<dir>] -P check-layers.cmake")
endif()

# The layer of a path relative to ROOT: app, ui, core, or backends/<family>.
function(layer_of path result)
    if(path MATCHES "^app/")
        set(${result} app PARENT_SCOPE)
    elseif(path MATCHES "^ui/")
        set(${result} ui PARENT_SCOPE)
    elseif(path MATCHES "^viewer_core/backends/([^/]+)/")
        set(${result} "backends/${CMAKE_MATCH_1}" PARENT_SCOPE)
    elseif(path MATCHES "^viewer_core/")
        set(${result} core PARENT_SCOPE)
    else()
        set(${result} other PARENT_SCOPE)
    endif()
endfunction()

# Where a quoted include resolves, relative to ROOT: next to the including file first, then in the
# include folders of viewer_core, ui and app (the targets' include directories). Empty when it is
# none of them (a generated header).
function(resolve_include file name result)
    get_filename_component(dir "${file}" DIRECTORY)
    foreach(base "${dir}" viewer_core ui app/cli app)
        if(EXISTS "${ROOT}/${base}/${name}")
            file(RELATIVE_PATH relative "${ROOT}" "${ROOT}/${base}/${name}")
            set(${result} "${relative}" PARENT_SCOPE)
            return()
        endif()
    endforeach()
    set(${result} "" PARENT_SCOPE)
endfunction()

# Third-party headers and the one folder each may be included in.
set(third_party_patterns "^K[A-Z][A-Za-z]*$;^KArchive/;^(lzma|zlib|bzlib|zstd|archive|archive_entry)\\.h$;^uchardet/;^poppler")
set(third_party_homes "viewer_core/backends/common/archive/;viewer_core/backends/common/archive/;viewer_core/backends/common/archive/;viewer_core/backends/common/archive/;viewer_core/backends/pdf/")

file(GLOB_RECURSE sources RELATIVE "${ROOT}" "${ROOT}/app/*.cpp" "${ROOT}/app/*.h" "${ROOT}/ui/*.cpp" "${ROOT}/ui/*.h"
    "${ROOT}/viewer_core/*.cpp" "${ROOT}/viewer_core/*.h")
set(violations "")
set(checked 0)
foreach(file IN LISTS sources)
    layer_of("${file}" from)
    file(STRINGS "${ROOT}/${file}" lines REGEX "^[ \t]*#[ \t]*include")
    math(EXPR checked "${checked} + 1")
    foreach(line IN LISTS lines)
        if(line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
            set(name "${CMAKE_MATCH_1}")
            # Qt Widgets stays in ui/ and app/.
            if(from STREQUAL "core" OR from MATCHES "^backends/")
                if(name MATCHES "^QtWidgets/" OR (WIDGETS_INCLUDE_DIR AND EXISTS "${WIDGETS_INCLUDE_DIR}/${name}"
                                                 AND NOT IS_DIRECTORY "${WIDGETS_INCLUDE_DIR}/${name}"))
                    list(APPEND violations "${file}: <${name}>: viewer_core must not use Qt Widgets")
                endif()
            endif()
            set(index 0)
            foreach(pattern IN LISTS third_party_patterns)
                list(GET third_party_homes ${index} home)
                math(EXPR index "${index} + 1")
                if(name MATCHES "${pattern}" AND NOT name MATCHES "^KF6/" AND NOT file MATCHES "^${home}")
                    list(APPEND violations "${file}: <${name}>: this library is included only in ${home}")
                endif()
            endforeach()
            continue()
        endif()
        if(NOT line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
            continue()
        endif()
        set(name "${CMAKE_MATCH_1}")
        resolve_include("${file}" "${name}" target)
        if(target STREQUAL "")
            continue()
        endif()
        layer_of("${target}" to)
        set(why "")
        if(from STREQUAL "core" OR from MATCHES "^backends/")
            if(to STREQUAL "ui" OR to STREQUAL "app")
                set(why "viewer_core must not include ${to}/ (app → ui → viewer_core)")
            endif()
        elseif(from STREQUAL "ui" AND to STREQUAL "app")
            set(why "ui must not include app/ (app → ui → viewer_core)")
        endif()
        if(from MATCHES "^backends/" AND why STREQUAL "")
            if(target MATCHES "^viewer_core/(formatregistry|formatdetector)\\.h$")
                set(why "backends never include the format registry or detector (use NestedOpener)")
            elseif(to MATCHES "^backends/" AND NOT to STREQUAL from)
                if(from STREQUAL "backends/common" AND NOT to STREQUAL "backends/common")
                    set(why "backends/common/ is shared by all families and includes none of them")
                elseif(from STREQUAL "backends/office" AND NOT to STREQUAL "backends/common")
                    set(why "backends/office/ includes backends/common/ only, never a family")
                elseif(NOT to STREQUAL "backends/common" AND NOT to STREQUAL "backends/office")
                    set(why "a family includes only backends/common/ and backends/office/, not ${to}/")
                endif()
            endif()
        endif()
        if(NOT why STREQUAL "")
            list(APPEND violations "${file}: \"${name}\": ${why}")
        endif()
    endforeach()
endforeach()

if(checked EQUAL 0)
    message(FATAL_ERROR "no sources under ${ROOT}")
endif()
list(LENGTH violations count)
if(count GREATER 0)
    foreach(violation IN LISTS violations)
        message("LAYERING: ${violation}")
    endforeach()
    message(FATAL_ERROR "${count} include(s) break the layering (${checked} files checked)")
endif()
message("layering: ${checked} files, no include breaks the layers")
