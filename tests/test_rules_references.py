"""Rule `references` naming ILO supervisory comment ids: checked by the loader against the shipped copy."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from compliance.rules import COMMENTS, RuleError, comment_ids, load_file, load_rules

from .test_check import BASE

SHARED = Path("/work/shared/supervisory/comments.jsonl")


def write(tmp_path: Path, references: list[dict]) -> Path:  # type: ignore[type-arg]
    rule = {**BASE, "id": "C105-A1a-test-refs", "convention": "C105", "article": "1(a)",
            "references": references, "patterns": {"ru": {"phrase": "рознь"}}}
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump({"rules": [rule]}, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def test_known_comment_ids_load(tmp_path: Path) -> None:
    [rule] = load_file(write(tmp_path, [{"document": "CEACR comments", "comments": ["GT001", "GT005"]}]))
    assert rule.references[0].comments == ["GT001", "GT005"]


def test_unknown_comment_id_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, [{"comments": ["GT001", "GT999"]}])
    with pytest.raises(RuleError, match=rf"^{path}:\d+: rules\.0\.references\.0\.comments\.1: unknown comment id GT999$"):
        load_file(path)


def test_malformed_comment_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match=r"references\.0\.comments\.0"):
        load_file(write(tmp_path, [{"comments": ["CEACR 2023"]}]))


def test_shipped_rules_name_comment_ids_in_comments_not_in_free_text() -> None:
    rules = load_rules()
    assert any(ref.comments for rule in rules for ref in rule.references)
    c105 = [r for r in rules if r.convention == "C105"]
    assert not any("GT0" in (ref.document or "") for rule in c105 for ref in rule.references)


def test_shipped_comments_are_the_shared_file_unchanged() -> None:
    assert "GT001" in comment_ids() and len(comment_ids()) == 66
    if SHARED.is_file():
        assert COMMENTS.read_bytes() == SHARED.read_bytes()
