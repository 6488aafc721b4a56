"""Two demo reading lists for different audiences, built on the demo catalogue.

`load_reading_list_demo(stdout)` is idempotent: the index page and each list are looked
up by slug before anything is created, so running it again changes nothing. It needs the
demo library (`manage.py load_demo`) for its items, subjects and languages; entries whose
item is missing are left out, so it never fails on a smaller catalogue.

One entry of the university list points at a draft newspaper issue on purpose: visitors
do not see it, editors previewing the list see it flagged.
"""

import sys
import uuid

from django.db import transaction

from catalogue.models import Item, Language, Subject
from home.models import HomePage

from .models import Audience, ReadingListEducator, ReadingListIndexPage, ReadingListPage, ReadingListSubject

INDEX = {
    "slug": "reading-lists",
    "title": "Oʻquv roʻyxatlari",
    "introduction": (
        "<p>Oʻqituvchilar kutubxona fondidan darslar uchun tuzgan oʻquv roʻyxatlari: har bir manba yonida "
        "izoh, nimani oʻqish kerakligi va muhokama uchun parcha. Roʻyxatni chop etish yoki CSV va RIS "
        "shaklida yuklab olish mumkin.</p>"
    ),
}

NAVOIY = {
    "slug": "alisher-navoiy-merosi-9-sinf",
    "title": "Alisher Navoiy merosi: 9-sinf uchun",
    "audience": Audience.MIDDLE,
    "age_from": 14,
    "age_to": 15,
    "language": "uzb",
    "subjects": ["Mumtoz adabiyot", "Sheʼriyat", "Axloq"],
    "educators": ["Dilnoza Karimova, adabiyot oʻqituvchisi"],
    "summary": "Navoiy asarlarining qoʻlyozmalari bilan tanishuv: «Xamsa», «Mahbub ul-qulub» va til haqidagi bahs.",
    "introduction": (
        "<p>Bu roʻyxat 9-sinf adabiyot darslarida Alisher Navoiy ijodini oʻrganish uchun tuzilgan. "
        "Oʻquvchilar asarlarni darslikdan emas, kutubxonada saqlanayotgan qoʻlyozmalardan koʻradi: "
        "xat, bezak va sahifa tuzilishiga eʼtibor bering.</p>"
    ),
    "learning_goals": (
        "<ul><li>«Xamsa» tarkibidagi besh dostonni nomlay olish.</li>"
        "<li>Qoʻlyozma sahifasining qismlarini (matn, hoshiya, sarlavha, bezak) ajrata olish.</li>"
        "<li>Navoiyning axloqiy qarashlarini «Mahbub ul-qulub»dagi misollar asosida tushuntira olish.</li></ul>"
    ),
    "sections": [
        {
            "heading": "1-dars: «Xamsa» bilan tanishuv",
            "intro": "<p>Darsdan oldin qoʻlyozmani koʻrib chiqing va quyidagi savollarga javob tayyorlang.</p>",
            "entries": [
                {
                    "item": "Xamsa",
                    "annotation": (
                        "Qoʻlyozmaning birinchi varaqlarini oching. Sarlavha qanday bezatilgan? "
                        "Matn necha ustunda yozilgan?\n\n"
                        "Uchinchi tasvirdagi sahifani daftaringizga chizib, qismlarini belgilang."
                    ),
                    "reading_range": "ff. 1r–2r",
                    "canvas": 3,
                    "key_passage": "Odamiy ersang, demagil odamiy,\nOnikim yoʻq xalq gʻamidin gʻami.",
                },
                {
                    "external": {
                        "title": "Alisher Navoiy",
                        "author": "",
                        "year": "",
                        "url": "https://uz.wikipedia.org/wiki/Alisher_Navoiy",
                    },
                    "annotation": "Shoirning hayoti va asarlari haqida qisqa maʼlumot: darsdan oldin oʻqib keling.",
                    "reading_range": "",
                    "key_passage": "",
                },
            ],
        },
        {
            "heading": "2-dars: Axloq va til",
            "intro": "<p>Navoiyning nasriy asari va tilshunoslikka oid risolasi.</p>",
            "entries": [
                {
                    "item": "Mahbub ul-qulub",
                    "annotation": (
                        "Asarning muqaddimasini oʻqing. Navoiy kishilarni qanday guruhlarga ajratadi? "
                        "Bugungi hayotdan bitta misol keltiring."
                    ),
                    "reading_range": "ff. 1r–1v",
                    "canvas": 2,
                    "key_passage": "Tilga ixtiyorsiz — elga eʼtiborsiz.",
                },
                {
                    "item": "Muhokamat ul-lugʻatayn",
                    "annotation": "Navoiy turkiy tilni qaysi dalillar bilan himoya qiladi? Ikkita dalilni yozib oling.",
                    "reading_range": "f. 1r",
                    "canvas": 1,
                    "key_passage": "",
                },
            ],
        },
    ],
}

