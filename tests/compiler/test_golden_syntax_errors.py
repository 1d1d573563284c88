"""The code generator's own SyntaxErrors against the host's ``compile()``.

CPython raises these in compile.c (not in the parser or the symbol table):
``return``/``yield``/``await``/``break``/``continue`` in the wrong place,
``__debug__`` assignments, repeated keywords, starred targets, ``except:``
order, nesting limits, pattern errors, and SyntaxWarnings turned into errors.
Each source is written to a real file (CPython reads ``text`` back from it)
and compiled by our compiler and by the host; msg, lineno, offset,
end_lineno, end_offset and text must be equal, so that the host prints the
same caret range (``return 5`` at module level: ``^^^^^^^^`` on 3.11).
"""

import sys
import warnings

import pytest

from evalframe.compiler import compile_source

HOST = sys.version_info[:2]

CASES = {
    'return_module': "print('a')\nreturn 5\n",
    'return_module_expr': 'x = 1\nreturn x + 1\n',
    'return_class': 'class C:\n    return 1\n',
    'yield_module': 'x = 1\nyield x\n',
    'yield_module_expr': 'x = (yield 2)\n',
    'yield_from_module': 'yield from y\n',
    'yield_from_async': 'async def f():\n    yield from x\n',
    'await_module': 'await x\n',
    'await_sync': 'def f():\n    await x\n',
    'await_sync_lambda': 'def f():\n    return lambda: await x\n',
    'break_module': 'break\n',
    'break_in_func': 'def f():\n    if x:\n        break\n',
    'continue_module': 'continue\n',
    'continue_func': 'def f():\n    continue\n',
    'return_async_gen': 'async def f():\n    yield 1\n    return 2\n',
    'async_for_sync': 'def f():\n    async for x in y:\n        pass\n',
    'async_with_sync': 'def f():\n    async with x:\n        pass\n',
    'async_comp_sync': 'def f():\n    return [x async for x in y]\n',
    'late_future': 'x = 1\nfrom __future__ import annotations\n',
    'debug_assign': '__debug__ = 1\n',
    'debug_param': 'def f(__debug__): pass\n',
    'debug_kwarg_call': 'f(__debug__=1)\n',
    'debug_attr': 'x.__debug__ = 1\n',
    'debug_del': 'del __debug__\n',
    'kw_repeated': 'f(a=1,\n  a=2)\n',
    'starred_assign': '*a = 1\n',
    'multiple_starred': 'a, *b, *c = d\n',
    'default_except': 'try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n',
    'too_many_blocks': 'for x0 in y:\n    for x1 in y:\n        for x2 in y:\n            for x3 in y:\n                for x4 in y:\n                    for x5 in y:\n                        for x6 in y:\n                            for x7 in y:\n                                for x8 in y:\n                                    for x9 in y:\n                                        for x10 in y:\n                                            for x11 in y:\n                                                for x12 in y:\n                                                    for x13 in y:\n                                                        for x14 in y:\n                                                            for x15 in y:\n                                                                for x16 in y:\n                                                                    for x17 in y:\n                                                                        for x18 in y:\n                                                                            for x19 in y:\n                                                                                for x20 in y:\n                                                                                    pass\n',
    'match_wildcard_unreachable': 'match x:\n    case _:\n        pass\n    case 1:\n        pass\n',
    'match_capture_unreachable': 'match x:\n    case y:\n        pass\n    case 1:\n        pass\n',
    'match_dup_store': 'match x:\n    case [a, a]:\n        pass\n',
    'match_or_diff': 'match x:\n    case [a] | [b]:\n        pass\n',
    'match_dup_key': 'match x:\n    case {1: a, 1: b}:\n        pass\n',
    'match_class_attr_repeat': 'match x:\n    case C(a=1, a=2):\n        pass\n',
    'match_multi_star': 'match x:\n    case [*a, *b]:\n        pass\n',
    'except_star_break': 'for x in y:\n    try:\n        pass\n    except* E:\n        break\n',
    'except_star_return': 'def f():\n    try:\n        pass\n    except* E:\n        return 1\n',
    'async_gen_return_value': 'async def f():\n    yield\n    return 3\n',
    'return_in_lambda_yield': 'x: (yield)\n',
    'nonlocal_module': 'nonlocal x\n',

    'break_in_try_finally': "try:\n    break\nfinally:\n    x = 1\n",
    'continue_in_with': "with a:\n    continue\n",
    'debug_param_multiline': "def f(a,\n  __debug__): pass\n",
    'debug_kwarg_multiline': "f(x,\n  __debug__=1)\n",
    'debug_lambda': "lambda __debug__: 1\n",
    'debug_class_keyword': "class C(__debug__=1): pass\n",
    'debug_class_pattern': "match x:\n    case C(__debug__=1): pass\n",
    'debug_attr_multiline': "(x\n .__debug__) = 1\n",
    'match_or_multiline': "match x:\n    case (\n  [a] | [b]):\n        pass\n",
    'async_comp_module': "[x async for x in y]\n",
    'is_literal_warning_as_error': "x = 1\nif x is 1:\n    pass\n",
    'not_callable_warning_as_error': "x = (1, 2)\ny = [3]()\n",
    'assert_tuple_warning_as_error': "assert (x, 'msg')\n",
    'not_subscriptable_warning_as_error': "x = (1,\n 2)\ny = {1}[\n0]\n",
    'bad_index_warning_as_error': "y = (\n[1, 2]\n)[\n'a']\n",
    'is_not_literal_multiline': "x = 1\ny = (\nx is not\n 'a')\n",
    'literal_is_name': "y = ('a'\n is x)\n",
}

# host version -> cases that host's parser or symbol table rejects first, or
# accepts (3.13 allows deeper nesting), so there is no compile.c error to match;
# and two places where 3.10's compile.c reports a location mixed from the loop
# statement and the unwound finally/with (3.11 restores the statement's)
_NOT_CODEGEN = {
    (3, 10): {"except_star_break", "except_star_return", "break_in_try_finally",
              "continue_in_with"},
    (3, 13): {"too_many_blocks"},
}


def _fields(exc):
    return (type(exc).__name__, exc.msg, exc.lineno, exc.offset, exc.end_lineno,
            exc.end_offset, exc.text)


def _compile_both(path, source):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(source, str(path), "exec", dont_inherit=True)
            host = None
        except SyntaxError as e:
            host = _fields(e)
        try:
            compile_source(source, str(path), "exec")
            ours = None
        except SyntaxError as e:
            ours = _fields(e)
    return host, ours


@pytest.mark.parametrize("name", sorted(CASES))
def test_codegen_error_matches_host(tmp_path, name):
    for version, names in _NOT_CODEGEN.items():
        if name in names and (HOST == version or (version == (3, 13) and HOST >= version)):
            pytest.skip("not a code generator error on a %d.%d host" % HOST)
    path = tmp_path / (name + ".py")
    source = CASES[name].encode("utf-8")
    path.write_bytes(source)
    host, ours = _compile_both(path, source)
    assert host is not None, "the host accepts the source"
    assert ours == host


def test_error_from_a_string_has_no_text():
    """Compiling a string (no file to read the line from) gives text None."""
    host, ours = _compile_both("<string>", b"return 5\n")
    assert ours == host
    assert ours[-1] is None and ours[4:6] == (1, 9)
