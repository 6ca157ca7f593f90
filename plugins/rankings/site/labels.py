"""The short texts every table row carries (its rank, its change since the previous
edition), as Jinja filters in the page's language. They are filters rather than macros
because a page calls them once per row, and a Jinja macro call costs several times more."""

from __future__ import annotations

import functools
from collections.abc import Callable
from gettext import NullTranslations

from markupsafe import Markup

from .translated import marked_lang


def rank_of(catalog: NullTranslations, result, table) -> str:
    """ "Hạng 3/63", or why there is no rank."""
    gettext = catalog.gettext
    if not result.rated:
        return gettext("Không đánh giá")
    if result.rank is None:
        return gettext("Chưa công bố hạng")
    if table.size:
        return gettext("Hạng %(rank)s/%(size)s") % {"rank": result.rank, "size": table.size}
    return gettext("Hạng %(rank)s") % {"rank": result.rank}


def change_text(catalog: NullTranslations, result, edition) -> str:
    """The change in words; empty when there is none to show."""
    moved, ngettext = result.rank_change, catalog.ngettext
    if moved is None:
        return ""
    if moved > 0:
        return ngettext("tăng %(n)s bậc so với năm %(year)s", "tăng %(n)s bậc so với năm %(year)s", moved) % {
            "n": moved,
            "year": edition.previous,
        }
    if moved < 0:
        return ngettext("giảm %(n)s bậc so với năm %(year)s", "giảm %(n)s bậc so với năm %(year)s", -moved) % {
            "n": -moved,
            "year": edition.previous,
        }
    return catalog.gettext("giữ nguyên thứ hạng so với năm %(year)s") % {"year": edition.previous}


def partial_text(catalog: NullTranslations, table) -> str:
    """What is known of an incomplete bloc table: how many of its units the sources hold."""
    n = table.rated
    return catalog.ngettext(
        "Bảng chưa đầy đủ: các nguồn đã thu thập chỉ có %(num)s đơn vị của khối này.",
        "Bảng chưa đầy đủ: các nguồn đã thu thập chỉ có %(num)s đơn vị của khối này.",
        n,
    ) % {"num": n}


def completeness_text(catalog: NullTranslations, held, short: bool = False) -> str:
    """An edition's completeness (views.Completeness) in words: in full, bloc by bloc;
    short, for a list of editions, only what is lacking ("" when nothing is)."""
    gettext, ngettext = catalog.gettext, catalog.ngettext
    if short:
        parts = []
        if held.partial:
            n = len(held.partial)
            parts.append(ngettext("%(num)s bảng chưa đầy đủ", "%(num)s bảng chưa đầy đủ", n) % {"num": n})
        if held.missing:
            n = len(held.missing)
            parts.append(ngettext("%(num)s khối chưa có số liệu", "%(num)s khối chưa có số liệu", n) % {"num": n})
        return ", ".join(parts)
    names = lambda blocs: "; ".join(b.name for b in blocs)  # noqa: E731
    said = []
    if held.complete:
        said.append(gettext("Bảng đầy đủ: %(blocs)s.") % {"blocs": names(held.complete)})
    if held.partial:
        said.append(gettext("Bảng chưa đầy đủ: %(blocs)s.") % {"blocs": names(held.partial)})
    if held.missing:
        said.append(gettext("Chưa có số liệu trong các nguồn đã thu thập: %(blocs)s.") % {"blocs": names(held.missing)})
    return " ".join(said)


def filters(catalog: NullTranslations, lang: str) -> dict[str, Callable]:
    gettext = catalog.gettext

    def source_link(url: str | None) -> Markup:
        """A link to where the figures were published, when known."""
        if not url:
            return Markup()
        return Markup('<a class="source" href="{}" rel="external noopener">{}</a>').format(url, gettext("Nguồn"))

    def published(text: str | None) -> Markup | str | None:
        """Text the data gives only as published, in Vietnamese (a legal basis, a note),
        marked as such in another language's page, for screen readers and translators."""
        marked = marked_lang(text, lang) if text else None
        return Markup('<span lang="{}">{}</span>').format(marked, text) if marked else text

    return {
        "published": published,
        "rank_of": functools.partial(rank_of, catalog),
        "change_text": functools.partial(change_text, catalog),
        "source_link": source_link,
        "completeness": functools.partial(completeness_text, catalog),
        "partial_text": functools.partial(partial_text, catalog),
    }
