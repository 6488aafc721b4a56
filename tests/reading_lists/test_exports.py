"""CSV and RIS downloads parse back, with the entries visitors see, in the page's order."""

import csv
import io

import pytest
import rispy
from django.utils import translation

from catalogue.factories import AgentFactory, SubjectFactory
from catalogue.identifiers import IdentifierScheme
from catalogue.models import DCMIType, ItemIdentifier, ItemSubject
from reading_lists.exports import page_range

from .builders import add_reading_list, external_entry, item_entry, section

pytestmark = pytest.mark.django_db


def in_uzbek(message, **values):
    """`message` as the Uzbek tree (unprefixed URLs, the default language) gives it, with `values` put in."""
    with translation.override("uz"):
        return translation.gettext(message) % values


@pytest.fixture
def seminar(reading_lists, make_item, uzbek):
    behbudiy = AgentFactory(name="Mahmudxoʻja Behbudiy")
    oyina = make_item(
        "Oyina. 1913, № 1",
        date="1913",
        creators=[behbudiy],
        publisher="Mahmudxoʻja Behbudiy",
        place_of_publication="Samarqand",
    )
    oyina.identifiers.add(ItemIdentifier(scheme=IdentifierScheme.ISBN, value="9780306406157"))
    oyina.subject_links.add(ItemSubject(subject=SubjectFactory(label="Jadidchilik")))
    oyina.languages.add(uzbek)
    oyina.save()
    oyina.save_revision().publish()
    photo = make_item("Registon", date="1911", dcmi_type=DCMIType.STILL_IMAGE, creators=[])
    recording = make_item("Shashmaqom", date="1959", dcmi_type=DCMIType.SOUND)
    draft = make_item("Turkiston viloyatining gazeti. 1913, № 40", live=False)
    body = [
        section(
            "1-mashgʻulot: Oyina",
            [
                item_entry(
                    oyina, annotation="Soʻzboshini oʻqing.\n\nDasturni yozing.", reading_range="pp. 1–2", canvas=2
                ),
                item_entry(draft, annotation="Yashirin."),
                external_entry(
                    "The Politics of Muslim Cultural Reform",
                    author="Adeeb Khalid",
                    year="1998",
                    url="https://search.worldcat.org/search?q=Khalid",
                    annotation="3-bob.",
                    reading_range="3-bob",
                    key_passage="Jadidism was a movement of cultural reform.",
                ),
            ],
        ),
        section(
            "2-mashgʻulot: Tasvir va ovoz",
            [
                item_entry(photo, reading_range="p. 7"),
                item_entry(recording, annotation="Tinglang."),
                external_entry("Kitob", author="Ali Valiyev; Vali Aliyev", year="2001", isbn="0-306-40615-2"),
            ],
        ),
    ]
    page = add_reading_list(reading_lists, "Jadid matbuoti", body, slug="jadid-matbuoti", language=uzbek)
    return {"page": page, "oyina": oyina, "photo": photo, "recording": recording, "draft": draft}


def test_csv_parses_back_with_the_entries_in_order(client, seminar):
    response = client.get(seminar["page"].url + "export/csv/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="jadid-matbuoti.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "section",
        "position",
        "type",
        "title",
        "creators",
        "year",
        "identifier",
        "url",
        "reading_range",
        "annotation",
        "key_passage",
    ]
    assert [(r["section"], r["position"], r["type"], r["title"]) for r in rows] == [
        ("1-mashgʻulot: Oyina", "1", "item", "Oyina. 1913, № 1"),
        ("1-mashgʻulot: Oyina", "2", "external", "The Politics of Muslim Cultural Reform"),
        ("2-mashgʻulot: Tasvir va ovoz", "1", "item", "Registon"),
        ("2-mashgʻulot: Tasvir va ovoz", "2", "item", "Shashmaqom"),
        ("2-mashgʻulot: Tasvir va ovoz", "3", "external", "Kitob"),
    ]
    oyina_url = "http://testserver" + seminar["oyina"].get_url()
    first = rows[0]
    assert first["creators"] == "Mahmudxoʻja Behbudiy"
    assert first["year"] == "1913"
    assert first["identifier"] == "978-0-306-40615-7"
    assert first["url"] == f"{oyina_url}?page=2#item-viewer"
    assert first["reading_range"] == "pp. 1–2"
    assert first["annotation"] == "Soʻzboshini oʻqing.\n\nDasturni yozing."
    assert rows[1]["creators"] == "Adeeb Khalid"
    assert rows[1]["url"] == "https://search.worldcat.org/search?q=Khalid"
    assert rows[1]["key_passage"] == "Jadidism was a movement of cultural reform."
    # No ISBN: the identifier of an item is its URL.
    assert rows[2]["identifier"] == "http://testserver" + seminar["photo"].get_url()
    assert rows[4]["creators"] == "Ali Valiyev; Vali Aliyev"
    assert rows[4]["identifier"] == "0-306-40615-2"
    assert "Turkiston viloyatining" not in response.content.decode("utf-8-sig")


