"""Settings for the published site: absolute addresses, feeds with their domain."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: E402,F401,F403
from pelicanconf import RANKINGS_NEWS_PATH  # noqa: E402

SITEURL = os.environ.get("SITEURL", "https://xephang-cntt.example.gov.vn")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = f"{RANKINGS_NEWS_PATH}/atom.xml"
