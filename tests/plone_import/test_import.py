"""import_plone on small exports written here in the collective.exportimport format."""

import base64
import io
import json

import pytest
from django.contrib.auth import get_user_model
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import GroupPagePermission, Page

from catalogue.models import CollectionPage, Item
from cms.storages import is_private_name
from home.models import StandardPage
from plone_import.models import PloneComment, PloneObject

from .conftest import run_import

SITE = "http://plone.example.org/old"
UNKNOWN = "ffffffffffffffffffffffffffffffff"


def uid(n):
    return f"{n:032x}"


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def obj(n, kind, path, parent, state="published", **extra):
    return {
        "@id": SITE + path,
        "@type": kind,
        "UID": uid(n),
        "id": path.rsplit("/", 1)[-1],
        "parent": {"@id": SITE + parent[1], "UID": uid(parent[0])} if parent else {},
        "title": extra.pop("title", path.rsplit("/", 1)[-1].replace("-", " ").capitalize()),
        "description": "",
        "review_state": state if kind not in ("Image", "File") else None,
        "language": extra.pop("language", "en"),
        "created": "2024-01-02T10:00:00+00:00",
        "modified": "2024-01-03T10:00:00+00:00",
        "effective": "2024-01-02T11:00:00+00:00",
        "expires": None,
        **extra,
    }


def html(text):
    return {"data": text, "content-type": "text/html", "encoding": "utf-8"}


ROOT = (0, "")
ABOUT = (1, "/about")
FONDS = (2, "/fonds")
LETTERS = (3, "/fonds/letters")


def items():
    return [
        obj(0, "Plone Site", "", None, title="Old site"),
        obj(1, "Folder", "/about", ROOT),
        obj(2, "Folder", "/fonds", ROOT),
        obj(3, "Folder", "/fonds/letters", FONDS),
        obj(
            4,
            "Document",
            "/about/history",
            ABOUT,
            text=html(
                f'<h2>Our past</h2><p>See <a href="resolveuid/{uid(5)}">the letter</a>, '
                f'<a href="resolveuid/{UNKNOWN}">a lost page</a> and <a href="resolveuid/{uid(12)}">the PDF</a>.</p>'
                f'<p><a href="{SITE}/about/news-1/view">Old-style link</a></p>'
                f'<p><img src="resolveuid/{uid(10)}/@@images/image/preview" alt="A view"/></p>'
                "<table><tr><td>1900</td><td>founded</td></tr></table>"
            ),
        ),
        obj(
            5,
            "Document",
            "/fonds/letters/letter-1",
            LETTERS,
            language="ru",
            creators=["Anna Petrova"],
            subjects=["Letters"],
            rights="Public domain",
            text=html(f'<p>Back to <a href="resolveuid/{uid(4)}">history</a>.</p>'),
        ),
        obj(6, "Document", "/about/draft", ABOUT, state="private", text=html("<p>Not yet.</p>")),
        obj(7, "Document", "/about/review", ABOUT, state="pending", text=html("<p>Check me.</p>")),
        obj(8, "News Item", "/about/news-1", ABOUT, text=html("<p>News.</p>")),
        obj(
            9,
            "Event",
            "/about/event-1",
            ABOUT,
            start="2027-01-15T19:00:00+00:00",
            end="2027-01-16T18:59:59+00:00",
            whole_day=True,
            recurrence="RRULE:FREQ=WEEKLY;COUNT=4",
            location="Reading room 2",
            text=html("<p>Come.</p>"),
        ),
        obj(10, "Image", "/about/view.png", ABOUT, image={"data": png(), "encoding": "base64", "filename": "view.png"}),
        obj(11, "Image", "/about/broken.png", ABOUT, image={"data": "bm90IGFuIGltYWdl", "filename": "broken.png"}),
        obj(
            12,
            "File",
            "/about/guide.pdf",
            ABOUT,
            file={"data": base64.b64encode(b"%PDF-1.4 x").decode(), "filename": "guide.pdf"},
        ),
        obj(
            13,
            "File",
            "/about/missing.pdf",
            ABOUT,
            file={"blob_path": "0x00/0x01/gone.blob", "filename": "missing.pdf"},
        ),
        obj(14, "Link", "/about/iiif", ABOUT, remoteUrl="https://iiif.io/"),
        obj(15, "Link", "/about/to-history", ABOUT, remoteUrl="${portal_url}/about/history"),
        obj(16, "Collection", "/about/latest", ABOUT, query=[{"i": "Subject", "o": "any", "v": ["letters"]}]),
        obj(
            17,
            "Document",
            "/about/guide",
            ABOUT,
            text=html("<p>Third text.</p>"),
            **{
                "exportimport.versions": {
                    "0": {
                        "title": "Guide v1",
                        "text": html("<p>First text.</p>"),
                        "modified": "2023-05-01T10:00:00+00:00",
                    },
                    "1": {"title": "Guide v2", "text": html("<p>Second text.</p>")},
                }
            },
        ),
        obj(18, "Document", "/fonds/letters/letter-2", LETTERS, language="uz", text=html("<p>Xat.</p>")),
        obj(19, "Folder", "/staff", ROOT, state="private"),
        obj(21, "Event", "/fonds/letters/reading", LETTERS, start="2027-02-01T10:00:00+00:00"),
        obj(22, "News Item", "/fonds/letters/found", LETTERS, image={"data": png(), "filename": "found.png"}),
        obj(20, "File", "/staff/secret.pdf", (19, "/staff"), file={"data": "JVBERi0xLjQ=", "filename": "secret.pdf"}),
    ]


