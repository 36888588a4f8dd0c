"""The supervisory comments as data: each verbatim row of `corpora/supervisory/comments.jsonl` → a `Comment`
with country, act (title, number, date), provisions, convention and article, body, type, year, quote, URL.

Reads the rows (one JSON object a line, copied byte for byte from the shared source) and the country table
of `vocab/supervisory.yaml`; produces `Comment`s. The quote is copied, never reworded. What a row does
not say (an act's number, a year) stays None; a row naming several acts keeps no act number, so that it is
never tied to a corpus law by a guess. The one loader: the rule loader asks it which comment ids exist.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..bundled import bundled
from ..yamlsafe import load_vocabulary

SUPERVISORY_DIR = bundled("corpora") / "supervisory"
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ACT = re.compile(r"^(?P<title>[^,;]+?),\s*(?P<day>\d{1,2}) (?P<month>[A-Za-z]+) (?P<year>\d{4})"
                  r"(?:\s+No\.\s*(?P<number>[\w-]+))?")
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:[.-]\d+)*)((?:\([0-9a-z]{1,3}\))*)")
_LIST = re.compile(r"\b(?:ss?|arts?)\.\s*((?:\d[\d.\-]*(?:\([0-9a-z]{1,3}\))*(?:,\s*|\s+and\s+)?)+)")
_BODY = re.compile(r"\b(CEACR|CAS|CFA)\b")
_TYPE = re.compile(r"\b(Observation|Direct Request|Individual Case|Case No\. \d+)")
_REPLACED = re.compile(r"[Ss]ection (\d+)[^.']*?replaced by section (\d+)")


class Comment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    country: str | None  # ISO code
    act_title: str  # the act as the row names it ("Criminal Code"), or the whole `law` field when several
    act_number: str | None
    act_date: _dt.date | None
    law: str  # verbatim
    cited: str  # the provisions as the body cites them, verbatim
    provisions: tuple[str, ...]  # "174", "6(2)", "22.1(5)": the provisions the row is about
    replaced: tuple[tuple[str, str], ...]  # (old section, new section) the row's sources state
    convention: str  # "C105"
    convention_article: str | None  # "1(a)"
    body: str | None  # CEACR, CAS, CFA
    type: str | None
    year: int | None
    finding_type: str
    quote: str  # verbatim
    url: str

    def articles(self) -> set[str]:
        """The article numbers the row names, without their parts ("6(2)" → "6")."""
        return {p.split("(")[0] for p in self.provisions}


def _without_descriptions(text: str) -> str:
    """A provision field without its descriptions: "ss. 400 (violation …) and 404 (…)" → "ss. 400 and 404";
    a parenthesis after a space opens a description, one right after a number is a part ("6(2)")."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if ch in "([" and (depth or (i and text[i - 1] == " ")):
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _provisions(cited: str) -> tuple[str, ...]:
    """ "ss. 400 (…) and 404 (…)" → ("400", "404"); "s. 6(2)" → ("6(2)",): the numbers after s., ss., art."""
    lists = _LIST.findall(_without_descriptions(cited))
    return tuple(dict.fromkeys("".join(m) for part in lists for m in _NUMBER.findall(part)))


def _act(law: str) -> tuple[str, str | None, _dt.date | None]:
    m = _ACT.match(law)
    if ";" in law or m is None or m["month"].lower() not in _MONTHS:
        return law, None, None
    date = _dt.date(int(m["year"]), _MONTHS.index(m["month"].lower()) + 1, int(m["day"]))
    return m["title"].strip(), m["number"], date


def _year(doc: str) -> int | None:
    m = re.search(r"adopted (\d{4})", doc) or re.search(r"\b(1[89]\d\d|20\d\d)\b", doc)
    return int(m[1]) if m else None


def _comment(row: dict[str, object], countries: dict[str, str]) -> Comment:
    law, cited, doc = str(row["law"]), str(row["article"]), str(row["supervisory_body_doc"])
    title, number, date = _act(law)
    conv = str(row["convention"])
    conv_m = re.match(r"(C\d{3})\s*Arts?\.?\s*([0-9a-z()]+)?", conv)
    body = _BODY.search(doc)
    kind = _TYPE.search(doc)
    sources = " ".join(str(s) for s in row.get("additional_sources") or [])  # type: ignore[attr-defined]
    return Comment(
        id=str(row["id"]),
        country=countries.get(str(row["country"])),
        act_title=title,
        act_number=number,
        act_date=date,
        law=law,
        cited=cited,
        provisions=_provisions(cited),
        replaced=tuple((a, b) for a, b in _REPLACED.findall(sources)),
        convention=conv_m[1] if conv_m else conv.split()[0],
        convention_article=conv_m[2] if conv_m and conv_m[2] else None,
        body=body[1] if body else None,
        type=kind[1] if kind else None,
        year=_year(doc),
        finding_type=str(row["finding_type"]),
        quote=str(row["quote"]),
        url=str(row["source"]),
    )


@cache
def load_comments(folder: Path = SUPERVISORY_DIR) -> tuple[Comment, ...]:
    """Every comment, in file order (empty when the corpus ships none)."""
    path = folder / "comments.jsonl"
    if not path.is_file():
        return ()
    countries: dict[str, str] = (load_vocabulary("supervisory.yaml") or {}).get("countries") or {}
    lines = path.read_text("utf-8").splitlines()
    return tuple(_comment(json.loads(line), countries) for line in lines if line.strip())


def comment_ids(folder: Path = SUPERVISORY_DIR) -> frozenset[str]:
    """The ids of the comments shipped in the corpus."""
    return frozenset(c.id for c in load_comments(folder))
