"""Content of the demo library loaded by `manage.py load_demo`.

The holdings are illustrative: real works, people and places of Uzbekistan's written heritage,
described the way the national library catalogues them, but the copies, shelfmarks and extents
are invented for the demonstration and every image is generated. Authority links (Wikidata) are
given only where the identifier is certain; the rest are left blank on purpose.

Vocabulary records are keyed by a short key used only inside this module; in the database they
are found again by their name or label. Items are found again by their legacy identifier.
"""

CREDIT = "Oʻzbekiston Milliy kutubxonasi"

# --- Rights statements (seeded by a migration; looked up by URI) -------------------------
RIGHTS = {
    "pdm": "https://creativecommons.org/publicdomain/mark/1.0/",
    "inc": "http://rightsstatements.org/vocab/InC/1.0/",
    "cne": "http://rightsstatements.org/vocab/CNE/1.0/",
}

# --- Image look: sizes and paper colours ------------------------------------------------
SIZES = {
    "page": (800, 1100),
    "album": (1100, 800),
    "newspaper": (900, 1250),
    "photo": (1200, 800),
    "portrait": (800, 1100),
    "banner": (1200, 800),
}
COLOURS = {
    "aged": (226, 208, 168),
    "cream": (240, 230, 205),
    "tinted": (232, 216, 186),
    "newsprint": (222, 214, 196),
    "card": (205, 190, 160),
    "sepia": (168, 138, 100),
    "colour": (176, 164, 136),
    "silver": (188, 186, 180),
}

# --- Pages ---------------------------------------------------------------------------------
HOME = {
    "title": "Kutubxona",
    "introduction": (
        "Kutubxona — Oʻzbekiston Milliy elektron kutubxonasi. Bu yerda qoʻlyozmalar, noyob kitoblar, "
        "davriy nashrlar va tarixiy fotosuratlarning raqamli nusxalarini qidirish, koʻrish va oʻrganish mumkin."
    ),
    "body": [
        {"type": "heading", "value": {"text": "Milliy merosimiz — hamma uchun ochiq", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Elektron kutubxona Alisher Navoiy va Zahiriddin Muhammad Bobur asarlarining qoʻlyozmalaridan "
                "tortib jadid matbuoti va XX asr fotosuratlarigacha boʻlgan fondlarni bir joyga jamlaydi. "
                "Har bir yozuv mualliflar, mavzular va joylar boʻyicha bogʻlangan: bir shaxs yoki shahar "
                "haqidagi barcha materiallarni bir sahifada topasiz. Materiallarning aksariyati jamoat "
                "mulki boʻlib, ulardan erkin foydalanish mumkin; shartlar har bir yozuvda koʻrsatilgan.</p>"
            ),
        },
    ],
}

INDEX_PAGES = {
    "collections": {
        "title": "Kolleksiyalar",
        "introduction": (
            "<p>Kutubxona fondlari toʻrt asosiy kolleksiyaga boʻlingan: qoʻlyozmalar, noyob kitoblar, "
            "davriy nashrlar va fotosuratlar. Har bir kolleksiya ichida mavzuli kichik kolleksiyalar bor.</p>"
        ),
    },
    "items": {
        "title": "Katalog",
        "introduction": (
            "Elektron kutubxonaning barcha ochiq yozuvlari: sanasi, turi, tili va kolleksiyasi boʻyicha saralang."
        ),
    },
}

VOCABULARY_PAGES = [
    {
        "slug": "agents",
        "vocabulary": "agents",
        "title": "Shaxslar va tashkilotlar",
        "introduction": "Mualliflar, kotib va xattotlar, fotograflar, muharrir va noshirlar.",
    },
    {
        "slug": "subjects",
        "vocabulary": "subjects",
        "title": "Mavzular",
        "introduction": "Fondlar mavzu va janrlar boʻyicha: adabiyotdan astronomiyagacha.",
    },
    {
        "slug": "places",
        "vocabulary": "places",
        "title": "Joylar",
        "introduction": "Materiallar yaratilgan yoki ular tasvirlagan shahar va hududlar.",
    },
]

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "Kutubxona haqida",
        "show_in_menus": True,
        "introduction": (
            "Kutubxona — Oʻzbekiston Milliy kutubxonasining elektron platformasi: fondlardagi noyob "
            "materiallarning raqamli nusxalari va ularning ilmiy tavsifi."
        ),
        "body": [
            {"type": "heading", "value": {"text": "Bizning vazifamiz", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Milliy kutubxona fondlarida arab, fors va chigʻatoy tillaridagi qoʻlyozmalar, toshbosma "
                    "kitoblar, XIX–XX asr gazeta va jurnallari hamda fotosuratlar saqlanadi. Elektron kutubxona "
                    "ularni raqamlashtirib, <b>Dublin Core</b> standarti asosida tavsiflaydi va dunyoning istalgan "
                    "joyidagi oʻquvchi uchun ochadi.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Fondlardan foydalanish", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Aksariyat yozuvlar hammaga ochiq. Ayrim materiallar mualliflik huquqi yoki donor bilan "
                    "kelishuv sababli faqat kutubxonaning roʻyxatdan oʻtgan oʻquvchilariga (oʻquv zalida) "
                    "koʻrsatiladi; moʻrt qoʻlyozmalar restavratsiya davomida faqat xodimlarga ochiq.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Namoyish maʼlumotlari haqida", "level": "h3"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Ushbu nusxadagi yozuvlar platformani namoyish qilish uchun tayyorlangan: asarlar, mualliflar "
                    "va joylar haqiqiy, ammo inventar raqamlari va hajmlar shartli, tasvirlar esa sunʼiy "
                    "yaratilgan.</p>"
                ),
            },
        ],
    },
    {
        "slug": "rights",
        "title": "Foydalanish shartlari",
        "show_in_menus": False,
        "introduction": "Materiallardan qanday foydalanish mumkinligi har bir yozuvdagi huquqiy maqomga bogʻliq.",
        "body": [
            {"type": "heading", "value": {"text": "Jamoat mulki", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Qadimiy qoʻlyozmalar va mualliflik huquqi muddati tugagan nashrlar "
                    '<a href="https://creativecommons.org/publicdomain/mark/1.0/">Public Domain Mark</a> '
                    "belgisi bilan belgilangan: ularni cheklovsiz koʻchirish, tarqatish va qayta ishlatish "
                    "mumkin. Manba sifatida Oʻzbekiston Milliy kutubxonasini koʻrsatishingizni soʻraymiz.</p>"
                ),
            },
            {"type": "heading", "value": {"text": "Mualliflik huquqi bilan himoyalangan materiallar", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>XX asrning ayrim fotosurat va nashrlari "
                    '<a href="http://rightsstatements.org/vocab/InC/1.0/">In Copyright</a> '
                    "maqomiga ega: ularni shaxsiy oʻqish va ilmiy tadqiqot uchun koʻrish mumkin, nashr qilish "
                    "uchun huquq egasining ruxsati kerak. Huquqiy maqomi hali baholanmagan materiallar "
                    '<a href="http://rightsstatements.org/vocab/CNE/1.0/">Copyright Not Evaluated</a> '
                    "deb belgilangan.</p>"
                ),
            },
        ],
    },
]

LIBRARY_SETTINGS = {
    "library_name": "Kutubxona — Oʻzbekiston Milliy elektron kutubxonasi",
    "address": "Navoiy koʻchasi 1\n100000 Toshkent\nOʻzbekiston",
    "email": "info@kutubxona.uz",
    "phone": "+998 71 000-00-00",
    "footer_text": (
        "<p>© Oʻzbekiston Milliy kutubxonasi. Materiallardan foydalanish: "
        '<a href="/rights/">Foydalanish shartlari</a>.</p>'
    ),
}

# --- Collections: parent None means directly under the collections index --------------------
COLLECTIONS = [
    {
        "slug": "manuscripts",
        "parent": None,
        "title": "Qoʻlyozmalar",
        "introduction": "XV–XIX asrlarda koʻchirilgan arab, fors va chigʻatoy tillaridagi qoʻlyozma kitoblar.",
        "description": (
            "<p>Qoʻlyozmalar fondi Movarounnahr va Xurosonning ilm-fan va adabiyot merosini qamrab oladi: "
            "Ibn Sino va Ulugʻbek asarlari, Alisher Navoiy devonlari va dostonlari, Xiva va Qoʻqon "
            "saroylarida yozilgan tarixlar.</p><p>Nusxalarning koʻpi nastaʼliq xatida koʻchirilgan, "
            "lojuvard va zarhal bilan bezatilgan. Moʻrt qoʻlyozmalar restavratsiya vaqtida faqat "
            "xodimlarga ochiq boʻladi.</p>"
        ),
        "colour": "aged",
        "featured": True,
    },
    {
        "slug": "navoi-manuscripts",
        "parent": "manuscripts",
        "title": "Alisher Navoiy asarlari qoʻlyozmalari",
        "introduction": "Navoiy devonlari, dostonlari va nasriy asarlarining XVI–XIX asrlarda koʻchirilgan nusxalari.",
        "description": (
            "<p>Alisher Navoiy (1441–1501) asarlari Temuriylar davridan boshlab butun turkiy dunyoda koʻchirilib "
            "kelgan. Kichik kolleksiyada «Xamsa», «Xazoyin ul-maoniy», «Mahbub ul-qulub» va "
            "«Muhokamat ul-lugʻatayn» nusxalari jamlangan.</p>"
        ),
        "colour": "tinted",
    },
    {
        "slug": "rare-books",
        "parent": None,
        "title": "Noyob kitoblar",
        "introduction": (
            "Toshbosma nashrlar, XIX asr sharqshunoslik nashrlari va oʻzbek kitoblarining birinchi nashrlari."
        ),
        "description": (
            "<p>Toshkent, Qozon va Istanbulda bosilgan toshbosma kitoblar, «Turkiston albomi», Beruniy va "
            "al-Xorazmiy asarlarining Yevropada chiqqan birinchi ilmiy nashrlari, hamda Abdulla Qodiriy, "
            "Choʻlpon va Fitrat kitoblarining ilk nashrlari.</p>"
        ),
        "colour": "cream",
        "featured": True,
    },
    {
        "slug": "periodicals",
        "parent": None,
        "title": "Davriy nashrlar",
        "introduction": "Turkistonda 1870-yildan chiqqan gazeta va jurnallar: rasmiy nashrlardan jadid matbuotigacha.",
        "description": (
            "<p>«Туркестанские ведомости» va «Turkiston viloyatining gazeti»dan tortib jadidlarning «Oyina», "
            "«Sadoi Turkiston» va «Sadoi Fargʻona» nashrlari hamda 1920-yillar satirik jurnali "
            "«Mushtum»gacha.</p>"
        ),
        "colour": "newsprint",
        "featured": True,
    },
    {
        "slug": "turkiston-viloyatining-gazeti",
        "parent": "periodicals",
        "title": "Turkiston viloyatining gazeti",
        "introduction": "Oʻzbek tilidagi birinchi gazeta (1870–1917) sonlari.",
        "description": (
            "<p>Gazeta 1870-yildan «Туркестанские ведомости»ga ilova sifatida chiqa boshlagan, 1883-yildan "
            "uni sharqshunos N. P. Ostroumov tahrir qilgan. Sahifalarida rasmiy farmoyishlar, bozor "
            "narxlari, mahalliy yangiliklar va adabiy parchalar bosilgan.</p>"
        ),
        "colour": "newsprint",
    },
    {
        "slug": "photographs",
        "parent": None,
        "title": "Fotosuratlar",
        "introduction": "XIX asr oxiri — XX asr oʻrtalaridagi Oʻzbekiston: shaharlar, yodgorliklar va odamlar.",
        "description": (
            "<p>«Turkiston albomi»dan Sergey Prokudin-Gorskiyning rangli suratlari, xivalik Xudoybergan "
            "Devonov va Toshkentda ishlagan Maks Penson fotosuratlarigacha.</p>"
        ),
        "colour": "sepia",
        "featured": True,
    },
    {
        "slug": "prokudin-gorsky-1911",
        "parent": "photographs",
        "title": "Prokudin-Gorskiy: Turkiston, 1911",
        "introduction": "Sergey Prokudin-Gorskiyning 1911-yilda Samarqand va Buxoroda olgan rangli suratlari.",
        "description": (
            "<p>Prokudin-Gorskiy uch rangli ajratish usulida rangli fotosuratlar olgan. Asl shisha negativlar "
            "AQSh Kongress kutubxonasida saqlanadi; bu yerda ularning raqamli nusxalari keltirilgan.</p>"
        ),
        "colour": "colour",
    },
]

