/* Share and cite: links marked data-copy-link and the texts of data-copy-text buttons
   go to the clipboard, announced to screen readers. Addresses in the cite text and the
   embed code become absolute (a local build writes relative ones). Without JavaScript
   the links still lead to their permalinks and the texts can be selected by hand. */
(function () {
  "use strict";
  var script = document.currentScript;
  var status = document.getElementById("thong-bao");

  function absolute(href) { return new URL(href, window.location.href).href; }
  function announce(text) {
    if (!status) { return; }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  /* The day the reader copied the reference: BibTeX's urldate, CSL's accessed, or the
     page's sentence ("Truy cập ngày {date}.") after the reference in words. */
  function accessed(source, text) {
    var kind = source.getAttribute("data-accessed");
    var today = new Date();
    var parts = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
    if (!kind) { return text; }
    if (kind === "bibtex") {
      var iso = parts.map(function (n) { return String(n).padStart(2, "0"); }).join("-");
      return text.replace(/\n\}\s*$/, ",\n  urldate = {" + iso + "}\n}");
    }
    if (kind === "csl") {
      var entries = JSON.parse(text);
      entries.forEach(function (entry) { entry.accessed = {"date-parts": [parts]}; });
      return JSON.stringify(entries);
    }
    var vietnamese = document.documentElement.lang.indexOf("vi") === 0;
    var day = today.toLocaleDateString(vietnamese ? "vi-VN" : "en-GB", vietnamese
      ? {day: "2-digit", month: "2-digit", year: "numeric"} : {day: "numeric", month: "long", year: "numeric"});
    return text + " " + kind.replace("{date}", day);
  }
  function copy(text) {
    if (!navigator.clipboard) { return Promise.reject(new Error("no clipboard")); }
    return navigator.clipboard.writeText(text).then(function () {
      announce(script.getAttribute("data-copied") + " " + text);
    });
  }

  document.querySelectorAll("a[data-absolute]").forEach(function (link) {
    link.textContent = link.href;
  });
  document.querySelectorAll("[data-absolute-url]").forEach(function (span) {
    span.textContent = absolute(span.textContent);
  });
  document.querySelectorAll("textarea[data-absolute-src]").forEach(function (area) {
    area.value = area.value.replace(/src="([^"]*)"/, function (_, src) { return 'src="' + absolute(src) + '"'; });
  });
  document.querySelectorAll("button[data-copy-text]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy-text"));
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = source.value !== undefined ? source.value : source.textContent;
      copy(accessed(source, source.tagName === "PRE" ? text : text.replace(/\s+/g, " ").trim()));  /* BibTeX keeps its lines */
    });
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-copy-link]");
    if (!link || !navigator.clipboard) { return; }
    event.preventDefault();
    if (link.hash) { window.location.hash = link.hash; }  // a row's link still moves to, and highlights, its row
    copy(link.href);
  });
}());
