# SPDX-License-Identifier: GPL-3.0-or-later
# Desktop integration: .desktop file, AppStream metainfo, icons, man pages, bash completion.
# The MIME types of the .desktop file and the metainfo come from the format registry at build time
# (app/tools/mimetypes.cpp), so they list exactly what viewer_core opens; folio-cli's man page and
# completion come from its option table (app/tools/clidocs.cpp), so they list exactly what it
# accepts. Only for freedesktop systems; Windows and macOS installers take their icon from
# install.cmake.
include(GNUInstallDirs)

# One id names the desktop file, the metainfo and the icon (and should be the GUI's
# QGuiApplication::desktopFileName, which Wayland compositors match against the desktop file).
set(FOLIO_APP_ID "org.folio_viewer.Folio")
# Bump together with project(VERSION): the date of that release, for the metainfo and man pages.
set(FOLIO_RELEASE_DATE "2026-11-26")
# Where the published docs/screenshots/*.png are; a placeholder while the homepage is one too.
set(FOLIO_SCREENSHOT_BASE_URL "${PROJECT_HOMEPAGE_URL}/screenshots" CACHE STRING
    "Base URL of the screenshots the AppStream metainfo refers to")
set(FOLIO_ICON_SIZES 16 22 24 32 48 64 128 256)

