"""The public search on PostgreSQL: Uzbek in either script, stems, facets, scans, visibility, cost."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.index import insert_or_update_object

from alphabet import canonical_key
from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import AccessLevel, DCMIType, ItemFile, Language
from media_library.factories import CustomImageFactory, make_image_file

pytestmark = pytest.mark.django_db

# INTEROP.md §C.4: each Cyrillic form and its Latin forms (ASCII apostrophes included).
VECTORS = [
    ("Ўзбекистон", ["Oʻzbekiston", "O'zbekiston", "o‘zbekiston"]),
    ("Ғафур Ғулом", ["G'afur G'ulom"]),
    ("Тошкент", ["Toshkent"]),
    ("Қўқон", ["Qo'qon"]),
    ("ёзув", ["yozuv"]),
    ("маъно", ["ma'no"]),
    ("Исҳоқ", ["Is'hoq"]),
    ("концерт", ["konsert"]),
    ("милиция", ["militsiya"]),
    ("поезд", ["poyezd"]),
]


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def item(title, **kwargs):
    made = ItemFactory(title=title, **kwargs)
    insert_or_update_object(made)
    return made


def found(client, query, **params):
    """The item URLs on the first page of results for `query`."""
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response, set(re.findall(r'href="(/items/\d+/[^"?#]*)"', response.content.decode()))


@pytest.mark.parametrize(("cyrillic", "latin_forms"), VECTORS)
def test_uzbek_is_found_in_either_script(client, library, cyrillic, latin_forms):
    in_cyrillic = item(f"{cyrillic} haqida", description="<p>Birinchi nashr.</p>")
    in_latin = item(f"{latin_forms[0]} haqida", description="<p>Ikkinchi nashr.</p>")
    item("Boshqa kitob")
    for query in [cyrillic, *latin_forms]:
        _response, urls = found(client, query)
        assert in_cyrillic.get_url() in urls, query
        assert in_latin.get_url() in urls, query
        assert len(urls) == 2, query


def test_inflected_uzbek_finds_the_base_form_and_russian_is_stemmed(client, library):
    kutubxona = item("Milliy kutubxona tarixi")
    russian = item("Книга о Ташкенте", title_language="ru")
    _r, urls = found(client, "kutubxonalar")
    assert kutubxona.get_url() in urls
    _r, urls = found(client, "кутубхоналарда")  # Cyrillic, with a case ending
    assert kutubxona.get_url() in urls
    _r, urls = found(client, "книги")
    assert russian.get_url() in urls


def test_a_word_only_in_the_scans_finds_the_item_and_its_pages(client, library):
    book = item("Devon")
    texts = ["Birinchi sahifa matni.", "Bu yerda qadimiy Samarqand haqida.", "Uchinchi sahifa."]
    for n, text in enumerate(texts):
        image = CustomImageFactory(title=f"f. {n + 1}", file=make_image_file(f"devon-{n}.png", size=(60, 80)))
        image.ocr_text, image.ocr_key = text, canonical_key(text)
        image.save()
        ItemFile.objects.create(item=book, kind="scan", image=image, label=f"f. {n + 1}", sort_order=n)
    insert_or_update_object(book)
    second = book.files.get(label="f. 2")

    for query in ("Samarqand", "Самарқанд", "samarqandda"):
        response, urls = found(client, query)
        assert book.get_url() in urls, query
        html = response.content.decode()
        assert f"{book.get_url()}?file={second.pk}#viewer" in html, query
        assert f"?file={book.files.get(label='f. 1').pk}#" not in html


def test_a_restricted_item_is_absent_from_results_and_facet_counts(client, library, reader):
    public = item("Xamsa qoʻlyozmasi", dcmi_type=DCMIType.TEXT)
    hidden = item("Xamsa nusxasi", dcmi_type=DCMIType.IMAGE, access_level=AccessLevel.STAFF)
    draft = item("Xamsa qoralamasi", dcmi_type=DCMIType.IMAGE, live=False)
    response, urls = found(client, "Xamsa")
    assert urls == {public.get_url()}
    html = response.content.decode()
    assert hidden.title not in html and draft.title not in html
    facets = response.context["facets"]
    assert [(t["value"], t["count"]) for t in facets["types"]] == [("Text", 1)]
    # The suggestions of the search box hide them too.
    titles = client.get("/search/suggest/", {"q": "Xams"}).json()["suggestions"]
    assert titles == ["Xamsa qoʻlyozmasi"]


def test_facet_counts_equal_the_filtered_result_counts(client, library):
    navoiy, bobur = AgentFactory(name="Alisher Navoiy"), AgentFactory(name="Zahiriddin Bobur")
    poetry = SubjectFactory(label="Sheʼriyat")
    uzbek = Language.objects.get(code="uzb")
    made = [
        item("Devon 1", dcmi_type=DCMIType.TEXT, date="1499", collections=[library.manuscripts], creators=[navoiy]),
        item("Devon 2", dcmi_type=DCMIType.TEXT, date="1505", collections=[library.navoiy], subjects=[poetry]),
        item("Devon 3", dcmi_type=DCMIType.IMAGE, date="1910", collections=[library.photographs], creators=[bobur]),
        item("Devon 4", dcmi_type=DCMIType.IMAGE, date="1915", creators=[navoiy], subjects=[poetry]),
        item("Devon 5", dcmi_type=DCMIType.SOUND, date="1968"),
    ]
    made[0].languages.add(uzbek)
    made[3].languages.add(uzbek)
    made[0].save()
    made[3].save()
    for m in made:
        insert_or_update_object(m)

    response, urls = found(client, "devon")
    assert len(urls) == 5
    facets = response.context["facets"]
    checks = [("type", f["value"], f["count"]) for f in facets["types"]]
    checks += [("collection", f["value"], f["count"]) for f in facets["collections"]]
    checks += [("language", f["value"], f["count"]) for f in facets["languages"]]
    checks += [("decade", f["value"], f["count"]) for f in facets["decades"]]
    checks += [("subject", f["value"], f["count"]) for f in facets["subjects"]]
    checks += [("creator", f["value"], f["count"]) for f in facets["creators"]]
    assert ("creator", navoiy.pk, 2) in checks and ("decade", 1910, 2) in checks and ("language", "uzb", 2) in checks
    for param, value, count in checks:
        filtered, urls = found(client, "devon", **{param: value})
        assert filtered.context["items_page"].paginator.count == count == len(urls), (param, value)

    # With filters chosen, each facet counts what the other filters leave, and choosing one of
    # its values gives as many results as it said.
    for chosen in ({"creator": navoiy.pk}, {"type": "Image"}, {"decade": 1910, "subject": poetry.pk}):
        response, urls = found(client, "devon", **chosen)
        facets = response.context["facets"]
        checks = [("type", f["value"], f["count"]) for f in facets["types"]]
        for param, name in (("collection", "collections"), ("language", "languages"), ("decade", "decades")):
            checks += [(param, f["value"], f["count"]) for f in facets[name]]
        checks += [("subject", f["value"], f["count"]) for f in facets["subjects"]]
        checks += [("creator", f["value"], f["count"]) for f in facets["creators"]]
        assert checks
        # A chosen filter's own facet still offers the other values: it ignores that filter.
        for param in chosen:
            others = {k: v for k, v in chosen.items() if k != param}
            without = found(client, "devon", **others)[0].context["facets"]
            name = {"type": "types", "decade": "decades", "subject": "subjects", "creator": "creators"}[param]
            assert facets[name] == without[name], (chosen, param)
        for param, value, count in checks:
            filtered, urls = found(client, "devon", **{**chosen, param: value})
            assert filtered.context["items_page"].paginator.count == count == len(urls), (chosen, param, value)


def test_sorting_by_date_and_title(client, library):
    item("Tarix B", date="1900")
    item("Tarix A", date="1800")
    item("Tarix C", date="1850")
    by_date = client.get("/search/", {"q": "tarix", "sort": "date"}).context["items_page"].object_list
    assert [r.item.title for r in by_date] == ["Tarix A", "Tarix C", "Tarix B"]
    by_title = client.get("/search/", {"q": "tarix", "sort": "title"}).context["items_page"].object_list
    assert [r.item.title for r in by_title] == ["Tarix A", "Tarix B", "Tarix C"]


def test_matches_are_highlighted_in_titles_and_snippets_across_scripts(client, library):
    item("Тошкент тарихи", description="<p>Kitob Toshkent shahrining eski mahallalari haqida hikoya qiladi.</p>")
    html = client.get("/search/", {"q": "Toshkent"}).content.decode()
    assert "<mark>Тошкент</mark> тарихи" in html
    assert "<mark>Toshkent</mark> shahrining" in html


def test_nothing_found_page_helps(client, library):
    item("Boburnoma")
    response = client.get("/en/search/", {"q": "zzyzx"})
    html = response.content.decode()
    assert "Nothing was found" in html
    assert "Latin and Cyrillic letters" in html
    assert soup(response).find("a", string="Browse the collections instead.")["href"] == library.collections.url


def test_editors_picks_come_first(client, library):
    item("Bobur sheʼrlari")
    SearchPromotion.objects.create(
        query=Query.get("bobur"), page=library.manuscripts, sort_order=0, description="Qoʻlyozmalar fondi."
    )
    html = client.get("/search/", {"q": "Bobur"}).content.decode()
    assert html.index("Qoʻlyozmalar fondi.") < html.index("sheʼrlari")


def test_suggestions_work_across_scripts(client, library):
    item("Oʻzbekiston tarixi")
    item("Тошкент хариталари")
    assert client.get("/search/suggest/", {"q": "Ўзбеки"}).json()["suggestions"] == ["Oʻzbekiston tarixi"]
    assert client.get("/search/suggest/", {"q": "toshk"}).json()["suggestions"] == ["Тошкент хариталари"]


def test_pages_are_searched_and_counted_by_kind(client, library):
    response = client.get("/search/", {"q": "Manuscripts"})
    kinds = {k["value"]: k["count"] for k in response.context["page_kinds"]}
    assert kinds.get("collection", 0) >= 1
    only_collections = client.get("/search/", {"q": "Manuscripts", "kind": "collection"})
    titles = [p.title for p in only_collections.context["pages_page"].object_list]
    assert "Manuscripts" in titles


def test_queries_per_search_do_not_grow_with_the_results(client, library):
    agent = AgentFactory(name="Muallif")
    for n in range(3):
        item(f"Qoʻlyozma {n}", creators=[agent])
    for n in range(20):
        item(f"Gazeta {n}", creators=[agent])
    counts = []
    for query in ("qoʻlyozma", "gazeta"):
        client.get("/search/", {"q": query})  # warm the site and content type caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": query})
        counts.append(len(queries))
    assert len(response.context["items_page"].object_list) == 20
    assert counts[0] == counts[1], counts


def test_a_misspelt_query_is_corrected_to_the_words_of_the_catalogue(client, library):
    kutubxona = item("Milliy kutubxona tarixi")
    navoiy = item("Navoiy devoni")
    item("Boshqa kitob")
    call_command("rebuild_lexicon", stdout=io.StringIO())

    response, urls = found(client, "kutubxnoa")
    assert urls == {kutubxona.get_url()}
    assert response.context["corrected"] == "kutubxona"
    notice = soup(response).select_one(".search-correction")
    assert notice.strong.get_text() == "kutubxona"
    # The visitor can still search for exactly what they typed.
    response = client.get("/search/" + notice.a["href"])
    assert response.context["items_page"].paginator.count == 0 and not response.context.get("corrected")

    # One letter missing or one wrong, in either script; the correction is written in the query's script.
    response, urls = found(client, "Navoy devony")
    assert urls == {navoiy.get_url()} and response.context["corrected"] == "Navoiy devoni"
    response, urls = found(client, "Навой девони")
    assert urls == {navoiy.get_url()} and response.context["corrected"] == "Навоий девони"

    # A query that matches as typed is never corrected.
    response, urls = found(client, "kutubxona")
    assert urls == {kutubxona.get_url()} and not response.context.get("corrected")


def test_a_correction_never_reveals_a_restricted_record(client, library):
    secret = item("Maxfiy hujjatlar", access_level=AccessLevel.STAFF)
    item("Ochiq kitob")
    call_command("rebuild_lexicon", stdout=io.StringIO())
    from search.models import LexiconWord

    assert not LexiconWord.objects.filter(word="maxfiy").exists()
    # Even a word left in the lexicon by a record restricted after the last rebuild is not offered.
    LexiconWord.objects.create(word="maxfiy", documents=1)
    response, urls = found(client, "maxfyi")
    assert urls == set() and not response.context.get("corrected")
    assert "maxfiy" not in response.content.decode().lower()
    assert secret.pk
