"""The web app (`compliance serve`) through its HTTP interface: uploads, confirmation, jobs, the JSON API, the
corpus pages, and the safety rules (limits, no user path, CSP, host and origin, deletion of old jobs).

The real browser drives the same app in tests/test_web_browser.py; here an in-process client is enough.
"""

from __future__ import annotations

import json
import re
import shutil
import time
import warnings
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest

from compliance.cli import main
from compliance.web import Settings, create_app
from compliance.web.uploads import Limits

from .conftest import REPO

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's note on which httpx it prefers for its test client
    from starlette.testclient import TestClient

KZ_174 = REPO / "corpora/national_laws/kz/criminal-code-art174/2020-06-26.md"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(pdf=False, jobs_root=tmp_path_factory.mktemp("jobs"),
                        limits=Limits(files=3, file_mb=1, total_mb=2))
    with TestClient(create_app(settings), base_url=BASE) as c:
        yield c


def upload(client: TestClient, *files: tuple[str, bytes], path: str = "/check", **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, files=[("files", (name, body, "application/octet-stream")) for name, body in files],
                       data=data, follow_redirects=False)


def wait_done(client: TestClient, job: str, seconds: float = 60) -> dict:  # type: ignore[type-arg]
    for _ in range(int(seconds * 4)):
        status = client.get(f"/api/jobs/{job}").json()
        if status["state"] in ("done", "failed"):
            return status  # type: ignore[no-any-return]
        time.sleep(0.25)
    raise AssertionError(f"job {job} did not finish: {status}")


def error_lines(html: str) -> list[str]:
    return re.findall(r'<p class="error" role="alert" id="error">([^<]*)</p>', html)


def test_an_uploaded_law_is_read_and_what_it_states_offered_for_confirmation(client: TestClient) -> None:
    r = upload(client, ("2020-06-26.md", KZ_174.read_bytes()))
    assert r.status_code == 303 and re.fullmatch(r"/jobs/[A-Za-z0-9_-]{22}", r.headers["location"])
    page = client.get(r.headers["location"]).text
    assert re.search(r'<option value="KZ" selected>KZ</option>', page)
    assert "read from the text" in page  # the excerpt names its state; its kind it does not state
    assert re.search(r'<option value="ru" selected>Russian</option>', page)
    assert 'name="conventions" value="C105"' in page


def test_confirmed_job_writes_the_report_folder_of_compliance_report(client: TestClient) -> None:
    location = upload(client, ("2020-06-26.md", KZ_174.read_bytes())).headers["location"]
    job = location.rsplit("/", 1)[1]
    r = client.post(f"{location}/start", data={"country_0": "KZ", "kind_0": "criminal code", "language_0": "ru",
                                               "title_0": "", "report_lang": "ru", "conventions": "C105"},
                    follow_redirects=False)
    assert r.status_code == 303
    assert wait_done(client, job)["files"] == ["index.html", "report.md", "findings.json", "findings.csv"]
    page = client.get(location).text
    assert f'href="/jobs/{job}/files/index.html"' in page and f'href="/jobs/{job}/files/findings.csv" download' in page
    report = client.get(f"/jobs/{job}/files/index.html")
    # the report's own content-security policy, sent as a header as well
    assert "script-src 'sha256-" in report.headers["content-security-policy"]
    assert '<html lang="ru"' in report.text
    findings = client.get(f"/jobs/{job}/files/findings.json").json()["findings"]
    assert findings and {f["convention"] for f in findings} == {"C105"}
    assert client.get(f"/jobs/{job}/files/findings.csv").headers["content-disposition"].startswith("attachment")


