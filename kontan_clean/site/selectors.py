"""Where things are in kontan's HTML, as data (evidence and confidence in ../shared/KONTAN.md).

Each list is tried in order; the reader never rests on one selector alone.
"""

# The article body: desktop (2 signals), the pre-2013 `ctn` layout, AMP markup.
BODY = (
    '//*[@itemprop="articleBody"][not(self::script or self::style or self::meta or self::template)]',
    '//div[contains(concat(" ", normalize-space(@class), " "), " tmpt-desk-kon ")]',
    '//div[contains(concat(" ", normalize-space(@class), " "), " ctn ")]',
    '//*[contains(concat(" ", normalize-space(@class), " "), " amp-article-body ")]',
    '//article//*[contains(@class, "article-body") or contains(@class, "detail-content")]',
)
TITLE = (
    '//h1[contains(@class, "detail-desk")]',
    '//h1[contains(@class, "jdl_dtl")]',
    '//h1',
)
DATE = (
    '//div[contains(@class, "fs14") and contains(@class, "ff-opensans") and contains(@class, "font-gray")]',
    '//time',
    '//*[contains(@class, "date") or contains(@class, "tanggal")]',
)
AUTHOR = ('//div[contains(@class, "fs13") and contains(@class, "color-gray") and contains(@class, "mar-t-10")]',)
CAPTION = (
    '//div[contains(@class, "img-detail-desk")]//*[contains(@class, "fs12") or self::figcaption]',
    '//figure//figcaption',
    '//*[contains(@class, "caption")]',
)
BREADCRUMB = ('//div[contains(@class, "breadcumb")]', '//*[contains(@class, "breadcrumb")]')
TICKER = ('//*[contains(@class, "indikator")]',)

# Inside the body: nodes that are never article text, by class, id or attribute.
JUNK_CLASSES = (
    "track-lanjutbaca", "boxdonasi", "heightads250", "ads-partner-wrap", "kgnw-root", "pagination",
    "share", "ads", "advert", "newsletter", "related", "terkait", "recommend", "amp-ad",
    "wrap-tag", "tag-detail", "tags", "listbut", "social", "sosmed",
)
JUNK_IDS = ("share-it",)
JUNK_ATTRS = ("d-widget",)
JUNK_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "ins", "form", "button", "svg", "template",
    "amp-ad", "amp-analytics", "amp-embed", "amp-sticky-ad", "amp-social-share", "amp-iframe",
    "object", "embed", "video", "audio",
})

# Links that mark a paragraph as a promo, with the kind it is recorded as.
PROMO_LINKS = {
    "track-bacajuga-inside": "baca_juga",
    "track-selanjutnya": "selanjutnya",
    "track-menarikdibaca": "menarik_dibaca",
}
FOOTER_LINKS = ("track-gnews",)

TITLE_SUFFIXES = (" - Kontan.co.id", " | Kontan.co.id", " - KONTAN", " | KONTAN", " - kontan.co.id")
