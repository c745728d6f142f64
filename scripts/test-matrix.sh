#!/usr/bin/env bash
# `make test-matrix`: the test suite under every Python given (default 3.10-3.13) that exists.
# Each version gets its own environment (.venv-X.Y) from the same uv.lock.
set -uo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never
UV="$(command -v uv || echo 'python3 -m uv')"
status=0
find_python() {
  local version="$1" prefix
  if command -v pyenv >/dev/null 2>&1; then
    prefix="$(pyenv prefix "$(pyenv versions --bare | grep -E "^${version//./\\.}\.[0-9]+$" | tail -n 1)" 2>/dev/null)"
    [ -n "$prefix" ] && [ -x "$prefix/bin/python$version" ] && { echo "$prefix/bin/python$version"; return; }
  fi
  command -v "python$version" 2>/dev/null
}
for version in "$@"; do
  python="$(find_python "$version")"
  if [ -z "$python" ]; then
    echo "== Python $version: not found, skipped"
    continue
  fi
  echo "== Python $version: $python"
  env_dir=".venv-$version"
  if UV_PROJECT_ENVIRONMENT="$env_dir" $UV sync --frozen --python "$python" --quiet \
    && UV_PROJECT_ENVIRONMENT="$env_dir" $UV run --frozen --python "$python" pytest -q -p no:cacheprovider; then
    echo "== Python $version: passed"
  else
    echo "== Python $version: FAILED"
    status=1
  fi
done
exit "$status"