def test_the_api_returns_the_findings_json_of_compliance_check(client: TestClient, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "2020-06-26.md"  # the file as a user has it: no meta.yaml beside it
    shutil.copyfile(KZ_174, own)
    assert main(["check", str(own)]) == 0
    expected = json.loads(capsys.readouterr().out)
    r = upload(client, ("2020-06-26.md", own.read_bytes()), path="/api/check")
    assert r.status_code == 202
    job = r.json()["job"]
    assert wait_done(client, job)["state"] == "done"
    got = client.get(f"/api/jobs/{job}/findings").json()
    for doc in expected["documents"] + got["documents"]:
        doc["path"] = "2020-06-26.md"  # the command names the path it was given; the app the uploaded name
    assert got == expected
    assert {f["kind"] for f in got["findings"] if f["convention"] == "C105"} == {"conflict"}


def _uploads_of_other_formats() -> dict[str, bytes]:
    from .make_doc import word_doc
    from .test_readers_mhtml import _chrome
    from .test_readers_odt import odt
    from .test_readers_rtf import _law

    return {"law.rtf": _law(), "law.odt": odt(), "law.mht": _chrome(),
            "law.doc": word_doc([("Статья 1. Цели\r", False), ("Принудительный труд запрещается.\r", False)])}


@pytest.mark.parametrize("name", ["law.rtf", "law.doc", "law.odt", "law.mht"])
def test_a_law_in_rtf_doc_odt_or_a_saved_page_is_taken_and_checked(client: TestClient, name: str) -> None:
    r = upload(client, (name, _uploads_of_other_formats()[name]), path="/api/check")
    assert r.status_code == 202, r.text
    job = r.json()["job"]
    assert wait_done(client, job)["state"] == "done"
    got = client.get(f"/api/jobs/{job}/findings").json()
    assert got["documents"][0]["articles"] >= 1
    assert any(f["rule_id"] == "C029-A1-prohibition" for f in got["findings"])


def test_a_non_text_file_is_a_one_line_error_on_the_page(client: TestClient) -> None:
    r = upload(client, ("scan.txt", PNG))
    assert r.status_code == 400
    assert error_lines(r.text) == ["scan.txt:3: binary input (NUL byte): not a text file"]


def test_a_file_type_the_readers_do_not_take_is_refused_by_name(client: TestClient) -> None:
    r = upload(client, ("photo.png", PNG))
    assert r.status_code == 400 and len(error_lines(r.text)) == 1
    assert error_lines(r.text)[0].startswith("photo.png: not a file type the checker reads")


def test_upload_limits_are_enforced(client: TestClient) -> None:
    too_many = upload(client, *[(f"{i}.txt", "Статья 1. Текст".encode()) for i in range(4)])
    assert error_lines(too_many.text) == ["At most 3 files at once."]
    too_big = upload(client, ("big.txt", b"a" * (1024 * 1024 + 10)))
    assert error_lines(too_big.text) == ["big.txt: larger than 1 MB."]
    huge = upload(client, ("huge.txt", b"a" * (4 * 1024 * 1024)))
    assert huge.status_code == 413


def test_no_path_from_the_request_reaches_the_file_system(client: TestClient) -> None:
    r = upload(client, ("../../../../tmp/evil.md", KZ_174.read_bytes()))
    job = r.headers["location"].rsplit("/", 1)[1]
    folder = client.app.state.jobs.root / job  # type: ignore[attr-defined]
    assert sorted(p.name for p in folder.iterdir()) == ["01.md"]
    assert "evil.md" in client.get(r.headers["location"]).text  # the name is only shown
    for name in ("..%2F..%2Fetc%2Fpasswd", "01.md", "index.html"):
        assert client.get(f"/jobs/{job}/files/{name}").status_code == 404
    assert client.get("/jobs/..%2F..%2Fetc/files/index.html").status_code == 404
    assert client.get("/corpus/kz/..%2F..%2Fetc?edition=..%2Fpasswd").status_code == 404


def test_every_page_has_a_strict_content_security_policy_and_no_script(client: TestClient) -> None:
    for path in ("/", "/corpus", "/corpus/KZ"):
        r = client.get(path)
        assert r.headers["content-security-policy"].startswith("default-src 'none'")
        assert "<script" not in r.text and "script-src" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_a_form_from_another_site_and_a_foreign_host_are_refused(client: TestClient) -> None:
    r = client.post("/check", files=[("files", ("a.txt", b"x"))], headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400


def test_jobs_older_than_the_lifetime_are_deleted_with_their_files(client: TestClient) -> None:
    store = client.app.state.jobs  # type: ignore[attr-defined]
    job = store.get(upload(client, ("a.md", KZ_174.read_bytes())).headers["location"].rsplit("/", 1)[1])
    assert job.folder.is_dir()
    store.sweep(now=time.time() + store.ttl + 1)
    assert not job.folder.exists() and store.get(job.id) is None
    assert "No such job" in client.get(f"/jobs/{job.id}").text


def test_the_corpus_browses_from_country_to_the_findings_of_an_article(client: TestClient) -> None:
    assert 'href="/corpus/KZ"' in client.get("/corpus").text
    country = client.get("/corpus/KZ").text
    assert 'href="/corpus/KZ/report"' in country and 'href="/corpus/compare"' in country
    assert 'href="/corpus/KZ/progress"' in country  # the progress timeline, one click away
    assert "PROGRESS TIMELINE" not in country
    law = client.get("/corpus/KZ/criminal-code?edition=kz%2Fcriminal-code%402020-06-26").text
    assert '<section class="article" id="art_174">' in law
    assert "C105 Art. 1" in law and "conflict" in law
    assert 'href="/corpus/KZ/criminal-code/art_174?edition=kz/criminal-code%402020-06-26"' in law


def test_a_comparison_names_each_country_once(client: TestClient) -> None:
    twice = client.get("/corpus/compare?countries=KZ,kz,%20KZ", follow_redirects=False).headers["location"]
    assert client.get("/corpus/compare?countries=KZ", follow_redirects=False).headers["location"] == twice  # one job
    assert "KZ, KZ" not in client.get(twice).text


def test_a_law_no_rule_can_be_tried_on_says_so_where_it_would_say_no_findings(client: TestClient) -> None:
    law = client.get("/corpus/TM/labour-code").text
    assert "not analysed. Turkmen: no rules for this language" in law
    article = client.get("/corpus/TM/labour-code/art_5?edition=tm/labour-code%402019-03-02").text
    assert article.count("not analysed. Turkmen: no rules for this language") == 2  # the article, its edition
    assert "No findings." not in law and "No findings." not in article


def test_a_country_lists_its_works_with_every_edition_of_each(client: TestClient) -> None:
    country = client.get("/corpus/KZ").text
    row = re.search(r'<tr><th scope="row"><a href="/corpus/KZ/criminal-code">.*?</tr>', country, re.S)
    assert row is not None  # one row for the criminal code, not one per stored excerpt
    for date in ("2015-11-13", "2020-06-26", "2025-09-16"):
        assert f'?edition=kz/criminal-code%40{date}">{date}</a>' in row.group(0)
    assert 'href="/corpus/KZ/criminal-code-art174"' not in country
    work = client.get("/corpus/KZ/criminal-code").text
    for date in ("2015-11-13", "2020-06-26", "2025-09-16"):
        assert date in work
    # the address of a stored excerpt leads to its work
    moved = client.get("/corpus/KZ/criminal-code-art174", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == "/corpus/KZ/criminal-code"


def test_an_article_page_quotes_the_ilo_comments_on_its_findings_and_its_history(client: TestClient) -> None:
    r = client.get("/corpus/KZ/criminal-code/art_174?edition=kz%2Fcriminal-code%402020-06-26")
    assert r.status_code == 200
    page = r.text
    from compliance.supervisory.data import load_comments

    ceacr = next(c for c in load_comments() if c.id == "GT001")  # the CEACR observation on KZ s. 174
    comment = page[page.index('<figure class="comment provision" id="comment-GT001">'):]
    comment = comment[:comment.index("</figure>")]
    assert f"<blockquote cite=\"{escape(ceacr.url)}\">{escape(ceacr.quote)}</blockquote>" in comment
    assert f'<a class="normlex" href="{escape(ceacr.url)}"' in comment and "CEACR" in comment
    assert "normlex" in ceacr.url
    history = page[page.index('<h2 id="history">'):]
    assert re.findall(r'<li class="edition" id="edition-([\d-]+)">', history) == ["2015-11-13", "2020-06-26",
                                                                                 "2025-09-16"]
    assert "<del>" in history or "<ins>" in history  # a text change between editions, as a redline
    assert "C105 Art. 1(a) · conflict" in history
    assert r.headers["content-security-policy"].startswith("default-src 'none'") and "<script" not in page
    assert client.get("/corpus/KZ/criminal-code/art_99999").status_code == 404


def test_the_progress_timeline_is_a_job_showing_the_progress_section(client: TestClient) -> None:
    r = client.get("/corpus/KZ/progress", follow_redirects=False)
    assert r.status_code == 303
    job = r.headers["location"].rsplit("/", 1)[1]
    assert client.get("/corpus/KZ/progress", follow_redirects=False).headers["location"] == r.headers["location"]
    assert wait_done(client, job, seconds=240)["files"] == ["progress.md", "progress.json", "progress.csv"]
    page = client.get(f"/jobs/{job}")
    assert '<section id="progress"><h2>Progress since 2015</h2>' in page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"' in page.text
    assert "<script" not in page.text and "style-src 'self'" in page.headers["content-security-policy"]
    assert client.get(f"/jobs/{job}/files/progress.json").json()["country"] == "KZ"


def test_the_interface_speaks_russian_when_chosen(client: TestClient) -> None:
    r = client.get("/lang/ru?next=/corpus", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/corpus"
    assert client.get("/lang/ru?next=//evil.example", follow_redirects=False).headers["location"] == "/"
    client.cookies.set("lang", "ru")
    try:
        page = client.get("/corpus").text
        article = client.get("/corpus/KZ/criminal-code/art_174?edition=kz%2Fcriminal-code%402020-06-26").text
    finally:
        client.cookies.clear()
    assert '<html lang="ru">' in page and "Законы, встроенные в программу" in page
    assert "Комментарии надзорных органов МОТ" in article and "История по редакциям" in article


def test_old_jobs_are_deleted_even_when_nobody_visits(tmp_path: Path) -> None:
    from compliance.web.jobs import JobStore

    store = JobStore(ttl=0.2, root=tmp_path / "jobs")
    try:
        job = store.create()
        for _ in range(50):  # the sweeper looks every tenth of the lifetime
            if not job.folder.exists():
                break
            time.sleep(0.1)
        assert not job.folder.exists()
    finally:
        store.close()
    assert not store.root.exists()


def test_a_corrected_language_and_description_win_over_what_the_text_says(tmp_path: Path) -> None:
    from compliance.web.uploads import confirm, store

    [law] = store(tmp_path, [("law.md", KZ_174.read_bytes())], Limits())
    assert (law.doc.document.language, law.doc.document.country) == ("ru", "KZ")
    confirm(law, "UZ", "criminal code", "kk", "Уголовный кодекс")
    meta = law.doc.document
    assert (meta.language, meta.country, meta.kind, meta.title) == ("kk", "UZ", "criminal code", "Уголовный кодекс")
    assert (meta.id, meta.path) == ("law.md", "law.md")  # the name the user gave, never the stored file's
    assert "country" not in meta.inferred and "kind" not in meta.inferred


def test_every_history_event_and_comment_relation_has_words_in_each_language() -> None:
    from typing import get_args

    from compliance.diff.models import TimelineKind
    from compliance.models import CommentLink
    from compliance.web.strings import STRINGS

    relations = get_args(CommentLink.model_fields["relation"].annotation)
    needed = {f"event_{k}" for k in get_args(TimelineKind)} | {f"relation_{r}" for r in relations}
    assert relations and all(needed <= set(words) for words in STRINGS.values())
