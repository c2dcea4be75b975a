"""flashpoint: political event data from news articles.

    >>> import flashpoint
    >>> events = flashpoint.code_article("Israeli jets struck Iranian nuclear sites on Friday.", published="2025-06-13")
    >>> [(e.source.code, e.event_type, e.target.country) for e in events]
    [('ISRMIL', 'ASSAULT', 'IRN')]
"""
from .pipeline import code_article, code_articles
from .records import Actor, Article, Attribution, Coded, Event, Factuality, Place, Span

__version__ = "0.1.0"
__all__ = ["code_article", "code_articles", "Actor", "Article", "Attribution", "Coded", "Event", "Factuality", "Place",
           "Span", "__version__"]
