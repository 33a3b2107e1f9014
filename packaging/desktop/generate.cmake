# SPDX-License-Identifier: GPL-3.0-or-later
# Build-time step of desktop.cmake: runs folio-mimetypes (TOOL), keeps its list in MIME_LIST, and
# fills the MIME types into templates that configure time already filled with everything else.
#   cmake -DTOOL=... -DMIME_LIST=... -DINPUTS=a.in|b.in -DOUTPUTS=a|b -P generate.cmake
set(ENV{QT_QPA_PLATFORM} offscreen)
execute_process(COMMAND "${TOOL}" OUTPUT_VARIABLE _output RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${TOOL} failed: ${_result}")
endif()
string(REGEX REPLACE "\n+$" "" _output "${_output}")
string(REPLACE "\n" ";" _types "${_output}")
list(SORT _types)
list(REMOVE_DUPLICATES _types)
list(JOIN _types "\n" _list)
file(WRITE "${MIME_LIST}" "${_list}\n")

# .desktop: semicolon-separated and -terminated. AppStream: one <mimetype> element a line.
set(FOLIO_MIME_TYPES "")
set(FOLIO_METAINFO_MIMETYPES "")
foreach(_type IN LISTS _types)
    string(APPEND FOLIO_MIME_TYPES "${_type};")
    string(APPEND FOLIO_METAINFO_MIMETYPES "    <mediatype>${_type}</mediatype>\n")
endforeach()
string(STRIP "${FOLIO_METAINFO_MIMETYPES}" FOLIO_METAINFO_MIMETYPES)

string(REPLACE "|" ";" _inputs "${INPUTS}")
string(REPLACE "|" ";" _outputs "${OUTPUTS}")
foreach(_input _output IN ZIP_LISTS _inputs _outputs)
    configure_file("${_input}" "${_output}" @ONLY)
endforeach()