def write(folder, objects, **companions):
    folder.mkdir(exist_ok=True)
    (folder / "site.json").write_text(json.dumps(objects), encoding="utf-8")
    for name, data in companions.items():
        (folder / f"export_{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


@pytest.fixture
def export(tmp_path):
    return write(
        tmp_path / "export",
        items(),
        members={
            "groups": [{"groupid": "archivists", "title": "Archivists"}],
            "members": [
                {
                    "username": "anna",
                    "fullname": "Anna Petrova",
                    "email": "anna@example.org",
                    "groups": ["archivists"],
                    "password": "{SSHA}x",
                }
            ],
        },
        localroles=[{"uuid": uid(1), "localroles": {"archivists": ["Editor"], "anna": ["Reviewer"]}}],
        relations=[{"from_uuid": uid(5), "to_uuid": uid(18), "relationship": "relatedItems"}],
        translations=[{"ru": uid(5), "uz": uid(18)}],
        defaultpages=[{"uuid": uid(1), "default_page": "history", "default_page_uuid": uid(4)}],
        ordering=[{"uuid": uid(8), "order": 0}, {"uuid": uid(4), "order": 1}],
        discussion=[
            {
                "uuid": uid(4),
                "conversation": {
                    "items": [
                        {
                            "comment_id": "1",
                            "text": {"data": "Nice", "mime-type": "text/plain"},
                            "author_name": "Reader",
                            "in_reply_to": None,
                            "creation_date": "2024-01-05T10:00:00+00:00",
                        }
                    ]
                },
            }
        ],
    )


def totals(output):
    """created, updated, skipped, failed, total of the report's last row."""
    return [int(n) for n in next(line for line in output.splitlines() if line.startswith("Total")).split()[1:]]


def target(n):
    return PloneObject.objects.get(uid=uid(n)).target


@pytest.mark.django_db
def test_import_each_type_and_state(plone_site, export, client):
    ok, output = run_import(export)

    assert not ok, "a failed object makes the command fail"
    assert "Image /about/broken.png: the image broken.png cannot be read" in output
    assert "File /about/missing.pdf: the blob file is missing" in output
    assert totals(output) == [20, 0, 1, 2, 23]
    assert "Plone Site /: the site root becomes" in output
    assert f"link to UID {UNKNOWN} that is not in the export" in output

    about, fonds, letters = target(1).specific, target(2).specific, target(3).specific
    assert isinstance(about, StandardPage) and about.get_parent().pk == plone_site.home.pk
    assert isinstance(fonds, CollectionPage) and isinstance(letters, CollectionPage)
    letter = target(5)
    assert isinstance(letter, Item) and letter.primary_collection_id == letters.pk
    assert letter.locale.language_code == "ru" and letter.live
    assert [link.agent.name for link in letter.agent_links.all()] == ["Anna Petrova"]
    assert [s.label for s in letter.subjects] == ["Letters"]

    history = target(4).specific
    body = "".join(b["value"] for b in history.body.raw_data if b["type"] == "paragraph")
    assert "resolveuid" not in body
    assert letter.get_url() in body
    assert f'<a id="{target(12).pk}" linktype="document">the PDF</a>' in body
    assert "a lost page" in body and "<table>" in body
    assert f'<a id="{target(8).pk}" linktype="page">Old-style link</a>' in body
    assert [b["type"] for b in history.body.raw_data] == ["heading", "paragraph", "image", "paragraph"]
    assert history.first_published_at.year == 2024

    assert not target(6).live
    review = target(7).specific
    assert not review.live and review.workflow_in_progress
    event = target(9).specific
    assert "Reading room 2" in json.dumps(list(event.body.raw_data))
    assert PloneObject.objects.get(uid=uid(9)).data["recurrence"] == "RRULE:FREQ=WEEKLY;COUNT=4"

    # old addresses
    assert client.get("/about/history/view", follow=True).status_code == 200
    assert client.get(f"/resolveuid/{uid(5)}", follow=True).status_code == 200
    assert client.get("/about/iiif")["Location"] == "https://iiif.io/"
    assert client.get("/about/to-history", follow=True).status_code == 200
    assert client.get("/about/view.png/@@images/image/thumb").status_code == 301
    assert client.get("/about/draft", follow=True).status_code == 404
    assert client.get("/about/review", follow=True).status_code == 404

    # people, local roles, ordering, comments
    anna = get_user_model().objects.get(username="anna")
    assert not anna.has_usable_password()
    assert anna.groups.filter(name="archivists").exists()
    perms = set(GroupPagePermission.objects.filter(page=about).values_list("group__name", "permission__codename"))
    assert {("archivists", "add_page"), ("archivists", "change_page"), ("Plone: anna", "publish_page")} <= perms
    children = [p.pk for p in about.get_children() if p.pk in (target(8).pk, target(4).pk)]
    assert children == [target(8).pk, target(4).pk]
    assert PloneComment.objects.get().text == "Nice"

    assert target(21).get_parent().pk == plone_site.home.pk
    assert target(22).thumbnail.width == 40  # a news item's lead image is the item's thumbnail
    assert "Event /fonds/letters/reading: placed under the home page" in output

    # a file in a private folder is kept in private storage, and its old address leads nowhere
    assert is_private_name(target(20).file.name)
    assert client.get("/staff/secret.pdf", follow=True).status_code == 404
    assert client.get(f"/resolveuid/{uid(20)}", follow=True).status_code == 404
    assert not is_private_name(target(12).file.name)

    # saved versions, relations, translations, default pages
    guide = target(17).specific
    texts = [json.dumps(r.content) for r in guide.revisions.order_by("created_at", "pk")]
    assert ["First text" in t for t in texts[:1]] == [True] and "Third text" in texts[-1] and len(texts) == 3
    other = target(18)
    assert [r.target_item_id for r in letter.relations.all()] == [other.pk]
    assert other.translation_key == Item.objects.get(pk=letter.pk).translation_key
    about.refresh_from_db()
    assert "Our past" in json.dumps(list(about.body.raw_data)) and about.live


@pytest.mark.django_db
def test_rerun_updates_changes_and_resumes(plone_site, export):
    run_import(export)
    pages, items_, redirects = Page.objects.count(), Item.objects.count(), Redirect.objects.count()

    objects = items()
    objects[4]["title"] = "Our history"
    write(export, objects)
    PloneObject.objects.filter(uid=uid(8)).update(checksum="")  # as if the run had stopped there
    ok, output = run_import(export)

    assert totals(output) == [0, 2, 19, 2, 23]
    assert target(4).title == "Our history"
    assert (Page.objects.count(), Item.objects.count(), Redirect.objects.count()) == (pages, items_, redirects)


@pytest.mark.django_db
def test_password_reset_emails_go_to_new_users_only(plone_site, export, mailoutbox):
    run_import(export, "--send-password-reset")
    assert [m.to for m in mailoutbox] == [["anna@example.org"]]
    assert "/admin/password_reset/" in mailoutbox[0].body
    run_import(export, "--send-password-reset")
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_dry_run_writes_nothing(plone_site, export):
    pages = Page.objects.count()
    ok, output = run_import(export, "--dry-run")
    assert "Document     /fonds/letters/letter-1 → catalogue item (under /fonds/letters): created" in output
    assert "Folder       /about → standard page (under /): created" in output
    assert Page.objects.count() == pages and not PloneObject.objects.exists()

    run_import(export)
    objects = items()
    objects[4]["title"] = "Our history"
    write(export, objects)
    ok, output = run_import(export, "--dry-run")
    assert "Document     /about/history → standard page (under /about): updated" in output
    assert totals(output)[:3] == [2, 1, 20]  # the two that failed are tried again
    assert target(4).title == "History"


@pytest.mark.django_db
def test_mapping_file_overrides_the_collections_area(plone_site, export, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"collections_paths": []}))
    run_import(export, "--mapping", str(mapping))
    assert isinstance(target(2).specific, StandardPage)
    assert isinstance(target(5).specific, StandardPage)


