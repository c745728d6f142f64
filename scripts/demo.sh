#!/usr/bin/env bash
# `make demo`: the hooks at work on examples/demo-project, by hand and as a git hook.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV_BIN="$ROOT/.venv/bin"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$ROOT/.demo/pre-commit-home"
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Demo GIT_AUTHOR_EMAIL=demo@example.invalid
export GIT_COMMITTER_NAME=Demo GIT_COMMITTER_EMAIL=demo@example.invalid

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '$ %s\n' "$*"; "$@"; printf '(exit code %s)\n' "$?"; }

# Reason: pre-commit installs hooks from a commit; snapshot the working tree so the demo
# shows the code as it is now, uncommitted changes included.
snapshot() {
  local dest="$WORK/constitution-hooks"
  mkdir -p "$dest"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard \
    | xargs -0 -I{} sh -c 'test -f "{}" && mkdir -p "$0/$(dirname "{}")" && cp "{}" "$0/{}"' "$dest")
  git -C "$dest" init -q -b main && git -C "$dest" add -A \
    && git -C "$dest" commit -qm snapshot
  git -C "$dest" rev-parse HEAD
}

say "1. The rules, as the constitution words them"
"$VENV_BIN/constitution" rules | head -n 15

say "2. Checking the bundled example project by hand"
cp -R "$ROOT/examples/demo-project" "$WORK/shop"
cd "$WORK/shop" || exit 1
show "$VENV_BIN/constitution" check --all-files
show "$VENV_BIN/constitution" check --format json src/shop/cart.py

say "3. The same project as a git repository with the hooks installed"
SHA="$(snapshot)"
git init -q -b main
cat > .pre-commit-config.yaml <<YAML
default_install_hook_types: [pre-commit, commit-msg]
repos:
  - repo: $WORK/constitution-hooks
    rev: $SHA
    hooks:
      - id: constitution      # file rules, TDD pairing, branch name, project contract
      - id: commit-message
YAML
echo "(the first run builds the hook environment once; later runs reuse it)"
"$VENV_BIN/pre-commit" install >/dev/null
git add -A
show git commit -m "feat(shop): add orders"

say "4. Only the rule-abiding files, but a message that breaks the commit rules"
git rm -q --cached src/shop/orders.py src/shop/broken.py
show git commit -m "Added the cart, written with Claude Code"

say "5. The same files with a conventional message: the commit goes through"
show git commit -m "feat(shop): add the cart"
git log --oneline

say "6. Every rule explains itself"
"$VENV_BIN/constitution" explain CON102 | head -n 12
