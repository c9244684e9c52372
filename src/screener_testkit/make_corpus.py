"""Write a synthetic corpus of resume PDFs for the throughput benchmark.

    python benchmarks/make_corpus.py [FOLDER] [--style varied|word] [--count 500] [--seed 1]
    (or python -m screener_testkit.make_corpus ...)

Every PDF is invented (names, employers, example.com addresses) and made by reportlab with a
fixed seed, so the same command writes the same bytes. Two styles:

  varied  (default; folder benchmarks/corpus) layouts vary (one or two columns, row or column
          text order, word-by-word positioning), fonts, sizes and 1-3 pages. The writer is
          screener_testkit.make_fixtures.varied_pdf, the one the extraction tests use. Light:
          ~2,500 characters and 1.6 pages a file.
  word    (folder benchmarks/corpus-word) resumes written the way word processors (Word,
          LibreOffice, Google Docs) write PDFs, so that both readers work about as hard as on
          real two-page resumes: ~6,000 characters, mostly 2 pages, embedded subset TrueType
          fonts, kerned TJ arrays, tagged content, rules, tables, images and links. See the
          notes above `_Writer`.
"""

from __future__ import annotations

import argparse
import functools
import io
import math
import random
from pathlib import Path

from screener_testkit import ROOT, make_fixtures

FOLDERS = {"varied": ROOT / "benchmarks" / "corpus", "word": ROOT / "benchmarks" / "corpus-word"}
DEFAULT = FOLDERS["varied"]


_CORE = {"DejaVuSans": "Helvetica", "LiberationSans": "Helvetica", "LiberationSerif": "Times-Roman"}


def _fall_back_to_core_fonts(module) -> None:
    """Machines without the DejaVu/Liberation TrueType fonts get PDF core fonts instead (so the
    corpus bytes depend on which fonts are installed; the layouts do not)."""
    register = module.register_font

    def register_or_core(name: str) -> str:
        try:
            return register(name)
        except FileNotFoundError:
            return _CORE.get(name, "Helvetica")

    module.register_font = register_or_core


# --------------------------------------------------------------------------- style "word"
#
# Resumes written the way word processors write PDFs. The operators follow what each producer
# writes (as seen in real files; the clip and tagging patterns as in public PDF-tool tests):
#   word         Microsoft Word: each run its own text object, wrapped in a page-size even-odd
#                clip and tagged per line:  /P <</MCID 3>> BDC q 0.000008871 0 612 792 re W* n
#                BT /F2+0 10 Tf 1 0 0 1 72.024 709.54 Tm 0 g 0 G [(W)4(ork)-3(ed )-12(on)] TJ
#                ET Q ... EMC;  literal strings with an adjustment every few glyphs; a trailing
#                space often a text object of its own; borders and rules as filled rectangles
#                marked /Artifact;
#   libreoffice  LibreOffice Writer: one page clip opened at the start, each line tagged in its
#                own q ... Q, BT x y Td, hex strings, sparse adjustments, rules as stroked lines;
#   gdocs        Google Docs (Chromium/Skia): the page flipped and scaled to CSS pixels once
#                (.75 0 0 -.75 0 792 cm) inside a content-area clip, runs as hex Tj with a
#                flipped Tm in pixel units (TJ where subpixel positioning moves a glyph off
#                its advance), each word of a justified line placed on its own.
# All embed subset TrueType fonts with ToUnicode CMaps (reportlab's own Vera family, so no
# system font is needed): regular, bold, italic, often bold italic, a heading font and a symbol
# font for bullets, each a separate embedded font as Word embeds Calibri Light or Symbol.
# Layouts: one column, a sidebar column (with a photo), or positions in a bordered table.
# Pages carry vector rules, icons, a photo or icon image, link annotations, footers.

PAGE_W, PAGE_H = 612.0, 792.0
PX = 0.75  # Skia's CSS pixel, in points
_ROLES = {  # role -> (registered name, Vera file)
    "regular": ("CorpusVera", "Vera.ttf"),
    "bold": ("CorpusVera-Bold", "VeraBd.ttf"),
    "italic": ("CorpusVera-Italic", "VeraIt.ttf"),
    "bolditalic": ("CorpusVera-BoldItalic", "VeraBI.ttf"),
    "heading": ("CorpusVeraHeading-Bold", "VeraBd.ttf"),
    "symbol": ("CorpusVeraSymbol", "Vera.ttf"),
}
_PRODUCERS = ["word"] * 7 + ["libreoffice"] * 2 + ["gdocs"] * 2
_KERN = {"word": 0.5, "libreoffice": 0.1, "gdocs": 0.3}  # chance of an adjustment per glyph
_ACCENTS = [(0.184, 0.329, 0.588), (0.122, 0.286, 0.49), (0.267, 0.329, 0.416),
            (0.0, 0.439, 0.753), (0.227, 0.463, 0.439), (0.33, 0.33, 0.33)]


def _fonts() -> dict:
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(reportlab.__file__).parent / "fonts"
    out = {}
    for role, (name, file) in _ROLES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        out[role] = pdfmetrics.getFont(name)
    return out


def _num(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))


def _color(rgb: tuple, stroke: bool = False) -> str:
    if rgb == (0, 0, 0):
        return "0 G" if stroke else "0 g"
    return " ".join(_num(c) for c in rgb) + (" RG" if stroke else " rg")


