"""Every address of the site, from one place (as Datasette's `Urls`): pages, reports,
downloads, chart data, embeds and share images, each below the site ("" is the home
page; a page's ends in "/"), and the names the site keeps for itself, which no series
or bloc id may take. Built from the settings (`settings.urls`); the catalog, the open
data, the templates (`urls`) and the data checks all ask it."""

from __future__ import annotations

from dataclasses import dataclass

from ..data.cells import ReservedNames
from ..data.model import Edition

EMBED = "nhung"  # <page>/nhung/<chart id>/: a chart alone, to embed
# Each kind of chart's id, in the addresses of its data (<page><id>.csv) and its embed
# page; a unit's are prefixed with the series' id in a portal ("dti-thu-hang-qua-cac-nam").
CHART_IDS = {
    "tiers": "ty-le-theo-muc",  # on an edition's page, beside its bloc pages
    "scores": "diem-theo-thu-hang",
    "bump": "thu-hang-cac-don-vi-qua-cac-nam",
    "map": "ban-do",
    "trend": "thu-hang-qua-cac-nam",
    "criteria": "tieu-chi-so-voi-trung-vi",
}
CARD = "chia-se.png"  # a page's share image, beside it (the site's at the top)
# A chart's links (a map's provinces) name the site's root as this, since one drawing
# serves pages at every depth; each page writes its own root in its place (`in_page`).
SITE_IN_CHARTS = "https://site.invalid/"
ALL_DATA = "tat-ca"  # the whole record: .csv (one long table), .xlsx (a sheet per table)
DATA_PACKAGE = "datapackage.json"
UNIT_SCHEMA = "co-quan.schema.json"


def in_page(svg: str, siteurl: str, target: str | None = None) -> str:
    """A chart drawn with SITE_IN_CHARTS for the site's root, as a page whose root is
    `siteurl` ("../.." where addresses are relative) links from it; `target` "_top" for
    a chart embedded in another site's page, whose links leave the frame."""
    opened = f'<a target="{target}" xlink:href="' if target else '<a xlink:href="'
    return svg.replace(f'<a xlink:href="{SITE_IN_CHARTS}', f"{opened}{siteurl}/")


@dataclass(frozen=True)
class Urls:
    unit_folder: str = "co-quan"
    data_folder: str = "du-lieu"
    methodology_name: str = "phuong-phap"
    documents_name: str = "tai-lieu"
    news_folder: str = "tin-tuc"
    # Top-level folders the build writes besides the catalog's: the search index, the
    # theme's static files, the other languages' sites.
    site_folders: frozenset[str] = frozenset({"pagefind", "theme", "en"})

    # -- the series and their editions ----------------------------------------------

    def series(self, series_id: str) -> str:
        """A series' own page: "dti/"; in a one-series site its pages stand at the root."""
        return f"{series_id}/" if series_id else ""

    def edition(self, edition: Edition) -> str:
        return f"{self.series(edition.series)}{edition.year}/"

    def methodology(self, edition: Edition) -> str:
        return f"{self.edition(edition)}{self.methodology_name}/"

    def document(self, edition: Edition, name: str) -> str:
        """An original document, under the name it is published as."""
        return f"{self.edition(edition)}{self.documents_name}/{name}"

    def bloc(self, edition: Edition, bloc_id: str) -> str:
        return f"{self.edition(edition)}{bloc_id}/"

    def row(self, edition: Edition, bloc_id: str, agency_id: str) -> str:
        """One unit's row of a bloc table (rows carry the unit's id)."""
        return f"{self.bloc(edition, bloc_id)}#{agency_id}"

    def edition_pdf(self, edition: Edition) -> str:
        """The edition's report as one document: "2019.pdf", or "dti/2024.pdf"."""
        return f"{self.series(edition.series)}{edition.year}.pdf"

    def bloc_pdf(self, edition: Edition, bloc_id: str) -> str:
        return f"{self.edition(edition)}{bloc_id}.pdf"

    def bloc_csv(self, edition: Edition, bloc_id: str) -> str:
        return f"{self.edition(edition)}{bloc_id}.csv"

    def bloc_xlsx(self, edition: Edition, bloc_id: str) -> str:
        return f"{self.edition(edition)}{bloc_id}.xlsx"

    # -- units ------------------------------------------------------------------------

    def units(self) -> str:
        return f"{self.unit_folder}/"

    def unit(self, agency_id: str) -> str:
        return f"{self.unit_folder}/{agency_id}/"

    def unit_pdf(self, agency_id: str) -> str:
        return f"{self.unit_folder}/{agency_id}.pdf"

    def unit_data(self, agency_id: str) -> str:
        """A unit's record as JSON, beside its page."""
        return f"{self.unit_folder}/{agency_id}.json"

    def unit_schema(self) -> str:
        """The JSON Schema of a unit's record."""
        return f"{self.data_folder}/{UNIT_SCHEMA}"

    def unit_card(self, agency_id: str) -> str:
        return f"{self.unit(agency_id)}{CARD}"

    @staticmethod
    def unit_section(edition: Edition) -> str:
        """The id of an edition's section on a unit's page: "2019", or "dti-2024"."""
        return f"{edition.series}-{edition.year}" if edition.series else str(edition.year)

    # -- open data, news, the site ----------------------------------------------------

    def data(self) -> str:
        return f"{self.data_folder}/"

    def series_data(self, series_id: str) -> str:
        """A series' part of the open-data page."""
        return f"{self.data()}#{series_id}"

    def edition_data(self, edition: Edition, extension: str) -> str:
        """An edition's open data: "du-lieu/2019.csv", or "du-lieu/dti/2024.json"."""
        return f"{self.data_folder}/{self.series(edition.series)}{edition.year}.{extension}"

    def all_data(self, extension: str = "csv") -> str:
        return f"{self.data_folder}/{ALL_DATA}.{extension}"

    def data_package(self) -> str:
        return f"{self.data_folder}/{DATA_PACKAGE}"

    def news(self) -> str:
        return f"{self.news_folder}/"

    @staticmethod
    def site_card() -> str:
        return CARD

    @staticmethod
    def not_found() -> str:
        """The page a web server shows for an address the site does not have."""
        return "404.html"

    # -- a page's charts ----------------------------------------------------------------

    @staticmethod
    def embed(page: str, chart_id: str) -> str:
        """A chart's page of its own, below the page that shows it."""
        return f"{page}{EMBED}/{chart_id}/"

    @staticmethod
    def chart_data(page: str, chart_id: str) -> str:
        """The data behind a chart, beside the page that shows it."""
        return f"{page}{chart_id}.csv"

    @staticmethod
    def chart_image(page: str, chart_id: str, extension: str = "svg") -> str:
        """A chart as an image file (SVG, or PNG) to download, beside the page that shows it."""
        return f"{page}{chart_id}.{extension}"

    # -- what no id may take ----------------------------------------------------------

    def reserved(self) -> ReservedNames:
        """The top-level names a series id may not take, and the names beside the bloc
        pages a bloc id may not take (an edition's methodology, documents, embeds and
        chart data stand there too)."""
        own = {self.unit_folder, self.data_folder, self.news_folder, self.methodology_name, self.documents_name}
        return ReservedNames(
            top=frozenset(own | {EMBED} | self.site_folders),
            beside_blocs=frozenset({self.methodology_name, self.documents_name, EMBED, CHART_IDS["tiers"]}),
        )
