"""Import a collective.exportimport export of a Plone site (docs/migrating-from-plone.md).

The content JSON (a list of objects, possibly gigabytes of inline base-64 blobs) is read as a
stream with ijson, one object at a time, several times: once to index UIDs, paths and states, then
once per step (structure, media, content, rich text and workflow). Every object is keyed on its
Plone UID in `PloneObject`, so a re-run updates what changed and an interrupted run resumes.
"""

import base64
import datetime
import hashlib
import json
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import ijson
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Locale, Page, Site

from . import richtext
from .mapping import load as load_mapping
from .models import PloneComment, PloneObject

STRUCTURE = ("Folder", "LRF", "LIF")
MEDIA = ("Image", "File")
CONTENT = ("Document", "News Item", "Event", "Collection")
LINK = ("Link",)
SITE = ("Plone Site",)
COMPANIONS = (
    "relations",
    "translations",
    "members",
    "localroles",
    "ordering",
    "defaultpages",
    "discussion",
    "portlets",
)
URL_SUFFIXES_PAGE = ("", "/view")
URL_SUFFIXES_FILE = ("", "/view", "/@@download/file", "/download")
URL_SUFFIXES_IMAGE = ("", "/view", "/@@images/image", "/image_view_fullscreen", "/@@download/image")


@dataclass
class Entry:
    """What the index pass keeps of each object: enough to plan, not its data."""

    uid: str
    type: str
    path: str
    parent: str | None
    state: str | None
    language: str
    checksum: str
    title: str = ""
    outcome: str = ""  # created / updated / skipped / failed
    reason: str = ""
    warnings: list = field(default_factory=list)


class ImportError_(Exception):
    """A record that cannot be imported; the message says why."""


def _checksum(obj):
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def _date(value):
    if not value or value == "None":
        return None
    parsed = parse_datetime(str(value))
    if parsed is None:
        try:
            parsed = datetime.datetime.fromisoformat(str(value))
        except ValueError:
            return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed


