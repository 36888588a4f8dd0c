"""A spaCy pipeline component with the same matches as the checker: `nlp.add_pipe("ilo_compliance")`.

Other tools compose with spaCy pipelines; this component lets them get the rule matches without our
command line. It runs the compiled rules (`compile.py`, `match.py`, `evaluation.py`) over a `Doc` and stores each rule that holds
(compositions and exceptions evaluated over the doc as one article) in `doc.spans["ilo_compliance"]`, one
span per piece of evidence, labelled with the rule id; sanctions go to `doc.spans["ilo_sanctions"]`.

    >>> import spacy
    >>> import compliance.check.spacy_component  # registers the factory
    >>> nlp = spacy.blank("ru")
    >>> _ = nlp.add_pipe("ilo_compliance", config={"language": "ru"})
    >>> doc = nlp("Разжигание социальной розни наказывается лишением свободы.")
    >>> "C105-A1a-social-discord" in {s.label_ for s in doc.spans["ilo_compliance"]}
    True
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Node
from ..rules import load_rules
from . import compiled_rules
from .evaluation import Evaluator
from .match import ArticleMatches, match_articles
from .text import ArticleText


class IloComplianceComponent:
    def __init__(self, nlp: Language, name: str, language: str, rules_dir: str | None) -> None:
        from pathlib import Path

        rules = load_rules(Path(rules_dir) if rules_dir else None)
        self.compiled = compiled_rules(rules, language)
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        node = Node(eid="doc", kind="article", start=0, end=len(text), text=text)
        am: ArticleMatches = next(match_articles(self.compiled, [ArticleText.whole(node, text)]))
        spans = []
        for rule in self.compiled.rules:
            for s, e in Evaluator(self.compiled, am).evidence(rule) or []:
                span = doc.char_span(s, e, label=rule.id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["ilo_compliance"] = spans
        sanctions = [doc.char_span(s, e, label=kind, alignment_mode="expand") for kind, (s, e) in am.sanctions]
        doc.spans["ilo_sanctions"] = [s for s in sanctions if s is not None]
        return doc


@Language.factory("ilo_compliance", default_config={"language": "ru", "rules_dir": None})
def make_ilo_compliance(nlp: Language, name: str, language: str, rules_dir: str | None) -> IloComplianceComponent:
    return IloComplianceComponent(nlp, name, language, rules_dir)