@pytest.mark.django_db
def test_bad_mapping_file_is_named(plone_site, export, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"colections": []}))
    ok, output = run_import(export, "--mapping", str(mapping))
    assert not ok and "unknown keys colections" in output


@pytest.mark.django_db
def test_language_root_folders_and_translation_groups(plone_site, tmp_path, client):
    objects = [
        obj(0, "Plone Site", "", None),
        obj(1, "LRF", "/en", ROOT),
        obj(2, "LRF", "/ru", ROOT, language="ru"),
        obj(3, "Document", "/en/about", (1, "/en"), text=html("<p>About us</p>")),
        obj(4, "Document", "/ru/o-nas", (2, "/ru"), language="ru", text=html("<p>О нас</p>")),
    ]
    export = write(tmp_path / "multilingual", objects, translations=[{"en": uid(3), "ru": uid(4)}])
    ok, output = run_import(export)
    assert ok, output

    about, o_nas = target(3).specific, target(4).specific
    assert (about.locale.language_code, o_nas.locale.language_code) == ("en", "ru")
    assert about.translation_key == o_nas.translation_key
    assert about.get_parent().specific_class.__name__ == "HomePage"
    assert client.get(about.url).status_code == 200
    assert client.get("/ru/o-nas", follow=True).status_code == 200
