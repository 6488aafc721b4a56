"""The demo exhibit: «Alisher Navoiy: soʻz mulkining sultoni», with three sections, using every exhibit block.

Call `load_exhibit_demo(stdout)` after the demo library is loaded (`manage.py load_demo`): it
chooses the library's own public items, scans, places and agents. It is idempotent: pages are
looked up by slug, generated images by title, and a second run changes nothing.

If the media library has no recording with captions or a transcript, a three-second tone is
generated with ffmpeg (with WebVTT captions and a transcript); without ffmpeg the exhibit
simply has no audio block. Every file goes through the storage, so local files and S3 both work.
"""

import datetime
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.models import Collection

from catalogue.models import AccessLevel, Agent, Item, ItemIndexPage, Place
from home.models import HomePage
from media_library.generated import make_image_file
from media_library.models import CustomImage, CustomMedia

from .models import ExhibitCurator, ExhibitIndexPage, ExhibitPage, ExhibitSectionPage, Theme

INDEX_SLUG = "exhibits"
EXHIBIT_SLUG = "alisher-navoiy-soz-mulkining-sultoni"
DEMO_COLLECTION = "Demo"
CREDIT = "Oʻzbekiston Milliy kutubxonasi"
CURATOR = "Milliy kutubxona Qoʻlyozmalar boʻlimi"
PLACE_NAMES = ["Hirot", "Samarqand", "Toshkent", "Buxoro", "Xiva"]

CAPTIONS = """WEBVTT

00:00.000 --> 00:01.500
[Namunaviy ohang: tanbur sozi oʻrnida]

00:01.500 --> 00:03.000
Odamiy ersang, demagil odamiy…
"""

TRANSCRIPT = (
    "[Uch soniyalik namunaviy ohang — koʻrgazmadagi haqiqiy yozuv oʻrnida.]\n\n"
    "Odamiy ersang, demagil odamiy,\nOniki yoʻq xalq gʻamidin gʻami."
)


class _Quiet:
    def write(self, message):
        pass


def load_exhibit_demo(stdout=None):
    """Create the exhibits index and the Navoiy exhibit under the site's home page; return the exhibit page.

    Returns None (and says why on `stdout`) when there is no home page or no public item yet.
    """
    out = stdout or _Quiet()
    home = HomePage.objects.first()
    if home is None:
        out.write("No home page: run `manage.py load_demo` first; the exhibit demo was not loaded.")
        return None

    index = home.get_children().filter(slug=INDEX_SLUG).first()
    existing = index.get_children().filter(slug=EXHIBIT_SLUG).first() if index else None
    if existing is not None:
        out.write("Demo exhibit already loaded; nothing to do.")
        return existing.specific

    materials = _Materials()
    if not materials.items:
        out.write("No public items with images: run `manage.py load_demo` first; the exhibit demo was not loaded.")
        return None
    media = _demo_media(out)

    with transaction.atomic():
        if index is None:
            index = _publish_child(
                home,
                ExhibitIndexPage(
                    title="Koʻrgazmalar",
                    slug=INDEX_SLUG,
                    show_in_menus=True,
                    introduction=(
                        "<p>Kutubxona xodimlari fonddagi qoʻlyozmalar, kitoblar va fotosuratlar orqali hikoya "
                        "qiladigan koʻrgazmalar: kutubxona zallarida va onlayn.</p>"
                    ),
                    search_description="Milliy kutubxonaning joriy, boʻlajak va oʻtgan koʻrgazmalari.",
                ),
            )
        exhibit = _build_exhibit(index, materials, media)
    out.write(f"Demo exhibit loaded: {exhibit.title} ({exhibit.get_children().count()} sections).")
    return exhibit


# --- Materials from the demo library ----------------------------------------------------------


