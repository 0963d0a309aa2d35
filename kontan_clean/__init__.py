"""kontan_clean: clean kontan.co.id article pages into text and metadata.

>>> from kontan_clean import clean
>>> article = clean(page)            # doctest: +SKIP
>>> article.text, article.title      # doctest: +SKIP
"""

from .api import clean, clean_pages, default_pipeline
from .article import Article
from .errors import DecodeError, DependencyError, EmptyInputError, KontanCleanError, NoArticleError, TooLargeError
from .filters import BlockFilter, Filter
from .model import Block, Document, Quote, Related, Removal
from .pipeline import Pipeline

__version__ = "0.1.0"

__all__ = [
    "Article", "Block", "BlockFilter", "DecodeError", "DependencyError", "Document", "EmptyInputError", "Filter",
    "KontanCleanError", "NoArticleError", "Pipeline", "Quote", "Related", "Removal", "TooLargeError", "clean",
    "clean_pages",
    "default_pipeline",
]
