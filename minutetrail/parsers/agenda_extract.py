"""A minute extract's own agenda item: "Agenda item [N]" / its title / what it is for / "Minutes:"."""
from __future__ import annotations

import re
from collections.abc import Sequence

from minutetrail.models import AgendaItem, Line
from minutetrail.parsers.text import join_lines
from minutetrail.parsers.vocab import alternation

AGENDA_ITEM_LABEL = re.compile(r"^agenda item\s*(?P<num>\d{1,3}[a-z]?)?\s*$", re.I)
MINUTE_LABEL = re.compile(r"^(?:" + alternation("kinds.minutes") + r")\s*:?\s*$", re.I)


def minute_extract_item(page: int, lines: Sequence[Line]) -> AgendaItem | None:
    """A minute extract's own agenda item: "Agenda item [N]" / its title / what it is for / "Minutes:"."""
    if len(lines) < 3:
        return None
    m = AGENDA_ITEM_LABEL.match(lines[0].text.strip())
    if not m:
        return None
    end = next((i for i, ln in enumerate(lines[:12]) if MINUTE_LABEL.match(ln.text.strip())), None)
    if end is None or end < 2:
        return None
    desc = join_lines([ln.text for ln in lines[2:end]])
    return AgendaItem(m["num"] or "", lines[1].text.strip(), desc or None, None, page)