class _Materials:
    """The items, images, places and agents the exhibit is made of, chosen among what exists."""

    def __init__(self):
        public = Item.objects.public().filter(thumbnail__isnull=False).select_related("thumbnail")
        navoiy = Q(agent_links__agent__name="Alisher Navoiy")
        self.items = list(public.filter(navoiy).distinct().order_by("pk")) or list(public.order_by("pk")[:6])
        others = list(public.exclude(pk__in=[i.pk for i in self.items]).order_by("pk")[:4])
        self.more_items = others
        # An item visitors do not see: the showcase leaves it out for them and flags it for editors.
        self.restricted = Item.objects.filter(live=True, access_level=AccessLevel.READING_ROOM).order_by("pk").first()
        paged = (
            Item.objects.public()
            .annotate(scans=Count("files", filter=Q(files__image__isnull=False, files__access_level=AccessLevel.OPEN)))
            .filter(scans__gte=2)
            .order_by("-scans", "pk")
        )
        self.paged = paged.filter(pk__in=[i.pk for i in self.items]).first() or paged.first() or self.items[0]
        self.scans = [
            (item, item.thumbnail)
            for item in [*self.items, *others]
            if item.thumbnail.alt_text and not item.thumbnail.is_private
        ]
        by_name = {place.name: place for place in Place.objects.filter(name__in=PLACE_NAMES, latitude__isnull=False)}
        self.places = [by_name[name] for name in PLACE_NAMES if name in by_name] or list(
            Place.objects.filter(latitude__isnull=False).order_by("name")[:4]
        )
        self.items_index = ItemIndexPage.objects.live().first()

    def find(self, word):
        return next((item for item in self.items if word.lower() in item.title.lower()), None)

    def viewer_region(self):
        """Page 2 of the paged item and a region in its middle, in pixels of that page."""
        files = [f for f in self.paged.files.select_related("image").order_by("sort_order") if f.image_id]
        page = 2 if len(files) >= 2 else 1
        image = files[page - 1].image if files else None
        if image is None:
            return page, ""
        w, h = image.width, image.height
        return page, f"{w // 6},{h // 5},{w // 2},{h // 3}"


def _demo_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=DEMO_COLLECTION).first() or root


def _comparison_images():
    """A page "before" (yellowed, stained) and "after" conservation, generated once."""
    titles = ("Xamsa varagʻi — konservatsiyadan oldin", "Xamsa varagʻi — konservatsiyadan keyin")
    found = {image.title: image for image in CustomImage.objects.filter(title__in=titles)}
    if len(found) == 2:
        return found[titles[0]], found[titles[1]]
    clean = make_image_file("xamsa-after.png", size=(900, 1200), colour=(236, 224, 196), text="Xamsa | f. 12b")
    page = PILImage.open(clean).convert("RGB")
    aged = PILImage.blend(page, PILImage.new("RGB", page.size, (170, 130, 70)), 0.35)
    stains = ImageDraw.Draw(aged)
    for box in ((80, 140, 330, 360), (560, 700, 860, 1010), (420, 60, 560, 180), (120, 880, 260, 1100)):
        stains.ellipse(box, fill=(120, 84, 40))
    aged = aged.filter(ImageFilter.GaussianBlur(1.5))
    images = []
    for title, picture, name, alt in (
        (titles[0], aged, "xamsa-before.png", "Sargʻaygan va dogʻlangan qoʻlyozma varagʻi, chetlari yirtilgan"),
        (titles[1], page, "xamsa-after.png", "Tozalangan va mustahkamlangan oʻsha qoʻlyozma varagʻi"),
    ):
        if title in found:
            images.append(found[title])
            continue
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        image = CustomImage(
            title=title,
            file=ContentFile(buffer.getvalue(), name=name),
            collection=_demo_collection(),
            alt_text=alt,
            caption=title,
            credit=CREDIT,
        )
        image._set_image_file_metadata()
        image.save()
        images.append(image)
    return images[0], images[1]


def _demo_media(out):
    """A recording the audio block may show: one with captions or a transcript, else a generated tone."""
    for media in CustomMedia.objects.order_by("pk"):
        if media.is_private:
            continue
        if (media.type == "video" and media.captions) or (
            media.type == "audio" and (media.captions or media.transcript)
        ):
            return media
    title = "Navoiy gʻazali (namunaviy yozuv)"
    existing = CustomMedia.objects.filter(title=title).first()
    if existing is not None:
        return existing
    if not shutil.which("ffmpeg"):
        out.write("ffmpeg is not installed: the demo exhibit has no audio block.")
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "navoiy-gazal.ogg"
        result = subprocess.run(
            ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", "libvorbis"]
            + [str(path)],
            capture_output=True,
            timeout=60,
        )
        if result.returncode != 0 or not path.exists():
            out.write("ffmpeg could not make the demo recording: the demo exhibit has no audio block.")
            return None
        media = CustomMedia(
            title=title,
            type="audio",
            duration=3.0,
            collection=_demo_collection(),
            captions_language="uz-Latn",
            transcript=TRANSCRIPT,
        )
        with path.open("rb") as f:
            media.file.save("navoiy-gazal.ogg", File(f), save=False)
        media.captions.save("navoiy-gazal.vtt", ContentFile(CAPTIONS.encode()), save=False)
        media.save()
    return media


# --- Pages ---------------------------------------------------------------------------------------


