# Compiler flags, carried by the interface target annals_flags so that they
# apply to our targets only (never to CMAKE_CXX_FLAGS).
add_library(annals_flags INTERFACE)
target_compile_options(annals_flags INTERFACE -Wall -Wextra -Wpedantic
  -Wno-missing-field-initializers)
# GCC 12 reports -Wmaybe-uninitialized falsely inside std::variant and
# std::optional at -O2 (GCC bug 105562 and kin), and -Wrestrict inside
# std::string's operator+ when one side is a literal (GCC bug 105329);
# clang builds keep both on.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(annals_flags INTERFACE -Wno-maybe-uninitialized
    -Wno-restrict)
endif()
if(ANNALS_DEVELOPER_MODE)
  target_compile_options(annals_flags INTERFACE -Werror)
endif()
if(ANNALS_SANITIZE)
  list(JOIN ANNALS_SANITIZE "," _annals_san)
  target_compile_options(annals_flags INTERFACE -fsanitize=${_annals_san}
    -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(annals_flags INTERFACE -fsanitize=${_annals_san})
endif()
if(ANNALS_FUZZ)
  # Coverage instrumentation for the library; fuzz targets add the driver.
  target_compile_options(annals_flags INTERFACE -fsanitize=fuzzer-no-link)
endif()