# --- Vocabularies -----------------------------------------------------------------------------
# Agents: key -> fields. Wikidata only where the identifier is certain.
AGENTS = {
    "navoiy": {
        "name": "Alisher Navoiy",
        "dates": "1441–1501",
        "variants": ["Алишер Навоий", "Алишер Навои", "Alisher Navoi", "امیر علیشیر نوائی", "Nizomiddin Mir Alisher"],
        "wikidata": "https://www.wikidata.org/wiki/Q193210",
        "biography": "Shoir, mutafakkir va davlat arbobi; turkiy adabiy tilning asoschisi. Hirotda yashagan.",
    },
    "sultonali": {
        "name": "Sultonali Mashhadiy",
        "dates": "vaf. 1520",
        "variants": ["Султонали Машҳадий", "Султан-Али Мешхеди", "Sultan Ali Mashhadi", "سلطان علی مشهدی"],
        "biography": "Hirot xattoti, «nastaʼliq sultoni»; Navoiy va Husayn Boyqaro asarlarini koʻchirgan.",
    },
    "bobur": {
        "name": "Zahiriddin Muhammad Bobur",
        "dates": "1483–1530",
        "variants": ["Заҳириддин Муҳаммад Бобур", "Захир ад-дин Мухаммед Бабур", "Babur", "ظهیرالدین محمد بابر"],
        "biography": "Andijonda tugʻilgan shoir, tarixchi va Hindistondagi Boburiylar sulolasining asoschisi.",
    },
    "ulugbek": {
        "name": "Mirzo Ulugʻbek",
        "dates": "1394–1449",
        "variants": ["Мирзо Улуғбек", "Улугбек", "Ulugh Beg", "الغ بیگ"],
        "biography": "Temuriy hukmdor va astronom; Samarqand rasadxonasi va madrasasining asoschisi.",
    },
    "ibnsino": {
        "name": "Abu Ali ibn Sino",
        "dates": "980–1037",
        "variants": ["Абу Али ибн Сино", "Ибн Сина", "Avicenna", "Ibn Sina", "ابن سينا"],
        "wikidata": "https://www.wikidata.org/wiki/Q8011",
        "biography": "Buxoro yaqinidagi Afshonada tugʻilgan qomusiy olim, tabib va faylasuf.",
    },
    "xorazmiy": {
        "name": "Muhammad ibn Muso al-Xorazmiy",
        "dates": "c. 780–c. 850",
        "variants": ["Муҳаммад ибн Мусо ал-Хоразмий", "Мухаммад ибн Муса аль-Хорезми", "al-Khwarizmi"],
        "biography": "Bagʻdoddagi «Bayt ul-hikma» olimi; algebra va oʻnli sanoq tizimi haqidagi asarlar muallifi.",
    },
    "beruniy": {
        "name": "Abu Rayhon Beruniy",
        "dates": "973–1048",
        "variants": ["Абу Райҳон Беруний", "Абу Рейхан Бируни", "al-Biruni", "Alberuni", "أبو الريحان البيروني"],
        "biography": "Xorazmlik qomusiy olim: astronomiya, geografiya, tarix va Hindiston haqidagi asarlar muallifi.",
    },
    "yazdiy": {
        "name": "Sharafuddin Ali Yazdiy",
        "dates": "vaf. 1454",
        "variants": ["Шарафуддин Али Яздий", "Шараф ад-Дин Али Язди", "Sharaf al-Din Ali Yazdi"],
        "biography": "Temuriylar davri tarixchisi, Amir Temur haqidagi «Zafarnoma» muallifi.",
    },
    "munis": {
        "name": "Shermuhammad Munis",
        "dates": "1778–1829",
        "variants": ["Шермуҳаммад Мунис", "Мунис Хорезми", "Munis Khwarazmi"],
        "biography": "Xivalik shoir, tarixchi va xattot; «Firdavs ul-iqbol» solnomasini boshlagan.",
    },
    "ogahiy": {
        "name": "Muhammad Rizo Ogahiy",
        "dates": "1809–1874",
        "variants": ["Муҳаммад Ризо Огаҳий", "Огахи", "Agahi"],
        "biography": "Xivalik shoir, tarixchi va tarjimon; Munisning jiyani va ishining davomchisi.",
    },
    "kaufman": {
        "name": "Konstantin Petrovich fon Kaufman",
        "dates": "1818–1882",
        "variants": ["Константин Петрович фон Кауфман", "Konstantin von Kaufmann"],
        "biography": "Turkistonning birinchi general-gubernatori (1867–1882); «Turkiston albomi»ni tayyorlatgan.",
    },
    "kun": {
        "name": "Aleksandr Lyudvigovich Kun",
        "dates": "1840–1888",
        "variants": ["Александр Людвигович Кун", "A. L. Kuhn"],
        "biography": "Sharqshunos; «Turkiston albomi»ning arxeologik, etnografik va hunarmandchilik qismlarini tuzgan.",
    },
    "ilminskiy": {
        "name": "Nikolay Ivanovich Ilminskiy",
        "dates": "1822–1891",
        "variants": ["Николай Иванович Ильминский", "N. Ilminski"],
        "biography": "Qozonlik turkolog; «Boburnoma»ning birinchi bosma nashrini tayyorlagan (1857).",
    },
    "beveridge": {
        "name": "Annette Susannah Beveridge",
        "dates": "1842–1929",
        "variants": ["Аннет Беверидж", "A. S. Beveridge"],
        "biography": "Ingliz sharqshunosi; «Boburnoma»ni asl turkiy matndan ingliz tiliga tarjima qilgan.",
    },
    "rosen": {
        "name": "Friedrich August Rosen",
        "dates": "1805–1837",
        "variants": ["Frederic Rosen", "Фридрих Август Розен"],
        "biography": "Nemis sharqshunosi; al-Xorazmiy algebrasini ilk bor nashr etgan va tarjima qilgan.",
    },
    "sachau": {
        "name": "Eduard Sachau",
        "dates": "1845–1930",
        "variants": ["Carl Eduard Sachau", "Эдуард Захау"],
        "biography": "Nemis sharqshunosi; Beruniyning «Osor al-boqiya» va «Hindiston» asarlarini nashr etgan.",
    },
    "qodiriy": {
        "name": "Abdulla Qodiriy",
        "dates": "1894–1938",
        "variants": ["Абдулла Қодирий", "Абдулла Кадыри", "Julqunboy", "Abdulla Qadiri"],
        "biography": "Yozuvchi, oʻzbek romanchiligining asoschisi; «Oʻtkan kunlar» va «Mehrobdan chayon» muallifi.",
    },
    "cholpon": {
        "name": "Abdulhamid Choʻlpon",
        "dates": "1897–1938",
        "variants": ["Абдулҳамид Чўлпон", "Абдулхамид Чулпан", "Abdulhamid Sulaymon oʻgʻli Choʻlpon", "Cholpon"],
        "biography": "Shoir, yozuvchi va tarjimon; «Kecha va kunduz» romani muallifi.",
    },
    "fitrat": {
        "name": "Abdurauf Fitrat",
        "dates": "1886–1938",
        "variants": ["Абдурауф Фитрат", "Abdurauf Fitrat Bukhari"],
        "biography": "Buxorolik jadid yozuvchi, dramaturg va olim.",
    },
    "ibrat": {
        "name": "Ishoqxon Ibrat",
        "dates": "1862–1937",
        "variants": ["Исҳоқхон Ибрат", "Исхак-хан Ибрат", "Ishaq Khan Ibrat"],
        "biography": "Toʻraqoʻrgʻonlik maʼrifatparvar, shoir va tilshunos; 1908-yilda «Matbaai Ishoqiya» bosmaxonasini ochgan.",
    },
    "behbudiy": {
        "name": "Mahmudxoʻja Behbudiy",
        "dates": "1875–1919",
        "variants": ["Маҳмудхўжа Беҳбудий", "Махмудходжа Бехбуди", "Mahmud Khoja Behbudi"],
        "biography": "Samarqandlik jadidchilik harakati yetakchisi, «Padarkush» dramasi muallifi, «Oyina» jurnali noshiri.",
    },
    "ostroumov": {
        "name": "Nikolay Petrovich Ostroumov",
        "dates": "1846–1930",
        "variants": ["Николай Петрович Остроумов"],
        "biography": "Sharqshunos va pedagog; 1883–1917-yillarda «Turkiston viloyatining gazeti» muharriri.",
    },
    "ubaydulla": {
        "name": "Ubaydullaxoʻja Asadullaxoʻjayev",
        "dates": "",
        "variants": ["Убайдуллахўжа Асадуллахўжаев", "Убайдулла Ходжаев"],
        "biography": "Toshkentlik jadid, huquqshunos; «Sadoi Turkiston» gazetasining muharriri.",
    },
    "prokudin": {
        "name": "Sergey Mixaylovich Prokudin-Gorskiy",
        "dates": "1863–1944",
        "variants": ["Сергей Михайлович Прокудин-Горский", "Sergei Prokudin-Gorskii", "Sergey Prokudin-Gorsky"],
        "biography": "Rus fotografi va kimyogari; Rossiya imperiyasini rangli fotosuratlarda hujjatlashtirgan.",
    },
    "devonov": {
        "name": "Xudoybergan Devonov",
        "dates": "1879–1940",
        "variants": ["Худойберган Девонов", "Khudaybergen Divanov"],
        "biography": "Xivalik birinchi oʻzbek fotografi va kinooperatori.",
    },
    "penson": {
        "name": "Maks Penson",
        "dates": "1893–1959",
        "variants": ["Макс Пенсон", "Max Penson"],
        "biography": "Toshkentda ishlagan fotomuxbir; 1920–1940-yillardagi Oʻzbekiston hayotini suratga olgan.",
    },
    # Organisations
    "tgg": {
        "name": "Turkiston general-gubernatorligi kantselyariyasi",
        "kind": "organisation",
        "dates": "1867–1917",
        "variants": ["Канцелярия Туркестанского генерал-губернатора", "Turkestan Governor-General's Chancellery"],
        "biography": "Turkiston general-gubernatorligining boshqaruv idorasi; rasmiy gazetalarni chiqargan.",
    },
    "ozdavnashr": {
        "name": "Oʻzbekiston davlat nashriyoti",
        "kind": "organisation",
        "dates": "1926–",
        "variants": ["Oʻzdavnashr", "Ўздавнашр", "Узгосиздат", "State Publishing House of Uzbekistan"],
        "biography": "Oʻzbekiston SSRning davlat nashriyoti.",
    },
    "otf": {
        "name": "Oriental Translation Fund",
        "kind": "organisation",
        "dates": "1828–",
        "variants": ["Фонд восточных переводов"],
        "biography": "Londondagi Qirollik Osiyo jamiyati qoshidagi sharq matnlari tarjimalarini nashr etuvchi jamgʻarma.",
    },
}

