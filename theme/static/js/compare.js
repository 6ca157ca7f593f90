/* Compare two to four units of a bloc: their ranks over the editions (a line chart and a
   table) and this edition's criteria beside the bloc's median and best. The choice is
   kept in the address (?so-sanh=a,b) so that a shared link shows the same comparison.
   Without script the section stays hidden; the page's static charts carry the figures. */
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

  function chosen(data) {
    var ids = (new URLSearchParams(window.location.search).get(PARAM) || "").split(",");
    var known = data.units.map(function (u) { return u.id; });
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
    var units = ids.map(function (id) { return data.units.filter(function (u) { return u.id === id; })[0]; });
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
    out.appendChild(table(section.dataset.chart, [section.dataset.year].concat(names), data.years.map(function (year, i) {
      return [year].concat(units.map(function (u) { return u.labels[i]; }));
    })));
    /* The criteria that at least one chosen unit has a figure for (DTI 2023 gives only the top and bottom five). */
    var given = data.criteria.map(function (c, j) {
      return [c.name].concat(units.map(function (u) { return u.criteria[j]; }), [c.median, c.best]);
    }).filter(function (row) { return row.slice(1, units.length + 1).some(function (v) { return v !== null; }); });
    if (given.length) {
      out.appendChild(table(section.dataset.criterion + " — " + data.years[data.years.length - 1],
        [section.dataset.criterion].concat(names, [section.dataset.median, section.dataset.best]), given));
    }
  }

  function start(section) {
    var data = JSON.parse(section.querySelector(".compare-data").textContent);
    var pickers = section.querySelector(".compare-pickers");
    var selects = [];
    for (var i = 0; i < MAX; i++) {
      var id = "so-sanh-" + (i + 1);
      var label = el("label", {for: id}, section.dataset.unit.replace("{n}", i + 1));
      var select = el("select", {id: id});
      select.appendChild(el("option", {value: ""}, section.dataset.none));
      data.units.forEach(function (u) { select.appendChild(el("option", {value: u.id}, u.name)); });
      var field = el("div", {class: "compare-field"});
      field.appendChild(label);
      field.appendChild(select);
      pickers.appendChild(field);
      selects.push(select);
    }
    function update() {
      var ids = selects.map(function (s) { return s.value; }).filter(function (v, k, all) {
        return v && all.indexOf(v) === k;
      });
      remember(ids);
      show(section, data, ids);
    }
    chosen(data).forEach(function (id, k) { selects[k].value = id; });
    pickers.addEventListener("change", update);
    section.hidden = false;
    show(section, data, chosen(data));
  }

  document.addEventListener("DOMContentLoaded", function () {
    var section = document.getElementById("so-sanh");
    if (section) { start(section); }
  });
}());
