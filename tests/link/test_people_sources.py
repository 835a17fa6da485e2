"""Who holds a post, from welcomes, signatures and initials in attendance lists; --owner through aliases and posts."""
from __future__ import annotations

from datetime import date

from minutetrail.db.people import list_people, owner_people
from minutetrail.db.queries import overdue
from minutetrail.models import DocKind
from minutetrail.parsers.dates import parse_due
from minutetrail.parsers.roles import find_role_mentions
from tests.link.series import Series, _Builder, _line
from tests.link.series_score import load


def _mentions(*texts: str) -> list[tuple[str, str]]:
    lines = [_line(t, 20.0 + 14 * i) for i, t in enumerate(texts)]
    return [(m.name, m.role) for m in find_role_mentions([(1, lines)])]


def test_a_welcome_names_the_new_holder_of_a_post():
    assert _mentions("The Chair welcomed Ffion Castell as the new Head of Adult Learning.") == [("Ffion Castell", "Head of Adult Learning")]
    assert ("Ravi Osei", "Interim Director of Place") in _mentions("Members welcomed Ravi Osei, who has joined as Interim Director of Place.")


def test_initials_printed_beside_a_name_are_that_person_on_that_date():
    got = _mentions("Officers: Tilda Brennan (TB), Jo Marsh (Clerk), Sam Lee (XY)")
    assert ("Tilda Brennan", "initials TB") in got
    assert not any(r == "initials XY" for _n, r in got)  # initials that are not the name's are not read


def test_a_signature_block_names_the_post_holder():
    assert _mentions("Signed ....................", "Alys Pemberton", "Chief Finance Officer", "Date: 3 May 2024") == [
        ("Alys Pemberton", "Chief Finance Officer")]


def test_quarter_dates_of_a_financial_year():
    assert parse_due("Q3 2023/24") == "2023-12"
    assert parse_due("Q4 2023/24") == "2024-03"
    assert parse_due("Quarter 1 2024/25") == "2024-06"
    assert parse_due("Q2 2024") == "2024-06"


def test_owner_filter_matches_aliases_initials_and_posts_held_on_the_date(db):
    days = [date(2024, 1, 9), date(2024, 3, 12), date(2024, 5, 14)]
    s = Series("owners", "Invented Resources Committee", days)
    b = _Builder(s, "Invented Council", DocKind.ACTION_LOG)
    b.packs[0].lines += ["Officers: Tilda Brennan (TB), Darrow Finch (Head of Revenues)"]
    b.packs[2].lines += ["The Chair welcomed Mina Kowal as the new Head of Revenues."]
    for k in range(3):
        b.row("t1", k, "R/01", "Reconcile the business rates suspense account", "TB", "Tilda Brennan", "31/12/2023", days[0])
        b.row("t2", k, "R/02", "Write off the irrecoverable council tax debts", "Head of Revenues",
              "Darrow Finch" if k < 2 else "Mina Kowal", "31/01/2024", days[0])
        b.row("t3", k, "R/03", "Publish the discretionary rate relief policy", "T Brennan" if k else "Tilda Brennan",
              "Tilda Brennan", "29/02/2024", days[0])
    load(db, b.build())
    with db.session() as session:
        assert {r["owner_person"] for r in overdue(session, days[1])} == {"Tilda Brennan", "Darrow Finch"}
        by_alias = overdue(session, days[1], owner="T Brennan")  # an alias: both of her actions, the one printed TB too
        assert {r["number"] for r in by_alias} == {"R/01", "R/03"}
        by_post = overdue(session, days[2], owner="Head of Revenues")
        assert {r["owner_person"] for r in by_post} == {"Mina Kowal"}
        assert owner_people(session, "Head of Revenues", days[1]) != owner_people(session, "Head of Revenues", days[2])
        tilda = next(p for p in list_people(session) if p["name"] == "Tilda Brennan")
        assert "TB" in tilda["aliases"] and not any("initials" in r for r in tilda["roles"])


def test_appointments_in_other_words():
    for text in ("The Committee noted the appointment of Sunita Vale as Head of Finance.",
                 "Sunita Vale has been appointed to the post of Head of Finance from 1 March.",
                 "The Chair introduced Sunita Vale, the newly appointed Head of Finance.",
                 "Sunita Vale has joined as Head of Finance."):
        assert _mentions(text) == [("Sunita Vale", "Head of Finance")], text


def test_on_a_tie_the_mention_that_states_a_change_wins():
    from minutetrail.link.people import holder_on

    day = date(2024, 3, 12)
    tenures = [("head of finance", day, "gareth penhallow", False), ("head of finance", day, "sunita vale", True)]
    assert holder_on("head of finance", day, tenures) == "sunita vale"
    assert holder_on("head of finance", day, [(r, d, p, False) for r, d, p, _c in tenures]) is None


def test_before_its_first_mention_a_post_is_held_by_the_first_named_holder_unless_that_was_a_change():
    from minutetrail.link.people import holder_on

    first, later = date(2024, 1, 9), date(2024, 3, 12)
    attended = [("head of finance", later, "gareth penhallow", False)]
    assert holder_on("head of finance", first, attended) == "gareth penhallow"
    appointed = [("head of finance", later, "sunita vale", True)]
    assert holder_on("head of finance", first, appointed) is None
    assert holder_on("head of finance", date(2022, 1, 4), attended) is None  # too long before


def test_an_owner_cell_with_the_post_after_a_comma_is_the_person():
    from minutetrail.link.people import display_name, person_key

    assert person_key("Kenny Combe, Service Manager") == "kenny combe"
    assert person_key("Ward, Claire") == "claire ward"
    assert person_key("Head of Service, Early Help") is None
    assert display_name("kenny combe", ["Kenny Combe, Service Manager", "K Combe"]) == "Kenny Combe"