class PloneImporter:
    def __init__(
        self,
        export_dir,
        *,
        content=None,
        blob_dir=None,
        mapping=None,
        site=None,
        dry_run=False,
        out=None,
        send_password_reset=False,
    ):
        self.dir = Path(export_dir)
        if not self.dir.is_dir():
            raise ValueError(f"{export_dir}: not a folder")
        self.content_path = Path(content) if content else self._find_content()
        self.blob_dir = Path(blob_dir) if blob_dir else self.dir / "blobstorage"
        self.mapping = load_mapping(mapping)
        self.dry_run = dry_run
        self.send_password_reset = send_password_reset
        self.new_users = []
        self.out = out or (lambda line: None)
        self.site = self._site(site)
        self.entries = {}
        self.site_url = ""
        self.known = {}  # uid → (content_type_id, object_id)
        self.companions = {}
        self.default_pages = {}
        self.comments = 0
        self.multilingual = False
        self.by_path = None

    # --- files --------------------------------------------------------------------------

    def _find_content(self):
        candidates = sorted(
            (p for p in self.dir.glob("*.json") if not p.name.startswith("export_")), key=lambda p: len(p.name)
        )
        if not candidates:
            raise ValueError(f"{self.dir}: no content export (*.json other than export_*.json)")
        return candidates[0]

    def _site(self, hostname):
        if hostname:
            site = Site.objects.filter(hostname=hostname).first()
            if site is None:
                raise ValueError(f"no Wagtail site with hostname {hostname}")
            return site
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise ValueError("no default Wagtail site: create the home page and site first")
        return site

    def stream(self):
        with self.content_path.open("rb") as f:
            yield from ijson.items(f, "item", use_float=True)

    def companion(self, name):
        """A companion export as parsed JSON, or None when absent, empty or not JSON (Plone's HTML form)."""
        if name not in self.companions:
            path = self.dir / f"export_{name}.json"
            data = None
            if path.exists():
                try:
                    data = json.loads(path.read_text(encoding="utf-8"))
                except ValueError:
                    data = None
            self.companions[name] = data
        return self.companions[name]

    # --- the run ------------------------------------------------------------------------

    def run(self):
        self.index()
        done = dict(PloneObject.objects.values_list("uid", "checksum"))
        for entry in self.entries.values():
            if entry.outcome == "failed":
                continue
            if entry.type in SITE:
                entry.outcome, entry.reason = "skipped", "the site root becomes the Wagtail site's home page"
            elif done.get(entry.uid) == entry.checksum:
                entry.outcome, entry.reason = "skipped", "unchanged since the last import"
            else:
                entry.outcome = "updated" if entry.uid in done else "created"
        if self.dry_run:
            self.plan()
            return self.report()
        self.known = {
            o.uid: (o.content_type_id, o.object_id)
            for o in PloneObject.objects.exclude(object_id=None).only("uid", "content_type_id", "object_id")
        }
        self.members()
        self.pending = {e.uid for e in self.entries.values() if e.outcome in ("created", "updated")}
        for types in (STRUCTURE, MEDIA, CONTENT, LINK):
            for obj in self.stream():
                if obj.get("@type") in types and obj.get("UID") in self.pending:
                    self.step(self.create, obj)
        for obj in self.stream():
            if obj.get("@type") in CONTENT and obj.get("UID") in self.pending:
                self.step(self.finish, obj)
        self.relations()
        self.translations()
        self.local_roles()
        self.ordering()
        self.discussion()
        self.redirects()
        return self.report()

    def step(self, method, obj):
        entry = self.entries[obj["UID"]]
        if entry.outcome == "failed":
            return
        try:
            with transaction.atomic():
                method(obj, entry)
                if method == self.finish or entry.type not in CONTENT:
                    # The object is complete: a later run (after an interruption, too) skips it.
                    PloneObject.objects.filter(uid=entry.uid).update(checksum=entry.checksum)
        except Exception as exc:  # noqa: BLE001 - any failure of one record is reported, the run goes on
            entry.outcome, entry.reason = "failed", str(exc) or exc.__class__.__name__
            self.pending.discard(entry.uid)

    # --- index and plan -----------------------------------------------------------------

    def index(self):
        for obj in self.stream():
            uid, kind = obj.get("UID"), obj.get("@type", "?")
            if not uid:
                uid = f"no-uid:{obj.get('@id')}"
            if kind in SITE or not obj.get("parent"):
                self.site_url = obj.get("@id", "").rstrip("/")
            self.entries[uid] = Entry(
                uid=uid,
                type=kind,
                path=obj.get("@id", ""),
                parent=(obj.get("parent") or {}).get("UID"),
                state=obj.get("review_state"),
                language=(obj.get("language") or "") if isinstance(obj.get("language"), str) else "",
                checksum=_checksum(obj),
                title=obj.get("title") or obj.get("id") or "",
            )
        if not self.site_url:
            raise ValueError(f"{self.content_path.name}: no site root (an object without parent) in the export")
        for entry in self.entries.values():
            if entry.path.startswith(self.site_url):
                entry.path = entry.path[len(self.site_url) :] or "/"
            if entry.uid.startswith("no-uid:"):
                entry.outcome, entry.reason = "failed", "the object has no UID"
        self.multilingual = bool(self.companion("translations")) or any(e.type == "LRF" for e in self.entries.values())
        for row in self.companion("defaultpages") or []:
            self.default_pages[row.get("uuid")] = row.get("default_page_uuid")

    def in_collections(self, entry):
        return any(entry.path == p or entry.path.startswith(p + "/") for p in self.mapping["collections_paths"])

    def target_kind(self, entry):
        area = self.in_collections(entry)
        return {
            "Plone Site": "home page",
            "Folder": "collection page" if area else "standard page",
            "Document": "catalogue item" if area else "standard page",
            "News Item": "catalogue item" if area else "standard page (news)",
            "Event": "standard page (event)",
            "Collection": "standard page (saved search)",
            "Image": "image",
            "File": "document",
            "Link": "redirect",
        }.get(entry.type)

    def plan(self):
        for entry in self.entries.values():
            kind = self.target_kind(entry)
            if kind is None and entry.outcome in ("created", "updated"):
                entry.outcome, entry.reason = "skipped", f"no mapping for the Plone type {entry.type}"
            parent = self.entries.get(entry.parent)
            where = parent.path if parent else "the site"
            self.out(f"{entry.type:12} {entry.path} → {kind or '—'} (under {where}): {entry.outcome}")

    def public(self, entry):
        """Published here and in every ancestor folder (Plone hides what is inside a private folder)."""
        while entry is not None:
            if entry.state not in (None, "published") and entry.type not in SITE:
                return False
            entry = self.entries.get(entry.parent)
        return True

    # --- lookups ------------------------------------------------------------------------

    def target_of(self, uid):
        ref = self.known.get(uid)
        if not ref:
            return None
        model = ContentType.objects.get_for_id(ref[0]).model_class()
        return model._default_manager.filter(pk=ref[1]).first()

    def remember(self, entry, obj, data=None):
        ct = ContentType.objects.get_for_model(obj.specific if isinstance(obj, Page) else obj)
        PloneObject.objects.update_or_create(
            uid=entry.uid,
            defaults={
                "portal_type": entry.type,
                "path": entry.path[:1000],
                "content_type": ct,
                "object_id": obj.pk,
                "data": data or {},
            },
        )
        self.known[entry.uid] = (ct.pk, obj.pk)

    def resolve(self, uid):
        target = self.target_of(uid)
        if target is None:
            return None
        if isinstance(target, Page):
            return richtext.Target("page", target.pk)
        if isinstance(target, get_document_model()):
            return richtext.Target("document", target.pk)
        if isinstance(target, get_image_model()):
            return richtext.Target("image", target.pk, target.file.url)
        return richtext.Target("item", target.pk, target.get_url() or "")

    def uid_for_url(self, href):
        """The UID of the object at `href` when it is an address of the old site (absolute, or
        ${portal_url}/…), its /view and download forms included."""
        href = href.split("#")[0].split("?")[0].replace("${portal_url}", self.site_url)
        if not href.startswith(self.site_url + "/"):
            return None
        path = href[len(self.site_url) :].rstrip("/")
        for suffix in ("/view", "/@@download/file", "/@@images/image", "/image_view_fullscreen"):
            path = path.removesuffix(suffix)
        if self.by_path is None:
            self.by_path = {e.path: e.uid for e in self.entries.values()}
        return self.by_path.get(path)

    def parent_page(self, entry):
        parent = self.entries.get(entry.parent)
        if parent is None or parent.type in SITE:
            if self.in_collections(entry):
                return self.collections_index()
            return self.site.root_page.specific
        target = self.target_of(parent.uid)
        if not isinstance(target, Page):
            raise ImportError_(f"its parent {parent.path} was not imported")
        target = target.specific
        from catalogue.models import CollectionPage

        if self.in_collections(entry) and not isinstance(target, CollectionPage):
            return self.collections_index()
        return target

    def collections_index(self):
        from catalogue.models import CollectionIndexPage

        home = self.site.root_page
        index = CollectionIndexPage.objects.child_of(home).first()
        if index is None:
            index = CollectionIndexPage(title="Collections", slug="collections")
            home.add_child(instance=index)
            index.save_revision().publish()
        return index

    def item_index(self, locale):
        """The items index in `locale` (an item's address hangs off it), made as a translation of the
        default one, with its home page, when the site has none in that language yet."""
        from catalogue.models import ItemIndexPage

        home = self.site.root_page
        source = ItemIndexPage.objects.child_of(home).first()
        if source is None:
            source = ItemIndexPage(title="Items", slug="items")
            home.add_child(instance=source)
            source.save_revision().publish()
        if source.locale_id == locale.pk or ItemIndexPage.objects.filter(locale=locale).exists():
            return
        translated = source.copy_for_translation(locale, copy_parents=True)
        for page in [*translated.get_ancestors().filter(locale=locale).specific(), translated.specific]:
            if not page.live:
                page.save_revision().publish()

    def locale(self, language):
        code = self.mapping["languages"].get((language or "").lower())
        if code:
            return Locale.objects.filter(language_code=code).first()
        return None

    def owner(self, obj):
        for history in (obj.get("workflow_history") or {}).values():
            for step in history:
                if step.get("actor"):
                    return get_user_model().objects.filter(username=step["actor"]).first()
        return None

    # --- step: members and groups -------------------------------------------------------

    def group(self, plone_id):
        name = self.mapping["groups"].get(plone_id, plone_id)
        if not name:
            return None
        return Group.objects.get_or_create(name=name)[0]

    def members(self):
        data = self.companion("members") or {}
        User = get_user_model()
        for g in data.get("groups") or []:
            self.group(g.get("groupid"))
        for m in data.get("members") or []:
            username = m.get("username")
            if not username:
                continue
            first, _, last = (m.get("fullname") or "").partition(" ")
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, email=m.get("email") or "", first_name=first[:150], last_name=last[:150])
                user.set_unusable_password()
                user.save()
                self.new_users.append(user)
            for gid in m.get("groups") or []:
                group = self.group(gid)
                if group:
                    user.groups.add(group)
        if self.send_password_reset:
            self.password_reset_emails()

    def password_reset_emails(self):
        """Wagtail's password-reset email to each user created by this run (the Plone passwords are
        not usable here)."""
        # Django's reset form skips users without a usable password, so the email is sent here
        # with the same token and templates as Wagtail's "forgotten password" page.
        from django.contrib.auth.tokens import default_token_generator
        from django.utils.encoding import force_bytes
        from django.utils.http import urlsafe_base64_encode
        from wagtail.admin.forms.auth import PasswordResetForm

        form = PasswordResetForm()
        for user in self.new_users:
            if not user.email:
                continue
            context = {
                "email": user.email,
                "domain": self.site.hostname,
                "site_name": self.site.site_name or self.site.hostname,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "user": user,
                "token": default_token_generator.make_token(user),
                "protocol": "https",
            }
            form.send_mail(
                "wagtailadmin/account/password_reset/email_subject.txt",
                "wagtailadmin/account/password_reset/email.txt",
                context,
                None,
                user.email,
            )

    # --- step: create or update one object ----------------------------------------------

    def create(self, obj, entry):
        kind = entry.type
        if kind in STRUCTURE:
            self.folder(obj, entry)
        elif kind in MEDIA:
            self.media(obj, entry)
        elif kind in CONTENT:
            self.content(obj, entry)
        elif kind in LINK:
            self.link(obj, entry)
        else:
            entry.outcome, entry.reason = "skipped", f"no mapping for the Plone type {kind}"
            self.pending.discard(entry.uid)

    def page_fields(self, page, obj):
        page.title = (obj.get("title") or obj.get("id"))[:255]
        page.seo_title = ""
        page.search_description = obj.get("description") or ""
        if not page.pk:
            page.slug = slugify(obj.get("id") or page.title, allow_unicode=True)[:255] or "page"
        page.show_in_menus = not obj.get("exclude_from_nav", False)
        page.expire_at = _date(obj.get("expires"))
        if hasattr(page, "introduction"):
            page.introduction = obj.get("description") or ""
        owner = self.owner(obj)
        if owner:
            page.owner = owner

    def save_page(self, page, parent, entry, data=None):
        if page.pk is None:
            parent.add_child(instance=page)
        else:
            if page.get_parent().pk != parent.pk:
                page.move(parent, pos="last-child")
                page.refresh_from_db()
            page.save()
        self.remember(entry, page, data)
        return page

    def existing(self, entry, model):
        target = self.target_of(entry.uid)
        if target is not None:
            target = target.specific if isinstance(target, Page) else target
            if isinstance(target, model):
                return target
        return None

    def language_root(self, entry):
        """The locale of a language root folder (plone.app.multilingual's LRF), or None."""
        parent = self.entries.get(entry.parent)
        if parent is None or parent.type not in SITE:
            return None
        code = entry.path.strip("/").lower()
        if entry.type == "LRF" or (self.multilingual and code in self.mapping["languages"]):
            return self.locale(code)
        return None

    def locale_home(self, locale):
        """The site's home page in `locale`, made as a translation of the home page if missing."""
        home = self.site.root_page.specific
        if home.locale_id == locale.pk:
            return home
        translated = home.get_translation_or_none(locale)
        if translated is None:
            translated = home.copy_for_translation(locale)
            translated.save_revision().publish()
        return translated.specific

    def folder(self, obj, entry):
        from catalogue.models import CollectionPage
        from home.models import StandardPage

        locale = self.language_root(entry)
        if locale is not None:
            self.remember(entry, self.locale_home(locale))
            return
        parent = self.parent_page(entry)
        model = CollectionPage if self.in_collections(entry) else StandardPage
        page = self.existing(entry, model) or model(live=False)
        self.page_fields(page, obj)
        self.save_page(page, parent, entry)
        self.publish(page, obj, entry)

    def content(self, obj, entry):
        from catalogue.models import Item
        from home.models import StandardPage

        if entry.type in ("Document", "News Item") and self.in_collections(entry):
            item = self.existing(entry, Item) or Item()
            self.item_fields(item, obj, entry)
            item.save()
            self.remember(entry, item)
            return
        parent = self.parent_page(entry)
        if StandardPage not in parent.specific_class.allowed_subpage_models():
            entry.warnings.append("placed under the home page: a collection page holds only collections and items")
            parent = self.site.root_page.specific
        page = self.existing(entry, StandardPage) or StandardPage(live=False)
        self.page_fields(page, obj)
        data = {}
        if entry.type == "Event":
            data = {
                k: obj.get(k)
                for k in (
                    "start",
                    "end",
                    "whole_day",
                    "open_end",
                    "recurrence",
                    "location",
                    "event_url",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                )
                if obj.get(k) not in (None, "")
            }
        elif entry.type == "Collection":
            data = {k: obj.get(k) for k in ("query", "sort_on", "sort_reversed", "limit") if obj.get(k) is not None}
        self.save_page(page, parent, entry, data)

    def item_fields(self, item, obj, entry):
        from catalogue.models import Agent, ItemAgent, ItemSubject, Subject

        parent = self.entries.get(entry.parent)
        collection = self.target_of(parent.uid) if parent else None
        from catalogue.models import CollectionPage

        if not isinstance(collection, Page) or not isinstance(collection.specific, CollectionPage):
            raise ImportError_("an item needs a collection: its folder was not imported as a collection page")
        collection = collection.specific
        item.title = (obj.get("title") or obj.get("id"))[:1000]
        item.slug = slugify(obj.get("id") or "", allow_unicode=True)[:255]
        item.locale = self.locale(entry.language) or Locale.get_default()
        self.item_index(item.locale)
        item.rights_note = obj.get("rights") or ""
        item.primary_collection = collection
        item.collections = [collection]
        item.expire_at = _date(obj.get("expires"))
        links = []
        for element, names in (
            (ItemAgent.DCElement.CREATOR, obj.get("creators") or []),
            (ItemAgent.DCElement.CONTRIBUTOR, obj.get("contributors") or []),
        ):
            for name in names:
                agent, _created = Agent.find_or_create(name)
                role = ItemAgent.Role.AUTHOR if element == ItemAgent.DCElement.CREATOR else ItemAgent.Role.CONTRIBUTOR
                links.append(ItemAgent(agent=agent, role=role, dc_element=element, sort_order=len(links)))
        item.agent_links = links
        subjects = []
        for label in obj.get("subjects") or []:
            subject, _created = Subject.find_or_create(label)
            subjects.append(ItemSubject(subject=subject, sort_order=len(subjects)))
        item.subject_links = subjects
        if not item.pk:
            item.live = False

    def media(self, obj, entry):
        field_name = "image" if entry.type == "Image" else "file"
        blob = obj.get(field_name) or {}
        content = self.blob(blob, entry)
        filename = blob.get("filename") or obj.get("id") or "file"
        if entry.type == "Image":
            from PIL import Image as PILImage

            try:
                with PILImage.open(ContentFile(content)) as im:
                    im.verify()
            except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds
                raise ImportError_(f"the image {filename} cannot be read: {exc}") from exc
            model = get_image_model()
        else:
            model = get_document_model()
        instance = self.existing(entry, model) or model()
        instance.title = (obj.get("title") or filename)[:255]
        instance.collection = self.media_collection(entry)
        old_hash = getattr(instance, "sha256", "")
        if not instance.pk or old_hash != hashlib.sha256(content).hexdigest():
            instance.file = ContentFile(content, name=filename)
            if entry.type == "Image":
                instance._set_image_file_metadata()
        if entry.type == "Image":
            instance.caption = (obj.get("description") or "")[:500]
            instance.rights = (obj.get("rights") or "")[:255]
            if not instance.alt_text:
                instance.alt_text = (obj.get("title") or "")[:500]
        instance.save()
        self.remember(entry, instance)
        self.keep_private(instance, entry)

    def keep_private(self, instance, entry):
        """A file inside a private or pending folder goes to private storage: in Plone nobody
        outside could reach it."""
        from media_library.access import sync_document_access, sync_image_access

        public = self.public(entry)
        if isinstance(instance, get_image_model()):
            sync_image_access(instance, public=public)
        else:
            sync_document_access(instance, public=public)

    def blob(self, blob, entry):
        if "data" in blob:
            try:
                return base64.b64decode(blob["data"], validate=False)
            except ValueError as exc:
                raise ImportError_(f"the inline blob is not base 64: {exc}") from exc
        if blob.get("blob_path"):
            path = self.blob_dir / blob["blob_path"]
            if not path.is_file():
                raise ImportError_(f"the blob file is missing: {path}")
            return path.read_bytes()
        if blob.get("download"):
            try:
                with urllib.request.urlopen(blob["download"], timeout=30) as response:  # noqa: S310
                    return response.read()
            except OSError as exc:
                raise ImportError_(f"the blob could not be downloaded from {blob['download']}: {exc}") from exc
        raise ImportError_("the object has no blob (no data, blob_path or download URL)")

    def media_collection(self, entry):
        """The Wagtail collection mirroring the object's folder (created on the way)."""
        node = Collection.get_first_root_node()
        names = [self.mapping["media_collection"]]
        chain = []
        parent = self.entries.get(entry.parent)
        while parent is not None and parent.type not in SITE:
            chain.append(parent.title or parent.path.rsplit("/", 1)[-1])
            parent = self.entries.get(parent.parent)
        for name in names + list(reversed(chain)):
            child = node.get_children().filter(name=name[:255]).first()
            node = child or node.add_child(name=name[:255])
        return node

    def link(self, obj, entry):
        url = (obj.get("remoteUrl") or "").replace("${portal_url}", self.site_url)
        if not url:
            raise ImportError_("the link has no URL")
        PloneObject.objects.update_or_create(
            uid=entry.uid,
            defaults={"portal_type": entry.type, "path": entry.path, "data": {"remoteUrl": url}},
        )

    # --- step: rich text, workflow, dates ----------------------------------------------

    def finish(self, obj, entry):
        target = self.target_of(entry.uid)
        if target is None:
            raise ImportError_("it was not created")
        html = (obj.get("text") or {}).get("data") or "" if isinstance(obj.get("text"), dict) else ""
        self.versions(target, obj, entry)
        if isinstance(target, Page):
            page = target.specific
            blocks, warnings = richtext.convert(html, self.resolve, self.uid_for_url)
            self.default_page_of(entry, obj, html)
            intro = self.extra_blocks(obj, entry)
            page.body = intro + blocks
            lead = obj.get("image")
            if entry.type == "News Item" and isinstance(lead, dict):
                page.listing_image = self.lead_image(obj, entry, lead)
            page.save()
            entry.warnings += warnings
            self.publish(page, obj, entry)
        else:
            text, warnings = richtext.convert_inline(
                html or obj.get("description") or "", self.resolve, self.uid_for_url
            )
            target.description = text
            if isinstance(obj.get("image"), dict):
                from catalogue.models import ItemFile

                image = self.lead_image(obj, entry, obj["image"])
                target.files = [
                    ItemFile(
                        kind=ItemFile.Kind.IMAGE,
                        image=image,
                        label=(obj.get("image_caption") or "")[:255],
                        is_representative=True,
                        sort_order=0,
                    )
                ]
            target.save()
            entry.warnings += warnings
            self.publish(target, obj, entry)

    def default_page_of(self, entry, obj, html):
        """A folder's default page: the folder's page shows its text too, as the folder did in Plone."""
        folder_uid = next((f for f, d in self.default_pages.items() if d == entry.uid), None)
        folder = self.entries.get(folder_uid)
        page = self.target_of(folder_uid) if folder else None
        if not isinstance(page, Page):
            return
        page = page.specific
        if hasattr(page, "body"):
            page.body, _ = richtext.convert(html, self.resolve, self.uid_for_url)
        elif hasattr(page, "description"):
            page.description, _ = richtext.convert_inline(html, self.resolve, self.uid_for_url)
        if hasattr(page, "introduction") and obj.get("description"):
            page.introduction = obj["description"]
        page.save()
        revision = page.save_revision(log_action=False)
        if self.public(folder):
            revision.publish(log_action=False)

    def versions(self, target, obj, entry):
        """Saved Plone versions (an export with revisions) become earlier Wagtail revisions."""
        versions = obj.get("exportimport.versions") or (obj.get("exportimport") or {}).get("versions") or {}
        if not versions or entry.outcome != "created":
            return
        for key in sorted(versions, key=lambda k: int(k) if str(k).isdigit() else 0):
            version = versions[key] or {}
            text = version.get("text")
            html = text.get("data", "") if isinstance(text, dict) else ""
            if isinstance(target, Page):
                page = target.specific
                page.title = (version.get("title") or page.title)[:255]
                page.body, _ = richtext.convert(html, self.resolve, self.uid_for_url)
                revision = page.save_revision(user=self.actor(version, obj), log_action=False)
            else:
                target.title = (version.get("title") or target.title)[:1000]
                target.description, _ = richtext.convert_inline(html, self.resolve, self.uid_for_url)
                revision = target.save_revision(user=self.actor(version, obj), log_action=False)
            when = _date(version.get("modified"))
            if when:
                type(revision).objects.filter(pk=revision.pk).update(created_at=when)

    def actor(self, version, obj):
        username = version.get("changeActor")
        user = get_user_model().objects.filter(username=username).first() if username else None
        return user or self.owner(obj)

    def extra_blocks(self, obj, entry):
        from django.utils.html import escape

        if entry.type == "Event":
            start, end = _date(obj.get("start")), _date(obj.get("end"))
            parts = []
            if start:
                fmt = "%Y-%m-%d" if obj.get("whole_day") else "%Y-%m-%d %H:%M"
                when = timezone.localtime(start).strftime(fmt)
                if end and not obj.get("open_end"):
                    when += " – " + timezone.localtime(end).strftime(fmt)
                parts.append(when)
            if obj.get("recurrence"):
                parts.append(escape(obj["recurrence"]))
            if obj.get("location"):
                parts.append(escape(obj["location"]))
            return [{"type": "paragraph", "value": "<p>" + "<br/>".join(parts) + "</p>"}] if parts else []
        if entry.type == "Collection":
            subjects = [c.get("v") for c in obj.get("query") or [] if c.get("i") == "Subject"]
            words = [w for v in subjects for w in (v if isinstance(v, list) else [v])]
            query = "+".join(slugify(w, allow_unicode=True) for w in words)
            return [
                {
                    "type": "paragraph",
                    "value": f'<p><a href="/search/?q={escape(query)}">{escape(" ".join(words) or obj.get("title", ""))}</a></p>',
                }
            ]
        return []

    def lead_image(self, obj, entry, lead):
        model = get_image_model()
        content = self.blob(lead, entry)
        uid = entry.uid + ":image"
        ref = PloneObject.objects.filter(uid=uid).first()
        image = model.objects.filter(pk=ref.object_id).first() if ref else None
        if image is None:
            image = model(title=(obj.get("title") or "")[:255], collection=self.media_collection(entry))
            image.file = ContentFile(content, name=lead.get("filename") or "image")
            image._set_image_file_metadata()
        image.caption = (obj.get("image_caption") or "")[:500]
        image.save()
        self.keep_private(image, entry)
        PloneObject.objects.update_or_create(
            uid=uid,
            defaults={
                "portal_type": "Image",
                "path": entry.path + "/@@images/image",
                "content_type": ContentType.objects.get_for_model(model),
                "object_id": image.pk,
            },
        )
        return image

    def publish(self, obj, data, entry):
        """Plone's review state → Wagtail: published → live, private → draft, pending → in moderation."""
        expires = _date(data.get("expires"))
        effective = _date(data.get("effective"))
        now = timezone.now()
        # A future effective date schedules the publication (Wagtail's go-live date).
        obj.go_live_at = effective if effective and effective > now else None
        revision = obj.save_revision(user=self.owner(data), log_action=False)
        published = self.public(entry) and not (expires and expires <= now)
        if published:
            revision.publish(log_action=False)
        else:
            if obj.live:
                obj.unpublish(log_action=False)
            if expires and expires <= now:
                type(obj).objects.filter(pk=obj.pk).update(expired=True)
            if entry.state == "pending":
                workflow = obj.get_workflow()
                if workflow is None:
                    entry.warnings.append("pending, but no Wagtail workflow applies here: left as a draft")
                elif not getattr(obj, "workflow_in_progress", False):
                    workflow.start(obj, self.owner(data))
        model = type(obj)
        if not published:
            if model.__name__ == "Item":
                model.objects.filter(pk=obj.pk).update(created_at=_date(data.get("created")) or now)
            return
        dates = {
            "first_published_at": effective or _date(data.get("created")),
            "last_published_at": _date(data.get("modified")),
        }
        if model.__name__ == "Item":
            model.objects.filter(pk=obj.pk).update(created_at=_date(data.get("created")) or now, **dates)
        else:
            Page.objects.filter(pk=obj.pk).update(**dates)

    # --- companions ---------------------------------------------------------------------

    def relations(self):
        """relatedItems between catalogue items → item relations; others are reported."""
        from catalogue.models import Item, ItemRelation

        by_source = defaultdict(list)
        for row in self.companion("relations") or []:
            by_source[row.get("from_uuid")].append(row.get("to_uuid"))
        for source_uid, target_uids in by_source.items():
            entry = self.entries.get(source_uid)
            source = self.target_of(source_uid)
            if entry is None or entry.outcome == "failed":
                continue
            if not isinstance(source, Item):
                entry.warnings.append("related items not kept: the object is not a catalogue item")
                continue
            wanted = [t for t in (self.target_of(uid) for uid in target_uids) if isinstance(t, Item)]
            if len(wanted) < len(target_uids):
                entry.warnings.append("related items that are not catalogue items were not kept")
            if sorted(r.target_item_id for r in source.relations.all()) == sorted(t.pk for t in wanted):
                continue
            source.relations = [
                ItemRelation(relation_type=ItemRelation.RelationType.RELATION, target_item=t, sort_order=i)
                for i, t in enumerate(wanted)
            ]
            source.save()
            if source.live:
                source.save_revision(log_action=False).publish(log_action=False)

    def translations(self):
        """Translation groups ({language: uid}) → one translation key for catalogue items."""
        from catalogue.models import Item

        for group in self.companion("translations") or []:
            if not isinstance(group, dict):
                continue
            members = [(uid, self.target_of(uid)) for uid in group.values() if isinstance(uid, str)]
            for model in (Item, Page):
                linked = [t for _, t in members if isinstance(t, model)]
                if len(linked) < 2:
                    continue
                if len({t.locale_id for t in linked}) < len(linked):
                    for uid, t in members:
                        if t in linked and uid in self.entries:
                            self.entries[uid].warnings.append(
                                "translation link not kept: two of the group share a locale"
                            )
                    continue
                model.objects.filter(pk__in=[t.pk for t in linked[1:]]).update(
                    translation_key=linked[0].translation_key
                )

    def local_roles(self):
        roles_map = self.mapping["local_roles"]
        members = self.companion("members") or {}
        usernames = {m.get("username") for m in members.get("members") or []}
        admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
        for row in self.companion("localroles") or []:
            entry = self.entries.get(row.get("uuid"))
            if entry is None:
                continue
            if row.get("block"):
                entry.warnings.append("local-role inheritance was blocked in Plone; Wagtail permissions always inherit")
            page = self.target_of(entry.uid)
            for principal, roles in (row.get("localroles") or {}).items():
                perms = sorted({p for role in roles for p in roles_map.get(role, [])})
                if not perms:
                    continue
                if not isinstance(page, Page):
                    entry.warnings.append(f"local roles of {principal} not kept: the object is not a page")
                    continue
                if principal in usernames:
                    group = Group.objects.get_or_create(name=f"Plone: {principal}")[0]
                    user = get_user_model().objects.filter(username=principal).first()
                    if user:
                        user.groups.add(group)
                else:
                    group = self.group(principal)
                    if group is None:
                        continue
                if admin:
                    group.permissions.add(admin)
                for perm in perms:
                    permission = Permission.objects.filter(
                        content_type__app_label="wagtailcore", codename=f"{perm}_page"
                    ).first()
                    if permission:
                        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    def ordering(self):
        rows = sorted(self.companion("ordering") or [], key=lambda r: r.get("order", 0))
        by_parent = defaultdict(list)
        for row in rows:
            entry = self.entries.get(row.get("uuid"))
            if entry is not None:
                by_parent[entry.parent].append(entry.uid)
        for uids in by_parent.values():
            pages = [self.target_of(uid) for uid in uids]
            pages = [p for p in pages if isinstance(p, Page)]
            if len(pages) < 2:
                continue
            parent = pages[0].get_parent()
            current = [p.pk for p in parent.get_children() if p.pk in {x.pk for x in pages}]
            if current == [p.pk for p in pages]:
                continue
            for page in pages:
                Page.objects.get(pk=page.pk).move(parent, pos="last-child")

    def discussion(self):
        for row in self.companion("discussion") or []:
            ref = PloneObject.objects.filter(uid=row.get("uuid")).first()
            items = (row.get("conversation") or {}).get("items") or []
            self.comments += len(items)
            if ref is None:
                continue
            for c in items:
                text = c.get("text") or {}
                PloneComment.objects.update_or_create(
                    plone_object=ref,
                    comment_id=str(c.get("comment_id")),
                    defaults={
                        "in_reply_to": str(c.get("in_reply_to") or ""),
                        "author_username": c.get("author_username") or "",
                        "author_name": c.get("author_name") or "",
                        "text": text.get("data", "") if isinstance(text, dict) else str(text),
                        "mime_type": text.get("mime-type", "") if isinstance(text, dict) else "",
                        "created": _date(c.get("creation_date")),
                        "modified": _date(c.get("modification_date")),
                    },
                )

    # --- redirects ----------------------------------------------------------------------

    def redirects(self):
        for entry in self.entries.values():
            if entry.outcome == "failed" or entry.type in SITE:
                continue
            target = self.target_of(entry.uid)
            link, page = "", None
            if entry.type in LINK:
                ref = PloneObject.objects.filter(uid=entry.uid).first()
                url = (ref.data if ref else {}).get("remoteUrl", "")
                if url.startswith(self.site_url + "/") or url == self.site_url:
                    old = url[len(self.site_url) :] or "/"
                    linked = next((e for e in self.entries.values() if e.path == old), None)
                    linked_target = self.target_of(linked.uid) if linked else None
                    if isinstance(linked_target, Page):
                        page = linked_target
                    else:
                        link = old
                else:
                    link = url
                suffixes = URL_SUFFIXES_PAGE
            elif isinstance(target, Page):
                page = target
                default = self.default_pages.get(entry.uid)
                suffixes = URL_SUFFIXES_PAGE
                if default and self.known.get(default) is None:
                    entry.warnings.append("its default page was not imported")
            elif target is None or not self.public(entry):
                continue  # no address of a file that is not public
            elif isinstance(target, get_image_model()):
                link = target.file.url
                suffixes = URL_SUFFIXES_IMAGE
                for scale, spec in richtext.SCALES.items():
                    self.redirect(f"{entry.path}/@@images/image/{scale}", link=target.get_rendition(spec).url)
                    self.redirect(
                        f"/resolveuid/{entry.uid}/@@images/image/{scale}", link=target.get_rendition(spec).url
                    )
            elif isinstance(target, get_document_model()):
                link = target.url
                suffixes = URL_SUFFIXES_FILE
            else:
                link = target.get_url() or ""
                suffixes = URL_SUFFIXES_PAGE
            if not (page or link):
                continue
            for suffix in suffixes:
                self.redirect(entry.path.rstrip("/") + suffix, page=page, link=link)
            self.redirect(f"/resolveuid/{entry.uid}", page=page, link=link)

    def redirect(self, old_path, page=None, link=""):
        old_path = Redirect.normalise_path(old_path)[:255]
        if (
            page is not None
            and page.url_path
            and page.get_url()
            and Redirect.normalise_path(page.get_url()) == old_path
        ):
            return  # the new page answers at the old address itself
        defaults = {"is_permanent": True, "redirect_page": page, "redirect_link": "" if page else link}
        current = Redirect.objects.filter(site=self.site, old_path=old_path).first()
        if current is None:
            Redirect.objects.create(site=self.site, old_path=old_path, **defaults)
        elif (current.redirect_page_id, current.redirect_link) != (
            page.pk if page else None,
            defaults["redirect_link"],
        ):
            for key, value in defaults.items():
                setattr(current, key, value)
            current.save()

    # --- report -------------------------------------------------------------------------

    def report(self):
        counts = defaultdict(lambda: defaultdict(int))
        for entry in self.entries.values():
            counts[entry.type][entry.outcome or "skipped"] += 1
        return Report(
            counts=counts,
            entries=list(self.entries.values()),
            comments=self.comments,
            dry_run=self.dry_run,
            portlets=bool(self.companion("portlets")),
        )


