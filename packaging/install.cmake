# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` (and so every CPack generator) puts where: the executables, a private copy
# of a locally built KArchive, and the platform deployment steps. Included by CMakeLists.txt.
include(GNUInstallDirs)

set(_folio_targets folio-cli)
if(TARGET folio)
    list(APPEND _folio_targets folio)
endif()

# --- Linux: KArchive carried privately -----------------------------------------------------------
# Debian 12 ships Qt 6 but no KF6 KArchive, so `./dev deps` builds one into .deps/prefix. A package
# built against that copy must carry it, but under a directory of its own so that it can never
# clobber (or be clobbered by) a distribution's libkf6archive6: /usr/lib/<triplet>/folio. A RUNPATH
# relative to $ORIGIN finds it there, and also inside an unpacked .tar.gz wherever that lands.
set(FOLIO_PRIVATE_LIBDIR "")
if(UNIX AND NOT APPLE)
    get_target_property(_karchive_location KF6::Archive LOCATION)
    file(REAL_PATH "${_karchive_location}" _karchive_real)
    if(NOT _karchive_real MATCHES "^/usr/")
        # CMake knows the multiarch triplet from the compiler; dpkg is the fallback authority.
        set(_triplet "${CMAKE_LIBRARY_ARCHITECTURE}")
        if(NOT _triplet)
            execute_process(COMMAND dpkg-architecture -qDEB_HOST_MULTIARCH
                OUTPUT_VARIABLE _triplet OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
        endif()
        if(_triplet)
            set(FOLIO_PRIVATE_LIBDIR "lib/${_triplet}/folio")
        else()
            set(FOLIO_PRIVATE_LIBDIR "lib/folio")
        endif()
        get_target_property(_karchive_soname KF6::Archive IMPORTED_SONAME_RELEASE)
        if(NOT _karchive_soname)
            get_filename_component(_karchive_soname "${_karchive_location}" NAME)
        endif()
        # The real file plus the soname link the executables ask for; no .so link, nothing links
        # against the packaged copy.
        get_filename_component(_karchive_dir "${_karchive_real}" DIRECTORY)
        install(FILES "${_karchive_real}" "${_karchive_dir}/${_karchive_soname}"
            DESTINATION "${FOLIO_PRIVATE_LIBDIR}")
        # install(TARGETS) strips our executables; a library installed as a file needs it done here.
        if(CMAKE_STRIP)
            get_filename_component(_karchive_name "${_karchive_real}" NAME)
            install(CODE "
                if(CMAKE_INSTALL_DO_STRIP)
                    execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-unneeded
                        \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${FOLIO_PRIVATE_LIBDIR}/${_karchive_name}\")
                endif()")
        endif()
        set_target_properties(${_folio_targets} PROPERTIES
            INSTALL_RPATH "\$ORIGIN/../${FOLIO_PRIVATE_LIBDIR}")
        message(STATUS "Packaging: KArchive from ${_karchive_dir} is carried in ${FOLIO_PRIVATE_LIBDIR}")
    endif()
endif()

# --- macOS: an application bundle ------------------------------------------------------------------
# The icon files are produced by the desktop integration work; refer to them only once they exist.
if(APPLE AND TARGET folio)
    set(_icns "${CMAKE_CURRENT_SOURCE_DIR}/folio.icns")
    set_target_properties(folio PROPERTIES
        MACOSX_BUNDLE_BUNDLE_NAME "Folio"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${FOLIO_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}"
        MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later")
    if(EXISTS "${_icns}")
        target_sources(folio PRIVATE "${_icns}")
        set_source_files_properties("${_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
        set_target_properties(folio PROPERTIES MACOSX_BUNDLE_ICON_FILE folio.icns)
    endif()
endif()

# --- Windows: the executable's icon ----------------------------------------------------------------
if(WIN32 AND TARGET folio AND EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/folio.ico")
    set(_rc "${CMAKE_CURRENT_BINARY_DIR}/folio-icon.rc")
    file(WRITE "${_rc}" "IDI_ICON1 ICON \"${CMAKE_CURRENT_SOURCE_DIR}/folio.ico\"\n")
    target_sources(folio PRIVATE "${_rc}")
endif()

install(TARGETS ${_folio_targets}
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    BUNDLE DESTINATION .)

# --- Windows and macOS: Qt's own deployment --------------------------------------------------------
# windeployqt / macdeployqt copy the Qt libraries and plugins next to the executable (or into the
# bundle); Qt's script runs them at install time, so cpack's NSIS/WiX/DragNDrop trees include them.
# Linux packages depend on the distribution's Qt instead (dpkg-shlibdeps works out which).
if((WIN32 OR APPLE) AND COMMAND qt_generate_deploy_app_script)
    foreach(_target IN LISTS _folio_targets)
        qt_generate_deploy_app_script(TARGET ${_target}
            FILENAME_VARIABLE _deploy_script
            NO_UNSUPPORTED_PLATFORM_ERROR)
        install(SCRIPT "${_deploy_script}")
    endforeach()
endif()
