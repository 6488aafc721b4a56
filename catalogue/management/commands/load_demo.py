"""Load the demo library: page tree, collections, vocabularies, about forty items with images, demo users.

Idempotent: everything is looked up before it is created (pages by slug under their parent,
vocabulary records by name or label, items by their legacy identifier "demo-NNN"), so a second
run creates nothing and finishes in a few seconds. Images are written through the image
model's storage, so the command works with local files and with S3 alike.
"""

import datetime
import io
import time
import unicodedata
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from catalogue import demo_data as data
from catalogue.identifiers import IdentifierScheme, clean_identifier
from catalogue.models import (
    AccessLevel,
    Agent,
    AlternativeTitle,
    CollectionIndexPage,
    CollectionPage,
    Item,
    ItemAgent,
    ItemFile,
    ItemIdentifier,
    ItemIndexPage,
    ItemPlace,
    ItemRelation,
    ItemSubject,
    Language,
    Place,
    RightsStatement,
    Subject,
    VocabularyIndexPage,
)
from catalogue.seeds import seed_languages, seed_rights_statements
from exhibits.demo import load_exhibit_demo
from home.i18n import machine_translate
from home.models import HomePage, HomePageFeaturedCollection, LibrarySettings, StandardPage
from media_library.generated import make_image_file
from media_library.models import CustomImage
from media_library.tasks import derivatives_limited_to
from reading_lists.demo import load_reading_list_demo

WELCOME_TITLE = "Welcome to your new Wagtail site!"
DEMO_COLLECTION = "Demo"
ADMIN = ("admin", "kutubxona-admin")
READER = ("reader", "kutubxona-reader")

# MARC relator codes that describe the making of the item (Dublin Core creator); the rest are contributors.
CREATOR_ROLES = {"aut", "cre", "com", "pht", "art", "ctg", "cmp"}


