#!/usr/bin/env bash
# Install precis into a temporary prefix and build a user's program against
# it three ways: pkg-config, find_package(precis) (shared and static), and
# add_subdirectory of the source tree built library-only. Each program must
# print the expected summary. Also checks the installed tree itself: the
# SONAME, the header's version, the man page, the bash completion, and no
# empty folders.
#   run.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(cd "$prefix" && ls -d lib* | head -1)
fail() { echo "install test: $*" >&2; exit 1; }
article=$work/article.txt
cat > "$article" <<'TEXT'
The river flooded the old town after three days of rain.
The flood closed the bridge over the river for a week.
Children in the town were sent home from school.
Engineers said the bridge over the river would be repaired.
TEXT
# What the installed command says (the library's defaults: no model).
expected=$("$prefix/bin/precis" -n 1 --no-model --only summary "$article")

check_run() { # NAME PROGRAM
  local out
  out=$("$2" "$article") || fail "$1: the program failed: $out"
  [ "$(sed -n 2p <<<"$out")" = "$expected" ] || fail "$1: printed '$out', not '$expected'"
  echo "ok: $1: $(head -1 <<<"$out")"
}

# The installed tree.
empty=$(find "$prefix" -type d -empty)
[ -z "$empty" ] || fail "empty folders installed: $empty"
soname=$(readelf -d "$prefix/$libdir/libprecis.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
major=$(sed -n 's/^#define PRECIS_VERSION_MAJOR \([0-9]*\)$/\1/p' "$src/include/precis.h")
minor=$(sed -n 's/^#define PRECIS_VERSION_MINOR \([0-9]*\)$/\1/p' "$src/include/precis.h")
want=libprecis.so.$major; [ "$major" = 0 ] && want=libprecis.so.0.$minor
[ "$soname" = "$want" ] || fail "SONAME is '$soname', expected $want (from the header)"
echo "ok: SONAME $soname"
for f in include/precis.h include/precis_eval.h share/man/man1/precis.1 share/bash-completion/completions/precis \
         share/precis/models/en/news.model "$libdir/libprecis.a" "$libdir/pkgconfig/precis.pc" \
         "$libdir/cmake/precis/precisConfig.cmake"; do
  [ -e "$prefix/$f" ] || fail "$f was not installed"
done
echo "ok: installed files"

# 1. pkg-config, shared and static.
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
cc=${CC:-cc}
# shellcheck disable=SC2046
$cc -std=c11 -Wall -Werror -o "$work/pc" "$src/tests/install/consumer/main.c" \
  $(pkg-config --cflags --libs precis) -Wl,-rpath,"$prefix/$libdir"
check_run "pkg-config (shared)" "$work/pc"
# shellcheck disable=SC2046
$cc -std=c11 -Wall -Werror -o "$work/pc-static" "$src/tests/install/consumer/main.c" \
  $(pkg-config --static --cflags precis) -DPRECIS_STATIC_DEFINE \
  "$prefix/$libdir/libprecis.a" $(pkg-config --static --libs-only-l precis | sed 's/-lprecis//')
check_run "pkg-config (static)" "$work/pc-static"

# 2. find_package.
cmake -S "$src/tests/install/consumer" -B "$work/pkg" -DPRECIS_CONSUME=package \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/pkg" >/dev/null
check_run "find_package (precis::precis)" "$work/pkg/consumer"
check_run "find_package (precis::precis_static)" "$work/pkg/consumer_static"
[[ $(ldd "$work/pkg/consumer") == *"$prefix/$libdir/libprecis.so"* ]] ||
  fail "find_package: consumer is not linked to the installed libprecis.so"

# 3. add_subdirectory of the source tree: the library alone, so neither
# jansson nor cmocka is looked for.
cmake -S "$src/tests/install/consumer" -B "$work/sub" -DPRECIS_CONSUME=subdirectory \
  -DPRECIS_SOURCE="$src" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/sub" -j2 >/dev/null
[ ! -e "$work/sub/precis/precis" ] || fail "add_subdirectory built the command too"
check_run "add_subdirectory (precis::precis)" "$work/sub/consumer"
check_run "add_subdirectory (precis::precis_static)" "$work/sub/consumer_static"

# 4. The Python package, installed beside the library it loads.
pydir=$prefix/lib/python3/dist-packages
[ -f "$pydir/precis/__init__.py" ] || fail "the Python package was not installed in $pydir"
got=$(cd "$work" && env -u PRECIS_LIBRARY PYTHONPATH="$pydir" PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -c '
import sys, precis, precis._binding as b
assert b._lib._name.startswith(sys.argv[2]), b._lib._name
print(precis.summarize(open(sys.argv[1], encoding="utf-8").read(), sentences=1))' "$article" "$prefix")
[ "$got" = "$expected" ] || fail "python: printed '$got', not '$expected'"
echo "ok: python (precis.summarize from the installed package)"
