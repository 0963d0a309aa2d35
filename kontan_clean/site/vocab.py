"""Words and phrases of kontan pages, as data (see ../shared/KONTAN.md for the evidence).

Filters read these lists; extending the cleaner to a new phrase usually means one line here.
"""

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12,
}
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad")
ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}
# Short first words of dateline cities of several words, as old datelines print them in
# capitals (`NEW YORK.`, `SAN FRANCISCO.`, `LOS ANGELES.`). A name's initials are as short
# (`Herlina KD`): only these, opening a city, end a name.
CITY_FIRST_WORDS = frozenset({"NEW", "SAN", "LOS", "LAS", "ABU", "TEL", "RIO", "SAO"})
# The English edition (english.kontan.co.id) dates its pages `June 05, 2024, 06.44 PM` (WIB).
ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}

# The ticker banner, always in this order on the desktop page.
TICKERS = (
    "EMAS", "USD/IDR", "IDX", "KOMPAS100", "LQ45", "ISSI", "IDX30",
    "IDXHIDIV20", "IDX80", "IDXV30", "IDXQ30",
)

# Whole lines of page chrome, compared case-insensitively after whitespace is collapsed.
SITE_CHROME_LINES = frozenset({
    "kontan.co.id", "banner langganan top", "| : wib | indikator |", "indikator",
})
UI_ARTIFACT_LINES = frozenset({"[x]", "×", "[]", "x", "[ ]", "()", "( )", "bagikan", "premium"})
"""`Bagikan` is the share button of insight pages; `premium` a promo's badge on a line of its own."""
# What crawlers write when they found nothing: the whole record is then empty.
CRAWLER_PLACEHOLDERS = frozenset({"konten tidak ditemukan", "tanggal tidak ditemukan"})
PAYWALL_LINES = (
    "hanya rp 5.000 untuk membaca artikel ini",
    "beli sekarang",
    "sudah berlangganan? masuk",
    "sudah berlangganan?",
    "berlangganan sekarang",
)
# The paywall box: it opens with one of these and stands where the rest of the paid article
# would be, so every offer line after the opener belongs to it (until a body paragraph).
PAYWALL_OPENERS = (
    "hanya rp 5.000 untuk membaca artikel ini",
    "ini artikel spesial",
    "agar bisa lanjut membaca",
)
# The box's fixed lines as printed (case and all), which flattened text runs together
# (`Hanya Rp 5.000 untuk membaca artikel ini. BELI SEKARANG`): no sentence holds them so.
PAYWALL_PRINTED = ("Hanya Rp 5.000 untuk membaca artikel ini", "BELI SEKARANG", "Sudah berlangganan? Masuk")
# Offer lines no sentence opens with (lower case): after the fixed lines in flattened text,
# they tell the box from the article.
PAYWALL_OFFER_PHRASES = (
    "berlangganan dengan google", "gratis uji coba", "kontan digital premium access", "sudah berlangganan",
    "ini artikel spesial", "agar bisa lanjut membaca",
)
# Offer lines inside the box (compared as the line's start, lower case).
PAYWALL_OFFERS = (
    "beli sekarang", "sudah berlangganan", "berlangganan", "langganan", "gratis uji coba",
    "kontan digital premium access", "masuk", "rp ",
)

# Headings of the headline lists around the article (`TERBARU` and its cousins).
LIST_HEADINGS = frozenset({"terbaru", "terpopuler", "berita terkait", "rekomendasi", "populer", "berita terbaru"})

# Badges printed after a promo headline, not part of its title.
PROMO_BADGES = ("premium",)

# Promo markers: the words before the colon, and the kind they are recorded as.
PROMO_KINDS = {
    "baca juga": "baca_juga",
    "selanjutnya": "selanjutnya",
    "menarik dibaca": "menarik_dibaca",
    "tonton": "tonton",
    "tonton video": "tonton",
    "baca selengkapnya": "baca_juga",
}

# Lower-case words that Title Case headlines keep lower case. A lower-case word that is not
# here marks running sentence text, so an inline headline must have ended before it.
HEADLINE_PARTICLES = frozenset("""
di ke dari dan yang untuk pada dengan atau oleh bagi akan ini itu hingga sampai usai saat
dalam atas akibat karena agar jika kalau tak tidak bisa lagi per tapi tetapi serta jadi vs
via soal ala pun sebagai terhadap antara secara masih sudah telah belum makin kian pasca
jelang demi meski walau sejak selama tanpa versi ada kah lah nih dong kok setelah sebelum terkait seiring
kepada daripada
the of and in on for to at by a an is vs. or with from as
""".split())

# Words that open a sentence far more often than they sit inside a headline: job titles that
# start a "<title> <Name> said" sentence, and connectives. Used to find where a run of
# capitalised words stops being a headline and starts the next sentence.
SENTENCE_OPENERS = frozenset("""
menteri menko menkeu mendag wamen wakil ketua kepala direktur dirut presiden gubernur
deputi sekretaris sekjen juru analis ekonom pengamat peneliti komisaris bupati walikota
kapolri jaksa hakim senior head chief ceo cfo coo vice vp managing founder pendiri profesor
guru dosen mantan
kementerian manajemen perdana kanselir
sementara selain menurut namun adapun sebelumnya sedangkan padahal bahkan meski meskipun
selanjutnya kemudian lalu berdasarkan mengutip dikutip hal apalagi
asal sejumlah beberapa salah dengan dalam pada untuk berikut itulah simak
tetapi terlebih alhasil artinya akhirnya kini melansir mengutip menurutnya sebab oleh karena itu
namun pertama kedua ketiga terakhir
""".split())

# The openers above that head a person's name or office (`Menteri Keuangan Sri Mulyani ...`).
NAME_TITLES = frozenset("""
menteri menko menkeu mendag wamen wakil ketua kepala direktur dirut presiden gubernur
deputi sekretaris sekjen juru analis ekonom pengamat peneliti komisaris bupati walikota
kapolri jaksa hakim senior head chief ceo cfo coo vice vp managing founder pendiri profesor
guru dosen mantan kementerian manajemen perdana kanselir
""".split())

# Verbs of saying: their subject is a person or a body, never a thing (`Pasar Eddy menjelaskan`
# is a headline's last word, then `Eddy menjelaskan`).
REPORTING_VERBS = frozenset("""
mengatakan menyebut menyebutkan menjelaskan menuturkan mengungkapkan menilai menegaskan
menekankan berpendapat memaparkan menyampaikan mengimbau menambahkan berkata bilang mengaku
memperkirakan memproyeksikan menduga meyakini mengingatkan mencontohkan
""".split())

# Connectives that open a sentence and almost never stand inside a headline.
CONNECTIVES = frozenset("""
menurut sementara selain namun adapun sebelumnya sedangkan padahal kemudian berdasarkan
mengutip melansir dikutip apalagi terlebih alhasil artinya menurutnya
sayangnya akibatnya sebaliknya rupanya nyatanya untungnya
""".split())

# Pronouns open sentences; capitalised inside a headline they never are.
PRONOUNS = frozenset("ia dia mereka kami kita saya beliau aku".split())

# Sections of the kontan network, for the category when only the URL is known.
SECTIONS = frozenset("""
nasional internasional investasi keuangan industri peluangusaha lifestyle regional fokus
insight english momsmoney amp pusatdata analisis kolom stocksetup caritahu belanjaan
""".split())
