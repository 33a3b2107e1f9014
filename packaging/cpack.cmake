# SPDX-License-Identifier: GPL-3.0-or-later
# CPack installers. Linux: a Debian package and a relocatable .tar.gz (both tested, see
# tests/packaging/). Windows (NSIS) and macOS (DragNDrop) are configured but untested here.
# Everything versioned comes from project(VERSION) in the top-level CMakeLists.txt.
set(CPACK_PACKAGE_NAME "folio")
set(CPACK_PACKAGE_VENDOR "Folio developers")
set(CPACK_PACKAGE_CONTACT "Folio developers <folio@example.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# Debian's synopsis style (and lintian) wants no leading article: "folio - document viewer ...".
string(REGEX REPLACE "^(A|An|The) " "" CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Folio")
set(CPACK_PACKAGE_EXECUTABLES "folio;Folio")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
# The placeholder address is not a home page; say nothing rather than something false. (Set to
# empty, not left unset, or CPack falls back to project(HOMEPAGE_URL) by itself.)
set(CPACK_PACKAGE_HOMEPAGE_URL "")
if(PROJECT_HOMEPAGE_URL AND NOT PROJECT_HOMEPAGE_URL MATCHES "example\\.invalid")
    set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
endif()

if(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "Folio")
    set(CPACK_NSIS_PACKAGE_NAME "Folio ${PROJECT_VERSION}")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/folio.ico")
        file(TO_NATIVE_PATH "${CMAKE_CURRENT_SOURCE_DIR}/folio.ico" _ico)
        set(CPACK_NSIS_MUI_ICON "${_ico}")
        set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\folio.exe")
    endif()
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Folio ${PROJECT_VERSION}")
    if(EXISTS "${CMAKE_CURRENT_SOURCE_DIR}/folio.icns")
        set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_SOURCE_DIR}/folio.icns")
    endif()
else()
    set(CPACK_GENERATOR "DEB;TGZ")
endif()

# --- .tar.gz ---------------------------------------------------------------------------------------
# Relocatable: the executables find the private KArchive through $ORIGIN, Qt and the rest through
# the system. Archive generators install to the archive's top directory, not to /usr.
execute_process(COMMAND dpkg --print-architecture
    OUTPUT_VARIABLE FOLIO_DEB_ARCH OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT FOLIO_DEB_ARCH)
    string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" FOLIO_DEB_ARCH)
endif()
# (CPACK_ARCHIVE_FILE_NAME only applies to component archives before CMake 3.29; the Debian file
# has a name of its own below, so setting the generic one touches nothing else on Linux.)
set(CPACK_PACKAGE_FILE_NAME "folio-${PROJECT_VERSION}-linux-${FOLIO_DEB_ARCH}")

# --- Debian package --------------------------------------------------------------------------------
set(CPACK_DEBIAN_PACKAGE_NAME "folio")
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${FOLIO_DEB_ARCH}")
set(CPACK_DEBIAN_FILE_NAME "folio_${PROJECT_VERSION}_${FOLIO_DEB_ARCH}.deb")
set(CPACK_DEBIAN_PACKAGE_SECTION "graphics")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Depends from the libraries the ELF files actually use. The private KArchive is in the package
# itself: dpkg-shlibdeps follows the $ORIGIN RUNPATH into the staging tree to find it, and then
# lists what *it* needs (Qt, zlib, bzip2, xz, zstd) instead of a package that does not exist.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so invisible to dpkg-shlibdeps: Qt's plugins for WebP, TIFF and the like, and
# the fonts pages are laid out with (packaging/fonts.list, the families viewer_core/fonts.cpp asks
# for). DejaVu is the text grid's and every undeclared font's stand-in, so it is required; the
# metric-compatible Office fonts are recommended, which apt installs by default, so that a DOCX
# breaks its pages where the development build and LibreOffice do.
file(STRINGS "${CMAKE_CURRENT_SOURCE_DIR}/fonts.list" _font_packages REGEX "^[a-z0-9]")
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core")
list(REMOVE_ITEM _font_packages fonts-dejavu-core)
list(JOIN _font_packages ", " _font_recommends)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-image-formats-plugins, ${_font_recommends}")
# Policy: a package description is a synopsis line plus paragraphs; lintian checks both.
# Policy: the synopsis (CPACK_PACKAGE_DESCRIPTION_SUMMARY) and then paragraphs of at most 79
# characters, which CPack indents by one space.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "\
Folio opens whatever lands in a downloads folder (PDFs, images, comic books,
e-books, office documents, archives, logs, source code, Markdown, CSV) and
treats every file as potentially huge, strange or hostile. Every long operation
runs off the GUI thread, shows its progress, and stops promptly when cancelled
or when a configured timeout expires.
.
The package contains the viewer (folio) and a command-line tool (folio-cli)
that inspects, renders and converts documents without a display.")
if(CPACK_PACKAGE_HOMEPAGE_URL)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CPACK_PACKAGE_HOMEPAGE_URL}")
endif()

# Policy 12.5 and 12.7: the copyright file and (for a native package) changelog.gz in
# /usr/share/doc/<package>. The changelog is generated from the version so it cannot fall behind;
# SOURCE_DATE_EPOCH, when set, makes its date (and so the package) reproducible.
if(CPACK_GENERATOR MATCHES "DEB")
    string(TIMESTAMP FOLIO_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
    set(FOLIO_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
    configure_file(changelog.in "${CMAKE_CURRENT_BINARY_DIR}/changelog" @ONLY)
    find_program(GZIP_PROGRAM gzip)
    if(GZIP_PROGRAM)
        # -n: no name or time stamp in the header, so the same changelog gives the same bytes.
        execute_process(COMMAND "${GZIP_PROGRAM}" -9nc "${CMAKE_CURRENT_BINARY_DIR}/changelog"
            OUTPUT_FILE "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz")
        install(FILES "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz"
            DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/folio")
    endif()
    install(FILES copyright DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/folio")
endif()

# The .tar.gz has no package manager to pull in its dependencies: a README at its top says what to
# install, the fonts included. CPack reads the project configuration file once per generator.
list(JOIN _font_packages " " _font_spaced)
set(FOLIO_FONT_PACKAGES_SPACED "fonts-dejavu-core ${_font_spaced}")
set(_tgz_top "${CMAKE_CURRENT_BINARY_DIR}/tgz-top")
configure_file(tgz/README.txt.in "${_tgz_top}/README.txt" @ONLY)
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/cpack-project.cmake"
    "if(CPACK_GENERATOR STREQUAL \"TGZ\")\n    set(CPACK_INSTALLED_DIRECTORIES \"${_tgz_top};.\")\nendif()\n")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_BINARY_DIR}/cpack-project.cmake")

# Source packages (`cpack --config CPackSourceConfig.cmake`) leave out what builds produce.
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/\\.deps/" "/build[^/]*/")

# include(CPack) reuses CPACK_GENERATOR and CPACK_PACKAGE_FILE_NAME for its source-package
# configuration, so what the tests need to know is kept under names of our own.
set(FOLIO_PACKAGE_GENERATORS "${CPACK_GENERATOR}")
set(FOLIO_DEB_FILE "${CPACK_DEBIAN_FILE_NAME}")
set(FOLIO_TGZ_FILE "${CPACK_PACKAGE_FILE_NAME}.tar.gz")
include(CPack)
