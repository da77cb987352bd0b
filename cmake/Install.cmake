# `cmake --install build --prefix P`: P/bin/lovsjekk, the data in
# P/share/lovsjekk (found from bin/ by src/base/data_dir.cpp), the manual
# pages in P/share/man; and `cpack` (in build/) makes a Debian package.
# GNUInstallDirs and LOVSJEKK_INSTALL_DATADIR come from the top-level file.

install(TARGETS lovsjekk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY rules/ DESTINATION ${LOVSJEKK_INSTALL_DATADIR}/rules FILES_MATCHING PATTERN "*.regel")
install(DIRECTORY corpus/ DESTINATION ${LOVSJEKK_INSTALL_DATADIR}/corpus
        FILES_MATCHING PATTERN "*.json" PATTERN "NOTICE.md" PATTERN "README.md")
install(DIRECTORY messages/ DESTINATION ${LOVSJEKK_INSTALL_DATADIR}/messages FILES_MATCHING PATTERN "*.txt")

# The manual page, generated from the help catalogues at build time: bokmål
# as the default page, nynorsk and English in their locale folders.
add_executable(lovsjekk_gen_man tools/man/gen_man.cpp)
target_link_libraries(lovsjekk_gen_man PRIVATE lovsjekk_cli)
set(LOVSJEKK_MAN_PAGES)
foreach(lang nb nn en)
  set(page ${CMAKE_BINARY_DIR}/man/${lang}/lovsjekk.1)
  # Compressed as Debian installs manual pages (-n: no name or time stamp inside, so builds compare equal).
  add_custom_command(
    OUTPUT ${page} ${page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man/${lang}
    COMMAND ${CMAKE_COMMAND} -E env LOVSJEKK_DATA_DIR=${CMAKE_SOURCE_DIR} $<TARGET_FILE:lovsjekk_gen_man> ${lang} ${page}
    COMMAND gzip -9nkf ${page}
    DEPENDS lovsjekk_gen_man ${CMAKE_SOURCE_DIR}/messages/${lang}/cli.txt
    COMMENT "Generating the ${lang} manual page lovsjekk.1"
    VERBATIM)
  list(APPEND LOVSJEKK_MAN_PAGES ${page} ${page}.gz)
endforeach()
add_custom_target(lovsjekk_man ALL DEPENDS ${LOVSJEKK_MAN_PAGES})
install(FILES ${CMAKE_BINARY_DIR}/man/nb/lovsjekk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/man/nn/lovsjekk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/nn/man1)
install(FILES ${CMAKE_BINARY_DIR}/man/en/lovsjekk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/en/man1)

# The Debian package. Boost is header-only here; the shared libraries are
# Debian 12's (check with `ldd build/lovsjekk`).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lovsjekk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "lovsjekk maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "checks how the Norwegian laws serving children and young people (0-24) fit together")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "lovsjekk parses the sectors' rules (.regel files), checks every citation against
a statute index built from Lovdata, and reports where the rules clash, diverge,
leave grey zones or leave gaps. It includes the bundled rules, the statute index
(data under NLOD 2.0 distributed by Lovdata), a language server and manual pages.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libpugixml1v5, libicu72, libarchive13")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
include(CPack)
