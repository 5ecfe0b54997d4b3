"""`re`'s functions for the catalog planner, over one cache of compiled patterns big enough for it.

Python's `re` keeps 512 compiled patterns and, when full, drops the oldest first however often it is used. The
planner's readers use well over that — a few hundred fixed patterns and as many again built from the catalog's
names, titles and field words — so each question evicted patterns the next one needed and a sixth of planning time
went to compiling them again (eval/bench_plan.py, profiled). Here one least-recently-used cache holds them for the
life of the process; a pattern built for one question only is what it drops first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

compiled: Callable[..., re.Pattern[str]] = functools.lru_cache(maxsize=4096)(re.compile)


def search(pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).search(string)


def match(pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).match(string)


def fullmatch(pattern, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).fullmatch(string)


def finditer(pattern, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    return compiled(pattern, flags).finditer(string)


def findall(pattern, string: str, flags: int = 0) -> list:
    return compiled(pattern, flags).findall(string)


def split(pattern, string: str, maxsplit: int = 0, flags: int = 0) -> list[str]:
    return compiled(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
    return compiled(pattern, flags).subn(repl, string, count)
