"""What one parse of a file tells the TDD rules; the tree itself is not kept.

Every fact is small (names, tuples, a digest), so facts of thousands of blobs of a
long history fit in a few megabytes.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterator
from typing import NamedTuple

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_DEFINITIONS = (*_FUNCTIONS, ast.ClassDef)
_ASSERTING_CALLS = frozenset(
    {"raises", "warns", "fail", "deprecated_call", "RaisesGroup", "RaisesExc"}
)
_HELPER_PREFIXES = ("assert", "check", "verify", "expect")
# Reason: ast.TypeAlias (the ``type X = ...`` statement) exists from Python 3.12.
_TYPE_ALIAS: tuple[type, ...] = tuple(
    kind for kind in (getattr(ast, "TypeAlias", None),) if isinstance(kind, type)
)
_DECLARATIONS = (ast.Assign, ast.AnnAssign, ast.Pass, ast.Expr, *_TYPE_ALIAS)
_CONTROL_FLOW = (ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Match)
_TYPING_MODULES = frozenset({"typing", "typing_extensions", "__future__"})
# Reason: classes that declare data or an interface, not behaviour (CON203).
_DECLARATIVE_BASES = frozenset(
    {
        "NamedTuple",
        "TypedDict",
        "Enum",
        "IntEnum",
        "StrEnum",
        "Flag",
        "IntFlag",
        "Protocol",
        "Exception",
        "BaseException",
    }
)


class Symbol(NamedTuple):
    """A public top-level function or class of a module.

    Example:
        >>> Symbol("load", "function", 3, 1).kind
        'function'
    """

    name: str
    kind: str
    line: int
    column: int


class CollectedTest(NamedTuple):
    """A function pytest or unittest collects as a test.

    Attributes:
        name: The function's name.
        line: Its ``def`` line.
        column: Its ``def`` column.
        asserts: Whether it asserts by itself (assert, pytest.raises, assert*...).
        calls: The names it calls, for assertions made in helpers.
        qualname: ``Class.method`` for a method, else the name.

    Example:
        >>> CollectedTest("test_a_b_c", 1, 1, True).asserts
        True
    """

    name: str
    line: int
    column: int
    asserts: bool
    calls: frozenset[str] = frozenset()
    qualname: str = ""


class ClientCall(NamedTuple):
    """A call through an HTTP test client, or a URL asked of the app by name.

    Attributes:
        url: The URL (a placeholder ``{}`` for each formatted part).
        head_known: False when the URL starts with a part not written literally
            (``f"{settings.API_V1_STR}/users/me"``): it matches on its tail.
        route_name: For ``url_path_for("name")``, the route's name.
        method: The HTTP method, upper case ("" when unknown).

    Example:
        >>> ClientCall("/items/{}", True).route_name
        ''
    """

    url: str
    head_known: bool
    route_name: str = ""
    method: str = ""


class Summary(NamedTuple):
    """The facts of one parsed file.

    Example:
        >>> summarise(ast.parse("def f():\\n    return 1\\n")).has_code
        True
    """

    defined: frozenset[str] = frozenset()
    public: tuple[Symbol, ...] = ()
    has_code: bool = False
    has_definitions: bool = False
    tests: tuple[CollectedTest, ...] = ()
    helpers: frozenset[str] = frozenset()
    referenced: frozenset[str] = frozenset()
    client_calls: tuple[ClientCall, ...] = ()


def summarise(tree: ast.Module) -> Summary:
    """Compute the facts of a parsed file that need its tree, in one walk.

    Example:
        >>> sorted(summarise(ast.parse("import p\\np.C()\\n")).referenced)
        ['C', 'p']
    """
    nodes = list(ast.walk(tree))
    return Summary(
        defined=frozenset(_defined(tree.body)),
        public=tuple(_public(tree.body)),
        has_code=_has_code(tree.body),
        has_definitions=any(isinstance(node, _DEFINITIONS) for node in nodes),
        tests=tuple(_tests(tree.body)),
        helpers=frozenset(_helpers(nodes)),
        referenced=frozenset(_referenced(nodes)),
        client_calls=tuple(dict.fromkeys(_client_calls(nodes))),
    )


def _body_blocks(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Top-level statements, looking into ``if``/``try`` but not TYPE_CHECKING."""
    for node in body:
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _body_blocks(node.body)
            yield from _body_blocks(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                yield from _body_blocks(block)
            for handler in node.handlers:
                yield from _body_blocks(handler.body)
        else:
            yield node


def _is_type_checking(test: ast.expr) -> bool:
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _defined(body: list[ast.stmt]) -> Iterator[str]:
    for node in _body_blocks(body):
        if isinstance(node, _DEFINITIONS):
            yield node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        yield name.id
        elif isinstance(node, _TYPE_ALIAS):
            yield from (n.id for n in ast.walk(node) if isinstance(n, ast.Name))


def _public(body: list[ast.stmt]) -> Iterator[Symbol]:
    seen: set[str] = set()
    for node in body:
        if not isinstance(node, _DEFINITIONS) or node.name.startswith("_"):
            continue
        # Reason: @overload stubs and their implementation are one symbol.
        if node.name in seen or _is_declarative(node):
            continue
        seen.add(node.name)
        kind = "class" if isinstance(node, ast.ClassDef) else "function"
        yield Symbol(node.name, kind, node.lineno, node.col_offset + 1)


def _is_declarative(node: ast.stmt) -> bool:
    if isinstance(node, _FUNCTIONS):
        return node.name.startswith("pytest_")
    # Reason: the caller passes only functions and classes; this narrows the type.
    assert isinstance(node, ast.ClassDef)  # nosec B101
    bases = {_last_name(base) for base in node.bases}
    return bool(bases & _DECLARATIVE_BASES) or any(
        base.endswith(("Error", "Exception", "Warning")) for base in bases
    )


def _last_name(node: ast.expr) -> str:
    if isinstance(node, ast.Subscript):
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _has_code(body: list[ast.stmt]) -> bool:
    """Whether a module holds code of its own: a real body or top-level control flow."""
    for node in _body_blocks(body):
        if isinstance(node, _DEFINITIONS) and _real(node):
            return True
        if isinstance(node, _CONTROL_FLOW):
            return True
    return False


def _real(node: ast.stmt) -> bool:
    """Whether a function or class has a body beyond stubs and declarations."""
    if isinstance(node, _FUNCTIONS):
        return any(not _is_stub(statement) for statement in node.body)
    # Reason: the caller passes only functions and classes; this narrows the type.
    assert isinstance(node, ast.ClassDef)  # nosec B101
    for statement in node.body:
        if isinstance(statement, _DEFINITIONS):
            if _real(statement):
                return True
        elif not isinstance(statement, _DECLARATIONS):
            return True
    return False


def _is_stub(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
        return True  # a docstring or ``...``
    if isinstance(statement, ast.Raise) and statement.exc is not None:
        return _last_name(_callee(statement.exc)) == "NotImplementedError"
    return False


def _callee(node: ast.expr) -> ast.expr:
    return node.func if isinstance(node, ast.Call) else node


def _tests(body: list[ast.stmt]) -> Iterator[CollectedTest]:
    cases = _test_cases(body)
    for node in body:
        if isinstance(node, ast.ClassDef) and (
            node.name.startswith("Test") or node.name in cases
        ):
            for inner in node.body:
                if isinstance(inner, _FUNCTIONS) and _is_test_function(inner):
                    yield _collected(inner, f"{node.name}.")
        elif isinstance(node, _FUNCTIONS) and _is_test_function(node):
            yield _collected(node, "")


def _test_cases(body: list[ast.stmt]) -> set[str]:
    """Classes subclassing unittest's TestCase, directly or through a local class."""
    classes = [node for node in body if isinstance(node, ast.ClassDef)]
    cases: set[str] = set()
    # Reason: each pass adds the subclasses of the cases found so far.
    for _ in range(len(classes)):
        found = {
            node.name
            for node in classes
            if any(
                (name := _last_name(base)).endswith("TestCase") or name in cases
                for base in node.bases
            )
        }
        if found == cases:
            break
        cases = found
    return cases


def _is_test_function(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    if not node.name.startswith("test"):
        return False
    # Reason: a fixture named test_* is not collected as a test.
    return not any(_last_name(_callee(d)) == "fixture" for d in node.decorator_list)


def _collected(
    node: ast.FunctionDef | ast.AsyncFunctionDef, prefix: str
) -> CollectedTest:
    inner = list(ast.walk(node))
    return CollectedTest(
        node.name,
        node.lineno,
        node.col_offset + 1,
        any(_asserts(n) for n in inner),
        frozenset(_called(inner)),
        prefix + node.name,
    )


def _called(nodes: list[ast.AST]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, ast.Call):
            name = _last_name(node.func)
            if name:
                yield name


def _asserts(node: ast.AST) -> bool:
    if isinstance(node, ast.Assert):
        return True
    if isinstance(node, ast.Raise) and node.exc is not None:
        return _last_name(_callee(node.exc)) == "AssertionError"
    if not isinstance(node, ast.Call):
        return False
    name = _last_name(node.func)
    return name in _ASSERTING_CALLS or name.startswith("assert")


def _helpers(nodes: list[ast.AST]) -> Iterator[str]:
    """Functions that assert for their caller: by name, or by asserting."""
    for node in nodes:
        if (
            isinstance(node, _FUNCTIONS)
            and not node.name.startswith("test")
            and (
                node.name.lstrip("_").startswith(_HELPER_PREFIXES)
                or any(_asserts(inner) for inner in ast.walk(node))
            )
        ):
            yield node.name


def _referenced(nodes: list[ast.AST]) -> Iterator[str]:
    for node in nodes:
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                yield from alias.name.split(".")


def behaviour(tree: ast.Module) -> str:
    """A digest of the tree without docstrings, positions and typing-only parts.

    What it leaves out is put back after, so a run's rules may share the tree.

    Example:
        >>> typed = ast.parse("def f(x: int) -> int:\\n    return x\\n")
        >>> behaviour(typed) == behaviour(ast.parse("def f(x):\\n    return x\\n"))
        True
    """
    taken: list[tuple[ast.AST, str, object]] = []

    def put(node: ast.AST, field: str, value: object) -> None:
        taken.append((node, field, getattr(node, field)))
        setattr(node, field, value)

    try:
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, *_DEFINITIONS)):
                body = [s for s in node.body if not _is_typing_only(s)]
                put(node, "body", body[1:] if body and _is_docstring(body[0]) else body)
            if isinstance(node, _FUNCTIONS):
                put(node, "returns", None)
                for argument in _arguments(node.args):
                    put(argument, "annotation", None)
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                put(node, "body", [ast.Pass()])
        return hashlib.blake2b(ast.dump(tree).encode(), digest_size=16).hexdigest()
    finally:
        for node, field, value in reversed(taken):
            setattr(node, field, value)


def _arguments(args: ast.arguments) -> Iterator[ast.arg]:
    yield from (*args.posonlyargs, *args.args, *args.kwonlyargs)
    yield from (arg for arg in (args.vararg, args.kwarg) if arg is not None)


def _is_typing_only(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.ImportFrom):
        return (statement.module or "").partition(".")[0] in _TYPING_MODULES
    if isinstance(statement, ast.Import):
        return all(a.name.partition(".")[0] in _TYPING_MODULES for a in statement.names)
    if isinstance(statement, ast.If) and _is_type_checking(statement.test):
        return not statement.orelse
    return False


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def resolve_relative(module: str, level: int, package: str) -> str | None:
    """The absolute module of ``from <dots><module> import``, or None above the top.

    Example:
        >>> resolve_relative("a", 2, "pkg.sub"), resolve_relative("a", 0, "x")
        ('pkg.a', 'a')
    """
    if level == 0:
        return module
    parts = package.split(".") if package else []
    # Reason: one dot is the current package; each further dot goes one level up.
    if level - 1 > len(parts) or (level - 1 == len(parts) and not module):
        return None
    kept = parts[: len(parts) - (level - 1)]
    return ".".join([*kept, module] if module else kept)


_CLIENT_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "options", "head", "request"}
)
_CLIENT_CLASSES = frozenset({"TestClient", "Client", "AsyncClient"})


