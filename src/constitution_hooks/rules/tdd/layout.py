"""Where tests live: test roots, source roots, module names and the four layouts.

Pure functions over POSIX paths relative to the project root; no file is read here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache, lru_cache
from pathlib import PurePosixPath

LAYOUTS = ("mirrored", "flat", "suffix", "adjacent")
# Reason: what needs no test by default; each can be dropped from default-exempt.
DEFAULT_EXEMPT = ("no-code", "generated", "not-product")
_NOT_MODULES = ("conftest.py",)
# Reason: folders that hold no product code, wherever they sit (unless configured
# as source roots): their files need no test.
# Reason: vendored copies of other projects (pip's _vendor, vendor/, third_party/) are
# tested upstream; their authors, not this project, write their tests.
VENDORED = frozenset({"_vendor", "vendor", "vendored", "_vendored", "third_party"})
NOT_PRODUCT = (
    frozenset({"benchmarks", "bench", "examples", "docs", "scripts"}) | VENDORED
)


def is_test_dir(name: str) -> bool:
    """Return whether a folder name marks a test root by convention.

    Example:
        >>> is_test_dir("tests"), is_test_dir("pkgtests"), is_test_dir("src")
        (True, True, False)
    """
    # Reason: ``testsuite`` is the older convention (Flask, Jinja, Werkzeug), whose
    # test files are not named ``test_*``.
    return name in ("tests", "test", "testsuite") or name.endswith("tests")


@cache
def naming_kind(path: str) -> str | None:
    """Return ``"prefix"`` for ``test_*.py``, ``"suffix"`` for ``*_test.py``.

    A file named ``tests.py`` (unittest's and Django's convention) is a test module
    named after no module: ``"module"``.

    Example:
        >>> naming_kind("t/test_a.py"), naming_kind("a_test.py"), naming_kind("a.py")
        ('prefix', 'suffix', None)
        >>> naming_kind("app/tests.py")
        'module'
    """
    name = path.rpartition("/")[2]
    if not name.endswith(".py"):
        return None
    if name.startswith("test_"):
        return "prefix"
    if name.endswith("_test.py"):
        return "suffix"
    if name == "tests.py":
        return "module"
    return None


def _root_index(parts: tuple[str, ...], test_roots: tuple[str, ...]) -> int | None:
    """Index of the first folder after the test root, or None outside test roots."""
    if test_roots:
        for root in test_roots:
            root_parts = PurePosixPath(root.strip("/")).parts
            if parts[: len(root_parts)] == root_parts:
                return len(root_parts)
        return None
    for index, part in enumerate(parts[:-1]):
        if is_test_dir(part):
            return index + 1
    return None


# Reason: asked for every path of every commit of a history; bounded.
@lru_cache(maxsize=1 << 16)
def in_test_root(path: str, test_roots: tuple[str, ...]) -> bool:
    """Return whether ``path`` lies under a test root (configured or by name).

    Example:
        >>> in_test_root("tests/unit/test_a.py", ()), in_test_root("a/test_a.py", ())
        (True, False)
    """
    return _root_index(PurePosixPath(path).parts, test_roots) is not None


def source_roots(paths: Iterable[str], configured: tuple[str, ...]) -> tuple[str, ...]:
    """Resolve the source roots: configured, else ``src``, else top-level packages.

    Example:
        >>> source_roots(["app/__init__.py", "app/a.py"], ())
        ('app',)
    """
    if configured:
        return tuple(root.strip("/") for root in configured)
    paths = list(paths)
    if any(path.startswith("src/") for path in paths):
        return ("src",)
    packages = {
        path.split("/")[0]
        for path in paths
        if path.count("/") == 1 and path.endswith("/__init__.py")
    }
    return tuple(
        sorted(
            p
            for p in packages
            if not is_test_dir(p) and not p.startswith("test") and p not in NOT_PRODUCT
        )
    )


def not_product(path: str, roots: tuple[str, ...]) -> bool:
    """Whether a path lies in a folder that is not product code (benchmarks/...).

    A folder listed among the source roots is product code.

    Example:
        >>> not_product("pkg/benchmarks/b.py", ("pkg",)), not_product("pkg/a.py", ())
        (True, False)
    """
    root = _root_of(path, roots)
    inside = path[len(root) + 1 :] if root is not None else path
    if root is not None and PurePosixPath(root).name in NOT_PRODUCT:
        return False
    return any(part in NOT_PRODUCT for part in PurePosixPath(inside).parts[:-1])


def _root_of(path: str, roots: tuple[str, ...]) -> str | None:
    return next((root for root in roots if path.startswith(root + "/")), None)


@lru_cache(maxsize=1 << 16)
def is_module_path(
    path: str, roots: tuple[str, ...], test_roots: tuple[str, ...]
) -> bool:
    """Return whether ``path`` may be a source module (content decides ``__init__``).

    Example:
        >>> is_module_path("src/a.py", ("src",), ())
        True
    """
    if not path.endswith(".py") or _root_of(path, roots) is None:
        return False
    if naming_kind(path) is not None or PurePosixPath(path).name in _NOT_MODULES:
        return False
    return not in_test_root(path, test_roots)


def dotted_name(path: str, roots: tuple[str, ...], paths: Collection[str]) -> str:
    """Return the importable name of a file, such as ``pkg.core.config``.

    Under a source root that is itself a package, the root's name is kept;
    outside every source root the folders from the project root are used.

    Example:
        >>> dotted_name("src/pkg/__init__.py", ("src",), set())
        'pkg'
    """
    parts = list(PurePosixPath(path).with_suffix("").parts)
    root = _root_of(path, roots)
    if root is not None:
        root_parts = PurePosixPath(root).parts
        keep = 1 if f"{root}/__init__.py" in paths else 0
        parts = parts[len(root_parts) - keep :]
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def module_stem(path: str) -> str:
    """Return the name a module's test is named after (leading underscore dropped).

    Example:
        >>> module_stem("src/pkg/_config.py"), module_stem("src/pkg/__init__.py")
        ('config', 'pkg')
    """
    pure = PurePosixPath(path)
    name = pure.stem
    if name == "__init__":
        return pure.parent.name.lstrip("_")
    if name.startswith("__") and name.endswith("__"):
        return name.strip("_")
    return name.lstrip("_")


@cache
def tested_name(path: str) -> str | None:
    """Return the module name a test file is named after, or None.

    Example:
        >>> tested_name("tests/test_config.py"), tested_name("tests/config_test.py")
        ('config', 'config')
    """
    kind = naming_kind(path)
    stem = path.rpartition("/")[2][: -len(".py")]
    if kind == "prefix":
        return stem[len("test_") :]
    if kind == "suffix":
        return stem[: -len("_test")]
    return None


def layouts_of(
    test: str, module: str, dotted: str, test_roots: tuple[str, ...]
) -> set[str]:
    """Return the layouts in which ``test`` is placed as ``module``'s test.

    Example:
        >>> sorted(layouts_of("tests/c/test_a.py", "src/p/c/a.py", "p.c.a", ()))
        ['mirrored']
    """
    test_dir = str(PurePosixPath(test).parent)
    module_dir = str(PurePosixPath(module).parent)
    parts = PurePosixPath(test).parts
    start = _root_index(parts, test_roots)
    adjacent = test_dir in (module_dir, f"{module_dir}/tests", f"{module_dir}/test")
    if naming_kind(test) == "suffix":
        return {"suffix"} if adjacent or start is not None else set()
    if adjacent:
        return {"adjacent"}
    if start is None:
        return set()
    between = [part.lstrip("_") for part in parts[start:-1]]
    package = [part.lstrip("_") for part in dotted.split(".")[:-1]]
    found = set()
    tails = [package[i:] for i in range(len(package))]
    if any(between[len(between) - len(tail) :] == tail for tail in tails):
        found.add("mirrored")
    if len(package) <= 1 and not between:
        found.add("mirrored")
    if not set(between) & set(package):
        found.add("flat")
    return found


def candidates(
    module: str,
    dotted: str,
    tests: Iterable[str],
    test_roots: tuple[str, ...],
    layouts: tuple[str, ...],
) -> list[str]:
    """Return the test files named and placed as ``module``'s test in ``layouts``.

    Example:
        >>> candidates("src/p/a.py", "p.a", ["tests/test_a.py"], (), LAYOUTS)
        ['tests/test_a.py']
    """
    stem = module_stem(module)
    return [
        test
        for test in tests
        if tested_name(test) == stem
        and layouts_of(test, module, dotted, test_roots) & set(layouts)
    ]