JADID = {
    "slug": "jadid-matbuoti-seminar",
    "title": "Jadid matbuoti: manbashunoslik seminari",
    "audience": Audience.UNIVERSITY,
    "age_from": None,
    "age_to": None,
    "language": "uzb",
    "subjects": ["Jadidchilik", "Matbuot", "Gazetalar"],
    "educators": ["Prof. Bahodir Rahimov, tarix fakulteti"],
    "summary": "Jadid jurnallari va gazetalarini birlamchi manba sifatida oʻrganish: «Oyina», «Sadoi Turkiston».",
    "introduction": (
        "<p>Seminar XX asr boshidagi jadid matbuotini birlamchi manba sifatida oʻqishga bagʻishlangan. "
        "Har bir nashrda kim, kim uchun va qanday maqsadda yozganini aniqlang; mustamlaka matbuoti bilan "
        "solishtiring.</p>"
    ),
    "learning_goals": (
        "<ul><li>Davriy nashrni tarixiy manba sifatida tavsiflash va iqtibos keltirish.</li>"
        "<li>Jadid nashrlarining dasturini ularning birinchi sonlari asosida tahlil qilish.</li>"
        "<li>Samarqand va Toshkent jadid matbuotini solishtirish.</li></ul>"
    ),
    "sections": [
        {
            "heading": "1-mashgʻulot: «Oyina» jurnali",
            "intro": "<p>Mahmudxoʻja Behbudiyning Samarqanddagi haftalik jurnali.</p>",
            "entries": [
                {
                    "item": "Oyina",
                    "title_exact": True,
                    "annotation": "Jurnal haqidagi umumiy yozuv: nashr yillari, tillari va noshiri bilan tanishing.",
                    "reading_range": "",
                    "canvas": None,
                    "key_passage": "",
                },
                {
                    "item": "Oyina. 1913, № 1",
                    "annotation": (
                        "Birinchi sondagi noshir soʻzboshisini oʻqing. Jurnal oʻz oldiga qanday vazifalar qoʻyadi? "
                        "Dasturni uchta bandda qayta ifodalang."
                    ),
                    "reading_range": "pp. 1–2",
                    "canvas": 2,
                    "key_passage": "",
                },
                {
                    "item": "Oyina. 1914, № 12",
                    "annotation": "Yangi usul maktablari haqidagi maqolalarni 1913-yilgi dastur bilan solishtiring.",
                    "reading_range": "p. 1",
                    "canvas": 2,
                    "key_passage": "",
                },
            ],
        },
        {
            "heading": "2-mashgʻulot: Gazetalar",
            "intro": "<p>Toshkent va Qoʻqon jadid gazetalari hamda rasmiy «Turkiston viloyatining gazeti».</p>",
            "entries": [
                {
                    "item": "Sadoi Turkiston",
                    "annotation": "Birinchi sonning bosh maqolasi kimga qaratilgan? Gazetaning tili va uslubiga eʼtibor bering.",
                    "reading_range": "pp. 1–2",
                    "canvas": 1,
                    "key_passage": "",
                },
                {
                    "item": "Sadoi Fargʻona",
                    "annotation": "Qoʻqondagi nashrni Toshkent gazetasi bilan solishtiring: mavzular va mualliflar.",
                    "reading_range": "p. 1",
                    "canvas": 1,
                    "key_passage": "",
                },
                {
                    # A draft record: hidden from visitors, flagged for editors in preview.
                    "item": "Turkiston viloyatining gazeti. 1913",
                    "annotation": "Rasmiy gazetaning shu yilgi sonini jadid nashrlari bilan solishtiring.",
                    "reading_range": "p. 1",
                    "canvas": 1,
                    "key_passage": "",
                },
            ],
        },
        {
            "heading": "Qoʻshimcha adabiyot",
            "intro": "",
            "entries": [
                {
                    "external": {
                        "title": "The Politics of Muslim Cultural Reform: Jadidism in Central Asia",
                        "author": "Adeeb Khalid",
                        "year": "1998",
                        "url": "https://search.worldcat.org/search?q=Politics+of+Muslim+Cultural+Reform+Khalid",
                    },
                    "annotation": "Jadidchilik tarixiga oid asosiy tadqiqot; 3-bobni seminardan oldin oʻqing.",
                    "reading_range": "3-bob",
                    "key_passage": "",
                },
                {
                    "external": {
                        "title": "Jadid",
                        "author": "",
                        "year": "",
                        "url": "https://en.wikipedia.org/wiki/Jadid",
                    },
                    "annotation": "Atamalar va asosiy shaxslar boʻyicha qisqa maʼlumotnoma (ingliz tilida).",
                    "reading_range": "",
                    "key_passage": "",
                },
            ],
        },
    ],
}

