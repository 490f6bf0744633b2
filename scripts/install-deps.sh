#!/usr/bin/env bash
# Installs what gangmu needs to build and test, from Debian's packages, only where missing.
set -euo pipefail
pkgs=(build-essential cmake pkg-config python3 libre2-dev libicu-dev libyaml-cpp-dev
      nlohmann-json3-dev catch2 libvalijson-dev libcli11-dev libmimalloc-dev
      # The Python module, the Dask and analytics examples (CJK font for chart labels).
      python3-dev pybind11-dev python3-distributed python3-matplotlib fonts-wqy-zenhei
      # Stage benchmarks; fuzzing and sanitizer builds; the CommonMark renderer that checks
      # --format markdown.
      libbenchmark-dev clang libclang-rt-dev cmark
      # The browser test of `gangmu review`.
      chromium)
# Hyperscan (the fast literal prefilter) is built for x86-64 only; elsewhere the portable
# prefilter serves and the output is the same.
if [ "$(dpkg --print-architecture)" = amd64 ]; then pkgs+=(libhyperscan-dev); fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
