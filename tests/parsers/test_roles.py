from minutetrail.models import Line, Word
from minutetrail.parsers.roles import find_role_mentions, role_key


def _page(*texts: str) -> list[tuple[int, list[Line]]]:
    lines = []
    for i, text in enumerate(texts):
        words, x = [], 50.0
        for tok in text.split():
            words.append(Word(tok, x, 50 + i * 14, x + len(tok) * 5, 60 + i * 14, size=10))
            x += len(tok) * 5 + 3
        lines.append(Line(tuple(words)))
    return [(3, lines)]


def test_mentions_in_the_forms_papers_use():
    found = find_role_mentions(_page(
        "IN ATTENDANCE: Mr B Watts (General Counsel), Mrs C Head (Head of Finance Operations)",
        "Author Name and Role Darryl Freeman, Director of Children's Services",
        "Ruth Whittingham - Head of Law",
        "It was confirmed that Tina Russell was appointed as the permanent corporate director this week.",
        "please call Simon Cann, Democratic Services Officer on 01432 260667",
    ))
    got = {(m.name, m.role) for m in found}
    assert got == {("B Watts", "General Counsel"), ("C Head", "Head of Finance Operations"),
                   ("Darryl Freeman", "Director of Children's Services"), ("Ruth Whittingham", "Head of Law"),
                   ("Tina Russell", "corporate director"), ("Simon Cann", "Democratic Services Officer")}
    assert all(m.page == 3 and m.text for m in found)


def test_role_key_ignores_interim_and_punctuation():
    assert role_key("Interim Head of Housing Services") == role_key("Head of Housing Services")
    assert role_key("Director of Public Health") != role_key("Director of Public Health & Wellbeing")


def test_no_role_no_mention():
    assert find_role_mentions(_page("Councillors Toni Fagan and Helen l'Anson attended remotely.")) == []


def test_report_by_and_approved_by_in_one_report():
    from minutetrail.parsers.roles import report_author_mentions

    pages = _page("Title of report: Investment in Children's Transformation", "Report by: Corporate Director, Children and Young People",
                  "Recommendation(s)", "Approved by Darryl Freeman Date 11/04/2022")
    (m,) = report_author_mentions(pages)
    assert (m.name, m.role) == ("Darryl Freeman", "Corporate Director, Children and Young People")
    assert report_author_mentions(_page("Report by: Corporate Director", "Recommendation(s)")) == []


def test_glossary_table_of_names_and_posts(tmp_path):
    from reportlab.pdfgen import canvas

    from minutetrail.extraction import parse_file

    pdf = tmp_path / "glossary.pdf"
    c = canvas.Canvas(str(pdf))
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 760, "Who is who")
    c.drawString(50, 730, "Role")
    c.drawString(300, 730, "Name")
    c.setFont("Helvetica", 10)
    for i, (role, name) in enumerate([("Director of Children's Services", "Darryl Freeman"),
                                      ("Head of Service (Early Help)", "Jade Rowe"),
                                      ("Principal Social Worker", "Omar Haddad")]):
        c.drawString(50, 710 - i * 16, role)
        c.drawString(300, 710 - i * 16, name)
    c.drawString(50, 600, "This plan is reviewed every quarter by the improvement board.")
    c.save()
    got = {(m.name, m.role) for m in parse_file(pdf).roles}
    assert got == {("Darryl Freeman", "Director of Children's Services"), ("Jade Rowe", "Head of Service (Early Help)"),
                   ("Omar Haddad", "Principal Social Worker")}