if(UNIX AND NOT APPLE)
    set(_desk_src "${CMAKE_CURRENT_LIST_DIR}")
    set(_desk_bin "${CMAKE_CURRENT_BINARY_DIR}/desktop")
    set(_desk_outputs "")

    # --- Build-time generators (never installed) ---------------------------------------------------
    qt_add_executable(folio-mimetypes "${PROJECT_SOURCE_DIR}/app/tools/mimetypes.cpp")
    target_link_libraries(folio-mimetypes PRIVATE viewer_core)
    qt_add_executable(folio-rendericon "${PROJECT_SOURCE_DIR}/app/tools/rendericon.cpp")
    target_link_libraries(folio-rendericon PRIVATE Qt6::Gui Qt6::Svg)
    qt_add_executable(folio-clidocs "${PROJECT_SOURCE_DIR}/app/tools/clidocs.cpp")
    target_link_libraries(folio-clidocs PRIVATE folio_clioptions)
    set_target_properties(folio-mimetypes folio-rendericon folio-clidocs PROPERTIES
        RUNTIME_OUTPUT_DIRECTORY "${_desk_bin}/tools")

    # --- .desktop file and AppStream metainfo ------------------------------------------------------
    # Configure time fills in the id, version and URLs and leaves the MIME types' placeholders for
    # generate.cmake, which runs folio-mimetypes at build time.
    set(FOLIO_MIME_TYPES "@FOLIO_MIME_TYPES@")
    set(FOLIO_METAINFO_MIMETYPES "@FOLIO_METAINFO_MIMETYPES@")
    configure_file("${_desk_src}/folio.desktop.in" "${_desk_bin}/in/${FOLIO_APP_ID}.desktop.in" @ONLY)
    configure_file("${_desk_src}/folio.metainfo.xml.in" "${_desk_bin}/in/${FOLIO_APP_ID}.metainfo.xml.in" @ONLY)
    set(FOLIO_DESKTOP_FILE "${_desk_bin}/${FOLIO_APP_ID}.desktop")
    set(FOLIO_METAINFO_FILE "${_desk_bin}/${FOLIO_APP_ID}.metainfo.xml")
    set(_mime_list "${_desk_bin}/mimetypes.txt")
    add_custom_command(
        OUTPUT "${_mime_list}" "${FOLIO_DESKTOP_FILE}" "${FOLIO_METAINFO_FILE}"
        COMMAND "${CMAKE_COMMAND}" "-DTOOL=$<TARGET_FILE:folio-mimetypes>" "-DMIME_LIST=${_mime_list}"
                "-DINPUTS=${_desk_bin}/in/${FOLIO_APP_ID}.desktop.in|${_desk_bin}/in/${FOLIO_APP_ID}.metainfo.xml.in"
                "-DOUTPUTS=${FOLIO_DESKTOP_FILE}|${FOLIO_METAINFO_FILE}"
                -P "${_desk_src}/generate.cmake"
        DEPENDS folio-mimetypes "${_desk_src}/generate.cmake"
                "${_desk_bin}/in/${FOLIO_APP_ID}.desktop.in" "${_desk_bin}/in/${FOLIO_APP_ID}.metainfo.xml.in"
        COMMENT "Generating ${FOLIO_APP_ID}.desktop and metainfo from the format registry"
        VERBATIM)
    list(APPEND _desk_outputs "${FOLIO_DESKTOP_FILE}" "${FOLIO_METAINFO_FILE}")

    # --- Icons: the SVG as it is, plus hicolor PNGs rendered by QtSvg ------------------------------
    set(_icon_svg "${_desk_bin}/icons/${FOLIO_APP_ID}.svg")
    configure_file("${PROJECT_SOURCE_DIR}/resources/icons/folio.svg" "${_icon_svg}" COPYONLY)
    set(_icon_pngs "")
    foreach(_size IN LISTS FOLIO_ICON_SIZES)
        list(APPEND _icon_pngs "${_desk_bin}/icons/hicolor/${_size}x${_size}/${FOLIO_APP_ID}.png")
    endforeach()
    add_custom_command(
        OUTPUT ${_icon_pngs}
        COMMAND folio-rendericon "${_icon_svg}" "${_desk_bin}/icons/hicolor" ${FOLIO_ICON_SIZES}
        DEPENDS folio-rendericon "${_icon_svg}"
        COMMENT "Rendering the application icon at ${FOLIO_ICON_SIZES} pixels"
        VERBATIM)
    list(APPEND _desk_outputs ${_icon_pngs})

    # --- Man pages, compressed as Debian policy wants them -----------------------------------------
    find_program(GZIP_EXECUTABLE gzip)
    set(_man_pages folio-cli.1)
    if(TARGET folio)
        list(APPEND _man_pages folio.1)
    endif()
    set(_man_files "")
    # folio-cli.1's synopsis, commands and options are left for folio-clidocs (build time).
    set(CLI_SYNOPSIS "@CLI_SYNOPSIS@")
    set(CLI_COMMANDS "@CLI_COMMANDS@")
    set(CLI_OPTIONS "@CLI_OPTIONS@")
    set(FOLIO_CLI_MAN_PAGE "${_desk_bin}/man/folio-cli.1")
    foreach(_page IN LISTS _man_pages)
        if(_page STREQUAL "folio-cli.1")
            configure_file("${_desk_src}/man/${_page}.in" "${_desk_bin}/in/${_page}.in" @ONLY)
            add_custom_command(
                OUTPUT "${FOLIO_CLI_MAN_PAGE}"
                COMMAND folio-clidocs man "${_desk_bin}/in/${_page}.in" "${FOLIO_CLI_MAN_PAGE}"
                DEPENDS folio-clidocs "${_desk_bin}/in/${_page}.in"
                COMMENT "Generating folio-cli.1 from the option table"
                VERBATIM)
        else()
            configure_file("${_desk_src}/man/${_page}.in" "${_desk_bin}/man/${_page}" @ONLY)
        endif()
        if(GZIP_EXECUTABLE)
            # -n: no name or time stamp inside, so the build is reproducible.
            add_custom_command(
                OUTPUT "${_desk_bin}/man/${_page}.gz"
                COMMAND "${GZIP_EXECUTABLE}" -9nkf "${_desk_bin}/man/${_page}"
                DEPENDS "${_desk_bin}/man/${_page}"
                COMMENT "Compressing ${_page}"
                VERBATIM)
            list(APPEND _man_files "${_desk_bin}/man/${_page}.gz")
        else()
            list(APPEND _man_files "${_desk_bin}/man/${_page}")
        endif()
    endforeach()
    list(APPEND _desk_outputs ${_man_files})

    # --- bash completion for folio-cli, from its option table --------------------------------------
    set(FOLIO_CLI_COMPLETION "${_desk_bin}/folio-cli.bash")
    add_custom_command(
        OUTPUT "${FOLIO_CLI_COMPLETION}"
        COMMAND folio-clidocs completion "${_desk_src}/folio-cli.bash.in" "${FOLIO_CLI_COMPLETION}"
        DEPENDS folio-clidocs "${_desk_src}/folio-cli.bash.in"
        COMMENT "Generating folio-cli's bash completion from the option table"
        VERBATIM)
    list(APPEND _desk_outputs "${FOLIO_CLI_COMPLETION}")

    add_custom_target(folio-desktop-files ALL DEPENDS ${_desk_outputs})

    # --- Installation ------------------------------------------------------------------------------
    if(TARGET folio)
        install(FILES "${FOLIO_DESKTOP_FILE}" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
        install(FILES "${FOLIO_METAINFO_FILE}" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
        install(FILES "${_icon_svg}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")
        foreach(_size IN LISTS FOLIO_ICON_SIZES)
            install(FILES "${_desk_bin}/icons/hicolor/${_size}x${_size}/${FOLIO_APP_ID}.png"
                DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps")
        endforeach()
    endif()
    install(FILES ${_man_files} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
    install(FILES "${FOLIO_CLI_COMPLETION}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" RENAME folio-cli)

    # --- Validation (label packaging); a missing validator skips its test (exit 77) ----------------
    if(BUILD_TESTING)
        set(_check "${_desk_src}/check-desktop.sh")
        if(TARGET folio)
            add_test(NAME desktop_file_validate COMMAND sh "${_check}" desktop "${FOLIO_DESKTOP_FILE}")
            add_test(NAME desktop_metainfo_validate COMMAND sh "${_check}" metainfo "${FOLIO_METAINFO_FILE}")
            add_test(NAME desktop_mimetypes
                COMMAND sh "${_check}" mimetypes "$<TARGET_FILE:folio-mimetypes>" "${FOLIO_DESKTOP_FILE}"
                        "${FOLIO_METAINFO_FILE}")
            add_test(NAME desktop_icons
                COMMAND sh "${_check}" icons "${_desk_bin}/icons/hicolor" "${FOLIO_APP_ID}" ${FOLIO_ICON_SIZES})
            set_property(TEST desktop_mimetypes PROPERTY ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
        endif()
        add_test(NAME desktop_man_pages COMMAND sh "${_check}" man ${_man_files})
        add_test(NAME desktop_bash_completion COMMAND sh "${_check}" completion "${FOLIO_CLI_COMPLETION}")
        get_property(_desk_tests DIRECTORY PROPERTY TESTS)
        list(FILTER _desk_tests INCLUDE REGEX "^desktop_")
        set_tests_properties(${_desk_tests} PROPERTIES LABELS packaging SKIP_RETURN_CODE 77 TIMEOUT 60)

        # Every option of the table in folio-cli --help, the generated man page and completion, and
        # accepted by folio-cli's parser (registered here, where the generated files are known).
        if(TARGET folio-cli)
            folio_add_test(tst_clioptions SOURCES "${PROJECT_SOURCE_DIR}/tests/cli/tst_clioptions.cpp"
                LIBS folio_clioptions LABELS cli)
            add_dependencies(tst_clioptions folio-cli folio-desktop-files)
            set_property(TEST tst_clioptions APPEND PROPERTY ENVIRONMENT
                "FOLIO_CLI_MAN_PAGE=${FOLIO_CLI_MAN_PAGE}" "FOLIO_CLI_COMPLETION=${FOLIO_CLI_COMPLETION}")
        endif()
    endif()
endif()