class _Writer:
    """Collects each page's content as raw operators (and a few canvas calls), per producer.
    Callers work in PDF points, origin bottom left; gdocs output is converted to its pixels."""

    def __init__(self, rng: random.Random, canvas) -> None:
        self.rng, self.canvas, self.doc = rng, canvas, canvas._doc
        self.producer = rng.choice(_PRODUCERS)
        self.fonts = _fonts()
        self.pages: list[list] = []
        self.skia = self.producer == "gdocs"

    def page(self, n: int) -> list:
        while len(self.pages) <= n:
            self.pages.append([])
        return self.pages[n]

    def width(self, text: str, role: str, size: float) -> float:
        return self.fonts[role].stringWidth(text, size)

    def _pt(self, x: float, y: float) -> str:
        if self.skia:
            return f"{_num(round(x / PX, 2))} {_num(round((PAGE_H - y) / PX, 2))}"
        return f"{_num(round(x, 3))} {_num(round(y, 2))}"

    # ---------------------------------------------------------------- text
    def run(self, n: int, x: float, y: float, text: str, role: str, size: float,
            color: tuple = (0, 0, 0), spacing: float = 0.0) -> float:
        """One text object of one font at (x, y) on page n; spacing = extra points per space
        (justified lines). Returns its advance."""
        font, doc, p = self.fonts[role], self.doc, self.producer
        chunks = []  # (font resource name, TJ elements: bytes, or adjustments)
        shift = 0.0  # sum of adjustments, thousandths of the size
        pos = 0
        for subset, data in font.splitString(text, doc):
            elements: list = []
            for i, code in enumerate(data):
                char = text[pos + i]
                if elements and isinstance(elements[-1], bytes):
                    elements[-1] += bytes([code])
                else:
                    elements.append(bytes([code]))
                adjust = 0.0
                if char == " " and spacing:
                    adjust = -round(spacing * 1000 / size, 1)
                elif i < len(data) - 1 and self.rng.random() < _KERN[p]:
                    adjust = self.rng.choice([-9, -6, -5, -4, -3, -2, -1, 1, 2, 3, 4, 5, 7, 11])
                if adjust:
                    elements.append(adjust)
                    shift += adjust
            pos += len(data)
            chunks.append((font.getSubsetInternalName(subset, doc), elements))
        advance = font.stringWidth(text, size) - shift * size / 1000
        at = self._pt(x, y)
        if p == "word":
            head = f"1 0 0 1 {at} Tm\n{_color(color)}\n0 G\n"
            if self.rng.random() < 0.3:  # Word's graphics states (opacity 1) before colours
                head = f"1 0 0 1 {at} Tm\n/GS7 gs\n{_color(color)}\n/GS8 gs\n0 G\n"
            body = "".join(f"{name} {_num(size)} Tf\n{'' if i else head}[{self._literal(el)}] TJ\n"
                           for i, (name, el) in enumerate(chunks))
            clip = f"0.000008871 0 {_num(PAGE_W)} {_num(PAGE_H)} re\nW* n"
            text_object = f"q\n{clip}\nBT\n{body}ET\nQ\n"
        elif p == "libreoffice":
            body = "".join(f"{name} {_num(size)} Tf[{self._hex(el)}]TJ\n" for name, el in chunks)
            text_object = f"q {_color(color)}\nBT\n{at} Td {body}ET\nQ\n"
        else:
            px = _num(round(size / PX, 2))
            body = "".join(f"{name} {px} Tf\n[{self._hex(el)}] TJ\n" if len(el) > 1 else
                           f"{name} {px} Tf\n{self._hex(el)} Tj\n" for name, el in chunks)
            text_object = f"BT\n{_color(color)}\n1 0 0 -1 {at} Tm\n{body}ET\n"
        self.page(n).append(text_object)
        return advance

    def _literal(self, elements: list) -> str:
        escape = self.canvas._escape
        return "".join(f"({escape(e)})" if isinstance(e, bytes) else _num(e) for e in elements)

    @staticmethod
    def _hex(elements: list) -> str:
        return "".join(f"<{e.hex()}>" if isinstance(e, bytes) else _num(e) for e in elements)

    def line(self, n: int, x: float, y: float, runs: list, justify: float = 0.0,
             tag: str = "P") -> float:
        """Runs [(text, role, size[, color])] one after another from x; justify = the width the
        line must fill. Returns the line's width."""
        ops, p = self.page(n), self.producer
        if p != "gdocs":
            ops.append(("tag", tag))
        spaces = sum(t.count(" ") for t, *_ in runs)
        natural = sum(self.width(t, r, s) for t, r, s, *_ in runs)
        spacing = (justify - natural) / spaces if justify and spaces else 0.0
        start = x
        for text, role, size, *rest in runs:
            color = rest[0] if rest else (0, 0, 0)
            words = text.split(" ")
            if p == "word":  # Word starts a new run (text object) every few words
                pieces = []
                while words:
                    k = self.rng.randint(2, 8)
                    pieces.append(" ".join(words[:k]) + (" " if len(words) > k else ""))
                    words = words[k:]
            elif p == "gdocs" and spacing:  # Skia places each word of a justified line
                pieces = [w + " " for w in words[:-1]] + [words[-1]]
            else:
                pieces = [text]
            for piece in pieces:
                if p == "gdocs" and spacing:
                    x += self.run(n, x, y, piece, role, size, color) + spacing * piece.count(" ")
                else:
                    x += self.run(n, x, y, piece, role, size, color, spacing)
        if p == "word" and self.rng.random() < 0.5:  # the paragraph's trailing space
            x += self.run(n, x, y, " ", runs[-1][1], runs[-1][2])
        if p != "gdocs":
            ops.append("EMC\n")
        return x - start

    # ---------------------------------------------------------------- graphics
    def _box(self, x: float, y: float, w: float, h: float) -> str:
        if self.skia:
            return f"{self._pt(x, y + h)} {_num(round(w / PX, 2))} {_num(round(h / PX, 2))}"
        return f"{_num(round(x, 2))} {_num(round(y, 2))} {_num(round(w, 2))} {_num(round(h, 2))}"

    def rect(self, n: int, x: float, y: float, w: float, h: float, color: tuple) -> None:
        path = f"{_color(color)}\n{self._box(x, y, w, h)} re\nf\n"
        if self.producer != "gdocs":  # decoration is marked as an artifact
            path = f"/Artifact BMC\nq\n{path}Q\nEMC\n"
        self.page(n).append(path)

    def rule(self, n: int, x0: float, x1: float, y: float, color: tuple, width: float = 0.75
             ) -> None:
        if self.producer == "word":  # Word draws paragraph and cell borders as thin rectangles
            self.rect(n, x0, y, x1 - x0, width, color)
        else:
            lw = _num(round(width / PX if self.skia else width, 2))
            self.page(n).append(f"{lw} w\n{_color(color, True)}\n"
                                f"{self._pt(x0, y)} m\n{self._pt(x1, y)} l\nS\n")

    def circle(self, n: int, cx: float, cy: float, r: float, color: tuple) -> None:
        k = 0.5523 * r
        pts = [(cx + r, cy), (cx + r, cy + k), (cx + k, cy + r), (cx, cy + r), (cx - k, cy + r),
               (cx - r, cy + k), (cx - r, cy), (cx - r, cy - k), (cx - k, cy - r), (cx, cy - r),
               (cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)]
        p = [self._pt(*xy) for xy in pts]
        path = f"{p[0]} m\n" + "".join(f"{p[i]} {p[i + 1]} {p[i + 2]} c\n" for i in (1, 4, 7, 10))
        self.page(n).append(f"{_color(color)}\n{path}f\n")

    def icon(self, n: int, x: float, y: float, size: float, color: tuple, kind: int) -> None:
        """An icon as word processors write an inserted SVG icon: vector outlines of many small
        curves (here an outer ring shaped by `kind` around a hole, filled even-odd)."""
        cx, cy = x + size / 2, y + size / 2
        path = ""
        for radius, sign in ((size / 2, 1), (size / 5, -1)):
            pts = []
            for i in range(24):
                t = sign * 2 * math.pi * i / 24
                r = radius * (1 + 0.18 * math.cos((kind + 1) * t) if sign > 0 else 1)
                pts.append((cx + r * math.cos(t), cy + r * math.sin(t)))
            path += f"{self._pt(*pts[0])} m\n"
            for i in range(24):  # Catmull-Rom through the points, as cubic curves
                p0, p1, p2, p3 = (pts[(i + j) % 24] for j in (-1, 0, 1, 2))
                c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
                c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
                path += f"{self._pt(*c1)} {self._pt(*c2)} {self._pt(*p2)} c\n"
            path += "h\n"
        self.page(n).append(f"q\n{_color(color)}\n{path}f*\nQ\n")

    def image(self, n: int, reader, x: float, y: float, w: float, h: float) -> None:
        def draw(c) -> None:
            if self.skia:  # back to points around the image
                c._code.append(f"q {_num(round(1 / PX, 6))} 0 0 {_num(round(-1 / PX, 6))} 0 "
                               f"{_num(PAGE_H / PX)} cm")
            c.drawImage(reader, x, y, w, h)
            if self.skia:
                c._code.append("Q")
        self.page(n).append(draw)

    def link(self, n: int, url: str, x0: float, y0: float, x1: float, y1: float) -> None:
        self.page(n).append(lambda c: c.linkURL(url, (x0, y0, x1, y1), relative=0, thickness=0))

    def render(self) -> None:
        c, p = self.canvas, self.producer
        if p == "word":  # the /GS7 and /GS8 resources the text objects name (reportlab lists
            # the canvas's graphics states in every page's resources)
            c._extgstate._c.update({("ca", 1): "GS7", ("CA", 1): "GS8"})
        for ops in self.pages:
            if p == "libreoffice":
                c._code.append(f"0.1 w\n/Artifact BMC\nq 0 0.028 {_num(PAGE_W)} "
                               f"{_num(PAGE_H - 0.028)} re\nW* n\nEMC\n")
            elif p == "gdocs":
                c._code.append(f".75 0 0 -.75 0 {_num(PAGE_H)} cm\nq\n0 0 {_num(PAGE_W / PX)} "
                               f"{_num(PAGE_H / PX)} re\nW* n\n")
            mcid = 0
            for op in ops:
                if isinstance(op, str):
                    c._code.append(op)
                elif isinstance(op, tuple) and op[1] == "Artifact":
                    c._code.append("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
                elif isinstance(op, tuple):
                    c._code.append(f"/{op[1]} <</MCID {mcid}>> BDC\n")
                    mcid += 1
                else:
                    op(c)
            if p != "word":
                c._code.append("Q\n")
            c.showPage()


class _Flow:
    """A column of text that runs on from page to page."""

    def __init__(self, w: _Writer, x0: float, x1: float, top: float, size: float,
                 accent: tuple, next_top: float = PAGE_H - 60, bottom: float = 62) -> None:
        self.w, self.x0, self.x1, self.size, self.accent = w, x0, x1, size, accent
        self.n, self.y, self.next_top, self.bottom = 0, top, next_top, bottom
        self.icons = False
        self.lead = size * 1.17  # single spacing for Vera (ascent + descent)

    def need(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.n += 1
            self.y = self.next_top

    def line(self, runs: list, x: float | None = None, justify: float = 0.0, right=None,
             lead: float | None = None) -> None:
        """One line of runs at the flow's left (or x), with an optional right-aligned run."""
        lead = lead or self.lead
        self.need(lead)
        self.y -= lead
        self.w.line(self.n, self.x0 if x is None else x, self.y, runs, justify)
        if right:
            text, role, size, *rest = right
            self.w.line(self.n, self.x1 - self.w.width(text, role, size), self.y, [right])

    def wrap(self, text: str, role: str, size: float, width: float) -> list[str]:
        lines, cur = [], ""
        for word in text.split(" "):
            trial = f"{cur} {word}" if cur else word
            if cur and self.w.width(trial, role, size) > width:
                lines.append(cur)
                cur = word
            else:
                cur = trial
        return lines + [cur] if cur else lines

    def para(self, text: str, role: str = "regular", indent: float = 0.0, bullet: str = "",
             justify: bool = False, size: float | None = None, color=(0, 0, 0),
             label: str = "") -> None:
        size = size or self.size
        x = self.x0 + indent
        width = self.x1 - x
        first = (label + " " if label else "") + text
        lines = self.wrap(first, role, size, width)
        for i, line in enumerate(lines):
            self.need(self.lead)
            if i == 0 and bullet:
                self.w.line(self.n, x - 11, self.y - self.lead, [(bullet, "symbol", size * 0.9)],
                            tag="Lbl")
            runs = [(line, role, size, color)]
            if i == 0 and label:  # a bold label, then the rest of the line
                runs = [(label + " ", "bold", size, color), (line[len(label) + 1:], role, size,
                                                            color)]
            fill = width if justify and i < len(lines) - 1 else 0.0
            self.line(runs, x=x, justify=fill)

    def gap(self, h: float) -> None:
        self.y -= h

    def heading(self, text: str, style: str) -> None:
        self.need(self.lead * 3.5)
        self.gap(self.size * 0.7)
        size = self.size + 2
        x = self.x0
        if self.icons:  # an icon before each heading, as many templates have
            self.w.icon(self.n, x, self.y - size * 1.3 - 1, size, self.accent, len(text))
            x += size * 1.6
        self.line([(text.upper() if style != "title" else text, "heading", size, self.accent)],
                  x=x, lead=size * 1.3)
        if style in ("rule", "upper"):
            self.w.rule(self.n, self.x0, self.x1, self.y - 3.5, self.accent, 0.75)
            self.gap(5)
        else:
            self.gap(2)


# ---------------------------------------------------------------- content (all invented)

_FIRST = ("Avery Jordan Riley Morgan Casey Rowan Sasha Devon Priya Mateo Elena Tobias Amara "
          "Kenji Lucia Farah Oskar Nadia Emeka Ingrid Rafael Sofia Malik Hana Dmitri Chloe "
          "Arjun Beatriz Callum Daria Ezra Fiona Gideon Imani Jasper Keiko Leon Marisol Nikhil "
          "Olivia Pavel Quentin Renata Samir Talia Umar Vera Wesley Ximena Yusuf Zoe Andrea "
          "Bruno Carmen Diego Esther Felix Greta Hugo Isla").split()
_LAST = ("Quinn Ellis Harper Lane Reyes Okafor Novak Brandt Castillo Lindqvist Nakamura "
         "Haddad Moreau Kowalski Adeyemi Fischer Romero Sato Walsh Petrov Oliveira Mensah "
         "Bergstrom Duarte Khan Larsen Mbeki Nguyen Ortega Patel Rasmussen Silva Tanaka Ueda "
         "Varga Whitfield Yilmaz Zimmerman Abbott Becker Carver Delgado Eriksen Ferreira "
         "Gallagher Holt Iwu Jansen Keller Lachance Marin Nolan Osei Pereira Rinaldi Stone "
         "Thornton Vance Wade Young").split()
_CITIES = ["Portland, OR", "Austin, TX", "Denver, CO", "Raleigh, NC", "Columbus, OH",
           "Minneapolis, MN", "Pittsburgh, PA", "Madison, WI", "Sacramento, CA", "Boise, ID",
           "Richmond, VA", "Tucson, AZ", "Albany, NY", "Omaha, NE", "Burlington, VT"]
_COMPANIES = ["Northwind Traders", "Contoso Ltd.", "Fabrikam Inc.", "Tailspin Toys",
              "Bluefin Analytics", "Harbor Logistics", "Meridian Health Systems", "Quill & Ledger",
              "Summit Payments", "Brightline Media", "Cobalt Robotics", "Evergreen Insurance",
              "Lumen Retail Group", "Orbital Freight", "Pinecrest Software", "Redwood Energy",
              "Silverlake Bank", "Trailhead Outfitters", "Vantage Learning", "Wavecrest Telecom"]
_DOMAINS = ["payments", "logistics", "e-commerce", "healthcare", "insurance", "media streaming",
            "online learning", "banking", "retail analytics", "telecom billing", "travel booking"]
_GROUPS = {
    "Languages": ["Python", "Java", "Go", "TypeScript", "JavaScript", "Ruby", "PHP", "C#",
                  "Kotlin", "Scala", "Rust", "SQL", "Bash", "C++"],
    "Frameworks": ["Django", "Flask", "FastAPI", "Spring Boot", "Node.js", "Express.js",
                   "Ruby on Rails", "Laravel", "ASP.NET", ".NET", "NestJS", "Celery",
                   "SQLAlchemy", "Hibernate", "GraphQL", "gRPC", "REST APIs"],
    "Databases": ["PostgreSQL", "MySQL", "MongoDB", "Redis", "Elasticsearch", "DynamoDB",
                  "SQL Server", "Oracle Database", "Apache Cassandra", "SQLite", "Snowflake"],
    "Cloud & DevOps": ["AWS", "Amazon S3", "AWS Lambda", "Amazon EKS", "Azure", "Google Cloud",
                       "Docker", "Kubernetes", "Terraform", "Ansible", "Helm", "Jenkins",
                       "GitHub Actions", "GitLab CI", "Prometheus", "Grafana", "Datadog",
                       "Nginx", "Linux", "CI/CD"],
    "Data": ["Apache Kafka", "RabbitMQ", "Apache Spark", "Apache Airflow", "dbt", "pandas",
             "NumPy", "Tableau", "Power BI", "BigQuery", "Databricks", "ETL", "scikit-learn",
             "PyTorch", "TensorFlow", "MLflow"],
    "Frontend": ["React", "Redux", "Angular", "Vue.js", "Next.js", "HTML", "CSS", "Sass",
                 "Tailwind CSS", "Webpack", "Jest", "Cypress"],
    "Testing & Tools": ["pytest", "JUnit", "Selenium", "Playwright", "Postman", "JMeter", "Git",
                        "Jira", "Confluence", "Agile", "Scrum", "Kanban"],
}
_PRACTICES = {"Agile", "Scrum", "Kanban", "Jira", "Confluence", "Git", "CI/CD"}
_TRACKS = {  # titles, skill groups in order of weight
    "backend": (["Backend Engineer", "Software Engineer", "Senior Software Engineer",
                 "Backend Developer", "Software Developer", "Senior Backend Engineer"],
                ["Languages", "Frameworks", "Databases", "Cloud & DevOps", "Testing & Tools"]),
    "fullstack": (["Full Stack Developer", "Software Engineer", "Web Developer",
                   "Senior Full Stack Engineer"],
                  ["Languages", "Frontend", "Frameworks", "Databases", "Cloud & DevOps"]),
    "devops": (["DevOps Engineer", "Site Reliability Engineer", "Platform Engineer",
                "Cloud Engineer", "Senior DevOps Engineer"],
               ["Cloud & DevOps", "Languages", "Databases", "Testing & Tools"]),
    "data": (["Data Engineer", "Senior Data Engineer", "Analytics Engineer",
              "Machine Learning Engineer"],
             ["Data", "Languages", "Databases", "Cloud & DevOps"]),
    "qa": (["QA Engineer", "Software Development Engineer in Test", "Test Automation Engineer"],
           ["Testing & Tools", "Languages", "Frontend", "Cloud & DevOps"]),
}
_BULLETS = [
    "Designed and built {a} services in {b} that handle {n}k requests per minute at a p99 "
    "latency under {m} ms.",
    "Migrated the {d} platform from {a} to {b}, cutting infrastructure costs by {p}% and "
    "deployment time from hours to minutes.",
    "Led a team of {t} engineers delivering a {d} integration with {a} and {b} on schedule.",
    "Introduced {a} and {b} into the release process, raising test coverage from {q}% to {p2}%.",
    "Reduced query times by {p}% by redesigning indexes and caching hot paths with {a}.",
    "Built data pipelines with {a} and {b} that load {n} million records a day for the "
    "{d} reporting team.",
    "Automated infrastructure provisioning with {a}, replacing {t} manual runbooks and "
    "shortening onboarding of new services to one day.",
    "Mentored {t} junior developers through code reviews, pairing and design sessions.",
    "Owned the on-call rotation for {d} services; set up alerting with {a} and cut incidents "
    "by {p}% year over year.",
    "Wrote and documented public {a} endpoints used by {n} partner companies.",
    "Containerised {t} legacy applications with {a} and moved them to {b}.",
    "Partnered with product managers and designers to ship {t} customer-facing features per "
    "quarter.",
    "Refactored a monolith into {t} services communicating over {a}, improving release "
    "frequency from monthly to daily.",
    "Implemented role-based access control and audit logging for the {d} back office in {a}.",
    "Profiled and tuned {a} workers, lowering memory use by {p}% and saving ${n}k a year.",
    "Established coding standards and CI checks with {a}, adopted across {t} teams.",
    "Built internal dashboards in {a} that track {d} KPIs for executives.",
    "Drove the adoption of {a}, writing the team’s migration guide and training {t} colleagues.",
    "Resolved production issues across {a}, {b} and {c}, keeping uptime above 99.9%.",
    "Delivered a real-time event pipeline on {a} processing {n}k events per second.",
]
_TAILS = [", working closely with the {d} product and support teams.",
          "; the design was later reused by {t} other teams.",
          ", with zero downtime and a documented rollback plan.",
          " using {a}, feature flags and staged rollouts.",
          ", which became the reference implementation for new {d} services.",
          " and presented the results at the company’s engineering all-hands."]
_SUMMARY = [
    "{adj} {title} with {y}+ years of experience building reliable {d} software.",
    "Comfortable across the stack, with deep experience in {a}, {b} and {c}.",
    "Known for clear written communication, careful code reviews and pragmatic design.",
    "Recently focused on scaling services and data flows on {a} and {b}.",
    "Enjoys mentoring, improving developer tooling and turning vague requirements into "
    "working software.",
    "Looking for a role where I can own services end to end and grow engineering practices.",
    "Has shipped {a} and {b} systems used by millions of customers in regulated industries.",
    "Equally at home writing design documents, pairing on hard bugs and talking to customers.",
    "Holds a strong record of reducing operational toil through automation and observability.",
]
_ADJ = ["Results-driven", "Detail-oriented", "Pragmatic", "Versatile", "Collaborative",
        "Experienced"]
_COURSES = ["Algorithms", "Data Structures", "Operating Systems", "Computer Networks",
            "Database Systems", "Distributed Systems", "Compilers", "Machine Learning",
            "Software Engineering", "Computer Architecture", "Statistics", "Linear Algebra"]
_ACHIEVEMENTS = [
    "Cut the monthly cloud bill of the {d} platform by {p}% through rightsizing and {a}.",
    "Received the {y} engineering excellence award for the {d} migration.",
    "Promoted twice in three years; led the {a} guild of {p} engineers.",
    "Speaker at a regional developer meetup on {a} in production ({y}).",
    "Reduced the mean time to recovery of {d} services from hours to {p} minutes.",
]
_DEGREES = ["B.S. in Computer Science", "Bachelor of Science, Computer Engineering",
            "M.S. in Computer Science", "B.A. in Mathematics", "M.S. in Data Science",
            "Bachelor of Engineering, Information Technology", "B.S. in Physics"]
_SCHOOLS = ["Northfield State University", "Lakeshore Institute of Technology",
            "University of Westbrook", "Cedar Valley College", "Eastgate Polytechnic",
            "Riverside University"]
_CERTS = ["AWS Certified Solutions Architect – Associate", "Certified Kubernetes Administrator "
          "(CKA)", "Professional Scrum Master I", "HashiCorp Certified: Terraform Associate",
          "Google Professional Data Engineer", "Microsoft Certified: Azure Developer Associate",
          "Oracle Certified Professional, Java SE 11 Developer", "ISTQB Certified Tester"]
_LANGS = ["English (native)", "Spanish (professional)", "French (conversational)",
          "German (basic)", "Portuguese (fluent)", "Hindi (native)", "Polish (native)"]
_MONTHS = "January February March April May June July August September October November " \
          "December".split()


def _fmt_month(year: int, month: int, style: str) -> str:
    if style == "short":
        return f"{_MONTHS[month - 1][:3]} {year}"
    if style == "long":
        return f"{_MONTHS[month - 1]} {year}"
    return f"{month:02d}/{year}"


@functools.lru_cache(maxsize=4)
def _pairs(seed: int) -> list[tuple[str, str]]:
    pairs = [(f, la) for f in _FIRST for la in _LAST]
    random.Random(seed).shuffle(pairs)
    return pairs


def _person(index: int, seed: int) -> tuple[str, str, str]:
    """A name, e-mail and phone unique to `index`: every first x last pair once (3,600 pairs,
    shuffled by the seed), then a middle initial; the e-mail carries the index."""
    pairs = _pairs(seed)
    first, last = pairs[index % len(pairs)]
    middle = f" {chr(65 + index // len(pairs) % 26)}." if index >= len(pairs) else ""
    email = f"{first.lower()}.{last.lower()}{index}@example.com"
    phone = f"(555) {100 + index // 10000 % 900:03d}-{index % 10000:04d}"
    return f"{first}{middle} {last}", email, phone


def _content(rng: random.Random, index: int, seed: int) -> dict:
    name, email, phone = _person(index, seed)
    track = rng.choice(list(_TRACKS))
    titles, groups = _TRACKS[track]
    skills = {g: rng.sample(_GROUPS[g], rng.randint(5, min(10, len(_GROUPS[g])))) for g in groups}
    pool = [s for g in groups[:3] for s in skills[g] if s not in _PRACTICES]
    years = 0
    style = rng.choice(["short", "short", "long", "numeric"])
    dash = rng.choice([" – ", " – ", " - ", " — "])
    year, month = 2025, rng.randint(1, 11)
    present = rng.random() < 0.75
    positions = []
    for k in range(rng.randint(4, 7)):
        months = rng.randint(10, 44)
        end = "Present" if k == 0 and present else _fmt_month(year, month, style)
        total = year * 12 + month - 1 - months
        sy, sm = divmod(total, 12)
        dates = f"{_fmt_month(sy, sm + 1, style)}{dash}{end}"
        years += months / 12
        bullets = []
        for template in rng.sample(_BULLETS, rng.randint(6, 9) if k < 3 else rng.randint(3, 6)):
            a, b, c = rng.sample(pool, 3)
            text = template.format(
                a=a, b=b, c=c, d=rng.choice(_DOMAINS), n=rng.randint(2, 90), m=rng.randint(40, 300),
                p=rng.randint(12, 65), q=rng.randint(20, 50), p2=rng.randint(70, 95),
                t=rng.randint(2, 9))
            if rng.random() < 0.45:
                text = text[:-1] + rng.choice(_TAILS).format(
                    a=rng.choice(pool), t=rng.randint(2, 9), d=rng.choice(_DOMAINS))
            bullets.append(text)
        positions.append(dict(title=titles[0] if k == 0 and rng.random() < 0.3 else
                              rng.choice(titles), company=rng.choice(_COMPANIES),
                              city=rng.choice(_CITIES), dates=dates, bullets=bullets))
        total -= rng.randint(0, 4)
        year, month = divmod(total, 12)
        month += 1
    a, b, c = rng.sample(pool, 3)
    summary = " ".join(s.format(adj=rng.choice(_ADJ), title=titles[0], y=max(2, int(years)),
                                d=rng.choice(_DOMAINS), a=a, b=b, c=c)
                       for s in [_SUMMARY[0]] + rng.sample(_SUMMARY[1:], rng.randint(3, 6)))
    grad = year - rng.randint(0, 2)
    education = [(rng.choice(_DEGREES), rng.choice(_SCHOOLS), f"{grad - 4}{dash}{grad}")]
    if rng.random() < 0.3:
        education.insert(0, (rng.choice(_DEGREES[2:5]), rng.choice(_SCHOOLS),
                             f"{grad + 1}{dash}{grad + 3}"))
    projects = []
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        a, b = rng.sample(pool, 2)
        projects.append((f"{rng.choice(['Open-source', 'Side', 'Hackathon'])} project: "
                         f"{rng.choice(['ledger', 'scheduler', 'tracker', 'linter', 'crawler'])}",
                         f"A small {a} tool, written with {b}, with {rng.randint(40, 900)} "
                         f"stars on GitHub and {rng.randint(2, 30)} contributors."))
    coursework = ", ".join(rng.sample(_COURSES, rng.randint(4, 6))) if rng.random() < 0.5 else ""
    achievements = []
    if rng.random() < 0.4:
        for template in rng.sample(_ACHIEVEMENTS, rng.randint(2, 4)):
            achievements.append(template.format(a=rng.choice(pool), d=rng.choice(_DOMAINS),
                                                p=rng.randint(15, 60), y=rng.randint(2016, 2024)))
    return dict(name=name, email=email, phone=phone, city=rng.choice(_CITIES), headline=titles[0],
                linkedin=f"linkedin.com/in/{name.lower().replace(' ', '-').replace('.', '')}"
                         f"-{index}",
                summary=summary, skills=skills, positions=positions, education=education,
                certs=rng.sample(_CERTS, rng.randint(0, 3)), projects=projects,
                languages=rng.sample(_LANGS, rng.randint(1, 3)), coursework=coursework,
                achievements=achievements)


# ---------------------------------------------------------------- layouts


def _photo(rng: random.Random, accent: tuple):
    """A small invented 'photo' (JPEG, as a word processor embeds one): a head-and-shoulders
    silhouette on a gradient."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (160, 160))
    draw = ImageDraw.Draw(img)
    base = [int(255 * c) for c in accent]
    for row in range(160):
        draw.line([(0, row), (159, row)], fill=tuple(min(255, c + row // 2) for c in base))
    skin = rng.choice([(241, 194, 125), (224, 172, 105), (198, 134, 66), (141, 85, 36)])
    draw.ellipse((50, 28, 110, 96), fill=skin)
    draw.ellipse((22, 100, 138, 200), fill=rng.choice([(40, 40, 60), (90, 30, 40), (30, 70, 90)]))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=80)
    return ImageReader(io.BytesIO(out.getvalue()))


def _icon(accent: tuple):
    """A 24 px contact icon (PNG-like raw image): a filled disc with a white dot."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (24, 24), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.ellipse((1, 1, 22, 22), fill=tuple(int(255 * c) for c in accent))
    draw.ellipse((8, 8, 15, 15), fill=(255, 255, 255))
    return ImageReader(img)


def _contacts(f: _Flow, info: dict, rng: random.Random, centred: bool, icons) -> None:
    """The contact line: items with separators or icons (vector, or an image when `icons` is
    one), links over e-mail and LinkedIn."""
    w, size = f.w, f.size * 0.95
    items = [info["city"], info["phone"], info["email"], info["linkedin"]]
    sep = "" if icons else rng.choice(["  |  ", "  •  ", "   ", "  ·  "])
    gap = 12 if icons else 0  # the icon and the space after it
    widths = [w.width(t, "regular", size) for t in items]
    after = 10 if icons else 0
    total = sum(widths) + len(items) * (gap + after) - after + (len(items) - 1) * w.width(
        sep, "regular", size)
    x = (f.x0 + f.x1 - total) / 2 if centred else f.x0
    f.need(f.lead)
    f.y -= f.lead * 1.1
    for i, (text, width) in enumerate(zip(items, widths)):
        if icons == "vector":
            w.icon(f.n, x, f.y - 1, 9, f.accent, i)
            x += gap
        elif icons:
            w.image(f.n, icons, x, f.y - 1, 9, 9)
            x += gap
        w.line(f.n, x, f.y, [(text, "regular", size)])
        if i == 2:
            w.link(f.n, f"mailto:{text}", x, f.y - 2, x + width, f.y + size)
        if i == 3:
            w.link(f.n, f"https://www.{text}", x, f.y - 2, x + width, f.y + size)
        x += width + after
        if sep and i < len(items) - 1:
            x += w.line(f.n, x, f.y, [(sep, "regular", size, (0.4, 0.4, 0.4))])


def _position_head(f: _Flow, job: dict, dates_right: bool) -> None:
    s = f.size
    if dates_right:
        f.line([(job["title"], "bold", s + 0.5)], right=(job["dates"], "regular", s))
        f.line([(job["company"], "italic", s)], right=(job["city"], "italic", s))
    else:
        f.line([(job["title"], "bold", s + 0.5), (" | " + job["company"], "regular", s + 0.5)])
        f.line([(job["dates"] + "  ·  " + job["city"], "italic", s, (0.35, 0.35, 0.35))])


def _sections_tail(f: _Flow, info: dict, hs: str, bullet: str, skip=()) -> None:
    if "education" not in skip:
        f.heading("Education", hs)
        for degree, school, dates in info["education"]:
            f.line([(degree, "bold", f.size)], right=(dates, "regular", f.size))
            f.line([(school, "italic", f.size)])
        if info["coursework"]:
            f.para(info["coursework"], label="Relevant coursework:")
    if info["certs"] and "certs" not in skip:
        f.heading("Certifications", hs)
        for cert in info["certs"]:
            f.para(cert, indent=12, bullet=bullet)
    if info["projects"]:
        f.heading("Projects", hs)
        for title, text in info["projects"]:
            f.para(text, label=title + ":", justify=True)
    if "languages" not in skip:
        f.heading("Languages", hs)
        f.para(", ".join(info["languages"]))


def _classic(w: _Writer, info: dict, rng: random.Random, size: float, accent: tuple,
             table: bool) -> None:
    margin = rng.choice([36, 43, 50, 54, 54, 72])
    f = _Flow(w, margin, PAGE_W - margin, PAGE_H - margin + 14, size, accent,
              next_top=PAGE_H - margin + 6)
    hs = rng.choice(["rule", "upper", "title"])
    bullet = rng.choice(["•", "•", "–", "·"])
    centred = rng.random() < 0.5
    big = size + rng.choice([8, 10, 12])
    nx = (f.x0 + f.x1 - w.width(info["name"], "heading", big)) / 2 if centred else f.x0
    f.line([(info["name"], "heading", big, accent)], x=nx, lead=big * 1.15)
    role = rng.choice(["italic", "bolditalic"])
    hx = (f.x0 + f.x1 - w.width(info["headline"], role, size + 1)) / 2 if centred else f.x0
    f.line([(info["headline"], role, size + 1)], x=hx, lead=(size + 1) * 1.4)
    icons = rng.choice(["vector", "vector", "vector", "image", "image", None, None, None])
    _contacts(f, info, rng, centred, _icon(accent) if icons == "image" else icons)
    f.icons = icons == "vector" and rng.random() < 0.6
    f.heading(rng.choice(["Summary", "Professional Summary", "Profile"]), hs)
    f.para(info["summary"], justify=rng.random() < 0.6)
    if info["achievements"]:
        f.heading("Key Achievements", hs)
        for text in info["achievements"]:
            f.para(text, indent=14, bullet=bullet)
    f.heading(rng.choice(["Skills", "Technical Skills", "Core Skills"]), hs)
    if table:
        _skills_table(f, info)
    else:
        for group, items in info["skills"].items():
            f.para(", ".join(items), label=group + ":")
    f.heading(rng.choice(["Experience", "Professional Experience", "Work History"]), hs)
    dates_right = rng.random() < 0.75
    justify = rng.random() < 0.4
    for job in info["positions"]:
        f.gap(size * 0.4)
        if table:
            _position_row(f, job, bullet)
            continue
        f.need(f.lead * 4)
        _position_head(f, job, dates_right)
        for text in job["bullets"]:
            f.para(text, indent=14, bullet=bullet, justify=justify)
    _sections_tail(f, info, hs, bullet)


def _skills_table(f: _Flow, info: dict) -> None:
    """Skills in a bordered table, three cells a row (group name, then items)."""
    w, s = f.w, f.size
    cols, width = 3, (f.x1 - f.x0) / 3
    cells = [(g, ", ".join(items)) for g, items in info["skills"].items()]
    grey = (0.6, 0.6, 0.6)
    for r in range(0, len(cells), cols):
        row = cells[r:r + cols]
        wraps = [f.wrap(text, "regular", s - 0.5, width - 10) for _, text in row]
        height = (1 + max(len(x) for x in wraps)) * f.lead + 6
        f.need(height)
        top = f.y
        w.rule(f.n, f.x0, f.x1, top, grey, 0.5)
        for k, ((group, _), lines) in enumerate(zip(row, wraps)):
            x = f.x0 + k * width + 5
            y = top - f.lead
            w.line(f.n, x, y, [(group, "bold", s - 0.5)])
            for text in lines:
                y -= f.lead
                w.line(f.n, x, y, [(text, "regular", s - 0.5)])
            if k:
                w.rect(f.n, f.x0 + k * width, top - height, 0.5, height, grey)
        f.y = top - height
        w.rule(f.n, f.x0, f.x1, f.y, grey, 0.5)


def _position_row(f: _Flow, job: dict, bullet: str) -> None:
    """A position as a table row: dates and place in a narrow left cell, the rest on the right."""
    w, s, left = f.w, f.size, 96
    grey = (0.55, 0.55, 0.55)
    x = f.x0 + left
    wraps = [f.wrap(b, "regular", s, f.x1 - x - 14) for b in job["bullets"]]
    height = (2 + sum(len(x) for x in wraps)) * f.lead + 6
    f.need(height)
    top = f.y
    w.rule(f.n, f.x0, f.x1, top, grey, 0.5)
    y = top
    dates = f.wrap(job["dates"], "bold", s - 1, left - 10)  # long dates wrap in the cell
    for k, part in enumerate(dates + [job["city"]]):
        y -= f.lead
        w.line(f.n, f.x0 + 2, y, [(part, "bold" if k < len(dates) else "italic", s - 1)])
    w.rect(f.n, x - 6, top - height, 0.5, height, grey)
    saved = f.x0
    f.x0 = x
    f.line([(job["title"], "bold", s + 0.5)])
    f.line([(job["company"], "italic", s)])
    for text in job["bullets"]:
        f.para(text, indent=12, bullet=bullet)
    f.x0 = saved
    f.y = top - height


def _sidebar(w: _Writer, info: dict, rng: random.Random, size: float, accent: tuple) -> None:
    """A shaded left column (photo, contact, skills, education, languages) beside the main
    column (name, summary, experience), as resume templates lay it out."""
    band = rng.choice([190, 200, 210])
    tint = tuple(round(1 - 0.12 * (1 - c), 3) for c in accent)
    side = _Flow(w, 28, band - 16, PAGE_H - 36, size - 0.5, accent)
    main = _Flow(w, band + 22, PAGE_W - 40, PAGE_H - 40, size, accent, next_top=PAGE_H - 46)
    hs = rng.choice(["rule", "upper"])
    bullet = "•"
    w.image(0, _photo(rng, accent), 28 + (band - 44 - 96) / 2, PAGE_H - 136, 96, 96)
    side.y = PAGE_H - 150
    side.heading("Contact", hs)
    for i, text in enumerate([info["phone"], info["email"], info["city"], info["linkedin"]]):
        side.need(side.lead * 1.3)
        side.y -= side.lead * 1.3
        w.icon(side.n, side.x0, side.y - 1, 8.5, accent, i)
        parts = [text]
        if w.width(text, "regular", size - 1.5) > side.x1 - side.x0 - 13:  # wraps at the "@"
            at = text.index("@") if "@" in text else len(text) // 2
            parts = [text[:at], text[at:]]
        for k, part in enumerate(parts):
            if k:
                side.y -= side.lead
            w.line(side.n, side.x0 + 13, side.y, [(part, "regular", size - 1.5)])
        if i == 1:
            w.link(side.n, f"mailto:{text}", side.x0, side.y - 2, side.x1, side.y + size)
    side.heading("Skills", hs)
    for group, items in list(info["skills"].items())[:4]:
        side.line([(group, "bold", size - 1)])
        for item in items[:6]:
            side.line([(item, "regular", size - 1.5)], x=side.x0 + 8)
            level = rng.randint(3, 5)
            for k in range(5):
                w.circle(side.n, side.x1 - 34 + k * 7, side.y + 3, 2.4,
                         accent if k < level else (0.8, 0.8, 0.8))
    side.heading("Education", hs)
    for degree, school, dates in info["education"]:
        side.para(degree, role="bold", size=size - 1)
        side.para(school, role="italic", size=size - 1.5)
        side.para(dates, size=size - 1.5)
    side.heading("Languages", hs)
    for lang in info["languages"]:
        side.line([(lang, "regular", size - 1.5)])
    big = size + rng.choice([10, 12, 14])
    main.line([(info["name"], "heading", big, accent)], lead=big)
    main.line([(info["headline"].upper(), "regular", size + 1, (0.35, 0.35, 0.35))],
              lead=(size + 1) * 1.6)
    main.heading("Profile", hs)
    main.para(info["summary"], justify=True)
    if info["achievements"]:
        main.heading("Key Achievements", hs)
        for text in info["achievements"]:
            main.para(text, indent=12, bullet=bullet)
    main.heading("Experience", hs)
    for job in info["positions"]:
        main.gap(size * 0.4)
        main.need(main.lead * 4)
        _position_head(main, job, dates_right=False)
        for text in job["bullets"]:
            main.para(text, indent=12, bullet=bullet)
    _sections_tail(main, info, hs, bullet, skip=("education", "languages"))
    for n in range(len(w.pages)):  # the shaded band under everything, on every page
        w.rect(n, 0, 0, band, PAGE_H, tint)
        w.pages[n].insert(0, w.pages[n].pop())


def _footer(w: _Writer, info: dict, size: float) -> None:
    for n in range(len(w.pages)):
        text = f"{info['name']} – Page {n + 1} of {len(w.pages)}"
        w.line(n, PAGE_W - 54 - w.width(text, "regular", size - 2), 34,
               [(text, "regular", size - 2, (0.45, 0.45, 0.45))], tag="Artifact")


_CREATORS = {"word": ("Microsoft® Word for Microsoft 365", "Microsoft® Word for Microsoft 365"),
             "libreoffice": ("Writer", "LibreOffice 7.6"),
             "gdocs": ("Google Docs", "Skia/PDF m120 Google Docs Renderer")}


def word_pdf(index: int, seed: int = 1) -> bytes:
    """Resume number `index` of the "word" corpus (see the notes above _Writer)."""
    key = seed * 1_000_003 + index
    info = _content(random.Random(key), index, seed)
    while True:
        data, pages = _render_word(info, random.Random(f"layout-{key}"))
        if pages <= 3 or len(info["positions"]) <= 3:
            return data
        info["positions"].pop()  # resumes are kept to three pages: drop the oldest position


def _render_word(info: dict, rng: random.Random) -> tuple[bytes, int]:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    w = _Writer(rng, c)
    creator, producer = _CREATORS[w.producer]
    c.setTitle(f"{info['name']} Resume")
    c.setAuthor(info["name"])
    c.setCreator(creator)
    c.setProducer(producer)
    size = rng.choice([8.5, 9.0, 9.0, 9.5, 10.0])  # Vera is wide: as Calibri 10-12
    accent = rng.choice(_ACCENTS)
    layout = rng.choice(["classic", "classic", "sidebar", "table"])
    if layout == "sidebar":
        _sidebar(w, info, rng, size, accent)
    else:
        _classic(w, info, rng, size, accent, table=layout == "table")
    if rng.random() < 0.5:
        _footer(w, info, size)
    w.render()
    c.save()
    return buf.getvalue(), len(w.pages)


def make_corpus(folder: Path | None = None, count: int = 500, seed: int = 1,
                style: str = "varied") -> list[Path]:
    """Write `count` PDFs of `style` into `folder` (its style's folder when None), skipping
    ones already there; return their paths."""
    folder = FOLDERS[style] if folder is None else folder
    if style == "word":
        write = word_pdf
    else:
        _fall_back_to_core_fonts(make_fixtures)

        def write(i: int, seed: int) -> bytes:
            return make_fixtures.varied_pdf(seed * 1_000_003 + i)

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"resume-{i:05d}.pdf"
        if not path.exists():
            path.write_bytes(write(i, seed))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--style", choices=sorted(FOLDERS), default="varied")
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = make_corpus(args.folder, args.count, args.seed, args.style)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} PDFs, {size / 1e6:.1f} MB in {paths[0].parent if paths else args.folder}")


if __name__ == "__main__":
    main()
