"""Pelican settings for building the portal locally (see publishconf.py for the web)."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "Bộ Thông tin và Truyền thông"
SITENAME = "Xếp hạng ứng dụng CNTT và chuyển đổi số"
SITEURL = ""
RELATIVE_URLS = True

PATH = os.path.join(HERE, "content")
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = os.path.join(HERE, "theme")
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
OG_LOCALE = "vi_VN"  # Open Graph's name of the site's language
DEFAULT_DATE_FORMAT = "%d/%m/%Y"
READERS = {"rst": None}  # content is Markdown only

PLUGIN_PATHS = [os.path.join(HERE, "plugins")]
PLUGINS = ["rankings", "sitemap"]

# Rendered charts, PDFs and images are kept here between builds (relative to this file).
CACHE_PATH = ".cache"

# The rankings plugin: every setting is in the README (and plugins/rankings/settings.py).
RANKINGS_DATA = "data"  # relative to this file

# Addresses: announcements under the news folder, pages at the top; the home page and the
# news list are written by the rankings plugin, whose addresses (site/addresses.py) take
# the folder from RANKINGS_NEWS_PATH: one name for both.
RANKINGS_NEWS_PATH = "tin-tuc"
ARTICLE_URL = f"{RANKINGS_NEWS_PATH}/{{slug}}/"
ARTICLE_SAVE_AS = f"{RANKINGS_NEWS_PATH}/{{slug}}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
DIRECT_TEMPLATES = []
for _kind in ("CATEGORY", "TAG", "AUTHOR", "YEAR_ARCHIVE", "MONTH_ARCHIVE", "DAY_ARCHIVE"):
    globals()[f"{_kind}_SAVE_AS"] = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Feeds need absolute addresses: publishconf.py turns the Atom feed on.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Charts alone (/<page>/nhung/<chart>/) are for embedding and 404.html for addresses the
# site does not have: neither is for search engines.
SITEMAP = {"format": "xml", "exclude": [r"/nhung/[^/]+/$", r"404\.html$"]}

DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
LOAD_CONTENT_CACHE = False

# Data text is escaped everywhere: templates mark Pelican's own HTML (content) as safe.
JINJA_ENVIRONMENT = {
    "autoescape": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": ["jinja2.ext.i18n"],
}

# The site in other languages, each under /<lang>/ with the same paths (site contract),
# built when the data's series.toml names the series in that language (title_<lang>).
TRANSLATED_SITES = {
    "en": {
        "SITENAME": "IT application and digital transformation rankings",
        "AUTHOR": "Ministry of Information and Communications",
        "RANKINGS_LOCALE": "en",
        "OG_LOCALE": "en_GB",
    },
}
# Each language's site holds one version of a page or article at the same address: its
# own language's, else the only one there is (the rankings plugin drops the others).
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
