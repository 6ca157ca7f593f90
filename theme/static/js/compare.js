/* Compare two to four units of a bloc: their ranks and scores over the editions (a line
   chart and a table) and this edition's criteria beside the bloc's median and best. Units
   are ticked in an A–Z list that a box filters as one types (names without their marks
   match: "da nang" finds Đà Nẵng), the units before and after a merger listed apart.
   The choice is kept in the address (?so-sanh=a,b) so that a shared link shows the same
   comparison. Without script the section stays hidden; the static charts carry the figures. */
(function () {
  "use strict";
  var MAX = 4, PARAM = "so-sanh";
  var COLOURS = ["c0", "c1", "c2", "c3"];  /* colours in site.css, switched in high contrast */
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, text) {
    var node = name.indexOf("svg:") === 0 ? document.createElementNS(SVG, name.slice(4)) : document.createElement(name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function everyone(data) {
    return data.units.concat(data.lineage);
  }

  function chosen(data) {
    var ids = (new URLSearchParams(window.location.search).get(PARAM) || "").split(",");
    var known = everyone(data).map(function (u) { return u.id; });
    return ids.filter(function (id, i) { return known.indexOf(id) >= 0 && ids.indexOf(id) === i; }).slice(0, MAX);
  }

  function remember(ids) {
    var url = new URL(window.location.href);
    if (ids.length) { url.searchParams.set(PARAM, ids.join(",")); } else { url.searchParams.delete(PARAM); }
    window.history.replaceState(null, "", url.toString());
  }

  /* The axis (data.bottom, data.ticks) and the "x/N" labels come with the data
     (site/tables.py), as the static charts draw them: this only draws. */
  function chart(section, data, units) {
    var width = 360, height = 200, left = 30, right = 24, top = 12, bottom = 26;
    var worst = data.bottom, years = data.years;
    function x(i) { return left + (years.length === 1 ? 0 : i * (width - left - right) / (years.length - 1)); }
    function y(rank) { return top + (worst === 1 ? 0 : (rank - 1) * (height - top - bottom) / (worst - 1)); }
    var svg = el("svg:svg", {viewBox: "0 0 " + width + " " + height, class: "compare-chart", role: "img",
                             "aria-label": section.dataset.chart});
    data.ticks.forEach(function (rank) {
      svg.appendChild(el("svg:line", {x1: left, x2: width - right, y1: y(rank), y2: y(rank), class: "grid"}));
      svg.appendChild(el("svg:text", {x: left - 6, y: y(rank) + 4, "text-anchor": "end"}, rank));
    });
    years.forEach(function (year, i) {
      svg.appendChild(el("svg:text", {x: x(i), y: height - 8, "text-anchor": "middle"}, year));
    });
    /* Lines over the grid, points over the lines; a year without a rank breaks the line. */
    units.forEach(function (u, k) {
      var path = "", pen = "M";
      u.ranks.forEach(function (rank, i) {
        if (rank === null) { pen = "M"; return; }
        path += pen + x(i) + "," + y(rank) + " ";
        pen = "L";
      });
      svg.appendChild(el("svg:path", {d: path, class: "line " + COLOURS[k]}));
    });
    units.forEach(function (u, k) {
      u.ranks.forEach(function (rank, i) {
        if (rank !== null) { svg.appendChild(el("svg:circle", {cx: x(i), cy: y(rank), r: 4, class: "dot " + COLOURS[k]})); }
      });
    });
    return svg;
  }

  function table(caption, head, rows) {
    var t = el("table"), thead = el("thead"), tr = el("tr"), tbody = el("tbody");
    t.appendChild(el("caption", {}, caption));
    head.forEach(function (h, i) { tr.appendChild(el("th", {scope: "col", class: i ? "num" : ""}, h)); });
    thead.appendChild(tr);
    rows.forEach(function (row) {
      var line = el("tr");
      row.forEach(function (cell, i) {
        var node = el(i ? "td" : "th", i ? {class: "num"} : {scope: "row"}, cell === null ? "—" : cell);
        line.appendChild(node);
      });
      tbody.appendChild(line);
    });
    t.appendChild(thead);
    t.appendChild(tbody);
    var frame = el("div", {class: "table-scroll", role: "region", tabindex: "0", "aria-label": caption});
    frame.appendChild(t);
    return frame;
  }

  function show(section, data, ids) {
    var out = section.querySelector(".compare-result");
    out.textContent = "";
    var units = ids.map(function (id) { return everyone(data).filter(function (u) { return u.id === id; })[0]; });
    if (units.length < 2) { return; }
    var legend = el("ul", {class: "compare-legend"});
    units.forEach(function (u, k) {
      var item = el("li");
      item.appendChild(el("span", {class: "swatch " + COLOURS[k], "aria-hidden": "true"}));
      item.appendChild(document.createTextNode(u.name));
      legend.appendChild(item);
    });
    out.appendChild(legend);
    out.appendChild(chart(section, data, units));
    var names = units.map(function (u) { return u.name; });
    /* Rank and score, as the bloc table shows them: "2/63 · 0,8335". */
    out.appendChild(table(section.dataset.chart, [section.dataset.year].concat(names), data.years.map(function (year, i) {
      return [year].concat(units.map(function (u) {
        return [u.labels[i], u.scores[i]].filter(function (v) { return v !== null; }).join(" · ") || null;
      }));
    })));
    /* The criteria that at least one chosen unit has a figure for (DTI 2023 gives only the top and bottom five). */
    var given = data.criteria.map(function (c, j) {
      return [c.name].concat(units.map(function (u) { return u.criteria[j] === undefined ? null : u.criteria[j]; }),
                             [c.median, c.best]);
    }).filter(function (row) { return row.slice(1, units.length + 1).some(function (v) { return v !== null; }); });
    if (given.length) {
      out.appendChild(table(section.dataset.criterion + " — " + data.years[data.years.length - 1],
        [section.dataset.criterion].concat(names, [section.dataset.median, section.dataset.best]), given));
    }
  }

  /* What is typed, as the units' names are given to match it ("plain", made by the build). */
  function folded(text) {
    return text.replace(/Đ/g, "D").replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function start(section) {
    var data = JSON.parse(section.querySelector(".compare-data").textContent);
    var pickers = section.querySelector(".compare-pickers");
    var filter = el("input", {type: "search", id: "so-sanh-loc", autocomplete: "off", class: "compare-filter"});
    pickers.appendChild(el("label", {for: "so-sanh-loc"}, section.dataset.filter));
    pickers.appendChild(filter);
    var boxes = [];
    function group(legend, units) {
      var set = el("fieldset", {class: "compare-list"});
      set.appendChild(el("legend", {}, legend));
      units.forEach(function (u) {
        var box = el("input", {type: "checkbox", value: u.id, id: "so-sanh-" + u.id});
        var item = el("label", {for: box.id, "data-plain": u.plain});
        item.appendChild(box);
        item.appendChild(document.createTextNode(" " + u.name));
        set.appendChild(item);
        boxes.push(box);
      });
      pickers.appendChild(set);
    }
    group(section.dataset.units, data.units);
    if (data.lineage.length) { group(section.dataset.lineage, data.lineage); }
    var order = [];  /* the ticked units, in the order they were ticked */
    function update() {
      boxes.forEach(function (box) { box.disabled = !box.checked && order.length >= MAX; });
      remember(order);
      show(section, data, order);
    }
    pickers.addEventListener("change", function (event) {
      var id = event.target.value;
      order = order.filter(function (k) { return k !== id; });
      if (event.target.checked) { order.push(id); }
      update();
    });
    filter.addEventListener("input", function () {
      var typed = folded(filter.value);
      pickers.querySelectorAll("label[data-plain]").forEach(function (item) {
        item.hidden = typed !== "" && item.getAttribute("data-plain").indexOf(typed) < 0;
      });
    });
    order = chosen(data);
    boxes.forEach(function (box) { box.checked = order.indexOf(box.value) >= 0; });
    section.hidden = false;
    document.querySelectorAll(".compare-link").forEach(function (link) { link.hidden = false; });
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("so-sanh");
    if (section) { start(section); }
  });
}());