def test_ris_parses_back_with_rispy_with_the_entries_in_order(client, seminar):
    response = client.get(seminar["page"].url + "export/ris/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    assert response["Content-Disposition"] == 'attachment; filename="jadid-matbuoti.ris"'

    records = rispy.loads(response.content.decode("utf-8"))
    assert [(r["type_of_reference"], r["title"]) for r in records] == [
        ("BOOK", "Oyina. 1913, № 1"),
        ("ELEC", "The Politics of Muslim Cultural Reform"),
        ("ART", "Registon"),
        ("SOUND", "Shashmaqom"),
        ("BOOK", "Kitob"),
    ]
    oyina, khalid, photo, recording, book = records
    assert oyina["authors"] == ["Mahmudxoʻja Behbudiy"]
    assert oyina["year"] == "1913"
    assert oyina["publisher"] == "Mahmudxoʻja Behbudiy"
    assert oyina["place_published"] == "Samarqand"
    assert oyina["issn"] == "978-0-306-40615-7"  # rispy names the SN tag "issn"; it holds ISBNs too
    assert oyina["urls"] == ["http://testserver" + seminar["oyina"].get_url()]
    assert oyina["notes"] == ["Soʻzboshini oʻqing. Dasturni yozing."]
    assert (oyina["start_page"], oyina["end_page"]) == ("1", "2")
    assert oyina["keywords"] == ["Jadidchilik"]
    assert oyina["language"] == "uz"

    assert khalid["authors"] == ["Adeeb Khalid"]
    assert khalid["urls"] == ["https://search.worldcat.org/search?q=Khalid"]
    # Notes (N1) are free text for people: their labels are in the language of the page.
    assert khalid["notes"] == [
        "3-bob.",
        in_uzbek("Reading: %(range)s", range="3-bob"),
        in_uzbek("Key passage: %(passage)s", passage="Jadidism was a movement of cultural reform."),
    ]
    assert "start_page" not in khalid

    assert "authors" not in photo
    assert photo["start_page"] == "7" and "end_page" not in photo
    assert recording["notes"] == ["Tinglang."]
    assert book["authors"] == ["Ali Valiyev", "Vali Aliyev"]
    assert book["issn"] == "0-306-40615-2"
    assert "Turkiston viloyatining" not in response.content.decode("utf-8")


def test_exports_leave_out_non_public_items_even_for_staff(client, seminar, superuser):
    client.force_login(superuser)
    assert "Turkiston" not in client.get(seminar["page"].url + "export/csv/").content.decode("utf-8-sig")
    assert "Turkiston" not in client.get(seminar["page"].url + "export/ris/").content.decode("utf-8")


def test_the_page_links_to_the_exports(client, seminar):
    text = client.get(seminar["page"].url).content.decode()
    assert f'href="{seminar["page"].url}export/csv/"' in text
    assert f'href="{seminar["page"].url}export/ris/"' in text


def test_an_empty_list_exports_just_the_header(client, reading_lists):
    page = add_reading_list(reading_lists, "Boʻsh roʻyxat", [])
    assert client.get(page.url + "export/csv/").content.decode("utf-8-sig").strip() == (
        "section,position,type,title,creators,year,identifier,url,reading_range,annotation,key_passage"
    )
    assert rispy.loads(client.get(page.url + "export/ris/").content.decode()) == []


def test_spreadsheet_formulas_are_neutralised(client, reading_lists):
    page = add_reading_list(
        reading_lists,
        "Formulalar",
        [section("S", [external_entry('=HYPERLINK("http://x")', url="https://example.org", annotation="@SUM(1)")])],
    )
    rows = list(csv.DictReader(io.StringIO(client.get(page.url + "export/csv/").content.decode("utf-8-sig"))))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x")'
    assert rows[0]["annotation"] == "'@SUM(1)"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pp. 12–30", ("12", "30")),
        ("pp. 12-30", ("12", "30")),
        ("p. 7", ("7", "")),
        ("12 — 30", ("12", "30")),
        ("betlar 3–4", ("3", "4")),
        ("ff. 1r–2v", None),
        ("3-bob", None),
        ("", None),
    ],
)
def test_page_ranges(text, expected):
    assert page_range(text) == expected
