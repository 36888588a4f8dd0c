"""The local web app (`compliance serve`): a law dropped in the browser → the same gap report as `compliance report`.

`app.py` holds the Starlette application, its routes and the guard in front of every request (security
headers, host, body size, origin); `pages.py` what every page shares (settings, language, templates; the
words are data in `strings.py`); `check_pages.py` the upload, confirmation, job and JSON routes;
`corpus_pages.py` and `browse.py` the bundled corpus by country, work, edition and article (findings, ILO
comments, history across editions) and the country's report, comparison and progress jobs; `uploads.py` turns
uploads into parsed documents in a job's folder; `jobs.py` runs jobs in the background and deletes them when
old; `work.py` is what a job runs (the report and compare stages, unchanged).
"""

from .app import create_app
from .pages import Settings

__all__ = ["Settings", "create_app"]
