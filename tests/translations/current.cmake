# The translation catalogues are current: lupdate over the sources, into a copy of each .ts file,
# changes nothing. A message added, changed or removed without `cmake --build build --target
# update_translations` would otherwise ship untranslated (or not at all) without a test noticing.
# usage: cmake -DLUPDATE=... -DSOURCES_LIST=... -DINCLUDES=a|b -DWORK=dir -DTS_FILES=a.ts|b.ts -P current.cmake
string(REPLACE "|" ";" INCLUDES "${INCLUDES}")
string(REPLACE "|" ";" TS_FILES "${TS_FILES}")
file(MAKE_DIRECTORY "${WORK}")
set(stale "")
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK}/${name}")
    configure_file("${ts}" "${copy}" COPYONLY)
    set(include_args "")
    foreach(dir IN LISTS INCLUDES)
        list(APPEND include_args "-I${dir}")
    endforeach()
    execute_process(COMMAND "${LUPDATE}" "@${SOURCES_LIST}" ${include_args} -locations none -no-obsolete
        -silent -ts "${copy}" RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}: ${out}${err}")
    endif()
    file(READ "${ts}" before)
    file(READ "${copy}" after)
    if(NOT before STREQUAL after)
        list(APPEND stale "${name}")
    endif()
endforeach()
if(stale)
    message(FATAL_ERROR "Not current with the sources: ${stale}. Run `cmake --build build --target "
        "update_translations`, translate the new messages and commit the catalogues.")
endif()
message(STATUS "Translation catalogues current: ${TS_FILES}")