LISTS = [NAVOIY, JADID]


def _write(stdout, message):
    (stdout or sys.stdout).write(message + "\n")


def _find_item(spec):
    """The demo item for an entry: by exact title, else the first whose title starts with the words given."""
    title = spec["item"]
    exact = Item.objects.filter(title=title).order_by("pk").first()
    if exact is not None or spec.get("title_exact"):
        return exact
    return Item.objects.filter(title__istartswith=title).order_by("title", "pk").first()


def _body(sections, stdout):
    body = []
    for section in sections:
        entries = []
        for spec in section["entries"]:
            common = {
                "annotation": spec.get("annotation", ""),
                "reading_range": spec.get("reading_range", ""),
                "key_passage": spec.get("key_passage", ""),
            }
            if "external" in spec:
                value = {"isbn": "", **spec["external"], **common}
                entries.append({"type": "external_entry", "value": value, "id": str(uuid.uuid4())})
                continue
            item = _find_item(spec)
            if item is None:
                _write(stdout, f"  (no item “{spec['item']}” in the catalogue: entry left out)")
                continue
            value = {"item": item.pk, "canvas": spec.get("canvas"), **common}
            entries.append({"type": "item_entry", "value": value, "id": str(uuid.uuid4())})
        body.append(
            {
                "type": "section",
                "value": {"heading": section["heading"], "intro": section["intro"], "entries": entries},
                "id": str(uuid.uuid4()),
            }
        )
    return body


def _index(home, stdout):
    existing = home.get_children().filter(slug=INDEX["slug"]).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, ReadingListIndexPage):
            raise ValueError(
                f"“{existing.url_path}” exists but is a {type(existing).__name__}, not a reading lists index."
            )
        return existing, False
    index = ReadingListIndexPage(
        title=INDEX["title"], slug=INDEX["slug"], introduction=INDEX["introduction"], show_in_menus=True
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    index.refresh_from_db()
    return index, True


def _reading_list(index, spec, stdout):
    if index.get_children().filter(slug=spec["slug"]).exists():
        return False
    page = ReadingListPage(
        title=spec["title"],
        slug=spec["slug"],
        audience=spec["audience"],
        age_from=spec["age_from"],
        age_to=spec["age_to"],
        language=Language.objects.filter(code=spec["language"]).first(),
        introduction=spec["introduction"],
        learning_goals=spec["learning_goals"],
        listing_summary=spec["summary"],
        search_description=spec["summary"],
        body=_body(spec["sections"], stdout),
    )
    subjects = {s.label: s for s in Subject.objects.filter(label__in=spec["subjects"])}
    page.subject_links = [
        ReadingListSubject(subject=subjects[label], sort_order=i)
        for i, label in enumerate(label for label in spec["subjects"] if label in subjects)
    ]
    page.educators = [ReadingListEducator(name=name, sort_order=i) for i, name in enumerate(spec["educators"])]
    index.add_child(instance=page)
    page.save_revision().publish()
    return True


def load_reading_list_demo(stdout=None):
    """Create the reading lists index under the site's home page and two demo lists; safe to run again.

    Returns the number of pages created.
    """
    home = HomePage.objects.first()
    if home is None:
        _write(stdout, "Reading lists: no home page yet; run load_demo first.")
        return 0
    created = 0
    with transaction.atomic():
        index, new_index = _index(home, stdout)
        created += int(new_index)
        for spec in LISTS:
            created += int(_reading_list(index, spec, stdout))
    _write(stdout, f"Reading lists: {created} page(s) created." if created else "Reading lists: already loaded.")
    return created