@dataclass
class Report:
    counts: dict
    entries: list
    comments: int = 0
    dry_run: bool = False
    portlets: bool = False

    OUTCOMES = ("created", "updated", "skipped", "failed")

    @property
    def failed(self):
        return sum(c["failed"] for c in self.counts.values())

    @property
    def total(self):
        return sum(sum(c.values()) for c in self.counts.values())

    def lines(self):
        head = "Plan (dry run, nothing written)" if self.dry_run else "Import report"
        yield head
        yield f"{'Plone type':<16}" + "".join(f"{o:>9}" for o in self.OUTCOMES) + f"{'total':>9}"
        for kind in sorted(self.counts):
            c = self.counts[kind]
            yield f"{kind:<16}" + "".join(f"{c[o]:>9}" for o in self.OUTCOMES) + f"{sum(c.values()):>9}"
        totals = [sum(c[o] for c in self.counts.values()) for o in self.OUTCOMES]
        yield f"{'Total':<16}" + "".join(f"{t:>9}" for t in totals) + f"{self.total:>9}"
        for outcome in ("skipped", "failed"):
            rows = [e for e in self.entries if e.outcome == outcome]
            if rows:
                yield f"{outcome.capitalize()}:"
                for e in rows:
                    yield f"  {e.type} {e.path}: {e.reason}"
        warned = [e for e in self.entries if e.warnings]
        if warned:
            yield "Warnings (imported, but check):"
            for e in warned:
                for w in dict.fromkeys(e.warnings):
                    yield f"  {e.type} {e.path}: {w}"
        if self.comments:
            yield f"Discussion comments archived (read-only, not public): {self.comments}"
        if self.portlets:
            yield "Portlets (export_portlets.json) are not imported: rebuild them as navigation or page content."
