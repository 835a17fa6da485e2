"""spaCy as a blank English pipeline with an EntityRuler: person names, role titles, dates.

No trained model is used (none can be downloaded here). The patterns are data
(``data/entity_patterns.jsonl``). Build the pipeline once with ``get_nlp()`` and pass it in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

ASSIGN_WORDS = frozenset({"to", "will", "would", "agreed"})


@dataclass(frozen=True, slots=True)
class Entity:
    label: str  # PERSON | ROLE | DATE
    text: str
    start: int  # character offsets
    end: int


@cache
def get_nlp() -> Any:
    """The shared pipeline: spacy.blank("en") plus the project's EntityRuler patterns."""
    import spacy

    nlp = spacy.blank("en")
    ruler: Any = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    raw = resources.files("minutetrail.parsers").joinpath("data/entity_patterns.jsonl").read_text("utf-8")
    ruler.add_patterns([json.loads(line) for line in raw.splitlines() if line.strip()])
    return nlp


class LazyNlp:
    """Stands for get_nlp() until a text is first run through it: spaCy (0.8 s to import) is loaded
    only by a document that has a sentence to read, not by every minutes part."""

    __slots__ = ()

    def __call__(self, text: str) -> Any:
        return get_nlp()(text)


def entities(nlp: Any, text: str) -> list[Entity]:
    doc = nlp(text)
    return [Entity(e.label_, e.text, e.start_char, e.end_char) for e in doc.ents]


def assignee(nlp: Any, sentence: str) -> str | None:
    """The person or role a sentence assigns work to ("The Clerk to write ...", "C Ward will ...")."""
    doc = nlp(sentence)
    for ent in doc.ents:
        if ent.start != 0 or ent.label_ not in ("PERSON", "ROLE"):
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ASSIGN_WORDS:
            return ent.text
    return None


def due_phrase(nlp: Any, sentence: str) -> str | None:
    """A due date stated in an assignment ("... by 11 February 2025", "... by the next meeting")."""
    doc = nlp(sentence)
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.start > 0 and doc[ent.start - 1].lower_ in ("by", "before"):
            return ent.text
    return None
