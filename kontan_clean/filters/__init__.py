"""The filters of the standard pipeline, one job each, in the order they run."""

from .amp_lead import AmpLead
from .base import BlockFilter, Filter, FunctionFilter
from .byline import Byline
from .caption import Caption
from .chrome import SiteChrome
from .date_line import DateLine
from .dateline import Dateline
from .footers import Footers
from .html_junk import HtmlJunk
from .page_ads import PageAds
from .paywall import Paywall
from .promos import Promos
from .title import Title
from .ticker import Ticker
from .ui import UiArtifacts


def default_filters() -> list[Filter]:
    """New instances of the standard filters, in running order."""
    return [
        HtmlJunk(), UiArtifacts(), SiteChrome(), Ticker(), Paywall(), PageAds(), AmpLead(), Title(),
        DateLine(), Caption(), Byline(), Dateline(), Promos(), Footers(),
    ]


__all__ = [
    "AmpLead", "BlockFilter", "Byline", "Caption", "DateLine", "Dateline", "Filter", "Footers",
    "FunctionFilter", "HtmlJunk", "PageAds", "Paywall", "Promos", "SiteChrome", "Ticker", "Title", "UiArtifacts",
    "default_filters",
]
