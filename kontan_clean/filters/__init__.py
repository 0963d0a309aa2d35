"""The filters of the standard pipeline, one job each, in the order they run."""

from .base import BlockFilter, Filter, FunctionFilter
from .byline import Byline
from .caption import Caption
from .chrome import SiteChrome
from .dateline_prefix import DatelinePrefix
from .flat_head import FlatHead
from .footers import Footers
from .html_junk import HtmlJunk
from .layout import Layout
from .page_ads import PageAds
from .pagination import Pagination
from .paywall import Paywall
from .promos import Promos
from .published_line import PublishedLine
from .repeats import Repeats
from .title import Title
from .ticker import Ticker
from .ui import UiArtifacts


def default_filters() -> list[Filter]:
    """New instances of the standard filters, in running order."""
    return [
        FlatHead(), Layout(), HtmlJunk(), UiArtifacts(), SiteChrome(), Ticker(), Paywall(), Pagination(), PageAds(),
        Title(), PublishedLine(), Caption(), Byline(), Promos(), Footers(), Repeats(), DatelinePrefix(),
    ]


__all__ = [
    "BlockFilter", "Byline", "Caption", "DatelinePrefix", "Filter", "FlatHead", "Footers", "FunctionFilter",
    "HtmlJunk", "Layout", "PageAds", "Pagination", "Paywall", "Promos", "PublishedLine", "Repeats", "SiteChrome",
    "Ticker", "Title", "UiArtifacts", "default_filters",
]
