"""Search: accent-insensitive, typo-tolerant, search-as-you-type over a corpus of reports.

How it stays fast at 100k sections: every report's text is folded when it is added
(`folding.fold_with_map`: accents and case off, plus an offset map only for NFD text) and its
words indexed, and the folded text is dropped: a search folds again only the units it scores,
and keeps the most recent in a bounded cache, so the corpus is held once, as its source text.
(NFD and very long texts are cached folded whole instead: their offset map, or their few huge
units, make that the cheaper way.) Each searchable unit, a report title or a (report, section) pair, is
indexed by the words of its title, text and figure labels: word -> posting list of unit ids
(`array('i')`, in add order), with a sorted vocabulary for prefix lookup (the word being typed is
a prefix). Units are rows of parallel integer arrays, not objects. A query picks its most selective word as
the driver, intersects posting sets while they stay small, and then verifies and scores a bounded
number of candidates with compiled regexes on the folded text (phrase, words in order, all words)
and rapidfuzz. Words that do not occur are replaced by their nearest vocabulary words
(Damerau-Levenshtein, via rapidfuzz) so typos still find something.

Query syntax: plain words; "exact phrase"; kind:money|percent|count|ratio|measure (figures of a
kind); in:titles|text|figures.

The stages, one module each: query (the language), units (the unit table and postings),
candidates (expansion and the candidate walk), scoring, snippets (hits), lru (a bounded cache);
index (SearchIndex) runs a query through them.
"""

from reportview.core.search.candidates import SET_LIMIT as SET_LIMIT
from reportview.core.search.candidates import VERIFY_BUDGET as VERIFY_BUDGET
from reportview.core.search.index import SearchIndex as SearchIndex
from reportview.core.search.lru import _RecentCache as _RecentCache
from reportview.core.search.query import KINDS as KINDS
from reportview.core.search.query import SCOPES as SCOPES
from reportview.core.search.query import Query as Query
from reportview.core.search.query import Term as Term
from reportview.core.search.query import parse_query as parse_query
from reportview.core.search.query import query_notes as query_notes
from reportview.core.search.snippets import SearchHit as SearchHit
from reportview.core.search.snippets import SearchResults as SearchResults
from reportview.core.search.units import FOLDED_CACHE_CHARS as FOLDED_CACHE_CHARS
from reportview.core.search.units import REGION_TAIL as REGION_TAIL
from reportview.core.search.units import _Unit as _Unit
