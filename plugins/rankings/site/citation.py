"""A page's citation for reference managers: BibTeX and CSL-JSON of the facts the citation
in words gives (publisher, title, series, edition, date announced, address)."""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass

# What BibTeX or LaTeX would read as markup in a field's text ("Sở TT&TT").
_SPECIAL = re.compile(r"([\\&%$#_{}~^])")


@dataclass(frozen=True)
class Citation:
    key: str  # the entry's key: the page's address as one word ("dti-2024-tinh")
    publisher: str
    title: str
    series: str  # the title of the series the page belongs to
    year: int  # the year assessed
    announced: datetime.date | None
    url: str  # the page's address, relative where the build's addresses are

    def bibtex(self) -> str:
        issued = self.announced.isoformat() if self.announced else str(self.year)
        fields = [
            ("author", "{" + _escaped(self.publisher) + "}"),  # an organisation: one name, not split
            ("title", _escaped(self.title)),
            ("organization", _escaped(self.publisher)),
            ("note", _escaped(self.series)),
            ("year", issued[:4]),
            ("date", issued),
            ("url", self.url),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{self.key},\n{body}\n}}"

    def csl_json(self) -> str:
        issued = self.announced or datetime.date(self.year, 1, 1)
        parts = [issued.year, issued.month, issued.day] if self.announced else [self.year]
        entry = {
            "id": self.key,
            "type": "dataset",
            "title": self.title,
            "author": [{"literal": self.publisher}],
            "publisher": self.publisher,
            "collection-title": self.series,
            "issued": {"date-parts": [parts]},
            "URL": self.url,
        }
        return json.dumps([entry], ensure_ascii=False)  # one line: the box wraps it


def at_url(text: str, url: str) -> tuple[str, str, str]:
    """The text before the address, the address, and the text after it: a page shows the
    address as it can (relative in a local build) and script makes it absolute."""
    before, _, after = text.partition(url)
    return before, url, after


def of(title: str, edition, dataset, siteurl: str, path: str) -> Citation:
    """The citation of the page at `path` below the site's root `siteurl`, about
    `edition` of `dataset`."""
    return Citation(
        _key(path, "xep-hang"),
        edition.methodology.publisher,
        title,
        dataset.series.title,
        edition.year,
        edition.methodology.announced,
        f"{siteurl}/{path}",
    )


def of_record(title: str, portal, siteurl: str, path: str) -> Citation:
    """The citation of the whole record (the open-data page): the portal's publisher, its
    latest year assessed."""
    return Citation(
        _key(path, "du-lieu"),
        portal.publisher,
        title,
        portal.title,
        max((year for dataset in portal.series.values() for year in dataset.editions), default=0),
        None,
        f"{siteurl}/{path}",
    )


def _key(path: str, default: str) -> str:
    """An entry's key: the page's address as one word ("dti/2024/tinh/" → "dti-2024-tinh")."""
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or default


def _escaped(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
