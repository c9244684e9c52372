"""The stylesheet and script inlined into the HTML report.

Both are constants so their SHA-256 hashes (in the page's Content-Security-Policy) are stable.
Neither may contain "</" (it would end the inline block early). The script never builds HTML
from strings: it only moves existing rows and toggles attributes, so data cannot become markup.
"""

from __future__ import annotations

CSS = """
:root { --met: #2e7d32; --partial: #f9a825; --missing: #c62828; --unknown: #9e9e9e;
        --ink: #1b1b1b; --muted: #5f6368; --rule: #d0d4d9; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta, .note { color: var(--muted); margin: .1rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
         border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
th { background: var(--band); }
thead th { white-space: nowrap; }
.matrix thead th.req { white-space: normal; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0;
            cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
tr.ko td { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center;
           margin: .4rem 0; }
.filters[hidden] { display: none; }
.filters input { font: inherit; padding: .15rem .4rem; border: 1px solid var(--rule);
                 border-radius: .3rem; }
#filter-text { width: 16rem; max-width: 100%; } #filter-min { width: 5rem; }
.tag { display: inline-block; padding: 0 .4rem; border-radius: .6rem; font-size: .8rem;
       background: var(--band); border: 1px solid var(--rule); }
.tag.ko, .tag.error, .tag.empty { border-color: var(--missing); color: var(--missing); }
.tag.duplicate, .tag.hidden-text { border-color: var(--unknown); }
.out { font-weight: 600; }
.out.met { color: var(--met); } .out.partial { color: #a86b00; }
.out.missing { color: var(--missing); } .out.unknown { color: var(--muted); }
.matrix td.cell { text-align: center; font-weight: 600; color: #fff; min-width: 2.2rem; }
.matrix td.met { background: var(--met); }
.matrix td.partial { background: var(--partial); color: #1b1b1b; }
.matrix td.missing { background: var(--missing); }
.matrix td.unknown { background: var(--unknown); }
.matrix th.req { font-size: .8rem; font-weight: 600; }
svg.coverage { width: 100%; max-width: 760px; height: auto; font: 13px system-ui, sans-serif; }
svg.coverage rect.track { fill: var(--band); stroke: var(--rule); }
svg.coverage rect.met { fill: var(--met); } svg.coverage rect.partial { fill: var(--partial); }
svg.coverage text { fill: var(--ink); }
details { border: 1px solid var(--rule); border-radius: .4rem; margin: .5rem 0;
          padding: .3rem .8rem; }
details[open] { padding-bottom: .8rem; }
summary { cursor: pointer; font-weight: 600; }
ul.evidence { margin: .2rem 0; padding-left: 1.2rem; font-size: .9rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em;
       overflow-wrap: break-word; }
.legend span { margin-right: 1rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  th button { cursor: default; }
  .filters { display: none; }
  th[aria-sort] button::after { content: ""; }
  details { break-inside: avoid; border: 0; padding: 0; }
  summary { list-style: none; }
  a { color: inherit; text-decoration: none; }
  .matrix td, svg.coverage rect { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  tr, li { break-inside: avoid; }
}
"""

JS = """
(function () {
  "use strict";
  var table = document.getElementById("shortlist");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);

  function rankOf(row) { return parseInt(row.getAttribute("data-rank"), 10); }

  function keyOf(row, col, numeric) {
    var v = row.cells[col].getAttribute("data-v");
    if (v === null) { v = row.cells[col].textContent; }
    if (!numeric) { return v.toLowerCase(); }
    return v === "" ? null : parseFloat(v);
  }

  function compare(a, b, col, numeric, desc) {
    var x = keyOf(a, col, numeric), y = keyOf(b, col, numeric);
    if (x === null || y === null) {  /* unknown sorts last either way */
      if (x !== y) { return x === null ? 1 : -1; }
      return rankOf(a) - rankOf(b);
    }
    var c = numeric ? x - y : (x < y ? -1 : (x > y ? 1 : 0));
    if (desc) { c = -c; }
    return c !== 0 ? c : rankOf(a) - rankOf(b);  /* ties keep rank order */
  }

  function sortBy(key, dir) {
    var col = -1;
    heads.forEach(function (th, i) { if (th.getAttribute("data-key") === key) { col = i; } });
    if (col < 0) { return false; }
    var th = heads[col];
    var numeric = th.getAttribute("data-type") === "num";
    if (dir !== "asc" && dir !== "desc") { dir = th.getAttribute("data-first") || "asc"; }
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return compare(a, b, col, numeric, dir === "desc"); });
    rows.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (h, i) {
      h.setAttribute("aria-sort",
                     i === col ? (dir === "desc" ? "descending" : "ascending") : "none");
    });
    table.setAttribute("data-sorted", key + ":" + dir);
    return true;
  }

  /* The filter box: a row shows when its data-search holds every word typed (any case) and
     its score, as shown, is at least the minimum. Rows are hidden, never removed. */
  var filters = document.getElementById("filters");
  var text = document.getElementById("filter-text");
  var least = document.getElementById("filter-min");
  var count = document.getElementById("filter-count");

  function applyFilter() {
    var words = text ? text.value.toLowerCase().split(/\\s+/).filter(Boolean) : [];
    var min = least && least.value !== "" ? parseFloat(least.value) : NaN;
    var rows = Array.prototype.slice.call(body.rows), shown = 0;
    rows.forEach(function (row) {
      var hay = row.getAttribute("data-search") || "";
      var score = parseFloat(row.getAttribute("data-score"));
      var keep = words.every(function (w) { return hay.indexOf(w) >= 0; }) &&
                 (isNaN(min) || score >= min);
      row.hidden = !keep;
      if (keep) { shown++; }
    });
    if (count) {
      count.textContent = shown === rows.length ? "" :
        "Showing " + shown + " of " + rows.length + " candidates";
    }
    table.setAttribute("data-shown", String(shown));
  }

  function openTarget(id) {
    var el = document.getElementById(id);
    if (el && el.tagName === "DETAILS") { el.open = true; }
  }

  /* `#sort=score` or `#sort=years:asc` in the URL: press the heading's button as a user would
     (at most three presses reach any direction), so links and tests use the click path. */
  function clickSort(key, dir) {
    var th = heads.filter(function (h) { return h.getAttribute("data-key") === key; })[0];
    var button = th ? th.querySelector("button") : null;
    if (!button) { return; }
    var want = key + ":" + (dir || th.getAttribute("data-first"));
    for (var i = 0; i < 3 && table.getAttribute("data-sorted") !== want; i++) { button.click(); }
  }

  function fromHash() {
    var hash = window.location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* malformed (#%E0%A4%A): as typed */ }
    var m = /^sort=([a-z_]+)(?::(asc|desc))?$/.exec(hash);
    if (m) { clickSort(m[1], m[2]); } else if (hash) { openTarget(hash); }
  }

  heads.forEach(function (th) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      var current = th.getAttribute("aria-sort");
      var dir = current === "ascending" ? "desc" : (current === "descending" ? "asc" : null);
      sortBy(key, dir);
    });
  });
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[data-open]") : null;
    if (link) { openTarget(link.getAttribute("data-open")); }
  });
  [text, least].forEach(function (box) {
    if (box) { box.addEventListener("input", applyFilter); }
  });
  if (filters) { filters.hidden = false; }
  applyFilter();
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) {
      d.open = true;
    });
  });
  fromHash();
  document.documentElement.setAttribute("data-ready", "1");
})();
"""
