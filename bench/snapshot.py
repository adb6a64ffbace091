"""Save every public page and API response of a database, to compare two versions of the code.

    DATABASE_URL=sqlite:////tmp/snap.sqlite3 python bench/snapshot.py OUT_DIR [--staff]

Run from the checkout whose code should render (its folder is put first on the import path).
It crawls, in-process with Django's test client: the home page in every language and every
same-site link of every page it reaches (lists, their pages and filters, every record page),
and the API root with every URL its JSON responses hold; plus the feeds, the sitemap and
robots.txt. Each response body (API responses once per language, by
Accept-Language) is written to OUT_DIR under a file named after its path and
query, with the status code and Content-Type on its first line. `--staff` crawls as a signed-in
superuser (drafts in the API, the admin link on record pages). The crawl stops at
`--limit` responses (4,000 by default).

Compare two runs with `diff -r`; the differences are what a change did to readers.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

HREF = re.compile(r'(?:href|src)="([^"#]+)')
SKIPPED = ("/static/", "/media/", "/admin/", "/i18n/", "/documents/", "/api/docs", "/api/schema")


def file_name(url: str) -> str:
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", url.strip("/")) or "root"
    return f"{readable[:150]}-{hashlib.md5(url.encode()).hexdigest()[:8]}"


def links(url: str, content_type: str, body: bytes) -> list[str]:
    text = body.decode("utf-8", "replace")
    if "json" in content_type:
        return [
            value
            for value in re.findall(r'"(https?://testserver/[^"]*)"', text)
            if "/api/v1/" in value
        ]
    if "html" in content_type or "xml" in content_type:
        found = HREF.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text)
        return [urljoin(url, value.replace("&amp;", "&")) for value in found]
    return []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--staff", action="store_true")
    parser.add_argument("--limit", type=int, default=4000)
    args = parser.parse_args()

    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otscoop.settings")
    os.environ.setdefault("CACHE_URL", "dummycache://")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ.setdefault("STATIC_ROOT", str(args.out.parent / f"{args.out.name}-static"))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client(raise_request_exception=False)
    if args.staff:
        user, _created = get_user_model().objects.get_or_create(
            username="snapshot-staff", defaults={"is_staff": True, "is_superuser": True}
        )
        client.force_login(user)
    queue = ["/tr/", "/en/", "/ru/", "/api/v1/", "/meetings.ics", "/statements/feed/"]
    queue += ["/sitemap.xml", "/robots.txt"]
    seen = set(queue)
    args.out.mkdir(parents=True, exist_ok=True)
    index = {}
    while queue and len(index) < args.limit:
        url = queue.pop(0)
        # API responses in each language (Accept-Language); pages carry theirs in the path.
        for language in ("en", "tr", "ru") if url.startswith("/api/") else ("",):
            response = client.get(
                url,
                HTTP_ACCEPT="application/json" if url.startswith("/api/") else "*/*",
                HTTP_ACCEPT_LANGUAGE=language or "en",
            )
            content_type = response.get("Content-Type", "")
            body = b"".join(response) if response.streaming else response.content
            name = file_name(f"{url}|{language}" if language else url)
            (args.out / name).write_bytes(
                f"{response.status_code} {content_type}\n".encode() + body
            )
            index[f"{url} {language}".strip()] = name
        for link in links(url, content_type, body):
            parts = urlsplit(link)
            if parts.netloc not in ("", "testserver"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local.startswith(SKIPPED) or local in seen:
                continue
            seen.add(local)
            queue.append(local)
    (args.out / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True))
    print(f"{len(index)} responses in {args.out} ({len(queue)} links left uncrawled)")


if __name__ == "__main__":
    main()
