"""The short texts every table row carries (its rank, its change since the previous
edition), as Jinja filters in the page's language. They are filters rather than macros
because a page calls them once per row, and a Jinja macro call costs several times more."""

from __future__ import annotations

import functools
from collections.abc import Callable
from gettext import NullTranslations

from markupsafe import Markup, escape

from ..data.languages import SOURCE
from .formatting import change, score
from .translated import Translation


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


def filters(catalog: NullTranslations, locale: str, lang: str) -> dict[str, Callable]:
    gettext, ngettext = catalog.gettext, catalog.ngettext

    def change_mark(result, edition) -> Markup:
        """+3 / −2 / = with its meaning for screen readers and as a tooltip."""
        moved = result.rank_change
        if moved is None:
            return Markup()
        return Markup('<span class="change {}" title="{}">{}<span class="visually-hidden"> {}</span></span>').format(
            "up" if moved > 0 else ("down" if moved < 0 else "same"),
            gettext("Năm %(year)s: hạng %(rank)s") % {"year": edition.previous, "rank": result.previous_rank},
            change(moved),
            ngettext("bậc so với năm %(year)s", "bậc so với năm %(year)s", abs(moved)) % {"year": edition.previous},
        )

    def source_link(url: str | None) -> Markup:
        """A link to where the figures were published, when known."""
        if not url:
            return Markup()
        return Markup('<a class="source" href="{}" rel="external noopener">{}</a>').format(url, gettext("Nguồn"))

    def criterion_value(result, criterion_id: str, decimals: int) -> Markup:
        """One criterion of a unit: its score and its rank in the bloc."""
        value, rank = result.criteria.get(criterion_id), result.criteria_rank.get(criterion_id)
        parts = [score(value, decimals, locale)] if value is not None else []
        if rank is not None:
            label = escape(gettext("(hạng %(rank)s)") % {"rank": rank})
            parts.append(f'<span class="crit-rank">{label}</span>')
        # Built with f-strings: Markup.format costs more than the rest of the page's row.
        return Markup(" ".join(parts))

    def criterion_cell(result, criterion_id: str, decimals: int) -> Markup:
        """A bloc table's cell for one criterion, sortable by the score (or the rank where
        only that was published); folded into the row's details on a phone."""
        value, rank = result.criteria.get(criterion_id), result.criteria_rank.get(criterion_id)
        sort = value if value is not None else ("" if rank is None else rank)
        return Markup(
            f'<td class="num fold" data-value="{sort}">{criterion_value(result, criterion_id, decimals)}</td>'
        )

    def published(text: str | None) -> Markup | str | None:
        """Text the data gives only as published, in Vietnamese (a legal basis, a note),
        marked as such in another language's page, for screen readers and translators."""
        if not text or lang == SOURCE or isinstance(text, Translation):
            return text
        return Markup('<span lang="{}">{}</span>').format(SOURCE, text)

    return {
        "published": published,
        "criterion_cell": criterion_cell,
        "criterion_value": criterion_value,
        "rank_of": functools.partial(rank_of, catalog),
        "change_text": functools.partial(change_text, catalog),
        "change_mark": change_mark,
        "source_link": source_link,
    }
