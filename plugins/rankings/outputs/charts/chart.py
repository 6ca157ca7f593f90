"""A chart as its inputs, whatever its kind."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ..geo import simplified
from .theme import configure

if TYPE_CHECKING:
    import altair as alt

BOUNDARIES = "ranh-gioi"  # the name a map's spec gives its province boundaries
DATA = "du-lieu"  # the name a spec drawn by name gives its chart's data
WHOLE_NUMBERS = {"rank", "out_of", "count"}  # columns of whole numbers, whichever chart has them


@dataclass(frozen=True)
class Chart:
    """A chart as its inputs: the data, the headers of its columns, the parameters and a
    pure drawing function. The spec is built from these alone, so they are also the
    chart's cache key (chart_svg.py)."""

    id: str  # used for the file of its data and for element ids
    title: str
    caption: str  # the text alternative: what the chart shows, with its main figures
    data: pd.DataFrame  # the data behind it, columns named by ASCII ids
    headers: dict[str, str]  # each column a reader downloads, named in the page's language
    params: dict  # every other input of the drawing, JSON-able
    draw: Callable[[pd.DataFrame, dict, dict[str, str]], alt.TopLevelMixin]
    series: str = ""  # on a unit's page of a portal, the series whose section shows it
    links: bool = False  # its marks link to pages (a map's provinces): read and reached one by one

    @property
    def spec(self) -> dict:
        """The Vega-Lite spec, from Altair. A map's boundaries are added after Altair, which
        would walk their 0.6 MB of coordinates for 2 s (the drawing names them only).
        Altair's debug mode, which checks each object against the schema as it is made, is
        off: the tests check every spec whole (test_charts), and it cost a tenth of a chart.
        A drawing `by_name` is its shape with the chart's data added."""
        from altair.utils.schemapi import debug_mode

        shape = self.shape
        if shape is not None:
            spec = json.loads(shape)
            spec["description"] = self.caption
        else:
            with debug_mode(False):
                spec = configure(self.draw(self.data, self.params, self.headers), self.caption)
        if named := self.datasets:
            spec.setdefault("datasets", {}).update(named)
        return spec

    @property
    def shape(self) -> str | None:
        """A drawing by name's spec without its data or text alternative, as JSON: built
        once for all charts of the same parameters and headers. None for other drawings."""
        if _by_name(self.draw):
            return _spec_by_name(self.draw, _text(self.params), _text(self.headers))
        return None

    @property
    def datasets(self) -> dict[str, list]:
        """The data the spec names, by name: a drawing by name's own (as Altair would give
        it), a map's boundaries."""
        import altair as alt

        named = {DATA: alt.data_transformers.get()(self.data)["values"]} if _by_name(self.draw) else {}
        if "boundaries" in self.params:
            named[BOUNDARIES] = simplified(self.params["boundaries"], self.params["width"], self.params["detail"])
        return named

    @property
    def table(self) -> pd.DataFrame:
        """The data as a reader downloads it: the columns that have a header, each under it.
        What only the drawing uses (a line's segment, a label's text, a mark's words, a
        link) has none."""
        table = self.data[[c for c in self.data if c in self.headers]]
        # A rank or a count is a whole number even where a year has none ("5", not "5.0").
        whole = {c: "Int64" for c in table if c in WHOLE_NUMBERS and table[c].dtype.kind == "f"}
        return table.astype(whole).rename(columns=self.headers)

    @functools.cached_property
    def inputs(self) -> str:
        """Everything the spec is made from, as text to hash."""
        return json.dumps(
            [
                self.id,
                self.draw.__module__,
                self.draw.__name__,
                self.caption,
                self.headers,
                self.params,
                self.data.to_json(orient="split", force_ascii=False),
            ],
            sort_keys=True,
            ensure_ascii=False,
            default=str,
        )


def by_name(draw: Callable) -> Callable:
    """Marks a drawing that reads nothing of its data but draws it by name (DATA): its spec
    depends on its parameters and headers alone, and a kind whose charts share them (a
    unit's trend across the same years) builds it once (Altair's building is most of
    what such a chart costs before it is drawn)."""
    draw.by_name = True
    return draw


def _by_name(draw: Callable) -> bool:
    return getattr(draw, "by_name", False)


@functools.lru_cache(maxsize=32)
def _spec_by_name(draw: Callable, params: str, headers: str) -> str:
    """The spec of a drawing by name, as JSON (each chart gets its own copy)."""
    import altair as alt
    from altair.utils.schemapi import debug_mode

    with debug_mode(False):
        return json.dumps(configure(draw(alt.NamedData(DATA), json.loads(params), json.loads(headers)), ""))


def _text(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)
