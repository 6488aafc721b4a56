"""A restricted item is absent from every public output; its page answers 404.

Each case is checked across the home page, the collection page, the browse-all page,
vocabulary pages, search, and the sitemap.
"""

import datetime

import pytest
from django.utils import timezone

from catalogue.factories import AgentFactory, ItemFactory, SubjectFactory
from catalogue.models import AccessLevel, Item, ItemFile

pytestmark = pytest.mark.django_db

MARKER = "Zafarnoma"


@pytest.fixture
def creator():
    return AgentFactory(name="Sharafuddin Ali Yazdiy")


@pytest.fixture
def subject():
    return SubjectFactory(label="Temuriylar tarixi")


def make_item(library, creator, subject, **kwargs):
    return ItemFactory(
        title=f"{MARKER} (copy of 1436)",
        collections=[library.navoiy],
        creators=[creator],
        subjects=[subject],
        **kwargs,
    )


def public_outputs(client, library, creator, subject):
    """The text of every public listing in which the item could appear."""
    urls = [
        library.home.url,
        library.manuscripts.url,  # parent collection lists sub-collection items too
        library.navoiy.url,
        library.items.url,
        creator.get_url(),
        subject.get_url(),
        f"/search/?q={MARKER}",
        "/sitemap-items.xml",
    ]
    texts = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # The search marks the words that matched inside titles: compare the text without the marks.
        texts[url] = response.content.decode().replace("<mark>", "").replace("</mark>", "")
    return texts


def test_an_open_published_item_appears_everywhere(client, library, creator, subject):
    item = make_item(library, creator, subject)
    texts = public_outputs(client, library, creator, subject)
    for url, text in texts.items():
        if url == "/sitemap-items.xml":
            assert item.get_url() in text
        else:
            assert item.title in text, f"{item.title} missing from {url}"
    assert client.get(item.get_url()).status_code == 200


RESTRICTED = {
    "draft": {"live": False},
    "reading room": {"access_level": AccessLevel.READING_ROOM},
    "staff only": {"access_level": AccessLevel.STAFF},
    "embargoed": {"embargo_until": timezone.localdate() + datetime.timedelta(days=30)},
}


@pytest.mark.parametrize("case", RESTRICTED)
def test_a_restricted_item_is_absent_from_every_public_output(client, library, creator, subject, case):
    # An open item keeps the vocabulary pages alive, so their listing is really checked.
    ItemFactory(title="Boburnoma", collections=[library.navoiy], creators=[creator], subjects=[subject])
    item = make_item(library, creator, subject, **RESTRICTED[case])
    texts = public_outputs(client, library, creator, subject)
    url = item.get_url()
    for page_url, text in texts.items():
        assert item.title not in text, f"{case} item leaked on {page_url}"
        assert url not in text, f"{case} item URL leaked on {page_url}"
    assert client.get(url).status_code == 404
    assert client.get(f"{library.items.url}{item.pk}/").status_code == 404


def test_an_expired_embargo_makes_the_item_public(client, library, creator, subject):
    item = make_item(library, creator, subject, embargo_until=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(item.get_url()).status_code == 200
    assert item.title in client.get(library.navoiy.url).content.decode()


def test_reading_room_record_and_files_are_shown_to_signed_in_readers(client, library, creator, subject, reader):
    from media_library.factories import CustomImageFactory

    item = make_item(library, creator, subject, access_level=AccessLevel.READING_ROOM)
    image = CustomImageFactory(title="Folio 1r")
    item = Item.objects.get(pk=item.pk)
    item.files.add(ItemFile(kind="scan", image=image, label="f. 1r"))
    item.save_revision().publish()
    client.force_login(reader)
    response = client.get(item.get_url())
    assert response.status_code == 200
    assert item.title in response.content.decode()
    [file] = response.context["files"]
    # The scan is in private storage: the page links the permission-checking URL, never a bucket URL.
    assert file.image.is_private and file.image.file.url.startswith("/files/private/")
    assert client.get(file.image.file.url).status_code in (200, 302)
    # ... and the item is still never listed, even for the signed-in reader.
    assert MARKER not in client.get(library.navoiy.url).content.decode()


def test_staff_only_item_is_visible_to_staff_with_a_notice(client, library, creator, subject, superuser):
    item = make_item(library, creator, subject, access_level=AccessLevel.STAFF)
    client.force_login(superuser)
    response = client.get(item.get_url())
    assert response.status_code == 200
    assert response.context["is_staff_view"] is True


def test_unpublishing_removes_the_item(client, library, creator, subject):
    item = make_item(library, creator, subject)
    assert client.get(item.get_url()).status_code == 200
    item.unpublish()
    assert client.get(item.get_url()).status_code == 404
    assert MARKER not in client.get(library.navoiy.url).content.decode()


def test_editors_can_preview_a_draft(client, library, creator, subject, superuser):
    from .item_form import item_form_data

    item = make_item(library, creator, subject, live=False)
    client.force_login(superuser)
    preview_url = f"/admin/snippets/catalogue/item/preview/{item.pk}/"
    posted = client.post(preview_url, item_form_data(title="Zafarnoma, edited in preview", date="1425"))
    assert posted.json()["is_valid"] is True
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Zafarnoma, edited in preview" in response.content.decode()
    # The preview changed nothing that visitors see.
    client.logout()
    assert client.get(item.get_url()).status_code == 404


def test_unsaved_changes_to_a_live_item_stay_private(client, library, creator, subject):
    item = make_item(library, creator, subject)
    draft = Item.objects.get(pk=item.pk)
    draft.title = "Secret draft title"
    draft.save_revision()
    assert "Secret draft title" not in client.get(item.get_url()).content.decode()


def test_vocabulary_indexes_list_only_terms_with_public_items(client, library, creator, subject):
    hidden_agent = AgentFactory(name="Only restricted work")
    ItemFactory(title="Secret", creators=[hidden_agent], access_level=AccessLevel.STAFF)
    ItemFactory(title="Open", creators=[creator])
    text = client.get(library.agents.url).content.decode()
    assert creator.name in text
    assert hidden_agent.name not in text


def test_search_finds_public_items_by_creator_and_variant_names(client, library):
    agent = AgentFactory(name="Zahiriddin Muhammad Bobur", name_variants="Бобур")
    item = ItemFactory(title="Boburnoma", creators=[agent])
    ItemFactory(title="Boburnoma (restricted copy)", creators=[agent], access_level=AccessLevel.STAFF)
    for query in ["Boburnoma", "Bobur", "Бобур"]:
        results = client.get("/search/", {"q": query}).context["items_page"].object_list
        assert [r.item.pk for r in results] == [item.pk], query
