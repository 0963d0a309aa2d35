"""Where things are in kontan's HTML, as data (evidence and confidence in ../shared/KONTAN.md).

Each list is tried in order; the reader never rests on one selector alone.
"""

# CSS selectors (lexbor's), each list tried in order; within one selector the first match in
# page order wins. `.x` is a whole class name, `[class*="x"]` any class containing x.
# The article body: desktop (2 signals), the pre-2013 `ctn` layout, AMP markup.
_NOT_RAW = ":not(script):not(style):not(template)"
"""Elements whose content is code, never the body, whatever their class says."""
BODY = (
    f'[itemprop="articleBody"]{_NOT_RAW}:not(meta)',
    'div.tmpt-desk-kon',
    'div.ctn',
    f'.amp-article-body{_NOT_RAW}',
    f'.amp-detail-body{_NOT_RAW}',  # the AMP page's body, as the window finds it (html_window)
    f'article [class*="article-body"]{_NOT_RAW}, article [class*="detail-content"]{_NOT_RAW}',
)
TITLE = ('h1[class*="detail-desk"]', 'h1[class*="jdl_dtl"]', 'h1')
DATE = (
    'div[class*="fs14"][class*="ff-opensans"][class*="font-gray"]',
    'time',
    '[class*="date"], [class*="tanggal"]',
)
AUTHOR = ('div[class*="fs13"][class*="color-gray"][class*="mar-t-10"]',)
CAPTION = (
    'div[class*="img-detail-desk"] [class*="fs12"], div[class*="img-detail-desk"] figcaption',
    'figure figcaption',
    '[class*="caption"]',
)
BREADCRUMB = ('div[class*="breadcumb"]', '[class*="breadcrumb"]')
PAGINATION = ".pagination"
CURRENT_PAGE = '[class*="active"], [class*="current"], [aria-current]'
TAG_LINKS = 'a[href*="kontan.co.id/tag/"]'

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