def _client_calls(nodes: list[ast.AST]) -> Iterator[ClientCall]:
    clients = set(_client_names(nodes))
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        # Reason: Flask's url_for("blueprint.endpoint") is a bare function.
        method = _last_name(node.func)
        if method in ("url_path_for", "url_for") and node.args:
            name = node.args[0]
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                yield ClientCall("", False, name.value)
        elif method in _CLIENT_METHODS and _is_client(node.func, clients):
            position = 1 if method == "request" else 0
            url = _url_argument(node, position)
            found = _url(url) if url is not None else None
            if found is not None:
                yield found._replace(method=_method(node, method))


def _client_names(nodes: list[ast.AST]) -> Iterator[str]:
    """Names bound to ``TestClient(...)``/``httpx.Client(...)``/``AsyncClient(...)``."""
    for node in nodes:
        if isinstance(node, ast.Assign) and _is_client_call(node.value):
            yield from (t.id for t in node.targets if isinstance(t, ast.Name))
        elif (
            isinstance(node, ast.withitem)
            and _is_client_call(node.context_expr)
            and isinstance(node.optional_vars, ast.Name)
        ):
            yield node.optional_vars.id


def _is_client_call(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Call) and _last_name(node.func) in _CLIENT_CLASSES


def _is_client(func: ast.expr, clients: set[str]) -> bool:
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    name = _last_name(receiver)
    return "client" in name.lower() or name in clients or _is_client_call(receiver)


def _method(call: ast.Call, method: str) -> str:
    if method != "request":
        return method.upper()
    first = call.args[0] if call.args else None
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value.upper()
    return ""


def _url_argument(call: ast.Call, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "url":
            return keyword.value
    return call.args[position] if len(call.args) > position else None


def _url(node: ast.expr) -> ClientCall | None:
    """The URL of a literal, an f-string or ``prefix + "/literal"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        return ClientCall(text, True) if text.startswith(("/", "http")) else None
    if isinstance(node, ast.JoinedStr):
        parts = [
            "{}" if not isinstance(v, ast.Constant) else str(v.value)
            for v in node.values
        ]
        if parts and parts[0] == "{}":
            return ClientCall("".join(parts[1:]), False)
        return ClientCall("".join(parts), True)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        tail = _url(node.right)
        return ClientCall(tail.url, False) if tail is not None else None
    return None