def _publish_child(parent, page):
    body = getattr(page, "body", None)
    if body:
        # As the editor would: refuse images without alt text, recordings without captions...
        body.stream_block.clean(body)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _build_exhibit(index, m, media):
    today = timezone.localdate()
    xamsa = m.find("Xamsa") or m.items[0]
    hero = xamsa.thumbnail if xamsa.thumbnail.alt_text and not xamsa.thumbnail.is_private else None
    curator, _ = Agent.objects.get_or_create(
        name=CURATOR,
        defaults={
            "kind": Agent.Kind.ORGANISATION,
            "biography": "Kutubxonaning qoʻlyozmalar va noyob kitoblar boʻlimi.",
        },
    )
    showcase = [item.pk for item in m.items[:6]]
    if m.restricted is not None:
        showcase.append(m.restricted.pk)

    timeline = [
        ("1441", "Hirotda tugʻildi", "9-fevral kuni, temuriylar poytaxti Hirotda.", None),
        ("1469", "Husayn Boyqaro saroyida", "Doʻsti Husayn Boyqaro taxtga chiqqach, muhrdor, soʻng amir boʻldi.", None),
        ("1483–1485", "«Xamsa»", "Turkiy tilda besh dostondan iborat «Xamsa»ni ikki yilda yozib tugatdi.", xamsa),
        ("1498–1499", "«Xazoyin ul-maoniy»", "Toʻrt devonni bir tizimga soldi.", m.find("Xazoyin")),
        (
            "1499",
            "«Muhokamat ul-lugʻatayn»",
            "Turkiy tilning imkoniyatlarini forsiy bilan qiyosladi.",
            m.find("Muhokamat"),
        ),
        ("1501", "Vafoti", "3-yanvar kuni Hirotda vafot etdi.", None),
    ]
    notes = {
        "Hirot": "Navoiy tugʻilgan va umrining koʻp qismini oʻtkazgan shahar.",
        "Samarqand": "1466–1469-yillarda shu yerda tahsil oldi.",
        "Toshkent": "Asarlari qoʻlyozmalari bugun Milliy kutubxonada saqlanadi.",
        "Buxoro": "XVI–XIX asrlarda «Xamsa» nusxalari koʻchirilgan markazlardan biri.",
        "Xiva": "Xiva xattotlari Navoiy devonlarini koʻp bor koʻchirgan.",
    }

    body = [
        {
            "type": "paragraph",
            "value": _p(
                "Alisher Navoiy (1441–1501) turkiy adabiy tilni yuksak sheʼriyat tiliga aylantirdi. Koʻrgazma "
                "Milliy kutubxona fondidagi qoʻlyozmalar, toshbosma nashrlar va tadqiqotlar orqali uning hayoti "
                "va asarlarining besh asrlik yoʻlini hikoya qiladi.",
                "Koʻrgazma uch boʻlimdan iborat: «Xamsa» qoʻlyozmalari, ularni asrash ishlari va Navoiy "
                "merosining bugungi hayoti.",
            ),
        },
        {
            "type": "pull_quote",
            "value": {
                "text": "Odamiy ersang, demagil odamiy, / Oniki yoʻq xalq gʻamidin gʻami.",
                "attribution": "Alisher Navoiy, «Hayrat ul-abror»",
                "repeats_text": False,
            },
        },
        {"type": "heading", "value": {"text": "Hayot yoʻli", "level": "h2"}},
        {
            "type": "timeline",
            "value": {
                "heading": "",
                "entries": [
                    {"date": d, "title": t, "text": _p(text), "item": item.pk if item else None}
                    for d, t, text, item in timeline
                ],
            },
        },
        {
            "type": "quote",
            "value": {
                "text": "Alisherbek naziri yoʻq kishi erdi. Turkiy til bila to sheʼr aytibturlar, hech kim oncha koʻp "
                "va xoʻb aytqon emas.",
                "attribution": "Zahiriddin Muhammad Bobur, «Boburnoma»",
            },
        },
        {
            "type": "item_showcase",
            "value": {
                "heading": "Koʻrgazmadagi qoʻlyozmalar",
                "intro": "Fonddan tanlangan nusxalar. Har biri katalogdagi toʻliq yozuvga olib boradi.",
                "items": showcase,
            },
        },
        {
            "type": "map",
            "value": {
                "heading": "Navoiy bilan bogʻliq joylar",
                "places": [{"place": place.pk, "note": notes.get(place.name, "")} for place in m.places],
                "caption": "Koordinatalar kutubxonaning joylar lugʻatidan olingan.",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Qoʻlyozmalarni oʻzingiz varaqlang",
                "text": "Koʻrgazmadagi barcha asarlarning raqamli nusxalari katalogda ochiq.",
                "link_text": "Katalogni ochish",
                "page": m.items_index.pk if m.items_index else None,
                "url": "" if m.items_index else "https://example.org/",
            },
        },
    ]

    exhibit = _publish_child(
        index,
        ExhibitPage(
            title="Alisher Navoiy: soʻz mulkining sultoni",
            slug=EXHIBIT_SLUG,
            subtitle="Qoʻlyozmalar, nashrlar va tadqiqotlarda besh asrlik meros",
            hero_image=hero,
            hero_item=xamsa if hero else None,
            listing_image=hero,
            start_date=today - datetime.timedelta(days=30),
            end_date=today + datetime.timedelta(days=150),
            venue="Milliy kutubxona, 2-qavat, koʻrgazmalar zali",
            theme=Theme.MANUSCRIPTS,
            summary=(
                "Alisher Navoiy asarlarining Milliy kutubxonada saqlanayotgan qoʻlyozmalari va nashrlari: "
                "«Xamsa»dan «Muhokamat ul-lugʻatayn»gacha, konservatsiya ishlari va bugungi tadqiqotlar."
            ),
            search_description="Alisher Navoiy hayoti va asarlari haqida Milliy kutubxona koʻrgazmasi.",
            curators=[ExhibitCurator(agent=curator, role="koʻrgazma kuratori", sort_order=0)],
            body=body,
        ),
    )

    page, region = m.viewer_region()
    scans = m.scans[:6]
    before, after = _comparison_images()
    sections = [
        (
            "Xamsa qoʻlyozmalari",
            "xamsa-qolyozmalari",
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "«Xamsa» besh dostondan iborat: «Hayrat ul-abror», «Farhod va Shirin», «Layli va Majnun», "
                        "«Sabʼai sayyor» va «Saddi Iskandariy». Kutubxonadagi nusxalar XVI–XIX asrlarda "
                        'Hirot, Buxoro va Xivada koʻchirilgan<a href="#note-1"><sup>1</sup></a>.'
                    ),
                },
                {
                    "type": "iiif_viewer",
                    "value": {
                        "heading": "Qoʻlyozmani varaqlang",
                        "item": m.paged.pk,
                        "page": page,
                        "region": region,
                        "caption": "Koʻrgazmada ochiq turgan varaq: xattotning unvoni va hoshiyalari.",
                    },
                },
                {
                    "type": "gallery",
                    "value": {
                        "heading": "Varaqlar",
                        "images": [
                            {"image": image.pk, "caption": "", "credit": "", "item": item.pk} for item, image in scans
                        ],
                    },
                },
                {
                    "type": "image",
                    "value": {"image": (scans[-1][1] if scans else before).pk, "caption": "", "credit": ""},
                },
                {
                    "type": "footnotes",
                    "value": {
                        "heading": "",
                        "notes": [
                            _p("Nusxalar haqida: Milliy kutubxona qoʻlyozmalar katalogi, «Navoiy» boʻlimi."),
                            _p("Alisher Navoiy. <i>Toʻla asarlar toʻplami</i>. 10 jildlik. Toshkent, 2011."),
                        ],
                    },
                },
            ],
        ),
        (
            "Asrash va raqamlashtirish",
            "asrash-va-raqamlashtirish",
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "Besh yuz yillik qogʻoz namlik, yorugʻlik va hasharotlardan aziyat chekadi. Kutubxona "
                        "restavratorlari varaqlarni tozalab, yirtiqlarini yapon qogʻozi bilan mustahkamlaydi, "
                        'soʻng ularni yuqori aniqlikda raqamlashtiradi<a href="#note-1"><sup>1</sup></a>.'
                    ),
                },
                {
                    "type": "image_comparison",
                    "value": {
                        "before": before.pk,
                        "before_label": "Konservatsiyadan oldin",
                        "after": after.pk,
                        "after_label": "Konservatsiyadan keyin",
                        "caption": "Bir varaqning restavratsiyadan oldingi va keyingi holati.",
                    },
                },
                *(
                    [
                        {
                            "type": "audio_video",
                            "value": {
                                "media": media.pk,
                                "title": "Navoiy gʻazali",
                                "caption": "Koʻrgazma zalida yangraydigan yozuvdan parcha.",
                            },
                        }
                    ]
                    if media is not None
                    else []
                ),
                {
                    "type": "footnotes",
                    "value": {
                        "heading": "Manbalar",
                        "notes": [_p("Milliy kutubxona restavratsiya boʻlimi hisobotlari, 2019–2024.")],
                    },
                },
            ],
        ),
        (
            "Meros bugun",
            "meros-bugun",
            [
                {
                    "type": "paragraph",
                    "value": _p(
                        "XIX asr oxiridan Toshkent toshbosmaxonalari Navoiy asarlarini koʻp nusxada chop etdi; "
                        "bugun ular raqamli shaklda hamma uchun ochiq."
                    ),
                },
                {
                    "type": "item_showcase",
                    "value": {
                        "heading": "Fonddan yana",
                        "intro": "",
                        "items": [item.pk for item in (m.more_items or m.items)[:4]],
                    },
                },
            ],
        ),
    ]
    for title, slug, section_body in sections:
        _publish_child(exhibit, ExhibitSectionPage(title=title, slug=slug, body=section_body))
    return exhibit
