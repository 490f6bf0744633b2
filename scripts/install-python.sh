#!/usr/bin/env bash
# Builds the Python module and installs it for Debian's /usr/bin/python3, which holds Debian's
# Python packages (python3-distributed, python3-matplotlib). When the first python3 on PATH is
# another interpreter of the same ABI (a pyenv or venv python), the module is installed for it
# too, so that plain `python3 -c 'import gangmu'` works. Offline: nothing is fetched but Debian
# packages, and those only where missing.
#   bash scripts/install-python.sh && python3 -c 'import gangmu'
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DPYTHON_EXECUTABLE=/usr/bin/python3
module=$(ls build/python/gangmu*.so)
suffix=$(/usr/bin/python3 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')

install_for() {  # install_for PYTHON
  local target
  target=$("$1" -c 'import sysconfig; print(sysconfig.get_path("platlib"))')
  mkdir -p "$target"
  install -m 644 "$module" "$target/"
  echo "installed $(basename "$module") for $1 into $target" >&2
  "$1" -c 'import gangmu; print("gangmu", gangmu.__version__, "imports from", gangmu.__file__)'
}

install_for /usr/bin/python3
first=$(command -v python3 || true)
if [ -n "$first" ] && [ "$(readlink -f "$first")" != "$(readlink -f /usr/bin/python3)" ]; then
  other_suffix=$("$first" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null || true)
  if [ "$other_suffix" = "$suffix" ]; then
    install_for "$first"
  else
    echo "note: $first is not ABI $suffix; use /usr/bin/python3 for gangmu" >&2
  fi
fi
