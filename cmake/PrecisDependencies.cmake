# Finds precis's dependencies and gathers them in one interface target,
# precis::deps. A missing one stops configuration with the Debian package
# that provides it, so the fix is one `apt-get install` away.

function(precis_require_library var header library package)
  find_path(${var}_INCLUDE_DIR ${header})
  find_library(${var}_LIBRARY ${library})
  if(NOT ${var}_INCLUDE_DIR OR NOT ${var}_LIBRARY)
    message(FATAL_ERROR
      "precis needs ${header} and lib${library}, which were not found.\n"
      "On Debian or Ubuntu: sudo apt-get install ${package}")
  endif()
  add_library(precis::${library} UNKNOWN IMPORTED)
  set_target_properties(precis::${library} PROPERTIES
    IMPORTED_LOCATION "${${var}_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${${var}_INCLUDE_DIR}")
endfunction()

if(NOT TARGET precis::deps)
  precis_require_library(PRECIS_UTF8PROC utf8proc.h utf8proc libutf8proc-dev)
  precis_require_library(PRECIS_STEMMER libstemmer.h stemmer libstemmer-dev)

  find_package(GSL QUIET)
  if(NOT GSL_FOUND)
    message(FATAL_ERROR
      "precis needs the GNU Scientific Library, which was not found.\n"
      "On Debian or Ubuntu: sudo apt-get install libgsl-dev")
  endif()
  find_package(Threads REQUIRED)

  add_library(precis_deps INTERFACE)
  target_link_libraries(precis_deps INTERFACE
    precis::utf8proc precis::stemmer GSL::gsl GSL::gslcblas Threads::Threads m)
  add_library(precis::deps ALIAS precis_deps)
endif()