# Subjects: key -> (label, broader key, variants)
SUBJECTS = {
    "adabiyot": ("Adabiyot", None, ["Адабиёт", "Литература", "Literature"]),
    "mumtoz": ("Mumtoz adabiyot", "adabiyot", ["Мумтоз адабиёт", "Классическая литература", "Classical literature"]),
    "sheriyat": ("Sheʼriyat", "adabiyot", ["Шеърият", "Поэзия", "Poetry"]),
    "dostonlar": ("Dostonlar", "sheriyat", ["Достонлар", "Поэмы", "Narrative poems"]),
    "nasr": ("Nasriy asarlar", "adabiyot", ["Насрий асарлар", "Проза", "Prose"]),
    "romanlar": ("Romanlar", "nasr", ["Романлар", "Романы", "Novels"]),
    "dramaturgiya": ("Dramaturgiya", "adabiyot", ["Драматургия", "Drama"]),
    "satira": ("Satira va yumor", "adabiyot", ["Сатира ва юмор", "Сатира и юмор", "Satire and humour"]),
    "tarix": ("Tarix", None, ["Тарих", "История", "History"]),
    "temuriylar": ("Temuriylar davri", "tarix", ["Темурийлар даври", "Эпоха Тимуридов", "Timurid period"]),
    "xiva_xonligi": ("Xiva xonligi", "tarix", ["Хива хонлиги", "Хивинское ханство", "Khanate of Khiva"]),
    "turkiston_gg": (
        "Turkiston general-gubernatorligi (1867–1917)",
        "tarix",
        ["Туркистон генерал-губернаторлиги", "Туркестанское генерал-губернаторство", "Turkestan Governorate-General"],
    ),
    "memuarlar": ("Memuarlar", "tarix", ["Мемуарлар", "Мемуары", "Memoirs"]),
    "fan": ("Fan tarixi", None, ["Фан тарихи", "История науки", "History of science"]),
    "astronomiya": ("Astronomiya", "fan", ["Астрономия", "Astronomy"]),
    "matematika": ("Matematika", "fan", ["Математика", "Mathematics"]),
    "tibbiyot": ("Tibbiyot", "fan", ["Тиббиёт", "Медицина", "Medicine"]),
    "tilshunoslik": ("Tilshunoslik", None, ["Тилшунослик", "Языкознание", "Linguistics"]),
    "lugatlar": ("Lugʻatlar", "tilshunoslik", ["Луғатлар", "Словари", "Dictionaries"]),
    "axloq": ("Axloq", None, ["Ахлоқ", "Этика", "Ethics"]),
    "xattotlik": ("Xattotlik", None, ["Хаттотлик", "Каллиграфия", "Calligraphy"]),
    "jadidchilik": ("Jadidchilik", None, ["Жадидчилик", "Джадидизм", "Jadidism"]),
    "talim": ("Taʼlim", None, ["Таълим", "Образование", "Education"]),
    "matbuot": ("Matbuot", None, ["Матбуот", "Периодическая печать", "Press"]),
    "gazetalar": ("Gazetalar", "matbuot", ["Газеталар", "Газеты", "Newspapers"]),
    "jurnallar": ("Jurnallar", "matbuot", ["Журналлар", "Журналы", "Magazines"]),
    "etnografiya": ("Etnografiya", None, ["Этнография", "Ethnography"]),
    "arxeologiya": ("Arxeologiya", None, ["Археология", "Archaeology"]),
    "memorchilik": ("Meʼmorchilik", None, ["Меъморчилик", "Архитектура", "Architecture"]),
    "fotografiya": ("Fotografiya", None, ["Фотография", "Photography"]),
    "rangli_foto": (
        "Rangli fotografiya",
        "fotografiya",
        ["Рангли фотография", "Цветная фотография", "Colour photography"],
    ),
    "portretlar": ("Portretlar", "fotografiya", ["Портретлар", "Портреты", "Portraits"]),
    "qishloq": ("Qishloq xoʻjaligi", None, ["Қишлоқ хўжалиги", "Сельское хозяйство", "Agriculture"]),
    "paxtachilik": ("Paxtachilik", "qishloq", ["Пахтачилик", "Хлопководство", "Cotton growing"]),
    "irrigatsiya": ("Irrigatsiya", "qishloq", ["Ирригация", "Irrigation"]),
}

# Places: key -> (name, part of key, latitude, longitude, variants, wikidata)
PLACES = {
    "uzbekistan": (
        "Oʻzbekiston",
        None,
        "41.377491",
        "64.585262",
        ["Ўзбекистон", "Узбекистан", "Uzbekistan"],
        "https://www.wikidata.org/wiki/Q265",
    ),
    "toshkent": (
        "Toshkent",
        "uzbekistan",
        "41.299496",
        "69.240073",
        ["Тошкент", "Ташкент", "Tashkent", "تاشکند"],
        "https://www.wikidata.org/wiki/Q269",
    ),
    "samarqand": (
        "Samarqand",
        "uzbekistan",
        "39.654200",
        "66.959700",
        ["Самарқанд", "Самарканд", "Samarkand", "سمرقند"],
        "",
    ),
    "registon": ("Registon", "samarqand", "39.654722", "66.975833", ["Регистон", "Регистан", "Registan"], ""),
    "shohizinda": (
        "Shohi Zinda",
        "samarqand",
        "39.663000",
        "66.988000",
        ["Шоҳи Зинда", "Шахи-Зинда", "Shah-i-Zinda"],
        "",
    ),
    "bibixonim": (
        "Bibixonim masjidi",
        "samarqand",
        "39.660800",
        "66.979400",
        ["Бибихоним масжиди", "Мечеть Биби-Ханым", "Bibi-Khanym Mosque"],
        "",
    ),
    "guramir": ("Goʻri Amir", "samarqand", "39.648300", "66.969200", ["Гўри Амир", "Гур-Эмир", "Gur-e Amir"], ""),
    "buxoro": ("Buxoro", "uzbekistan", "39.774700", "64.428600", ["Бухоро", "Бухара", "Bukhara", "بخارا"], ""),
    "xiva": ("Xiva", "uzbekistan", "41.378300", "60.363900", ["Хива", "Khiva", "خیوه"], ""),
    "qoqon": ("Qoʻqon", "uzbekistan", "40.528600", "70.942500", ["Қўқон", "Коканд", "Kokand"], ""),
    "andijon": ("Andijon", "uzbekistan", "40.782100", "72.344200", ["Андижон", "Андижан", "Andijan"], ""),
    "toraqorgon": (
        "Toʻraqoʻrgʻon",
        "uzbekistan",
        "40.998900",
        "71.510600",
        ["Тўрақўрғон", "Туракурган", "Turakurgan"],
        "",
    ),
    "fargona_vodiysi": (
        "Fargʻona vodiysi",
        None,
        "40.750000",
        "71.750000",
        ["Фарғона водийси", "Ферганская долина", "Fergana Valley"],
        "",
    ),
    "hirot": ("Hirot", None, "34.352900", "62.204000", ["Ҳирот", "Герат", "Herat", "هرات"], ""),
    "qozon": ("Qozon", None, "55.796400", "49.108900", ["Қозон", "Казань", "Kazan"], ""),
    "istanbul": ("Istanbul", None, "41.008200", "28.978400", ["Истанбул", "Стамбул", "İstanbul"], ""),
}

# --- Items ----------------------------------------------------------------------------------
# Agents: (key, MARC relator code). Pages: labels of the generated page images, first is representative.
# Relations point only at items listed earlier, so their targets exist when the item is created.

LOC_PROKUDIN = ("https://www.loc.gov/pictures/collection/prok/", "Library of Congress: Prokudin-Gorskii Collection")
LOC_TURKESTAN = ("https://www.loc.gov/pictures/collection/turkestan/", "Library of Congress: Turkestan Album")
PROKUDIN_SOURCE = "Library of Congress, Prints and Photographs Division, Prokudin-Gorskii Collection"
PROKUDIN_FORMAT = "raqamli nusxa; asli — shisha negativ (uch rangli ajratish)"