def ascii_label(text):
    """`text` reduced to ASCII, for the label drawn on generated images (the default font is Latin only)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(folded.split())


class Command(BaseCommand):
    help = "Load the demo library (pages, collections, vocabularies, items, images, demo users). Safe to run again."

    def handle(self, *args, **options):
        started = time.monotonic()
        self.created = Counter()
        self.demo_collection = None

        with transaction.atomic():
            self.load_reference_data()
            site, home = self.build_site()
            pages = self.build_pages(home)
            collections = self.build_collections(pages["collections"])
            self.feature_collections(home, collections)
            self.fill_settings(site)
            agents, subjects, places = self.build_vocabularies()
        # The demo pages carry drawn lines, not writing: deep-zoom tiles yes, OCR no.
        with derivatives_limited_to(["tiles"]):
            self.build_items(collections, agents, subjects, places)
            # Stories told with the items: an exhibit with sections, two reading lists.
            load_exhibit_demo(self.stdout)  # idempotent; publishing indexes its pages
            self.created["reading list pages"] += load_reading_list_demo(self.stdout) or 0
        users = self.ensure_users()
        # After the Uzbek pages: the other languages' trees are made from them. The Cyrillic
        # editions of the records share their files, whose tiles exist already.
        with derivatives_limited_to(["tiles"]):
            self.build_languages(home)

        if any(self.created.values()):
            self.stdout.write("Updating the search and references indexes…")
            call_command("update_index", verbosity=0)
            call_command("rebuild_references_index", verbosity=0)
            call_command("rebuild_lexicon", stdout=io.StringIO())  # spelling corrections (PostgreSQL)
        call_command("setup_roles", verbosity=0)  # after the pages: page permissions and workflows need them

        self.report(time.monotonic() - started, users)

    # --- Reference data ------------------------------------------------------------------

    def load_reference_data(self):
        """Languages and rights statements are seeded by a migration; seed again only if some are missing."""
        codes = {code for item in data.ITEMS for code in item["languages"]}
        if Language.objects.filter(code__in=codes).count() < len(codes):
            seed_languages(Language)
        self.languages = {lang.code: lang for lang in Language.objects.filter(code__in=codes)}
        missing = codes - set(self.languages)
        if missing:
            raise CommandError(f"Languages missing from ISO 639 data: {', '.join(sorted(missing))}")

        uris = set(data.RIGHTS.values())
        if RightsStatement.objects.filter(uri__in=uris).count() < len(uris):
            seed_rights_statements(RightsStatement)
        by_uri = {r.uri: r for r in RightsStatement.objects.filter(uri__in=uris)}
        missing = uris - set(by_uri)
        if missing:
            raise CommandError(f"Rights statements missing: {', '.join(sorted(missing))}")
        self.rights = {key: by_uri[uri] for key, uri in data.RIGHTS.items()}

    # --- Pages ---------------------------------------------------------------------------

    def build_site(self):
        """A HomePage as the root of the default site, replacing Wagtail's welcome page."""
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).first()
        if home is None:
            slug = "kutubxona" if root.get_children().filter(slug="home").exists() else "home"
            home = HomePage(
                title=data.HOME["title"],
                slug=slug,
                introduction=data.HOME["introduction"],
                body=data.HOME["body"],
                search_description=data.HOME["introduction"],
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created["pages"] += 1

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Kutubxona"
            )
        elif site.root_page_id != home.pk and not isinstance(site.root_page.specific, HomePage):
            site.root_page = home
            site.site_name = site.site_name or "Kutubxona"
            site.save()

        welcome = root.get_children().filter(
            title=WELCOME_TITLE, content_type=ContentType.objects.get_for_model(Page), numchild=0
        )
        for page in welcome.exclude(pk=home.pk):
            if not Site.objects.filter(root_page=page).exists():
                page.delete()
                self.created["welcome page replaced"] += 1

        if home.slug != "home" and not root.get_children().filter(slug="home").exists():
            home.slug = "home"
            home.save_revision().publish()
            # Publishing saves a copy made from the revision; reload so children get the new url_path.
            home.refresh_from_db()
        return site, home

    def child_page(self, parent, model, slug, **fields):
        """The child of `parent` with `slug`, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, model):
                raise CommandError(
                    f"“{existing.url_path}” exists but is a {type(existing).__name__}, not a {model.__name__}."
                )
            return existing
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        self.created["pages"] += 1
        return page

    def build_pages(self, home):
        pages = {
            "collections": self.child_page(
                home, CollectionIndexPage, "collections", show_in_menus=True, **data.INDEX_PAGES["collections"]
            ),
            "items": self.child_page(home, ItemIndexPage, "items", show_in_menus=True, **data.INDEX_PAGES["items"]),
        }
        for spec in data.VOCABULARY_PAGES:
            pages[spec["slug"]] = self.child_page(
                home,
                VocabularyIndexPage,
                spec["slug"],
                title=spec["title"],
                vocabulary=spec["vocabulary"],
                introduction=spec["introduction"],
            )
        for spec in data.STANDARD_PAGES:
            pages[spec["slug"]] = self.child_page(
                home,
                StandardPage,
                spec["slug"],
                title=spec["title"],
                show_in_menus=spec["show_in_menus"],
                introduction=spec["introduction"],
                search_description=spec["introduction"],
                body=spec["body"],
            )
        return pages

    def build_collections(self, index):
        collections = {}
        for spec in data.COLLECTIONS:
            parent = collections[spec["parent"]] if spec["parent"] else index
            page = parent.get_children().filter(slug=spec["slug"]).first()
            if page is None:
                image = self.make_image(
                    title=spec["title"],
                    filename=f"demo-collection-{spec['slug']}.png",
                    size=data.SIZES["banner"],
                    colour=data.COLOURS[spec["colour"]],
                    text=f"Kutubxona | {ascii_label(spec['title'])}",
                    alt_text=f"«{spec['title']}» kolleksiyasi uchun bezak tasvir",
                    caption=spec["title"],
                    rights=self.rights["pdm"],
                )
                page = self.child_page(
                    parent,
                    CollectionPage,
                    spec["slug"],
                    title=spec["title"],
                    introduction=spec["introduction"],
                    description=spec["description"],
                    image=image,
                    listing_image=image,
                    listing_summary=spec["introduction"][:300],
                    search_description=spec["introduction"],
                )
            page = page.specific
            if not isinstance(page, CollectionPage):
                raise CommandError(f"“{page.url_path}” exists but is a {type(page).__name__}, not a collection.")
            collections[spec["slug"]] = page
        return collections

    def feature_collections(self, home, collections):
        if home.featured_collections.exists():
            return
        home.featured_collections = [
            HomePageFeaturedCollection(collection=collections[spec["slug"]], sort_order=i)
            for i, spec in enumerate(s for s in data.COLLECTIONS if s.get("featured"))
        ]
        home.save_revision().publish()
        home.refresh_from_db()
        self.created["featured collections"] += home.featured_collections.count()

    def fill_settings(self, site):
        """Library settings of the default site, unless someone has already filled them in."""
        settings = LibrarySettings.for_site(site)
        if settings.address or settings.library_name != LibrarySettings._meta.get_field("library_name").default:
            return
        for field, value in data.LIBRARY_SETTINGS.items():
            setattr(settings, field, value)
        settings.save()
        self.created["library settings"] += 1

    # --- Languages (docs/languages.md) -----------------------------------------------------

    def build_languages(self, home):
        """The four locales; the home page in each; every other page in every language.

        The Russian and English home pages are translated (demo_data.HOME_TRANSLATIONS). The trees
        of the other locales are synchronised from Uzbek by wagtail-localize, which makes an alias
        of each Uzbek page until an editor translates it. The Uzbek Cyrillic home and standard
        pages are then made by the machine translator (transliteration) as a translator would,
        and stay editable in the translation editor.
        """
        default = Locale.get_default()
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}
        others = [locale for locale in locales.values() if locale.pk != default.pk]
        home = HomePage.objects.get(pk=home.pk)

        for code, fields in data.HOME_TRANSLATIONS.items():
            locale = locales[code]
            if home.get_translations().filter(locale=locale).exists():
                continue
            page = home.copy_for_translation(locale)
            for field, value in fields.items():
                setattr(page, field, value)
            page.search_description = fields["introduction"]
            page.save_revision().publish()
            self.created["translated pages"] += 1

        aliases = Page.objects.filter(alias_of__isnull=False).count()
        for locale in others:
            synchronisation, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": default}
            )
            if not created:  # saving a new one synchronises; an old one may have new pages to copy
                synchronize_tree(synchronisation.sync_from, locale)
        self.created["alias pages"] += Page.objects.filter(alias_of__isnull=False).count() - aliases
        for locale in others:
            self.localise_featured_collections(home, locale)

        cyrillic = locales.get("uz-cyrl")
        if cyrillic is None:
            return
        # The translation editor's actions are done as a superuser (ensure_users made one).
        editor = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if editor is None:
            raise CommandError("The Cyrillic pages are made as a superuser; there is none.")
        # The home page, the sections of the menu and the collections: the Cyrillic site reads as
        # Cyrillic. Exhibits and reading lists stay aliases: their editions are the curators' choice.
        sections = Page.objects.child_of(home).filter(alias_of__isnull=True)
        collections = CollectionPage.objects.filter(locale=default, alias_of__isnull=True)
        for page in [home, *[p.specific for p in sections], *collections]:
            existing = page.get_translations().filter(locale=cyrillic).first()
            if existing is not None and not existing.alias_of_id:
                continue
            machine_translate(page, cyrillic, user=editor)
            self.created["transliterated pages"] += 1
        # The public records with Uzbek titles too, so the Cyrillic catalogue shows Cyrillic records
        # (a Persian or Russian title is not transliterated: those records are listed as they are).
        translated = Item.objects.filter(locale=cyrillic).values("translation_key")
        uzbek = Item.objects.public().filter(locale=default, title_language__in=["uz", "uz-Latn"])
        for item in uzbek.exclude(translation_key__in=translated):
            machine_translate(item, cyrillic, user=editor)
            self.created["transliterated items"] += 1

    def localise_featured_collections(self, home, locale):
        """Point the featured collections of the home page in `locale` at that locale's collection pages."""
        translated = home.get_translation_or_none(locale)
        if translated is None or translated.alias_of_id:
            return
        translated = translated.specific
        links = list(translated.featured_collections.all())
        changed = False
        for link in links:
            target = link.collection.get_translation_or_none(locale)
            if target is not None and target.pk != link.collection_id:
                link.collection = target.specific
                changed = True
        if changed:
            translated.featured_collections = links
            translated.save_revision().publish()

    # --- Vocabularies --------------------------------------------------------------------

    def build_vocabularies(self):
        agents = {}
        for key, spec in data.AGENTS.items():
            agent = Agent.objects.filter(name=spec["name"]).first()
            if agent is None:
                agent = Agent(
                    name=spec["name"],
                    kind=spec.get("kind", Agent.Kind.PERSON),
                    dates=spec["dates"],
                    biography=spec.get("biography", ""),
                    wikidata_uri=spec.get("wikidata", ""),
                    viaf_uri=spec.get("viaf", ""),
                )
                agent.add_variants(*spec["variants"])
                agent.save()
                self.created["agents"] += 1
            agents[key] = agent

        subjects = {}
        for key, (label, broader, variants) in data.SUBJECTS.items():
            subject = Subject.objects.filter(label=label).first()
            if subject is None:
                subject = Subject(label=label, scheme="local", broader=subjects[broader] if broader else None)
                subject.add_variants(*variants)
                subject.save()
                self.created["subjects"] += 1
            subjects[key] = subject

        places = {}
        for key, (name, part_of, latitude, longitude, variants, wikidata) in data.PLACES.items():
            place = Place.objects.filter(name=name).first()
            if place is None:
                place = Place(
                    name=name,
                    part_of=places[part_of] if part_of else None,
                    latitude=Decimal(latitude),
                    longitude=Decimal(longitude),
                    wikidata_uri=wikidata,
                )
                place.add_variants(*variants)
                place.full_clean()
                place.save()
                self.created["places"] += 1
            places[key] = place
        return agents, subjects, places

    # --- Items ---------------------------------------------------------------------------

    def build_items(self, collections, agents, subjects, places):
        by_legacy = dict(
            ItemIdentifier.objects.filter(
                scheme=IdentifierScheme.LEGACY, value__in=[spec["legacy"] for spec in data.ITEMS]
            ).values_list("value", "item_id")
        )
        for spec in data.ITEMS:
            if spec["legacy"] in by_legacy:
                continue
            with transaction.atomic():
                item = self.create_item(spec, collections, agents, subjects, places, by_legacy)
            by_legacy[spec["legacy"]] = item.pk
            self.created["items"] += 1

    def create_item(self, spec, collections, agents, subjects, places, by_legacy):
        primary = collections[spec["collection"]]
        rights = self.rights[spec["rights"]]
        item = Item(
            title=spec["title"],
            title_language=spec.get("title_language", ""),
            description=spec["description"],
            publisher=spec.get("publisher", ""),
            place_of_publication=spec.get("place_of_publication", ""),
            date=spec["date"],
            dcmi_type=spec.get("dcmi_type", "Text"),
            format=spec.get("format", ""),
            extent=spec.get("extent", ""),
            source=spec.get("source", ""),
            temporal_coverage=spec.get("temporal_coverage", ""),
            rights=rights,
            rights_holder=spec.get("rights_holder", ""),
            rights_note=spec.get("rights_note", ""),
            access_level=spec.get("access", AccessLevel.OPEN),
            embargo_until=timezone.localdate() + datetime.timedelta(days=365) if spec.get("embargo") else None,
            primary_collection=primary,
        )
        item.live = not spec.get("draft", False)
        item.collections = [primary, *(collections[key] for key in spec.get("also", []))]
        item.languages = [self.languages[code] for code in spec["languages"]]
        item.alternative_titles = [
            AlternativeTitle(title=title, language=language, sort_order=i)
            for i, (title, language) in enumerate(spec.get("alt", []))
        ]
        identifiers = [(IdentifierScheme.LEGACY, spec["legacy"]), (IdentifierScheme.SHELFMARK, spec["shelfmark"])]
        identifiers += spec.get("identifiers", [])
        item.identifiers = [
            ItemIdentifier(scheme=scheme, value=clean_identifier(scheme, value), sort_order=i)
            for i, (scheme, value) in enumerate(identifiers)
        ]
        item.agent_links = [
            ItemAgent(
                agent=agents[key],
                role=role,
                dc_element=ItemAgent.DCElement.CREATOR if role in CREATOR_ROLES else ItemAgent.DCElement.CONTRIBUTOR,
                sort_order=i,
            )
            for i, (key, role) in enumerate(spec["agents"])
        ]
        item.subject_links = [
            ItemSubject(subject=subjects[key], sort_order=i) for i, key in enumerate(spec["subjects"])
        ]
        item.place_links = [ItemPlace(place=places[key], sort_order=i) for i, key in enumerate(spec["places"])]
        item.relations = [
            self.relation(spec, relation, i, by_legacy) for i, relation in enumerate(spec.get("relations", []))
        ]
        item.files = self.item_files(spec, rights)

        item.save()
        if spec.get("draft"):
            item.save_revision()
        else:
            item.save_revision().publish()
        return item

    def relation(self, spec, relation, sort_order, by_legacy):
        relation_type, target = relation
        if isinstance(target, tuple):
            uri, label = target
            return ItemRelation(relation_type=relation_type, uri=uri, label=label, sort_order=sort_order)
        if target not in by_legacy:
            raise CommandError(f"{spec['legacy']} relates to {target}, which must be listed (and created) before it.")
        return ItemRelation(relation_type=relation_type, target_item_id=by_legacy[target], sort_order=sort_order)

    def item_files(self, spec, rights):
        kind = spec.get("kind", ItemFile.Kind.SCAN)
        size = data.SIZES[spec.get("size", "page")]
        colour = data.COLOURS[spec["colour"]]
        english = next((title for title, language in spec.get("alt", []) if language == "en"), "")
        label_title = ascii_label(english or spec["title"]) or spec["legacy"]
        files = []
        for i, label in enumerate(spec["pages"]):
            # Later pages a shade lighter, so a sequence does not look like one image repeated.
            shade = tuple(min(255, c + 6 * i) for c in colour)
            image = self.make_image(
                title=f"{spec['title']} — {label}",
                filename=f"{spec['legacy']}-{i + 1:02d}.png",
                size=size,
                colour=shade,
                text=f"{label_title} | {ascii_label(label)} | {spec['legacy']}",
                alt_text=f"{spec['title']}: {label}",
                caption=f"{spec['title']}, {label}",
                rights=rights,
            )
            files.append(ItemFile(kind=kind, label=label, image=image, is_representative=i == 0, sort_order=i))
        return files

    # --- Images --------------------------------------------------------------------------

    def get_demo_collection(self):
        if self.demo_collection is None:
            root = Collection.get_first_root_node()
            self.demo_collection = root.get_children().filter(name=DEMO_COLLECTION).first()
            if self.demo_collection is None:
                self.demo_collection = root.add_child(name=DEMO_COLLECTION)
        return self.demo_collection

    def make_image(self, *, title, filename, size, colour, text, alt_text, caption, rights):
        """A generated image saved through the image model's storage (local files or S3)."""
        image = CustomImage(
            title=title[:255],
            file=make_image_file(filename, size=size, colour=colour, text=text),
            collection=self.get_demo_collection(),
            alt_text=alt_text[:500],
            caption=caption[:500],
            credit=data.CREDIT,
            rights=rights.label[:255],
            rights_url=rights.uri,
        )
        image._set_image_file_metadata()
        image.save()
        self.created["images"] += 1
        return image

    # --- Users ---------------------------------------------------------------------------

    def ensure_users(self):
        User = get_user_model()
        created = {}
        username, password = ADMIN
        created[username] = not User.objects.filter(username=username).exists()
        if created[username]:
            User.objects.create_superuser(username, "admin@example.com", password)
            self.created["users"] += 1
        username, password = READER
        created[username] = not User.objects.filter(username=username).exists()
        if created[username]:
            User.objects.create_user(username, "reader@example.com", password)
            self.created["users"] += 1
        return created

    # --- Report --------------------------------------------------------------------------

    def report(self, elapsed, users):
        if any(self.created.values()):
            made = ", ".join(f"{count} {what}" for what, count in self.created.items() if count)
            self.stdout.write(self.style.SUCCESS(f"Demo library loaded in {elapsed:.1f} s ({made})."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo library already loaded; nothing to do ({elapsed:.1f} s)."))

        today = timezone.localdate()
        items = Item.objects.all()
        live = items.filter(live=True)
        embargoed = live.filter(embargo_until__gt=today)
        demo_images = CustomImage.objects.filter(collection__name=DEMO_COLLECTION)
        rows = [
            ("Languages", ", ".join(Locale.objects.order_by("pk").values_list("language_code", flat=True))),
            ("Collections", CollectionPage.objects.filter(locale=Locale.get_default()).count()),
            ("Items", items.count()),
            ("  public (open, published)", items.public().count()),
            ("  reading room", live.filter(access_level=AccessLevel.READING_ROOM).count()),
            ("  staff only", live.filter(access_level=AccessLevel.STAFF).count()),
            ("  under embargo", embargoed.count()),
            ("  unpublished drafts", items.filter(live=False).count()),
            ("Agents", Agent.objects.count()),
            ("Subjects", Subject.objects.count()),
            ("Places", Place.objects.count()),
            ("Images (Demo collection)", demo_images.count()),
        ]
        for label, count in rows:
            self.stdout.write(f"  {label:<28} {count}")

        for (username, password), role in ((ADMIN, "Admin"), (READER, "Reader")):
            note = "" if users[username] else " (user already existed; password not changed)"
            self.stdout.write(self.style.SUCCESS(f"{role} login: {username} / {password}{note}"))
