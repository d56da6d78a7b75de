/* timeline.js: draws the index chart from window.TIMELINE_DATA and links it to the
   event list below it. The data holds one entry per event in list order; titles,
   dates in words and links are read from the list, so the page carries them once.

   It runs before the list is parsed: the chart is drawn at once from the data
   (marked data-drawn) and wired up (data-ready); hover cards and clicks read the
   list item they need when they need it. No network: Plotly comes from
   assets/plotly.min.js. */
(function () {
  "use strict";
  var D = window.TIMELINE_DATA;
  var gd = document.getElementById("chart");
  var list = null; // #event-list, once parsed
  if (!D || !gd || !window.Plotly) return;

  var DAY = 864e5;
  var ROWS = [0, -0.2, 0.2, -0.4, 0.4]; // offsets inside a lane, so close events do not overlap
  var SYMBOLS = ["circle", "diamond", "circle-open", "triangle-right-open", "triangle-left-open"];
  var n = D.t.length;
  var items = null; // live collection of the list's items, which grows as the page parses

  // The k-th list item, or null while the list has not been parsed that far.
  function item(k) {
    if (!items) {
      list = document.getElementById("event-list");
      if (!list) return null;
      items = list.getElementsByClassName("ev");
    }
    return items[k] || null;
  }

  // Each item is <time class="when"> (or <span class="when">), then the event's link.
  function parts(k) {
    var li = item(k);
    if (!li) return null;
    var w = li.querySelector(".when"), a = li.querySelector("a");
    return {
      title: a ? a.textContent : "",
      href: a ? a.getAttribute("href") : null,
      when: w ? w.textContent : ""
    };
  }

  var hidden = {}; // type name -> true while filtered out
  var mode = "type";
  var gl = D.webgl && hasWebGL();

  function hasWebGL() {
    try {
      var c = document.createElement("canvas");
      return !!(c.getContext("webgl") || c.getContext("experimental-webgl"));
    } catch (e) {
      return false;
    }
  }

  // Plotly reads a few tags in axis labels; escape so that names are shown, never interpreted.
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The hover card: filled with textContent, so titles are shown and never interpreted.
  var tip = document.createElement("div");
  tip.className = "tip";
  tip.hidden = true;
  tip.setAttribute("role", "status");
  gd.parentNode.insertBefore(tip, gd.nextSibling);

  function line(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    tip.appendChild(el);
  }

  function showTip(point, mouse) {
    var k = point.customdata;
    var info = typeof k === "number" ? parts(k) : null;
    if (!info) return;
    tip.textContent = "";
    line("strong", info.title);
    line("span", info.when, "tip-when");
    var names = D.c[k].map(function (c) { return D.actors[c]; });
    if (names.length) line("span", names.join(", "), "tip-actors");
    tip.style.borderLeftColor = D.types[D.t[k]].colour;
    tip.hidden = false; // before measuring: a hidden element has no offsetParent
    var box = gd.getBoundingClientRect(), host = tip.offsetParent || document.body;
    var origin = host.getBoundingClientRect();
    var x, y;
    if (mouse && typeof mouse.clientX === "number") {
      x = mouse.clientX - box.left; y = mouse.clientY - box.top;
    } else {
      x = point.xaxis._offset + point.xaxis.d2p(point.x);
      y = point.yaxis._offset + point.yaxis.d2p(point.y);
    }
    var left = box.left - origin.left + x + 14;
    if (x + 14 + tip.offsetWidth > box.width) left -= tip.offsetWidth + 28;
    tip.style.left = Math.max(0, left) + "px";
    tip.style.top = (box.top - origin.top + y + 14) + "px";
  }

  // Where each event sits: [start ms, end ms, marker ms] or null when it cannot be placed.
  var first = Infinity, last = -Infinity;
  var where = new Array(n);
  for (var k = 0; k < n; k++) {
    var lo = D.a[k], hi = D.b[k], kind = D.kinds[D.k[k]];
    var w0 = null;
    if (kind === "exact") w0 = [lo * DAY, (lo + 1) * DAY, (lo + 0.5) * DAY];
    else if (kind === "span" || kind === "window") w0 = [lo * DAY, (hi + 1) * DAY, ((lo + hi + 1) / 2) * DAY];
    else if (kind === "open") {
      var d = lo !== null ? lo : hi;
      w0 = [d * DAY, (d + 1) * DAY, (d + 0.5) * DAY];
    }
    where[k] = w0;
    if (w0) {
      first = Math.min(first, w0[0]);
      last = Math.max(last, w0[1]);
    }
  }
  if (first === Infinity) {
    first = Date.UTC(2000, 0, 1);
    last = first + DAY;
  }
  var span = Math.max(last - first, DAY);
  var pad = Math.max(span * 0.03, DAY);

  function lanes() {
    if (mode === "type") {
      return {
        labels: D.types.map(function (t) { return t.name; }),
        of: function (k) { return [D.t[k]]; }
      };
    }
    var order = [], seen = {}, none = false;
    for (var k = 0; k < n; k++) {
      if (!D.c[k].length) none = true;
      for (var j = 0; j < D.c[k].length; j++) {
        var c = D.c[k][j];
        if (!seen[c]) { seen[c] = true; order.push(c); }
      }
    }
    var index = {};
    order.forEach(function (c, pos) { index[c] = pos; });
    var labels = order.map(function (c) { return D.actors[c]; });
    if (none) labels.push("(no actor)");
    return {
      labels: labels,
      of: function (k) {
        return D.c[k].length ? D.c[k].map(function (c) { return index[c]; }) : [labels.length - 1];
      }
    };
  }

  function traces(L) {
    var per = D.types.map(function () {
      return { mx: [], my: [], mc: [], ms: [], sx: [], sy: [], wx: [], wy: [] };
    });
    var rowEnds = L.labels.map(function () { return []; });
    var gap = span / 140;
    for (var k = 0; k < n; k++) {
      var at = where[k];
      if (!at) continue;
      var b = per[D.t[k]], kind = D.kinds[D.k[k]], lanesOf = L.of(k);
      for (var j = 0; j < lanesOf.length; j++) {
        var lane = lanesOf[j], ends = rowEnds[lane], row = -1;
        for (var r = 0; r < ends.length; r++) if (ends[r] <= at[0] - gap) { row = r; break; }
        if (row < 0) row = ends.length < ROWS.length ? ends.length : k % ROWS.length;
        ends[row] = Math.max(ends[row] || -Infinity, at[1] + gap, at[2] + gap);
        var y = lane + ROWS[row];
        b.mx.push(at[2]); b.my.push(y); b.mc.push(k);
        var sym = SYMBOLS[D.k[k]];
        if (kind === "open") sym = D.a[k] !== null ? SYMBOLS[3] : SYMBOLS[4];
        b.ms.push(sym);
        if (kind === "span") { b.sx.push(at[0], at[1], null); b.sy.push(y, y, null); }
        if (kind === "window") { b.wx.push(at[0], at[1], null); b.wy.push(y, y, null); }
      }
    }
    var type = gl ? "scattergl" : "scatter", out = [];
    var size = n <= 300 ? 11 : n <= 3000 ? 8 : 5; // dense timelines get smaller marks
    D.types.forEach(function (t, ti) {
      var b = per[ti], visible = hidden[t.name] ? "legendonly" : true;
      out.push({
        type: type, mode: "lines", x: b.wx, y: b.wy, name: t.name + " (window)",
        legendgroup: t.name, showlegend: false, hoverinfo: "skip", visible: visible,
        opacity: 0.4, line: { color: t.colour, width: size > 6 ? 8 : 4, dash: "dot" }, connectgaps: false
      });
      out.push({
        type: type, mode: "lines", x: b.sx, y: b.sy, name: t.name + " (span)",
        legendgroup: t.name, showlegend: false, hoverinfo: "skip", visible: visible,
        line: { color: t.colour, width: size > 6 ? 8 : 4 }, connectgaps: false
      });
      out.push({
        type: type, mode: "markers", x: b.mx, y: b.my, customdata: b.mc,
        name: t.name, legendgroup: t.name, visible: visible, showlegend: false,
        hoverinfo: "none",
        marker: { color: t.colour, size: size, symbol: b.ms, line: { color: t.colour, width: size > 6 ? 2 : 1 } },
        opacity: n > 2000 ? 0.75 : 1
      });
    });
    // The legend: one plain dot per type (the marker traces mix symbols by kind).
    D.types.forEach(function (t) {
      out.push({
        type: "scatter", mode: "markers", x: [null], y: [null], name: t.name,
        legendgroup: t.name, visible: hidden[t.name] ? "legendonly" : true, hoverinfo: "skip",
        marker: { color: t.colour, size: 10, symbol: "circle" }
      });
    });
    return out;
  }

  function layout(L) {
    var count = L.labels.length, longest = 0;
    L.labels.forEach(function (s) { longest = Math.max(longest, Math.min(s.length, 28)); });
    var shapes = [];
    for (var lane = 0; lane < count; lane += 2) {
      shapes.push({
        type: "rect", xref: "paper", x0: 0, x1: 1, y0: lane - 0.5, y1: lane + 0.5,
        fillcolor: "#f6f8fa", line: { width: 0 }, layer: "below"
      });
    }
    var buttons = [
      { count: 7, label: "1 week", step: "day", stepmode: "backward" },
      { count: 1, label: "1 month", step: "month", stepmode: "backward" },
      { count: 6, label: "6 months", step: "month", stepmode: "backward" },
      { count: 1, label: "1 year", step: "year", stepmode: "backward" },
      { count: 5, label: "5 years", step: "year", stepmode: "backward" }
    ].filter(function (btn) {
      var days = { day: 1, month: 30.5, year: 365.25 }[btn.step] * btn.count;
      return days * DAY < span;
    });
    buttons.push({ step: "all", label: "All" });
    return {
      height: Math.max(320, count * 46 + 190),
      margin: { l: Math.max(90, longest * 7.5 + 20), r: 16, t: 44, b: 24 },
      font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', size: 13, color: "#1b1f24" },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      hovermode: "closest",
      hoverdistance: 12,
      showlegend: gd.clientWidth > 700, // on a phone the type switches above the chart suffice
      legend: { orientation: "v", x: 1.01, xanchor: "left", y: 1, yanchor: "top", bgcolor: "rgba(0,0,0,0)", font: { size: 12 } },
      shapes: shapes,
      xaxis: {
        type: "date",
        range: [first - pad, last + pad],
        gridcolor: "#e6e9ed",
        linecolor: "#8c959f",
        rangeslider: { visible: true, thickness: 0.08, bgcolor: "#f6f8fa", bordercolor: "#d8dee4", borderwidth: 1 },
        rangeselector: { buttons: buttons, x: 0, y: 1.0, yanchor: "bottom", bgcolor: "#eef1f4", activecolor: "#d0d7de", font: { size: 12 } }
      },
      yaxis: {
        tickmode: "array",
        tickvals: L.labels.map(function (_, pos) { return pos; }),
        ticktext: L.labels.map(function (s) { return esc(s.length > 28 ? s.slice(0, 27) + "…" : s); }),
        range: [count - 0.5, -0.5],
        fixedrange: true,
        showgrid: false,
        zeroline: false,
        ticks: "",
        automargin: true
      }
    };
  }

  var config = {
    responsive: true,
    displaylogo: false,
    scrollZoom: false,
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
    toImageButtonOptions: { filename: "timeline", scale: 2 }
  };

  function applyFilter() {
    var visible = gd.data.map(function (trace) { return hidden[trace.legendgroup] ? "legendonly" : true; });
    Plotly.restyle(gd, { visible: visible });
    list = list || document.getElementById("event-list");
    if (!list) return;
    D.types.forEach(function (t) { list.classList.toggle("hide-" + t.name, !!hidden[t.name]); });
    var sections = list.querySelectorAll("section.month");
    for (var s = 0; s < sections.length; s++) {
      var types = (sections[s].getAttribute("data-types") || "").split(" ");
      sections[s].hidden = types.every(function (t) { return hidden[t]; });
    }
    var boxes = document.querySelectorAll(".type-filter input[type=checkbox]");
    for (var b = 0; b < boxes.length; b++) boxes[b].checked = !hidden[boxes[b].value];
    var shown = 0;
    for (var k = 0; k < n; k++) if (!hidden[D.types[D.t[k]].name]) shown++;
    var status = document.getElementById("filter-status");
    if (status) status.textContent = shown === n ? "" : "Showing " + shown.toLocaleString("en") + " of " + n.toLocaleString("en") + " events.";
  }

  function draw() {
    var L = lanes();
    return Plotly.react(gd, traces(L), layout(L), config);
  }

  function wire() {
    gd.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      var info = p && typeof p.customdata === "number" ? parts(p.customdata) : null;
      if (info && info.href) window.location.href = info.href;
    });
    var drag = function () { return gd.querySelector(".nsewdrag"); };
    gd.on("plotly_hover", function (ev) {
      var el = drag();
      if (el) el.style.cursor = "pointer";
      if (ev && ev.points && ev.points[0]) showTip(ev.points[0], ev.event);
    });
    gd.on("plotly_unhover", function () {
      var el = drag();
      if (el) el.style.cursor = "";
      tip.hidden = true;
    });
    gd.on("plotly_relayout", function () { tip.hidden = true; });
    gd.on("plotly_legendclick", function (ev) {
      var name = ev.data[ev.curveNumber].legendgroup;
      hidden[name] = !hidden[name];
      applyFilter();
      return false;
    });
    gd.on("plotly_legenddoubleclick", function (ev) {
      var name = ev.data[ev.curveNumber].legendgroup;
      var alone = D.types.every(function (t) { return t.name === name ? !hidden[t.name] : hidden[t.name]; });
      D.types.forEach(function (t) { hidden[t.name] = alone ? false : t.name !== name; });
      applyFilter();
      return false;
    });
    var controls = document.getElementById("controls");
    if (controls) {
      controls.hidden = false;
      controls.addEventListener("change", function (ev) {
        var input = ev.target;
        if (input.type === "checkbox") {
          hidden[input.value] = !input.checked;
          applyFilter();
        } else if (input.name === "lanes") {
          mode = input.value;
          draw();
        }
      });
      var all = document.getElementById("show-all");
      if (all) all.addEventListener("click", function () { hidden = {}; applyFilter(); });
    }
  }

  // Draw now and wire up at once: hover cards and clicks read the list lazily, so they
  // work for every item already parsed; the type filter reaches the list when it is there.
  draw().then(function () {
    gd.setAttribute("data-drawn", "1");
    wire();
    gd.setAttribute("data-ready", "1");
  });
  document.addEventListener("DOMContentLoaded", function () {
    if (Object.keys(hidden).some(function (t) { return hidden[t]; })) applyFilter();
  });
})();
