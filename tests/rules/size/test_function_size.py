"""CON102/CON103: functions 49 pass and 50 fail; classes 99 pass and 100 fail."""

from __future__ import annotations

from collections.abc import Callable

from constitution_hooks.core.config import Settings
from constitution_hooks.core.source import SourceFile
from constitution_hooks.rules.size.function_size import (
    check_class_size,
    check_function_size,
)

Parse = Callable[[str], SourceFile]
Make = Callable[..., Settings]


def function(lines: int, name: str = "f", indent: str = "") -> str:
    """A function spanning exactly ``lines`` lines, def line included."""
    body = f"{indent}    x = 1\n" * (lines - 2)
    return f"{indent}def {name}():\n{body}{indent}    return x\n"


def klass(lines: int) -> str:
    """A class spanning exactly ``lines`` lines."""
    return "class C:\n" + "    x = 1\n" * (lines - 1)


def messages(findings: object) -> list[str]:
    return [f.message for f in findings]  # type: ignore[attr-defined]  # Reason: findings of any rule


def test_check_function_size_49_lines_passes(parse: Parse, settings: Make) -> None:
    assert (
        messages(check_function_size(parse(function(49)), settings("function-size")))
        == []
    )


def test_check_function_size_50_lines_fails_with_size_and_limit(
    parse: Parse, settings: Make
) -> None:
    (finding,) = check_function_size(parse(function(50)), settings("function-size"))
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message == "function 'f' is 50 lines long (limit 49)"


def test_check_function_size_decorators_not_counted(
    parse: Parse, settings: Make
) -> None:
    source = parse("@a\n@b\n@c\n" + function(49))
    assert messages(check_function_size(source, settings("function-size"))) == []


def test_check_function_size_decorated_50_reported_at_def_line(
    parse: Parse, settings: Make
) -> None:
    source = parse("@a\n" + function(50))
    assert [f.line for f in check_function_size(source, settings("function-size"))] == [
        2
    ]


def test_check_function_size_docstring_comments_blanks_count(
    parse: Parse, settings: Make
) -> None:
    body = '    """Doc.\n\n    More.\n    """\n' + "    # note\n\n" * 22 + "    pass\n"
    source = parse("def f():\n" + body)
    assert messages(check_function_size(source, settings("function-size"))) == [
        "function 'f' is 50 lines long (limit 49)"
    ]


def test_check_function_size_async_method_fails_with_qualname(
    parse: Parse, settings: Make
) -> None:
    method = function(50, "fetch", "    ").replace("def ", "async def ", 1)
    (finding,) = check_function_size(
        parse("class Api:\n" + method), settings("function-size")
    )
    assert (finding.line, finding.column) == (2, 5)
    assert finding.message == "function 'Api.fetch' is 50 lines long (limit 49)"


def test_check_function_size_nested_long_function_reported_twice(
    parse: Parse, settings: Make
) -> None:
    source = parse(
        "def outer():\n" + function(50, "inner", "    ") + "    return inner\n"
    )
    assert messages(check_function_size(source, settings("function-size"))) == [
        "function 'outer' is 52 lines long (limit 49)",
        "function 'outer.inner' is 50 lines long (limit 49)",
    ]


def test_check_function_size_lambda_never_measured(
    parse: Parse, settings: Make
) -> None:
    source = parse("f = (lambda: (\n" + "    1 +\n" * 60 + "    1))\n")
    assert messages(check_function_size(source, settings("function-size"))) == []


def test_check_class_size_99_lines_passes(parse: Parse, settings: Make) -> None:
    assert messages(check_class_size(parse(klass(99)), settings("function-size"))) == []


def test_check_class_size_100_lines_fails(parse: Parse, settings: Make) -> None:
    assert messages(check_class_size(parse(klass(100)), settings("function-size"))) == [
        "class 'C' is 100 lines long (limit 99)"
    ]


def test_check_function_size_configured_limit_applies(
    parse: Parse, settings: Make
) -> None:
    limits = settings("function-size", max_function_lines=3)
    assert messages(check_function_size(parse(function(4)), limits)) == [
        "function 'f' is 4 lines long (limit 3)"
    ]
