"""Article numbers in natural order: a number as printed ("2(1)(a)", "282.1", "136-1") → its sort key.

One order for every number the project sorts: convention article references in the report and the
comparison, and law article numbers. Digits compare as numbers, Latin letters as text, and whatever
separates them ("(", ".", "-") only separates.
"""

from __future__ import annotations

import re

_PIECES = re.compile(r"[0-9]+|[a-z]+")


def number_key(number: str) -> tuple[tuple[int, str], ...]:
    """Natural order: "2" < "2(1)" < "2(1)(a)" < "10"; "282" < "282.1" < "283".

    >>> sorted(["10", "2(1)(a)", "1(a)", "2"], key=number_key)
    ['1(a)', '2', '2(1)(a)', '10']
    >>> number_key("136-1") == number_key("136.1") < number_key("137")
    True
    """
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in _PIECES.findall(number))
