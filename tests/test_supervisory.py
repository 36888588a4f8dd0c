"""ILO supervisory comments: normalised rows (quotes verbatim) and the comments each finding shows."""

from __future__ import annotations

import json
from functools import cache

from compliance.check import check_document
from compliance.corpus import load_document
from compliance.models import Finding
from compliance.supervisory import load_comments
from compliance.supervisory.data import SUPERVISORY_DIR


@cache
def findings(ref: str) -> tuple[Finding, ...]:
    return tuple(check_document(load_document(ref)))


def test_quotes_are_copied_verbatim_and_rows_normalised() -> None:
    rows = [json.loads(line) for line in (SUPERVISORY_DIR / "comments.jsonl").read_text("utf-8").splitlines()]
    comments = load_comments()
    assert len(comments) == len(rows) == 66
    assert all(c.quote == r["quote"] and c.url == r["source"] for c, r in zip(comments, rows, strict=True))
    gt001 = comments[0]
    assert (gt001.country, gt001.act_number, gt001.provisions, gt001.body, gt001.type, gt001.year) == (
        "KZ", "226-V", ("174",), "CEACR", "Observation", 2023)
    assert gt001.replaced == (("164", "174"),)


def test_a_row_naming_several_acts_stays_unlinked() -> None:
    gt019 = next(c for c in load_comments() if c.id == "GT019")
    assert gt019.act_number is None


EXPECTED = [
    ("kz/criminal-code-ch04-05-arts160-186-incl-art174", "174", "GT001", "provision"),
    ("kz/criminal-code-ch04-05-arts160-186-incl-art174", "174", "GT005", "predecessor"),
    ("kz/criminal-code-arts400-406", "400", "GT002", "provision"),
    ("kz/criminal-code-arts400-406", "404", "GT002", "provision"),
    ("kz/admin-offences-code-ch27-arts457-509-incl-art488", "488", "GT004", "provision"),
    ("kz/labour-code-sec001-general-provisions", "6", "GT006", "provision"),
    ("kz/labour-code-sec001-general-provisions", "20", "GT013", "provision"),
    ("kz/trade-unions-law", "1", "GT019", "principle"),
    ("kz/trade-unions-law", "8", "GT019", "principle"),
]


def test_findings_show_the_ilo_comment_on_them_with_quote_and_link() -> None:
    for ref, article, cid, relation in EXPECTED:
        shown = [c for f in findings(ref) if f.article == article for c in f.comments if c.id == cid]
        assert shown, (ref, article, cid)
        assert shown[0].relation == relation and shown[0].quote and shown[0].url.startswith("http")
