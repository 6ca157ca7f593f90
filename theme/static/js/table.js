// Progressive enhancement of tables: column headers of tables marked "sortable" become
// buttons (without JavaScript the table stays in its published, rank order); and a jump
// to a row of a table that scrolls in its own box (wide screens) shows the row under the
// header row, where the browser alone would scroll the box's top, header and all, away.
(function () {
  "use strict";
  function cellValue(row, index, kind) {
    var cell = row.children[index];
    var raw = cell ? (cell.getAttribute("data-value") || cell.textContent).trim() : "";
    if (kind === "number") {
      if (raw === "") return null;
      var n = parseFloat(raw.replace(",", "."));
      return isNaN(n) ? null : n;
    }
    return raw;
  }
  function sortBy(table, index, kind, header) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
      if (x === null && y === null) return 0;
      if (x === null) return 1;  // unknown values stay at the bottom
      if (y === null) return -1;
      var order = kind === "number" ? x - y : x.localeCompare(y, "vi");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, kind, th); });
    });
  });

  function reveal() {
    var row = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var frame = row && row.closest(".table-scroll");
    if (!frame || row.tagName !== "TR" || frame.scrollHeight <= frame.clientHeight) return;
    frame.scrollIntoView({ block: "start" });
    var header = frame.querySelector("thead").getBoundingClientRect();
    frame.scrollTop += row.getBoundingClientRect().top - header.bottom;
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