ITEMS = [
    # --- Manuscripts ---------------------------------------------------------------------
    {
        "legacy": "demo-001",
        "collection": "navoi-manuscripts",
        "title": "Xamsa",
        "title_language": "chg-Latn",
        "alt": [("خمسه", "chg"), ("Хамса", "uz-Cyrl"), ("Хамса (Пятерица)", "ru"), ("Khamsa (The Quintet)", "en")],
        "agents": [("navoiy", "aut")],
        "date": "XVI asr",
        "format": "qogʻoz, siyoh, boʻyoqlar, zarhal; nastaʼliq xati",
        "extent": "338 varaq; 27 × 17 sm",
        "languages": ["chg"],
        "subjects": ["dostonlar", "mumtoz", "xattotlik"],
        "places": ["buxoro"],
        "rights": "pdm",
        "shelfmark": "InvNo 1721",
        "description": (
            "<p>Alisher Navoiyning besh dostondan iborat «Xamsa»si: «Hayrat ul-abror», «Farhod va Shirin», "
            "«Layli va Majnun», «Sabʼai sayyor» va «Saddi Iskandariy» (1483–1485).</p>"
            "<p>Nusxa XVI asrda Buxoroda koʻchirilgan; matn toʻrt ustunda nastaʼliq xatida yozilgan, "
            "sarlavhalar lojuvard va zarhal bilan bezatilgan. Hoshiyalarda keyingi egalarning qaydlari bor.</p>"
        ),
        "pages": ["f. 1r", "f. 1v", "f. 2r"],
        "colour": "aged",
    },
    {
        "legacy": "demo-002",
        "collection": "navoi-manuscripts",
        "title": "Xazoyin ul-maoniy",
        "title_language": "chg-Latn",
        "alt": [
            ("خزائن المعانی", "chg"),
            ("Хазойин ул-маоний", "uz-Cyrl"),
            ("Сокровищница мыслей", "ru"),
            ("Treasury of Thoughts", "en"),
        ],
        "agents": [("navoiy", "aut"), ("sultonali", "cll")],
        "date": "c. 1500",
        "format": "qogʻoz, siyoh, zarhal; nastaʼliq xati",
        "extent": "421 varaq; 25 × 16 sm",
        "languages": ["chg"],
        "subjects": ["sheriyat", "mumtoz", "xattotlik", "temuriylar"],
        "places": ["hirot"],
        "rights": "pdm",
        "shelfmark": "InvNo 1722",
        "description": (
            "<p>Navoiy 1498–1499-yillarda tuzgan toʻrt devon: «Gʻaroyib us-sigʻar», «Navodir ush-shabob», "
            "«Badoyeʼ ul-vasat» va «Favoyid ul-kibar».</p>"
            "<p>Kolofondagi qayd asosida nusxa Hirotda xattot Sultonali Mashhadiyga nisbat beriladi; "
            "nisbat hali mutaxassislar tomonidan tekshirilmoqda.</p>"
        ),
        "pages": ["f. 1r", "f. 1v", "f. 212r", "f. 421v"],
        "colour": "tinted",
    },
    {
        "legacy": "demo-003",
        "collection": "navoi-manuscripts",
        "title": "Mahbub ul-qulub",
        "title_language": "chg-Latn",
        "alt": [
            ("محبوب القلوب", "chg"),
            ("Маҳбуб ул-қулуб", "uz-Cyrl"),
            ("Возлюбленный сердец", "ru"),
            ("Beloved of Hearts", "en"),
        ],
        "agents": [("navoiy", "aut")],
        "date": "1250 AH",
        "format": "qogʻoz, siyoh; nastaʼliq xati",
        "extent": "96 varaq; 21 × 13 sm",
        "languages": ["chg"],
        "subjects": ["axloq", "nasr", "mumtoz"],
        "places": ["qoqon"],
        "rights": "pdm",
        "shelfmark": "InvNo 2310",
        "description": (
            "<p>Navoiyning umrining oxirida (1500) yozgan axloqiy-taʼlimiy nasriy asari: jamiyat "
            "tabaqalarining tavsifi, axloqiy fazilatlar haqida boblar va hikmatli soʻzlar.</p>"
            "<p>Nusxa 1250-hijriy (1834/35) yilda Qoʻqonda koʻchirilgan; kolofondagi kotib ismi oʻchib ketgan.</p>"
        ),
        "pages": ["f. 1r", "f. 1v"],
        "colour": "cream",
    },
    {
        "legacy": "demo-004",
        "collection": "navoi-manuscripts",
        "title": "Muhokamat ul-lugʻatayn",
        "title_language": "chg-Latn",
        "alt": [
            ("محاكمة اللغتين", "chg"),
            ("Муҳокамат ул-луғатайн", "uz-Cyrl"),
            ("Суд двух языков", "ru"),
            ("Judgment of Two Languages", "en"),
        ],
        "agents": [("navoiy", "aut")],
        "date": "XIX asr",
        "format": "qogʻoz, siyoh; nastaʼliq xati",
        "extent": "34 varaq; 22 × 14 sm",
        "languages": ["chg"],
        "subjects": ["tilshunoslik", "mumtoz"],
        "places": ["xiva"],
        "rights": "pdm",
        "shelfmark": "InvNo 3105",
        "description": (
            "<p>Navoiyning 1499-yilda yozgan risolasi: turkiy va forsiy tillarni qiyoslab, turkiy tilning "
            "badiiy imkoniyatlarini asoslaydi.</p><p>XIX asrda Xivada koʻchirilgan majmua tarkibida.</p>"
        ),
        "pages": ["f. 1r", "f. 1v"],
        "colour": "aged",
    },
    {
        "legacy": "demo-005",
        "collection": "navoi-manuscripts",
        "title": "Devoni Foniy",
        "title_language": "fa-Latn",
        "alt": [("دیوان فانی", "fa"), ("Девони Фоний", "uz-Cyrl"), ("Диван Фани", "ru"), ("Divan of Fani", "en")],
        "agents": [("navoiy", "aut")],
        "date": "XVI asr",
        "format": "qogʻoz, siyoh, zarhal; nastaʼliq xati",
        "extent": "187 varaq; 24 × 15 sm",
        "languages": ["fas"],
        "subjects": ["sheriyat", "mumtoz"],
        "places": [],
        "rights": "pdm",
        "shelfmark": "InvNo 1894",
        "description": (
            "<p>Navoiyning «Foniy» taxallusi bilan fors tilida yozgan sheʼrlari devoni. Gʻazallar radif "
            "harflari tartibida joylashtirilgan, hoshiyalar oltin suvi bilan chizilgan.</p>"
        ),
        "pages": ["f. 1v", "f. 2r"],
        "colour": "tinted",
    },
    {
        "legacy": "demo-006",
        "collection": "manuscripts",
        "title": "Boburnoma",
        "title_language": "chg-Latn",
        "alt": [
            ("بابرنامه", "chg"),
            ("Vaqoyiʼ", "chg-Latn"),
            ("Бобурнома", "uz-Cyrl"),
            ("Бабур-наме", "ru"),
            ("Baburnama", "en"),
        ],
        "agents": [("bobur", "aut")],
        "date": "XVIII asr",
        "format": "qogʻoz, siyoh; nastaʼliq xati",
        "extent": "382 varaq; 24 × 15 sm",
        "languages": ["chg"],
        "subjects": ["memuarlar", "temuriylar"],
        "places": ["andijon", "samarqand", "fargona_vodiysi"],
        "temporal_coverage": "1494–1529",
        "rights": "pdm",
        "shelfmark": "InvNo 1940",
        "description": (
            "<p>Zahiriddin Muhammad Boburning «Vaqoyiʼ» nomi bilan ham maʼlum memuar asari: 1494-yildan "
            "1529-yilgacha boʻlgan voqealar, Fargʻona, Samarqand, Kobul va Hindistonning tabiati, shaharlari "
            "va odamlari tavsifi.</p><p>Chigʻatoy tilidagi nusxa, XVIII asrda koʻchirilgan.</p>"
        ),
        "pages": ["f. 1v", "f. 2r", "f. 97r"],
        "colour": "aged",
    },
    {
        "legacy": "demo-007",
        "collection": "manuscripts",
        "title": "Zij-i jadidi Koʻragoniy",
        "title_language": "fa-Latn",
        "alt": [
            ("زیج جدید کورگانی", "fa"),
            ("Зижи жадиди Кўрагоний", "uz-Cyrl"),
            ("Новые Гурагановы астрономические таблицы", "ru"),
            ("Zij-i Sultani", "en"),
        ],
        "agents": [("ulugbek", "aut")],
        "date": "XVII asr",
        "format": "qogʻoz, qora va qizil siyoh; nastaʼliq xati",
        "extent": "164 varaq; 29 × 18 sm",
        "languages": ["fas"],
        "subjects": ["astronomiya", "temuriylar"],
        "places": ["samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 2045",
        "description": (
            "<p>Mirzo Ulugʻbek rahbarligida Samarqand rasadxonasida tuzilgan astronomik jadvallar: "
            "xronologiya, trigonometriya va sayyoralar harakati haqidagi boblar hamda 1018 yulduzning "
            "koordinatalari keltirilgan katalog.</p><p>Nusxa XVII asrda koʻchirilgan; jadvallar qizil va qora "
            "siyohda chizilgan.</p>"
        ),
        "pages": ["f. 1r", "f. 64v", "f. 65r"],
        "colour": "cream",
    },
    {
        "legacy": "demo-008",
        "collection": "manuscripts",
        "title": "Al-Qonun fi-t-tibb",
        "title_language": "ar-Latn",
        "alt": [
            ("القانون في الطب", "ar"),
            ("Тиб қонунлари", "uz-Cyrl"),
            ("Канон врачебной науки", "ru"),
            ("The Canon of Medicine", "en"),
        ],
        "agents": [("ibnsino", "aut")],
        "date": "1054 AH",
        "format": "qogʻoz, siyoh; nasx xati",
        "extent": "248 varaq; 26 × 17 sm",
        "languages": ["ara"],
        "subjects": ["tibbiyot"],
        "places": ["buxoro"],
        "rights": "pdm",
        "shelfmark": "InvNo 2207",
        "description": (
            "<p>Abu Ali ibn Sinoning besh kitobdan iborat tibbiyot qomusi. Ushbu jildda ikkinchi kitob — "
            "oddiy dorivor vositalar haqidagi qism saqlangan.</p><p>Nusxa 1054-hijriy (1644/45) yilda "
            "koʻchirilgan; hoshiyalarida keyingi tabiblarning izohlari bor.</p>"
        ),
        "pages": ["f. 1v", "f. 2r", "f. 3r"],
        "colour": "tinted",
    },
    {
        "legacy": "demo-009",
        "collection": "manuscripts",
        "title": "Zafarnoma",
        "title_language": "fa-Latn",
        "alt": [("ظفرنامه", "fa"), ("Зафарнома", "uz-Cyrl"), ("Книга побед", "ru"), ("The Book of Victories", "en")],
        "agents": [("yazdiy", "aut")],
        "date": "XVI asr",
        "format": "qogʻoz, siyoh, zarhal; nastaʼliq xati",
        "extent": "276 varaq; 33 × 21 sm",
        "languages": ["fas"],
        "subjects": ["temuriylar", "tarix"],
        "places": ["samarqand"],
        "temporal_coverage": "Amir Temur davri (1370–1405)",
        "rights": "pdm",
        "access": "staff",
        "shelfmark": "InvNo 1507",
        "description": (
            "<p>Sharafuddin Ali Yazdiyning Amir Temur hayoti va yurishlari haqidagi tarixi (1424–1425).</p>"
            "<p><strong>Nega faqat xodimlar uchun:</strong> qoʻlyozmaning qogʻozi moʻrt, muqovasi ajralib "
            "qolgan. Restavratsiya tugaguniga qadar nusxa va uning raqamli tasvirlari faqat kutubxona "
            "xodimlariga ochiq.</p>"
        ),
        "pages": ["f. 1r", "f. 1v", "f. 2r"],
        "colour": "aged",
    },
    {
        "legacy": "demo-010",
        "collection": "manuscripts",
        "title": "Firdavs ul-iqbol",
        "title_language": "chg-Latn",
        "alt": [
            ("فردوس الاقبال", "chg"),
            ("Фирдавс ул-иқбол", "uz-Cyrl"),
            ("Firdaws al-iqbal: History of Khorezm", "en"),
        ],
        "agents": [("munis", "aut"), ("ogahiy", "aut")],
        "date": "XIX asr",
        "format": "qogʻoz, siyoh; nastaʼliq xati",
        "extent": "512 varaq; 31 × 19 sm",
        "languages": ["chg"],
        "subjects": ["xiva_xonligi", "tarix"],
        "places": ["xiva"],
        "rights": "pdm",
        "shelfmark": "InvNo 3180",
        "description": (
            "<p>Xiva xonligi tarixi: Shermuhammad Munis boshlagan va uning jiyani Muhammad Rizo Ogahiy "
            "nihoyasiga yetkazgan solnoma. Nusxa XIX asrda Xivada koʻchirilgan.</p>"
        ),
        "pages": ["f. 1v", "f. 2r"],
        "colour": "cream",
    },
    {
        "legacy": "demo-011",
        "collection": "manuscripts",
        "title": "Taʼviz ul-oshiqin",
        "title_language": "chg-Latn",
        "alt": [("تعویذ العاشقین", "chg"), ("Таъвиз ул-ошиқин", "uz-Cyrl"), ("Amulet of Lovers", "en")],
        "agents": [("ogahiy", "aut")],
        "date": "1290 AH",
        "format": "qogʻoz, siyoh; nastaʼliq xati",
        "extent": "241 varaq; 23 × 15 sm",
        "languages": ["chg"],
        "subjects": ["sheriyat", "mumtoz"],
        "places": ["xiva"],
        "rights": "pdm",
        "shelfmark": "InvNo 3211",
        "description": (
            "<p>Muhammad Rizo Ogahiyning 1872-yilda tartib bergan devoni. Nusxa 1290-hijriy (1873/74) "
            "yilda Xivada, shoirning hayotligida koʻchirilgan.</p>"
        ),
        "pages": ["f. 1v", "f. 2r"],
        "colour": "tinted",
    },
    # --- Rare books -----------------------------------------------------------------------
    {
        "legacy": "demo-012",
        "collection": "rare-books",
        "also": ["photographs"],
        "title": "Туркестанскій альбомъ",
        "title_language": "ru",
        "alt": [
            ("Туркестанский альбом", "ru"),
            ("Turkiston albomi", "uz-Latn"),
            ("Туркистон альбоми", "uz-Cyrl"),
            ("Turkestan Album", "en"),
        ],
        "agents": [("kun", "com"), ("kaufman", "pat")],
        "date": "1871–1872",
        "dcmi_type": "Collection",
        "format": "albumin fotosuratlar, chizmalar, xaritalar; kartonga yopishtirilgan",
        "extent": "4 qism, 6 jild",
        "languages": ["rus"],
        "subjects": ["etnografiya", "arxeologiya", "turkiston_gg"],
        "places": ["toshkent", "samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 5001",
        "relations": [("relation", LOC_TURKESTAN)],
        "description": (
            "<p>Turkiston general-gubernatori K. P. fon Kaufman buyrugʻi bilan 1871–1872-yillarda tayyorlangan "
            "albom: arxeologik, etnografik, hunarmandchilik va tarixiy qismlardan iborat, mingdan ortiq "
            "fotosurat, chizma va xaritani oʻz ichiga oladi. Asosiy qismlarini sharqshunos A. L. Kun tuzgan.</p>"
        ),
        "pages": ["Muqova", "Titul varaq"],
        "size": "album",
        "colour": "card",
    },
    {
        "legacy": "demo-013",
        "collection": "rare-books",
        "also": ["photographs"],
        "title": "Туркестанскій альбомъ. Часть этнографическая",
        "title_language": "ru",
        "alt": [("Turkiston albomi. Etnografik qism", "uz-Latn"), ("Turkestan Album. Ethnographic Part", "en")],
        "agents": [("kun", "com")],
        "date": "1872",
        "dcmi_type": "StillImage",
        "format": "albumin fotosuratlar, kartonga yopishtirilgan",
        "extent": "2 jild; 45 × 60 sm",
        "languages": ["rus"],
        "subjects": ["etnografiya", "portretlar"],
        "places": ["toshkent", "samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 5002",
        "relations": [("isPartOf", "demo-012")],
        "description": (
            "<p>Albomning etnografik qismi: Turkiston xalqlarining qiyofasi, kiyim-kechagi, turar joylari va "
            "kundalik hayoti tasvirlangan portret va manzarali fotosuratlar.</p>"
        ),
        "pages": ["l. 1", "l. 12", "l. 47"],
        "size": "album",
        "colour": "card",
    },
    {
        "legacy": "demo-014",
        "collection": "rare-books",
        "also": ["photographs"],
        "title": "Туркестанскій альбомъ. Часть археологическая",
        "title_language": "ru",
        "alt": [("Turkiston albomi. Arxeologik qism", "uz-Latn"), ("Turkestan Album. Archaeological Part", "en")],
        "agents": [("kun", "com")],
        "date": "1871",
        "dcmi_type": "StillImage",
        "format": "albumin fotosuratlar, kartonga yopishtirilgan",
        "extent": "2 jild; 45 × 60 sm",
        "languages": ["rus"],
        "subjects": ["arxeologiya", "memorchilik"],
        "places": ["samarqand", "shohizinda", "guramir"],
        "rights": "pdm",
        "shelfmark": "InvNo 5003",
        "relations": [("isPartOf", "demo-012")],
        "description": (
            "<p>Albomning arxeologik qismi: Samarqand yodgorliklari — Goʻri Amir, Shohi Zinda, Bibixonim, "
            "Registon madrasalari — umumiy koʻrinishlari, bezak tafsilotlari va yozuvlari.</p>"
        ),
        "pages": ["l. 1", "l. 5", "l. 23", "l. 38"],
        "size": "album",
        "colour": "card",
    },
    {
        "legacy": "demo-015",
        "collection": "rare-books",
        "title": "Baber-nameh diagataice ad fidem codicis Petropolitani",
        "title_language": "la",
        "alt": [("بابرنامه", "chg"), ("Бабер-наме", "ru"), ("Boburnoma. Qozon nashri", "uz-Latn")],
        "agents": [("bobur", "aut"), ("ilminskiy", "edt")],
        "date": "1857",
        "format": "qogʻoz; arab yozuvida bosilgan",
        "extent": "1 jild; 25 sm",
        "place_of_publication": "Qozon",
        "languages": ["chg", "lat"],
        "subjects": ["memuarlar", "temuriylar"],
        "places": ["qozon"],
        "rights": "pdm",
        "shelfmark": "InvNo 5120",
        "relations": [("isVersionOf", "demo-006")],
        "description": (
            "<p>«Boburnoma»ning birinchi bosma nashri: chigʻatoycha matn Sankt-Peterburgdagi qoʻlyozma asosida "
            "N. I. Ilminskiy tomonidan nashrga tayyorlangan. Titul varagʻi lotin tilida.</p>"
        ),
        "pages": ["Titul varaq", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-016",
        "collection": "rare-books",
        "title": "The Bābur-nāma in English (Memoirs of Bābur)",
        "title_language": "en",
        "alt": [("Boburnoma. Inglizcha tarjima", "uz-Latn"), ("Бобурнома. Инглизча таржима", "uz-Cyrl")],
        "agents": [("bobur", "aut"), ("beveridge", "trl")],
        "date": "1922",
        "format": "qogʻoz; bosma",
        "extent": "2 jild; 25 sm",
        "publisher": "Luzac & Co.",
        "place_of_publication": "London",
        "languages": ["eng"],
        "subjects": ["memuarlar", "temuriylar"],
        "places": [],
        "rights": "pdm",
        "shelfmark": "InvNo 5121",
        "relations": [("isVersionOf", "demo-006")],
        "description": (
            "<p>«Boburnoma»ning asl turkiy matndan ingliz tiliga qilingan toʻliq tarjimasi; tarjimon "
            "Annette Beveridge izohlar, koʻrsatkichlar va xaritalar bilan taʼminlagan.</p>"
        ),
        "pages": ["Titul varaq", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-017",
        "collection": "rare-books",
        "title": "The Algebra of Mohammed ben Musa",
        "title_language": "en",
        "alt": [
            ("الكتاب المختصر في حساب الجبر والمقابلة", "ar"),
            ("Al-kitob al-muxtasar fi hisob al-jabr va-l-muqobala", "uz-Latn"),
            ("Краткая книга об исчислении алгебры и алмукабалы", "ru"),
        ],
        "agents": [("xorazmiy", "aut"), ("rosen", "edt"), ("rosen", "trl"), ("otf", "pbl")],
        "date": "1831",
        "format": "qogʻoz; bosma",
        "extent": "XVI, 208 b.; 23 sm",
        "publisher": "Oriental Translation Fund",
        "place_of_publication": "London",
        "languages": ["eng", "ara"],
        "subjects": ["matematika"],
        "places": [],
        "rights": "pdm",
        "shelfmark": "InvNo 5210",
        "description": (
            "<p>Muhammad ibn Muso al-Xorazmiyning algebra haqidagi risolasining arabcha matni va inglizcha "
            "tarjimasi bilan birinchi nashri; nashrga Fridrix Avgust Rozen tayyorlagan. «Algebra» atamasi "
            "asar nomidagi «al-jabr» soʻzidan kelib chiqqan.</p>"
        ),
        "pages": ["Titul varaq", "p. 1", "p. 2"],
        "colour": "cream",
    },
    {
        "legacy": "demo-018",
        "collection": "rare-books",
        "title": "Chronologie orientalischer Völker von Albêrûnî",
        "title_language": "de",
        "alt": [
            ("الآثار الباقية عن القرون الخالية", "ar"),
            ("Qadimgi xalqlardan qolgan yodgorliklar", "uz-Latn"),
            ("Памятники минувших поколений", "ru"),
            ("The Chronology of Ancient Nations", "en"),
        ],
        "agents": [("beruniy", "aut"), ("sachau", "edt")],
        "date": "1878",
        "format": "qogʻoz; bosma",
        "extent": "1 jild; 29 sm",
        "publisher": "F. A. Brockhaus",
        "place_of_publication": "Leipzig",
        "languages": ["ara", "deu"],
        "subjects": ["astronomiya", "tarix"],
        "places": [],
        "rights": "pdm",
        "shelfmark": "InvNo 5305",
        "description": (
            "<p>Beruniyning turli xalqlarning taqvim va bayramlari haqidagi «al-Osor al-boqiya» asarining "
            "arabcha matni; nashrga nemis sharqshunosi Eduard Zaxau tayyorlagan.</p>"
        ),
        "pages": ["Titul varaq", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-019",
        "collection": "rare-books",
        "title": "Alberuni's India",
        "title_language": "en",
        "alt": [("كتاب تحقيق ما للهند", "ar"), ("Hindiston", "uz-Latn"), ("Индия", "ru")],
        "agents": [("beruniy", "aut"), ("sachau", "trl")],
        "date": "1888",
        "format": "qogʻoz; bosma",
        "extent": "2 jild; 23 sm",
        "publisher": "Trübner & Co.",
        "place_of_publication": "London",
        "languages": ["eng"],
        "subjects": ["tarix", "etnografiya"],
        "places": [],
        "rights": "pdm",
        "shelfmark": "InvNo 5306",
        "description": (
            "<p>Beruniyning Hindiston dini, falsafasi, adabiyoti, geografiyasi va astronomiyasi haqidagi "
            "asarining Eduard Zaxau qilgan inglizcha tarjimasi.</p>"
        ),
        "pages": ["Titul varaq", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-020",
        "collection": "rare-books",
        "title": "Lugʻati sitta alsina",
        "title_language": "uz-Latn",
        "alt": [
            ("Луғати ситта алсина", "uz-Cyrl"),
            ("Словарь шести языков", "ru"),
            ("Dictionary of Six Languages", "en"),
        ],
        "agents": [("ibrat", "com")],
        "date": "1901",
        "format": "toshbosma (litografiya), qogʻoz",
        "extent": "1 jild; 27 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb", "ara", "fas", "rus"],
        "subjects": ["lugatlar", "jadidchilik"],
        "places": ["toshkent", "toraqorgon"],
        "rights": "pdm",
        "shelfmark": "InvNo 5402",
        "description": (
            "<p>Ishoqxon Ibratning olti tildagi soʻzlarni qiyoslovchi lugʻati — Turkistonda yangi usul "
            "maktablari uchun tuzilgan ilk koʻp tilli lugʻatlardan biri. Toshkentda toshbosma usulida "
            "chop etilgan.</p>"
        ),
        "pages": ["Titul varaq", "p. 2", "p. 3"],
        "colour": "tinted",
    },
    {
        "legacy": "demo-021",
        "collection": "rare-books",
        "title": "Chor devon",
        "title_language": "chg-Latn",
        "alt": [("چهار دیوان", "chg"), ("Чор девон", "uz-Cyrl"), ("Четыре дивана", "ru")],
        "agents": [("navoiy", "aut")],
        "date": "c. 1900",
        "format": "toshbosma (litografiya), qogʻoz",
        "extent": "1 jild; 30 sm",
        "place_of_publication": "Toshkent",
        "languages": ["chg"],
        "subjects": ["sheriyat", "mumtoz"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 5408",
        "relations": [("isVersionOf", "demo-002")],
        "description": (
            "<p>Navoiyning «Xazoyin ul-maoniy» toʻrt devonining toshbosma nashri. XIX asr oxiri — XX asr "
            "boshida Toshkent toshbosmaxonalari Navoiy devonlarini koʻp marta nashr etgan.</p>"
        ),
        "pages": ["Titul varaq", "p. 2"],
        "colour": "tinted",
    },
    {
        "legacy": "demo-022",
        "collection": "rare-books",
        "title": "Munozara",
        "title_language": "fa-Latn",
        "alt": [
            ("مناظره", "fa"),
            ("Мунозара", "uz-Cyrl"),
            ("Спор бухарского мударриса с европейцем в Индии", "ru"),
            ("The Debate", "en"),
        ],
        "agents": [("fitrat", "aut")],
        "date": "1909",
        "format": "qogʻoz; bosma",
        "extent": "1 jild; 20 sm",
        "place_of_publication": "Istanbul",
        "languages": ["fas"],
        "subjects": ["jadidchilik", "talim"],
        "places": ["istanbul", "buxoro"],
        "rights": "pdm",
        "shelfmark": "InvNo 5501",
        "description": (
            "<p>Abdurauf Fitratning Istanbulda fors tilida bosilgan risolasi: buxorolik mudarris va yevropalik "
            "sayyoh oʻrtasidagi bahs shaklida yangi usul maktablari va taʼlim islohoti himoya qilinadi.</p>"
        ),
        "pages": ["Muqova", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-023",
        "collection": "rare-books",
        "title": "Abulfayzxon",
        "title_language": "uz-Latn",
        "alt": [("Абулфайзхон", "uz-Cyrl"), ("Абулфайз-хан", "ru"), ("Abulfayz Khan", "en")],
        "agents": [("fitrat", "aut")],
        "date": "1924",
        "format": "qogʻoz; arab yozuvida bosilgan",
        "extent": "1 jild; 19 sm",
        "place_of_publication": "Moskva",
        "languages": ["uzb"],
        "subjects": ["dramaturgiya", "tarix"],
        "places": ["buxoro"],
        "rights": "pdm",
        "shelfmark": "InvNo 5502",
        "description": (
            "<p>Fitratning Buxoro xoni Abulfayzxon (hukmronligi 1711–1747) saroyidagi fojiali voqealar "
            "haqidagi tarixiy dramasi.</p>"
        ),
        "pages": ["Muqova", "p. 3"],
        "colour": "cream",
    },
    {
        "legacy": "demo-024",
        "collection": "rare-books",
        "title": "Oʻtkan kunlar",
        "title_language": "uz-Latn",
        "alt": [("اوتکن کونلر", "uz-Arab"), ("Ўтган кунлар", "uz-Cyrl"), ("Минувшие дни", "ru"), ("Bygone Days", "en")],
        "agents": [("qodiriy", "aut")],
        "date": "1926",
        "format": "qogʻoz; arab yozuvida bosilgan",
        "extent": "3-qism; 20 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["romanlar"],
        "places": ["toshkent"],
        "temporal_coverage": "XIX asr oʻrtalari",
        "rights": "pdm",
        "shelfmark": "InvNo 5601",
        "description": (
            "<p>Oʻzbek adabiyotidagi birinchi roman; voqealar XIX asr oʻrtalarida Toshkent va Margʻilonda "
            "kechadi. Roman 1925–1926-yillarda uch qism boʻlib kitob holida bosilgan; ushbu nusxa — "
            "uchinchi qismning birinchi nashri.</p>"
        ),
        "pages": ["Muqova", "Titul varaq", "p. 1"],
        "colour": "cream",
    },
    {
        "legacy": "demo-025",
        "collection": "rare-books",
        "title": "Kecha va kunduz",
        "title_language": "uz-Latn",
        "alt": [("Кеча ва кундуз", "uz-Cyrl"), ("Ночь и день", "ru"), ("Night and Day", "en")],
        "agents": [("cholpon", "aut"), ("ozdavnashr", "pbl")],
        "date": "1936",
        "format": "qogʻoz; lotin yozuvida bosilgan",
        "extent": "1 jild; 20 sm",
        "publisher": "Oʻzdavnashr",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["romanlar"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 5602",
        "description": (
            "<p>Choʻlponning mustamlaka davri Turkistonidagi ayol taqdiri haqidagi romani. Dilogiyaning "
            "birinchi kitobi «Kecha» — muallif hayotligida nashr etilgan yagona qismi.</p>"
        ),
        "pages": ["Muqova", "Titul varaq"],
        "colour": "cream",
    },
    # --- Periodicals ----------------------------------------------------------------------
    {
        "legacy": "demo-026",
        "collection": "periodicals",
        "title": "Туркестанскія вѣдомости. 1870, № 1",
        "title_language": "ru",
        "alt": [("Туркестанские ведомости. 1870, № 1", "ru"), ("Turkestanskie vedomosti, 1870, no. 1", "en")],
        "agents": [("tgg", "pbl")],
        "date": "1870",
        "format": "gazeta; qogʻoz",
        "extent": "4 b.; 44 sm",
        "publisher": "Turkiston general-gubernatorligi kantselyariyasi",
        "place_of_publication": "Toshkent",
        "languages": ["rus"],
        "subjects": ["gazetalar", "turkiston_gg"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 7001",
        "description": (
            "<p>Turkiston general-gubernatorligining rasmiy gazetasi (1870–1917) — Oʻrta Osiyodagi birinchi "
            "davriy nashrlardan biri. Ushbu nusxa — 1870-yil aprelida chiqqan birinchi son.</p>"
        ),
        "pages": ["p. 1", "p. 2", "p. 3", "p. 4"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-027",
        "collection": "turkiston-viloyatining-gazeti",
        "title": "Turkiston viloyatining gazeti. 1873, № 5",
        "title_language": "uz-Latn",
        "alt": [
            ("تورکستان ولایتینینگ گزیتی", "uz-Arab"),
            ("Туркистон вилоятининг газети", "uz-Cyrl"),
            ("Туркестанская туземная газета", "ru"),
        ],
        "agents": [("tgg", "pbl")],
        "date": "1873",
        "format": "gazeta; qogʻoz",
        "extent": "2 b.; 42 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["gazetalar", "turkiston_gg"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 7101",
        "description": (
            "<p>Oʻzbek tilidagi birinchi gazeta; 1870-yildan «Туркестанские ведомости»ga ilova sifatida "
            "chiqa boshlagan. 1870-yillardagi sonlarda rasmiy farmoyishlar, bozor narxlari va mahalliy "
            "yangiliklar bosilgan.</p>"
        ),
        "pages": ["p. 1", "p. 2"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-028",
        "collection": "turkiston-viloyatining-gazeti",
        "title": "Turkiston viloyatining gazeti. 1883, № 1",
        "title_language": "uz-Latn",
        "alt": [("Туркистон вилоятининг газети. 1883, № 1", "uz-Cyrl"), ("Туркестанская туземная газета", "ru")],
        "agents": [("ostroumov", "edt"), ("tgg", "pbl")],
        "date": "1883",
        "format": "gazeta; qogʻoz",
        "extent": "4 b.; 42 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["gazetalar", "turkiston_gg"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 7102",
        "description": (
            "<p>N. P. Ostroumov muharrirligidagi birinchi yilning soni. Gazetada rasmiy xabarlar bilan bir "
            "qatorda tarix, geografiya va tibbiyotga oid maʼrifiy maqolalar bosila boshlagan.</p>"
        ),
        "pages": ["p. 1", "p. 2", "p. 3"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-029",
        "collection": "turkiston-viloyatining-gazeti",
        "title": "Turkiston viloyatining gazeti. 1913, № 40",
        "title_language": "uz-Latn",
        "alt": [("Туркистон вилоятининг газети. 1913, № 40", "uz-Cyrl")],
        "agents": [("ostroumov", "edt")],
        "date": "1913",
        "format": "gazeta; qogʻoz",
        "extent": "4 b.; 44 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["gazetalar"],
        "places": ["toshkent"],
        "rights": "pdm",
        "draft": True,
        "shelfmark": "InvNo 7103",
        "description": (
            "<p><strong>Qoralama:</strong> katalog yozuvi tayyorlanmoqda — sonning tarkibi va sahifalar "
            "tavsifi hali tekshirilmagan, shu sababli yozuv eʼlon qilinmagan.</p>"
        ),
        "pages": ["p. 1"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-030",
        "collection": "periodicals",
        "title": "Oyina",
        "title_language": "uz-Latn",
        "alt": [("آینه", "uz-Arab"), ("Ойина", "uz-Cyrl"), ("Ойина (Зеркало)", "ru"), ("Oyina (The Mirror)", "en")],
        "agents": [("behbudiy", "edt")],
        "date": "1913–1915",
        "format": "jurnal; qogʻoz",
        "extent": "haftalik jurnal",
        "publisher": "Mahmudxoʻja Behbudiy",
        "place_of_publication": "Samarqand",
        "languages": ["uzb", "fas"],
        "subjects": ["jurnallar", "jadidchilik", "talim"],
        "places": ["samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 7201",
        "description": (
            "<p>Mahmudxoʻja Behbudiy Samarqandda chiqargan haftalik jurnal (1913–1915), jadidlarning asosiy "
            "nashrlaridan biri. Maqolalar oʻzbek va fors tillarida bosilgan; taʼlim, til, tarix va ijtimoiy "
            "islohotlar masalalari yoritilgan.</p>"
        ),
        "pages": ["Muqova"],
        "colour": "newsprint",
    },
    {
        "legacy": "demo-031",
        "collection": "periodicals",
        "title": "Oyina. 1913, № 1",
        "title_language": "uz-Latn",
        "alt": [("آینه", "uz-Arab"), ("Ойина. 1913, № 1", "uz-Cyrl")],
        "agents": [("behbudiy", "edt")],
        "date": "1913",
        "format": "jurnal; qogʻoz",
        "extent": "24 b.; 26 sm",
        "publisher": "Mahmudxoʻja Behbudiy",
        "place_of_publication": "Samarqand",
        "languages": ["uzb", "fas"],
        "subjects": ["jurnallar", "jadidchilik"],
        "places": ["samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 7202",
        "relations": [("isPartOf", "demo-030")],
        "description": "<p>Jurnalning birinchi soni: noshirning soʻzboshisi va jurnal dasturi.</p>",
        "pages": ["Muqova", "p. 1", "p. 2"],
        "colour": "newsprint",
    },
    {
        "legacy": "demo-032",
        "collection": "periodicals",
        "title": "Oyina. 1914, № 12",
        "title_language": "uz-Latn",
        "alt": [("Ойина. 1914, № 12", "uz-Cyrl")],
        "agents": [("behbudiy", "edt")],
        "date": "1914",
        "format": "jurnal; qogʻoz",
        "extent": "24 b.; 26 sm",
        "publisher": "Mahmudxoʻja Behbudiy",
        "place_of_publication": "Samarqand",
        "languages": ["uzb", "fas"],
        "subjects": ["jurnallar", "jadidchilik", "talim"],
        "places": ["samarqand"],
        "rights": "pdm",
        "shelfmark": "InvNo 7203",
        "relations": [("isPartOf", "demo-030")],
        "description": "<p>Yangi usul maktablari va ona tili taʼlimi haqidagi maqolalar bosilgan son.</p>",
        "pages": ["Muqova", "p. 1"],
        "colour": "newsprint",
    },
    {
        "legacy": "demo-033",
        "collection": "periodicals",
        "title": "Sadoi Turkiston. 1914, № 1",
        "title_language": "uz-Latn",
        "alt": [
            ("صدای ترکستان", "uz-Arab"),
            ("Садои Туркистон", "uz-Cyrl"),
            ("Голос Туркестана", "ru"),
            ("Voice of Turkestan", "en"),
        ],
        "agents": [("ubaydulla", "edt")],
        "date": "1914",
        "format": "gazeta; qogʻoz",
        "extent": "4 b.; 42 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["gazetalar", "jadidchilik"],
        "places": ["toshkent"],
        "rights": "pdm",
        "shelfmark": "InvNo 7301",
        "description": (
            "<p>Toshkentda 1914–1915-yillarda chiqqan jadid gazetasining birinchi soni; muharriri "
            "Ubaydullaxoʻja Asadullaxoʻjayev. Sahifalarida Toshkent jadidlarining maqolalari bosilgan.</p>"
        ),
        "pages": ["p. 1", "p. 2"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-034",
        "collection": "periodicals",
        "title": "Sadoi Fargʻona. 1914, № 3",
        "title_language": "uz-Latn",
        "alt": [("صدای فرغانه", "uz-Arab"), ("Садои Фарғона", "uz-Cyrl"), ("Голос Ферганы", "ru")],
        "agents": [],
        "date": "1914",
        "format": "gazeta; qogʻoz",
        "extent": "4 b.; 42 sm",
        "place_of_publication": "Qoʻqon",
        "languages": ["uzb"],
        "subjects": ["gazetalar", "jadidchilik"],
        "places": ["qoqon", "fargona_vodiysi"],
        "rights": "pdm",
        "shelfmark": "InvNo 7302",
        "description": "<p>Qoʻqonda 1914–1915-yillarda Obidjon Mahmudov chiqargan gazeta.</p>",
        "pages": ["p. 1"],
        "size": "newspaper",
        "colour": "newsprint",
    },
    {
        "legacy": "demo-035",
        "collection": "periodicals",
        "title": "Mushtum. 1923, № 1",
        "title_language": "uz-Latn",
        "alt": [("Муштум. 1923, № 1", "uz-Cyrl"), ("Муштум (Кулак)", "ru"), ("Mushtum (The Fist)", "en")],
        "agents": [("qodiriy", "ctb")],
        "date": "1923",
        "format": "jurnal; qogʻoz, rangli bosma",
        "extent": "12 b.; 30 sm",
        "place_of_publication": "Toshkent",
        "languages": ["uzb"],
        "subjects": ["jurnallar", "satira"],
        "places": ["toshkent"],
        "rights": "cne",
        "shelfmark": "InvNo 7401",
        "description": (
            "<p>Toshkentda 1923-yildan chiqa boshlagan satirik jurnalning birinchi soni. Abdulla Qodiriy "
            "jurnalda «Julqunboy» taxallusi bilan hajviy hikoya va felyetonlar eʼlon qilgan. Rassomlar "
            "karikaturalarining huquqiy maqomi hali baholanmagan.</p>"
        ),
        "pages": ["Muqova", "p. 2", "p. 3"],
        "colour": "tinted",
    },
    # --- Photographs ----------------------------------------------------------------------
    {
        "legacy": "demo-036",
        "collection": "prokudin-gorsky-1911",
        "title": "Медресе Шир-Дор. Регистан. Самарканд",
        "title_language": "ru",
        "alt": [
            ("Sherdor madrasasi. Registon. Samarqand", "uz-Latn"),
            ("Шердор мадрасаси. Регистон. Самарқанд", "uz-Cyrl"),
            ("Shir-Dar Madrasah, Registan, Samarkand", "en"),
        ],
        "agents": [("prokudin", "pht")],
        "date": "1911",
        "dcmi_type": "StillImage",
        "format": PROKUDIN_FORMAT,
        "extent": "1 fotosurat",
        "source": PROKUDIN_SOURCE,
        "languages": [],
        "subjects": ["memorchilik", "rangli_foto"],
        "places": ["registon"],
        "rights": "pdm",
        "shelfmark": "InvNo 9101",
        "relations": [("relation", LOC_PROKUDIN)],
        "description": (
            "<p>Prokudin-Gorskiyning 1911-yilgi Turkiston safari chogʻida uch rangli ajratish usulida olgan "
            "surati. Sherdor madrasasi (1619–1636) Registon maydonining sharqiy tomonida joylashgan.</p>"
        ),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "photo",
        "colour": "colour",
    },
    {
        "legacy": "demo-037",
        "collection": "prokudin-gorsky-1911",
        "title": "Шахи-Зинда. Самарканд",
        "title_language": "ru",
        "alt": [
            ("Shohi Zinda. Samarqand", "uz-Latn"),
            ("Шоҳи Зинда. Самарқанд", "uz-Cyrl"),
            ("Shah-i Zinda, Samarkand", "en"),
        ],
        "agents": [("prokudin", "pht")],
        "date": "1911",
        "dcmi_type": "StillImage",
        "format": PROKUDIN_FORMAT,
        "extent": "1 fotosurat",
        "source": PROKUDIN_SOURCE,
        "languages": [],
        "subjects": ["memorchilik", "rangli_foto"],
        "places": ["shohizinda"],
        "rights": "pdm",
        "shelfmark": "InvNo 9102",
        "relations": [("relation", LOC_PROKUDIN)],
        "description": (
            "<p>Shohi Zinda maqbaralar majmuasi (XI–XIX asrlar): koshinkor peshtoqlar va gumbazlar. "
            "Prokudin-Gorskiyning 1911-yilgi rangli surati.</p>"
        ),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "photo",
        "colour": "colour",
    },
    {
        "legacy": "demo-038",
        "collection": "prokudin-gorsky-1911",
        "title": "Эмир Бухарский",
        "title_language": "ru",
        "alt": [
            ("Buxoro amiri Sayyid Olimxon", "uz-Latn"),
            ("Бухоро амири Саййид Олимхон", "uz-Cyrl"),
            ("Alim Khan, Emir of Bukhara", "en"),
        ],
        "agents": [("prokudin", "pht")],
        "date": "1911",
        "dcmi_type": "StillImage",
        "format": PROKUDIN_FORMAT,
        "extent": "1 fotosurat",
        "source": PROKUDIN_SOURCE,
        "languages": [],
        "subjects": ["portretlar", "rangli_foto"],
        "places": ["buxoro"],
        "rights": "pdm",
        "shelfmark": "InvNo 9103",
        "relations": [("relation", LOC_PROKUDIN)],
        "description": (
            "<p>Buxoroning soʻnggi amiri Sayyid Olimxon (1880–1944) portreti — Prokudin-Gorskiyning eng "
            "mashhur rangli suratlaridan biri.</p>"
        ),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "portrait",
        "colour": "colour",
    },
    {
        "legacy": "demo-039",
        "collection": "prokudin-gorsky-1911",
        "title": "Мечеть Биби-Ханым. Самарканд",
        "title_language": "ru",
        "alt": [
            ("Bibixonim masjidi. Samarqand", "uz-Latn"),
            ("Бибихоним масжиди. Самарқанд", "uz-Cyrl"),
            ("Bibi-Khanym Mosque, Samarkand", "en"),
        ],
        "agents": [("prokudin", "pht")],
        "date": "1911",
        "dcmi_type": "StillImage",
        "format": PROKUDIN_FORMAT,
        "extent": "1 fotosurat",
        "source": PROKUDIN_SOURCE,
        "languages": [],
        "subjects": ["memorchilik", "rangli_foto"],
        "places": ["bibixonim"],
        "rights": "pdm",
        "shelfmark": "InvNo 9104",
        "relations": [("relation", LOC_PROKUDIN)],
        "description": ("<p>Amir Temur qurdirgan jome masjidi (1399–1404) xarobalari; 1911-yildagi holati.</p>"),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "photo",
        "colour": "colour",
    },
    {
        "legacy": "demo-040",
        "collection": "photographs",
        "title": "Xiva. Islomxoʻja minorasi",
        "title_language": "uz-Latn",
        "alt": [
            ("Хива. Исломхўжа минораси", "uz-Cyrl"),
            ("Хива. Минарет Ислам-Ходжа", "ru"),
            ("Khiva. Islam Khoja Minaret", "en"),
        ],
        "agents": [("devonov", "pht")],
        "date": "1910s",
        "dcmi_type": "StillImage",
        "format": "jelatin-kumush bosma",
        "extent": "1 fotosurat; 18 × 13 sm",
        "languages": [],
        "subjects": ["memorchilik", "fotografiya"],
        "places": ["xiva"],
        "rights": "pdm",
        "shelfmark": "InvNo 9201",
        "description": (
            "<p>Xorazmlik birinchi fotograf Xudoybergan Devonov surati. 1908–1910-yillarda qurilgan "
            "Islomxoʻja minorasi Ichan qalʼadagi eng baland minora.</p>"
        ),
        "pages": ["Old tomoni", "Orqa tomoni"],
        "kind": "image",
        "size": "portrait",
        "colour": "sepia",
    },
    {
        "legacy": "demo-041",
        "collection": "photographs",
        "title": "Samarqand. Goʻri Amir maqbarasi",
        "title_language": "uz-Latn",
        "alt": [
            ("Самарқанд. Гўри Амир мақбараси", "uz-Cyrl"),
            ("Самарканд. Гур-Эмир", "ru"),
            ("Samarkand. Gur-e Amir Mausoleum", "en"),
        ],
        "agents": [],
        "date": "c. 1900",
        "dcmi_type": "StillImage",
        "format": "albumin bosma, kartonga yopishtirilgan",
        "extent": "1 fotosurat; 21 × 27 sm",
        "languages": [],
        "subjects": ["memorchilik", "fotografiya"],
        "places": ["guramir"],
        "rights": "cne",
        "shelfmark": "InvNo 9202",
        "description": (
            "<p>Amir Temur va temuriylar maqbarasi (XV asr boshi). Fotograf nomaʼlum; surat kartonga "
            "yopishtirilgan, orqa tomonida ruscha qalam yozuvi bor.</p>"
        ),
        "pages": ["Old tomoni", "Orqa tomoni"],
        "kind": "image",
        "size": "photo",
        "colour": "sepia",
    },
    {
        "legacy": "demo-042",
        "collection": "photographs",
        "title": "Oʻzbek madonnasi",
        "title_language": "uz-Latn",
        "alt": [("Ўзбек мадоннаси", "uz-Cyrl"), ("Узбекская мадонна", "ru"), ("Uzbek Madonna", "en")],
        "agents": [("penson", "pht")],
        "date": "1930s",
        "dcmi_type": "StillImage",
        "format": "jelatin-kumush bosma",
        "extent": "1 fotosurat; 24 × 18 sm",
        "languages": [],
        "subjects": ["portretlar", "fotografiya"],
        "places": ["uzbekistan"],
        "rights": "inc",
        "rights_holder": "Maks Pensonning merosxoʻrlari",
        "access": "reading_room",
        "shelfmark": "InvNo 9301",
        "description": (
            "<p>Maks Pensonning eng mashhur suratlaridan biri: bolasini emizayotgan yosh ona. Surat 1937-yilgi "
            "Parij xalqaro koʻrgazmasida taqdirlangan.</p>"
            "<p><strong>Nega oʻquv zalida:</strong> fotosurat mualliflik huquqi bilan himoyalangan; huquq "
            "egalari bilan kelishuvga koʻra raqamli nusxa faqat kutubxonaning roʻyxatdan oʻtgan "
            "oʻquvchilariga koʻrsatiladi.</p>"
        ),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "portrait",
        "colour": "silver",
    },
    {
        "legacy": "demo-043",
        "collection": "photographs",
        "title": "Katta Fargʻona kanali qurilishi",
        "title_language": "uz-Latn",
        "alt": [
            ("Катта Фарғона канали қурилиши", "uz-Cyrl"),
            ("Строительство Большого Ферганского канала", "ru"),
            ("Construction of the Great Fergana Canal", "en"),
        ],
        "agents": [("penson", "pht")],
        "date": "1939",
        "dcmi_type": "StillImage",
        "format": "jelatin-kumush bosma",
        "extent": "1 fotosurat; 18 × 24 sm",
        "languages": [],
        "subjects": ["irrigatsiya", "fotografiya"],
        "places": ["fargona_vodiysi"],
        "rights": "inc",
        "rights_holder": "Maks Pensonning merosxoʻrlari",
        "rights_note": "Kutubxona suratni huquq egalarining ruxsati bilan namoyish etadi.",
        "shelfmark": "InvNo 9302",
        "description": (
            "<p>1939-yil yozida xalq hashari bilan qazilgan, uzunligi qariyb 270 kilometrlik Katta Fargʻona "
            "kanali qurilishi.</p>"
        ),
        "pages": ["Fotosurat"],
        "kind": "image",
        "size": "photo",
        "colour": "silver",
    },
    {
        "legacy": "demo-044",
        "collection": "photographs",
        "title": "Paxta terimi",
        "title_language": "uz-Latn",
        "alt": [("Пахта терими", "uz-Cyrl"), ("Сбор хлопка", "ru"), ("Cotton Harvest", "en")],
        "agents": [("penson", "pht")],
        "date": "1930s",
        "dcmi_type": "StillImage",
        "format": "jelatin-kumush bosma",
        "extent": "1 fotosurat; 18 × 24 sm",
        "languages": [],
        "subjects": ["paxtachilik", "fotografiya"],
        "places": ["uzbekistan"],
        "rights": "inc",
        "rights_holder": "Maks Pensonning merosxoʻrlari",
        "embargo": True,
        "shelfmark": "InvNo 9303",
        "description": (
            "<p>Paxta dalasidagi terimchilar.</p>"
            "<p><strong>Embargo:</strong> nusxa yaqinda oilaviy arxivdan sovgʻa qilingan; donor bilan "
            "kelishuvga koʻra embargo muddati tugaguniga qadar ommaga koʻrsatilmaydi.</p>"
        ),
        "pages": ["Fotosurat", "Orqa tomoni"],
        "kind": "image",
        "size": "photo",
        "colour": "silver",
    },
]

# --- Languages (docs/languages.md) ------------------------------------------------------------
# The home page in Russian and English; its Uzbek Cyrillic edition is transliterated from the
# Latin one by the machine translator, and the other pages appear in every language as aliases
# of the Uzbek ones (wagtail-localize's synchronised trees) until editors translate them.
HOME_TRANSLATIONS = {
    "ru": {
        "title": "Кутубхона",
        "introduction": (
            "Кутубхона — Национальная электронная библиотека Узбекистана. Здесь можно искать, смотреть и "
            "изучать цифровые копии рукописей, редких книг, периодических изданий и исторических фотографий."
        ),
        "body": [
            {"type": "heading", "value": {"text": "Наше наследие — открыто для всех", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>Электронная библиотека объединяет фонды от рукописей сочинений Алишера Навои и "
                    "Захириддина Мухаммада Бабура до джадидской печати и фотографий XX века. Каждая запись "
                    "связана с авторами, темами и местами. Большинство материалов находится в общественном "
                    "достоянии; условия использования указаны в каждой записи.</p>"
                ),
            },
        ],
    },
    "en": {
        "title": "Kutubxona",
        "introduction": (
            "Kutubxona is the National Electronic Library of Uzbekistan: search, view and study digital copies "
            "of manuscripts, rare books, periodicals and historical photographs."
        ),
        "body": [
            {"type": "heading", "value": {"text": "Our heritage, open to everyone", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>The electronic library brings together holdings from manuscripts of the works of Alisher "
                    "Navoi and Zahiriddin Muhammad Babur to the Jadid press and twentieth-century photographs. "
                    "Every record is linked to its authors, subjects and places. Most of the material is in the "
                    "public domain; the terms of use are given on each record.</p>"
                ),
            },
        ],
    },
}
