"""Load a page in headless Chromium and return the DOM after its scripts ran, plus the console.

`--dump-dom` prints the serialised DOM once the page settles (`--virtual-time-budget` lets
timers and load handlers finish first). With `--enable-logging=stderr`, every console message
- script errors and Content-Security-Policy violations included - is logged as a line
containing `:CONSOLE`, so "no console output" means the page ran clean under its own CSP.

CI installs chromium (apt-get install chromium) and there a missing browser fails the tests
(CI=true, or SCREENER_REQUIRE_BROWSER=1 anywhere). On a contributor's machine without it they
are skipped, with how to install it in pytest's summary, so `pytest` works on a fresh clone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
_CONSOLE = re.compile(r":CONSOLE[:(].*")


@dataclass(frozen=True)
class PageResult:
    dom: str
    console: list[str]  # console messages (errors, CSP violations, logs)
    stderr: str


def find_chromium() -> str:
    """The browser's path. Without one: fail in CI (or with SCREENER_REQUIRE_BROWSER=1), else
    skip, saying how to install it."""
    for name in CANDIDATES:
        path = name if os.path.isabs(name) and os.access(name, os.X_OK) else shutil.which(name)
        if path:
            return path
    message = ("headless Chromium not found (looked for /usr/bin/chromium); install it with "
               "`apt-get install -y chromium` to run the HTML report's browser tests")
    if os.environ.get("CI", "").lower() in ("1", "true", "yes") or \
            os.environ.get("SCREENER_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def load(page: Path, fragment: str = "", *, budget_ms: int = 2000, timeout: float = 60.0
         ) -> PageResult:
    """Open `file://page#fragment` headless; return the DOM after scripts ran and the console."""
    browser = find_chromium()
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    with tempfile.TemporaryDirectory(prefix="screener-chromium-") as profile:
        cmd = [
            browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
            f"--virtual-time-budget={budget_ms}", "--dump-dom", url,
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False,
                              env={**os.environ, "HOME": profile})
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise AssertionError(f"chromium failed ({proc.returncode}): {proc.stderr[-2000:]}")
    console = [m.group() for m in map(_CONSOLE.search, proc.stderr.splitlines()) if m]
    return PageResult(dom=proc.stdout, console=console, stderr=proc.stderr)


def with_probe(page: str, script: str) -> str:
    """The page with one more inline script, run after the page's own and allowed by its hash
    in the page's Content-Security-Policy: a test's way to type into a box or measure what
    the browser laid out, writing what it finds into attributes that --dump-dom shows."""
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    if "script-src '" not in page or "</body>" not in page:
        raise AssertionError("not a report page: no script-src in its policy or no </body>")
    page = page.replace("script-src '", f"script-src 'sha256-{digest}' '", 1)
    return page.replace("</body>", f"<script>{script}</script>\n</body>", 1)
