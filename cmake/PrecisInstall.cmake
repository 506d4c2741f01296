# What `cmake --install` puts where: the libraries with their CMake package
# and pkg-config file, the header, the command with its man page and bash
# completion, and the trained models (only folders that hold one).

install(TARGETS precis_shared precis_static precis_deps
  EXPORT precisTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# Every public header; include/ holds nothing else.
file(GLOB PRECIS_PUBLIC_HEADERS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/include/*.h")
install(FILES ${PRECIS_PUBLIC_HEADERS} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

if(PRECIS_BUILD_CLI)
  install(TARGETS precis RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(FILES "${PROJECT_BINARY_DIR}/docs/precis.1" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(FILES "${PROJECT_SOURCE_DIR}/completions/precis.bash"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME precis)
  # File by file: install(DIRECTORY) would also create the empty folders of
  # languages that have no model.
  file(GLOB PRECIS_MODELS RELATIVE "${PROJECT_SOURCE_DIR}/models" CONFIGURE_DEPENDS
       "${PROJECT_SOURCE_DIR}/models/*/*.model")
  foreach(m IN LISTS PRECIS_MODELS)
    get_filename_component(lang "${m}" DIRECTORY)
    install(FILES "${PROJECT_SOURCE_DIR}/models/${m}"
      DESTINATION ${CMAKE_INSTALL_DATADIR}/precis/models/${lang})
  endforeach()
endif()

install(EXPORT precisTargets NAMESPACE precis::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/precis)
include(CMakePackageConfigHelpers)
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/precisConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/precisConfig.cmake"
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/precis)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/precisConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/precisConfig.cmake"
              "${PROJECT_BINARY_DIR}/precisConfigVersion.cmake"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/precis)
file(RELATIVE_PATH PRECIS_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" PRECIS_PC_TO_PREFIX "${PRECIS_PC_TO_PREFIX}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/precis.pc.in" "${PROJECT_BINARY_DIR}/precis.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/precis.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# The Python package, with the way from it to the library (relative, so the
# installation can move). On Debian, lib/python3/dist-packages is on the
# path of /usr/bin/python3 for the prefix /usr; for /usr/local use
# -DPRECIS_PYTHON_DIR=lib/python3.11/dist-packages (or set PYTHONPATH).
set(PRECIS_PYTHON_DIR lib/python3/dist-packages CACHE STRING
    "Where the Python package goes, relative to the prefix")
if(PRECIS_PYTHON_DIR)
  file(RELATIVE_PATH precis_py_to_lib "/prefix/${PRECIS_PYTHON_DIR}/precis"
       "/prefix/${CMAKE_INSTALL_LIBDIR}/libprecis.so.${PRECIS_SOVERSION}")
  file(WRITE "${PROJECT_BINARY_DIR}/python/_installed.py"
       "# Written by CMake: the library, relative to this package.\nLIBRARY = \"${precis_py_to_lib}\"\n")
  install(FILES "${PROJECT_SOURCE_DIR}/python/precis/__init__.py"
                "${PROJECT_SOURCE_DIR}/python/precis/_binding.py"
                "${PROJECT_BINARY_DIR}/python/_installed.py"
    DESTINATION ${PRECIS_PYTHON_DIR}/precis)
endif()
