/* timeline.js: the index chart (and the embed's), drawn with Plotly from window.TIMELINE_DATA.

   Every event is a mark on the time axis with its title beside it; marks are packed
   into lanes so that no two labels overlap at the current zoom, the most important
   events labelled first (the same packing as timeline/site/lanes.py, which lays out the
   first view at build time). When the view is too dense the rest are bare marks, and
   they gain their labels as the reader zooms in. Counts at the edges say how many
   events lie outside the view; clicking one brings them in.

   The data holds one entry per event in list order: titles, positions (x), dates
   (a, b), kinds and the first view's lanes (f). Dates in words and links come from
   the list below the chart, read when a card is shown. No network: Plotly comes from
   assets/plotly.min.js. */
(function () {
  "use strict";
  var D = window.TIMELINE_DATA;
  var gd = document.getElementById("chart");
  if (!D || !gd || !window.Plotly) return;

  var G = D.g;
  var DAY = 864e5;
  var n = D.t.length;
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
  var INK = "#1b1f24";
  var MARGIN = { l: 6, r: 6, t: 34, b: 40 };
  var embed = gd.hasAttribute("data-embed");
  if (embed) MARGIN.t = 10; // no range buttons in an embed
  var coarse = !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
  var KIND = { exact: 0, span: 1, window: 2, open: 3, unknown: 4 };
  var kindOf = D.k.map(function (k) { return KIND[D.kinds[k]]; });

  // -- the list below the chart ------------------------------------------------------
  var list = null;
  var items = null; // live collection of the list's items, which grows as the page parses

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
    var w = li && li.querySelector(".when"), a = li && li.querySelector("a");
    return {
      title: D.n[k],
      href: a ? a.getAttribute("href") : null,
      when: w ? w.textContent : ""
    };
  }

  // -- filters -------------------------------------------------------------------------
  var hidden = {}; // type name -> true while filtered out
  var actor = -1; // an actor's index, or -1 for everyone

  function shown(k) {
    return D.x[k] !== null && !hidden[D.types[D.t[k]].name] &&
      (actor < 0 || D.c[k].indexOf(actor) >= 0);
  }

  // -- label text: the title on at most G.lines lines (as wrap() in timeline/site/lanes.py) ----
  var ctx = document.createElement("canvas").getContext("2d");
  ctx.font = G.font + "px " + FONT;
  var sizes = {};
  var widths = new Float64Array(n).fill(-1);

  function measure(s) {
    var w = sizes[s];
    if (w === undefined) w = sizes[s] = ctx.measureText(s).width;
    return w;
  }

  // The lines of title k within `limit` px, balanced, and the widest line's width.
  function greedy(sz, space, limit) {
    var lines = [], i = 0;
    while (i < sz.length && lines.length < G.lines) {
      var start = i, width = sz[i];
      i++;
      while (i < sz.length && width + space + sz[i] <= limit) { width += space + sz[i]; i++; }
      lines.push([start, i]);
    }
    return lines;
  }

  function wrap(k, limit) {
    var words = D.n[k].split(/\s+/).filter(Boolean), space = measure(" ");
    var sz = words.map(measure), br = greedy(sz, space, limit);
    if (br.length > 1 && br[br.length - 1][1] === words.length) {
      var lo = Math.max.apply(null, sz), hi = limit;
      while (hi - lo > 2) { // to 2 px, as lanes.py
        var mid = (lo + hi) / 2, trial = greedy(sz, space, mid);
        if (trial[trial.length - 1][1] === words.length) { hi = mid; br = trial; } else lo = mid;
      }
    }
    var lines = br.map(function (r) { return words.slice(r[0], r[1]).join(" "); });
    var w = br.map(function (r) {
      var t = space * (r[1] - r[0] - 1);
      for (var j = r[0]; j < r[1]; j++) t += sz[j];
      return t;
    });
    var last = br.length - 1;
    if (last >= 0 && (br[last][1] < words.length || w[last] > limit)) {
      lines[last] = cut(words.slice(br[last][0]).join(" "), limit);
      w[last] = ctx.measureText(lines[last]).width;
    }
    if (lines.length > 1 && w[0] > limit) {
      lines[0] = cut(lines[0], limit);
      w[0] = ctx.measureText(lines[0]).width;
    }
    return { lines: lines, width: Math.max.apply(null, w.concat([0])) };
  }

  function cut(s, limit) {
    var lo = 0, hi = s.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(s.slice(0, mid) + "…").width <= limit) lo = mid; else hi = mid - 1;
    }
    var t = s.slice(0, lo), space = t.lastIndexOf(" ");
    if (space > lo * 0.6) t = t.slice(0, space);
    return t.replace(/[\s,;:.\-–—(]+$/, "") + "…";
  }

  function labelWidth(k) {
    if (widths[k] < 0) widths[k] = wrap(k, G.line).width + 1;
    return widths[k];
  }

  // Plotly reads a few tags in text; escape so that titles are shown, never interpreted.
  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function labelText(k, room) {
    return wrap(k, room - 1).lines.map(esc).join("<br>");
  }

  // -- lanes (the algorithm of timeline/site/lanes.py) -------------------------------------
  function Lane() { this.starts = []; this.ends = []; }
  Lane.prototype.blocked = function (left, right, pad) {
    var s = this.starts, lo = 0, hi = s.length, edge = right + pad;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid] < edge) lo = mid + 1; else hi = mid; }
    if (lo === 0 || this.ends[lo - 1] + pad <= left) return null;
    return this.ends[lo - 1] + pad;
  };
  Lane.prototype.add = function (left, right) {
    var s = this.starts, lo = 0, hi = s.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid] < left) lo = mid + 1; else hi = mid; }
    s.splice(lo, 0, left);
    this.ends.splice(lo, 0, right);
  };

  // Pixel geometry of event k for a plot `width` px wide showing days v0..v1.
  function geometry(k, v0, scale, width) {
    var mark = (D.x[k] - v0) * scale, r = G.r;
    var g = { mark: mark, left: mark - r, right: mark + r, from: mark + r };
    var kind = kindOf[k];
    if ((kind === 1 || kind === 2) && D.a[k] !== null && D.b[k] !== null) {
      var start = (D.a[k] - v0) * scale, end = (D.b[k] + 1 - v0) * scale;
      g.left = Math.min(g.left, Math.max(start, 0));
      g.right = Math.max(g.right, Math.min(end, width));
      if (kind === 1) g.from = g.right;
    }
    return g;
  }

  function side(k, g, label, width) {
    var right = width - g.from - G.gap, left = g.mark - G.r - G.gap;
    if (label <= right) return [1, label];
    if (label <= left) return [-1, label];
    var s = right >= left ? 1 : -1, room = Math.floor(Math.max(right, left));
    return room >= G.minLabel ? [s, wrap(k, room - 1).width + 1] : [0, 0];
  }

  function extent(g, w, s) {
    if (s > 0) return [g.left, Math.max(g.right, g.from + G.gap + w)];
    return [Math.min(g.left, g.mark - G.r - G.gap - w), g.right];
  }

  function labels(order, geo, width, most, everyone) {
    var lanes = [], out = { lane: {}, side: {}, width: {}, lanes: lanes }, misses = 0;
    for (var j = 0; j < most; j++) lanes.push(new Lane());
    for (var i = 0; i < order.length; i++) {
      var k = order[i], g = geo[k], sw = side(k, g, labelWidth(k), width), placed = false;
      if (sw[0]) {
        var e = extent(g, sw[1], sw[0]), halo = (G.pad - G.markGap) / 2;
        e = [e[0] - halo, e[1] + halo]; // so that marks keep clear of labels too
        for (j = 0; j < most; j++) {
          if (lanes[j].blocked(e[0], e[1], G.markGap) === null) {
            lanes[j].add(e[0], e[1]);
            out.lane[k] = j; out.side[k] = sw[0]; out.width[k] = sw[1];
            placed = true;
            break;
          }
        }
      }
      if (!placed) {
        if (everyone) return null;
        if (++misses >= G.tries) break;
      }
    }
    return out;
  }

  // Pack the events `ids` (in list order) into at most `most` lanes.
  function pack(ids, v0, v1, width, most) {
    var scale = width / (v1 - v0), geo = {}, visible = [];
    var L = { lane: {}, side: {}, width: {}, lanes: 1, overflow: false };
    ids.forEach(function (k) {
      var g = geometry(k, v0, scale, width);
      if (g.mark >= 0 && g.mark <= width) { geo[k] = g; visible.push(k); }
    });
    // Labels in list order when they all fit (a cascade that reads in order), else the
    // most important first.
    var run = labels(visible, geo, width, most, true);
    if (!run) {
      var byRank = visible.slice().sort(function (p, q) { return D.r[p] - D.r[q] || p - q; });
      run = labels(byRank, geo, width, most, false);
    }
    var lanes = run.lanes, used = 0, i, j;
    L.lane = run.lane; L.side = run.side; L.width = run.width;
    for (var key in L.lane) used = Math.max(used, L.lane[key] + 1);
    var fullUntil = -Infinity;
    for (i = 0; i < visible.length; i++) {
      var m = visible[i];
      if (L.lane[m] !== undefined) continue;
      var left = Math.max(geo[m].left, 0), right = Math.min(geo[m].right, width);
      if (left < fullUntil) { L.lane[m] = most; L.overflow = true; continue; }
      var until = Infinity, placed = false;
      for (j = 0; j < most; j++) {
        var end = lanes[j].blocked(left, right, G.markGap);
        if (end === null) {
          lanes[j].add(left, right);
          L.lane[m] = j;
          used = Math.max(used, j + 1);
          placed = true;
          break;
        }
        until = Math.min(until, end);
      }
      if (!placed) { L.lane[m] = most; L.overflow = true; fullUntil = until; }
    }
    L.lanes = L.overflow ? most + 1 : Math.max(used, 1);
    L.visible = visible;
    return L;
  }

  // The build-time layout of the first view, when this plot is as wide as it assumed.
  function buildLayout() {
    var f = D.f, L = { lane: {}, side: {}, width: {}, lanes: f.lanes, overflow: f.overflow, visible: [] };
    for (var k = 0; k < n; k++) {
      if (f.y[k] !== null) { L.lane[k] = f.y[k]; L.visible.push(k); }
    }
    f.li.forEach(function (k, i) { L.side[k] = f.lw[i] > 0 ? 1 : -1; L.width[k] = Math.abs(f.lw[i]); });
    return L;
  }

  // -- drawing -------------------------------------------------------------------------
  var view = null; // [first day, last day] shown
  var layoutNow = null; // the lanes of the current view
  var lanesShown = 1;
  var gl = D.webgl && hasWebGL();

  function hasWebGL() {
    try {
      var c = document.createElement("canvas");
      return !!(c.getContext("webgl") || c.getContext("experimental-webgl"));
    } catch (e) {
      return false;
    }
  }

  function plotWidth() {
    return Math.max(gd.clientWidth - MARGIN.l - MARGIN.r, 100);
  }

  function ids() {
    var out = [];
    for (var k = 0; k < n; k++) if (shown(k)) out.push(k);
    return out;
  }

  // At most this many lanes (the overflow strip aside): an embed keeps the chart to about
  // half of its frame, so that the list below stays in sight.
  function maxLanes() {
    if (!embed) return G.maxLanes;
    var room = window.innerHeight * 0.5 - MARGIN.t - MARGIN.b;
    return Math.max(3, Math.min(G.maxLanes, Math.floor(room / G.lane)));
  }

  function layoutFor(v) {
    var width = plotWidth(), f = D.f, most = maxLanes();
    var filtered = actor >= 0 || Object.keys(hidden).some(function (t) { return hidden[t]; });
    if (!filtered && f && v[0] === f.start && v[1] === f.end && width >= f.width &&
        f.lanes <= most + (f.overflow ? 1 : 0)) {
      return buildLayout();
    }
    return pack(ids(), v[0], v[1], width, most);
  }

  // Marks are grouped by shape, not by type (one trace per shape, coloured point by point:
  // a per-point symbol array costs WebGL more than a few more traces).
  var SHAPES = ["circle", "circle-open", "triangle-right", "triangle-left"];

  function shapeOf(k) {
    var kind = kindOf[k];
    if (kind === 2) return 1;
    if (kind === 3) return D.a[k] !== null ? 2 : 3;
    return 0;
  }

  function traces(L, v) {
    var marks = SHAPES.map(function () { return { x: [], y: [], k: [], c: [], z: [] }; });
    var spans = D.types.map(function () { return { x: [], y: [] }; });
    var wx = [], wy = [], tx = [], ty = [], tt = [], tp = [], tk = [];
    var scale = plotWidth() / (v[1] - v[0]), size = 2 * G.r, small = false;
    var spare = Math.max(L.lanes - (L.overflow ? 1 : 0), 1), extra = 0;
    for (var k = 0; k < n; k++) {
      if (!shown(k)) continue;
      var lane = L.lane[k];
      if (lane === undefined) lane = extra++ % spare; // out of view: any lane until the next pack
      var kind = kindOf[k], x = D.x[k] * DAY, m = marks[shapeOf(k)];
      var strip = L.overflow && lane === L.lanes - 1;
      small = small || strip;
      m.x.push(x); m.y.push(lane); m.k.push(k); m.c.push(D.types[D.t[k]].colour);
      m.z.push(strip ? size - 4 : size);
      if (kind === 1) {
        spans[D.t[k]].x.push(D.a[k] * DAY, (D.b[k] + 1) * DAY, null);
        spans[D.t[k]].y.push(lane, lane, null);
      } else if (kind === 2 && D.a[k] !== null && D.b[k] !== null) {
        wx.push(D.a[k] * DAY, (D.b[k] + 1) * DAY, null); wy.push(lane + 0.45, lane + 0.45, null);
      } else if (kind === 3) { // an open date drawn off its bound (the order demanded it)
        var bound = D.a[k] !== null ? D.a[k] : D.b[k];
        if (Math.abs(D.x[k] - bound - 0.5) > 0.5) {
          wx.push(Math.min(x, bound * DAY), Math.max(x, (bound + 1) * DAY), null);
          wy.push(lane + 0.45, lane + 0.45, null);
        }
      }
      if (L.side[k]) {
        var g = geometry(k, v[0], scale, plotWidth());
        var at = L.side[k] > 0 ? g.from + G.gap : g.mark - G.r - G.gap;
        tx.push((v[0] + at / scale) * DAY); ty.push(lane); tk.push(k);
        tt.push(labelText(k, L.width[k]));
        tp.push(L.side[k] > 0 ? "middle right" : "middle left");
      }
    }
    var type = gl ? "scattergl" : "scatter", out = [];
    if (wx.length) { // the windows of uncertain dates: one faint dotted trace
      out.push({
        type: type, mode: "lines", x: wx, y: wy, name: "windows", hoverinfo: "skip",
        opacity: 0.6, line: { color: "#8c959f", width: 2, dash: "dot" }, connectgaps: false
      });
    }
    D.types.forEach(function (t, ti) {
      if (!spans[ti].x.length) return;
      out.push({
        type: type, mode: "lines", x: spans[ti].x, y: spans[ti].y, name: t.name + " (span)",
        hoverinfo: "skip", line: { color: t.colour, width: 6 }, connectgaps: false
      });
    });
    marks.forEach(function (m, s) {
      if (!m.x.length) return;
      out.push({
        type: type, mode: "markers", x: m.x, y: m.y, customdata: m.k, name: SHAPES[s],
        hoverinfo: "none",
        marker: {
          // an open symbol is drawn in the marker colour (white made the uncertain invisible)
          color: m.c, size: small ? m.z : size, opacity: 1,
          symbol: SHAPES[s], line: { color: m.c, width: 2 }
        }
      });
    });
    out.push({
      type: "scatter", mode: "text", name: "labels", x: tx, y: ty, text: tt, customdata: tk,
      textposition: tp, hoverinfo: "skip", cliponaxis: true,
      textfont: { family: FONT, size: G.font, color: INK }
    });
    return out;
  }

  var BUTTONS = [
    { count: 7, label: "1 week", step: "day", stepmode: "backward" },
    { count: 1, label: "1 month", step: "month", stepmode: "backward" },
    { count: 6, label: "6 months", step: "month", stepmode: "backward" },
    { count: 1, label: "1 year", step: "year", stepmode: "backward" },
    { count: 5, label: "5 years", step: "year", stepmode: "backward" }
  ];

  function plotLayout(L, v) {
    lanesShown = Math.max(lanesShown, L.lanes);
    var lanes = lanesShown, shapes = [];
    if (L.overflow) {
      shapes.push({
        type: "rect", xref: "paper", x0: 0, x1: 1, y0: L.lanes - 1.5, y1: L.lanes - 0.5,
        fillcolor: "#eef1f4", line: { width: 0 }, layer: "below"
      });
    }
    var whole = (last - first) * DAY;
    return {
      height: MARGIN.t + MARGIN.b + (lanes + 0.12) * G.lane,
      margin: { l: MARGIN.l, r: MARGIN.r, t: MARGIN.t, b: MARGIN.b, pad: 0 },
      font: { family: FONT, size: 12, color: INK },
      paper_bgcolor: "#ffffff",
      plot_bgcolor: "#ffffff",
      hovermode: false,
      dragmode: coarse ? "pan" : "zoom",
      showlegend: false,
      shapes: shapes,
      xaxis: {
        type: "date",
        range: [v[0] * DAY, v[1] * DAY],
        gridcolor: "#e6e9ed",
        linecolor: "#8c959f",
        showline: true,
        fixedrange: false,
        rangeselector: embed ? { visible: false } : {
          buttons: BUTTONS.filter(function (btn) {
            return { day: 1, month: 30.5, year: 365.25 }[btn.step] * btn.count * DAY < whole;
          }).concat([{ step: "all", label: "All" }]),
          x: 0, y: 1.0, yanchor: "bottom", bgcolor: "#eef1f4", activecolor: "#d0d7de",
          font: { size: 12 }
        }
      },
      yaxis: {
        range: [lanes - 0.5, -0.62],
        fixedrange: true,
        showgrid: false,
        zeroline: false,
        showticklabels: false,
        ticks: ""
      }
    };
  }

  var config = {
    responsive: true,
    displaylogo: false,
    displayModeBar: coarse ? false : "hover",
    scrollZoom: false,
    doubleClick: coarse ? false : "reset", // a double tap is too easily two taps
    modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
    toImageButtonOptions: { filename: "timeline", scale: 2 }
  };

  var first = Infinity, last = -Infinity;
  for (var k0 = 0; k0 < n; k0++) {
    if (D.x[k0] === null) continue;
    first = Math.min(first, D.a[k0] !== null ? D.a[k0] : D.x[k0]);
    last = Math.max(last, D.b[k0] !== null ? D.b[k0] + 1 : D.x[k0]);
  }
  if (first === Infinity) { first = Date.UTC(2000, 0, 1) / DAY; last = first + 1; }

  var drawing = false;

  function draw(v) {
    view = v;
    layoutNow = layoutFor(v);
    drawing = true;
    return Plotly.react(gd, traces(layoutNow, v), plotLayout(layoutNow, v), config).then(function () {
      drawing = false;
      edges();
      key();
      gd.setAttribute("data-lanes", String(layoutNow.lanes));
    }, function () {
      drawing = false; // superseded by a newer drawing
    });
  }

  function currentView() {
    var xa = gd._fullLayout.xaxis;
    return [xa.r2l(xa.range[0]) / DAY, xa.r2l(xa.range[1]) / DAY];
  }

  function redraw() {
    hideTip();
    return draw(currentView());
  }

  // -- out-of-view counts --------------------------------------------------------------
  var panel = gd.parentNode;
  var edgeLeft = edgeButton("edge-before"), edgeRight = edgeButton("edge-after");

  function edgeButton(cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "edge-count " + cls;
    b.hidden = true;
    panel.insertBefore(b, gd.nextSibling);
    return b;
  }

  function outside() {
    var before = [], after = [];
    for (var k = 0; k < n; k++) {
      if (!shown(k)) continue;
      if (D.x[k] < view[0]) before.push(k); else if (D.x[k] > view[1]) after.push(k);
    }
    return { before: before, after: after };
  }

  function edges() {
    var out = outside(), size = gd._fullLayout._size;
    var top = gd.offsetTop + size.t + 4;
    edgeLeft.hidden = !out.before.length;
    edgeRight.hidden = !out.after.length;
    edgeLeft.textContent = "← " + out.before.length.toLocaleString("en") + " earlier event" + (out.before.length === 1 ? "" : "s");
    edgeRight.textContent = out.after.length.toLocaleString("en") + " later event" + (out.after.length === 1 ? "" : "s") + " →";
    edgeLeft.style.top = edgeRight.style.top = top + "px";
    edgeLeft.style.left = (gd.offsetLeft + size.l + 4) + "px";
    edgeRight.style.right = (panel.clientWidth - gd.offsetLeft - size.l - size.w + 4) + "px";
    edgeLeft.style.right = edgeRight.style.left = "";
  }

  function bringIn(ks, early) {
    var span = view[1] - view[0], v = view.slice();
    if (early) v[0] = Math.min.apply(null, ks.map(function (k) { return D.x[k]; })) - span * 0.04 - 0.5;
    else v[1] = Math.max.apply(null, ks.map(function (k) { return D.x[k]; })) + span * 0.04 + 0.5;
    return draw(v);
  }
  edgeLeft.addEventListener("click", function () { bringIn(outside().before, true); });
  edgeRight.addEventListener("click", function () { bringIn(outside().after, false); });

  // -- the card --------------------------------------------------------------------------
  var tip = document.createElement("a");
  tip.className = "tip";
  tip.hidden = true;
  if (embed) { tip.target = "_blank"; tip.rel = "noopener"; }
  panel.insertBefore(tip, gd.nextSibling);
  var tipFor = -1;

  function line(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    tip.appendChild(el);
    return el;
  }

  function showTip(k, at, pinned) {
    var info = parts(k);
    tip.textContent = "";
    tipFor = k;
    var media = D.m && D.m[k];
    if (media) {
      var img = document.createElement("img");
      img.src = media[0];
      img.alt = media[1];
      img.loading = "lazy";
      img.referrerPolicy = "no-referrer";
      tip.appendChild(img);
    }
    line("strong", info.title);
    var when = info.when;
    if (kindOf[k] === 2 && D.a[k] !== null && D.b[k] !== null) {
      when = "Date uncertain: " + when + ". Drawn inside this window, in list order.";
    } else if (kindOf[k] === 3) {
      when = (D.a[k] !== null ? "On or after " : "On or before ") + when.replace(/^(on or (after|before) )/i, "");
    }
    line("span", when, "tip-when");
    var names = D.c[k].map(function (c) { return D.actors[c]; });
    if (names.length) line("span", names.join(", "), "tip-actors");
    if (pinned) line("span", "Open the event →", "tip-open");
    tip.style.borderLeftColor = D.types[D.t[k]].colour;
    if (info.href) tip.href = info.href; else tip.removeAttribute("href");
    tip.classList.toggle("pinned", !!pinned);
    tip.hidden = false; // before measuring: a hidden element has no offsetParent
    var box = gd.getBoundingClientRect(), host = panel.getBoundingClientRect();
    var x = at.x - host.left, y = at.y - host.top;
    var left = x + 14;
    if (left + tip.offsetWidth > host.width - 4) left = Math.max(4, x - tip.offsetWidth - 14);
    tip.style.left = Math.max(4, Math.min(left, host.width - tip.offsetWidth - 4)) + "px";
    tip.style.top = (y + 16 + tip.offsetHeight > box.bottom - host.top + 120 ? y - tip.offsetHeight - 12 : y + 16) + "px";
  }

  function hideTip() {
    tip.hidden = true;
    tipFor = -1;
  }

  // The event under a point (client coordinates): a mark, a span's bar or a label.
  function hit(clientX, clientY) {
    if (!layoutNow || !gd._fullLayout || !gd._fullLayout.xaxis) return -1;
    var full = gd._fullLayout, size = full._size, box = gd.getBoundingClientRect();
    var xa = full.xaxis, ya = full.yaxis;
    var px = clientX - box.left - size.l, py = clientY - box.top - size.t;
    if (px < -G.r || px > size.w + G.r || py < -G.r || py > size.h + G.r) return -1;
    var best = -1, bestD = Infinity, reach = coarse ? 16 : G.r + 3;
    var scale = size.w / (view[1] - view[0]);
    for (var i = 0; i < layoutNow.visible.length; i++) {
      var k = layoutNow.visible[i];
      if (!shown(k)) continue;
      var my = ya.l2p(layoutNow.lane[k]), dy = Math.abs(py - my);
      if (dy > Math.max(reach, G.lane / 2)) continue;
      var mx = xa.l2p(D.x[k] * DAY), d = Math.abs(px - mx);
      if (d <= reach && dy <= reach && d + dy < bestD) { best = k; bestD = d + dy; }
      if (layoutNow.side[k] && dy <= G.lane / 2 - 2) {
        var g = geometry(k, view[0], scale, size.w);
        var from = layoutNow.side[k] > 0 ? g.from + G.gap : g.mark - G.r - G.gap - layoutNow.width[k];
        if (px >= from && px <= from + layoutNow.width[k] && bestD > 1) { best = k; bestD = 1; }
      }
      if (kindOf[k] === 1 && dy <= 6) {
        var s = xa.l2p(D.a[k] * DAY), e = xa.l2p((D.b[k] + 1) * DAY);
        if (px >= s && px <= e && bestD > 2) { best = k; bestD = 2; }
      }
    }
    return best;
  }

  function open(k) {
    var href = parts(k).href;
    if (!href) return;
    if (embed) window.open(href, "_blank", "noopener");
    else window.location.href = href;
  }

  // -- pointer: hover cards, clicks, taps, pinch -----------------------------------------------
  var down = null, pinch = null, pinchEnded = 0;

  function wire() {
    gd.addEventListener("mousemove", function (ev) {
      if (ev.buttons || coarse) return;
      var k = hit(ev.clientX, ev.clientY), drag = gd.querySelector(".nsewdrag");
      if (drag) drag.style.cursor = k >= 0 ? "pointer" : "";
      if (k >= 0) { if (k !== tipFor) showTip(k, { x: ev.clientX, y: ev.clientY }, false); } else hideTip();
    });
    gd.addEventListener("mouseleave", function () { if (!tip.classList.contains("pinned")) hideTip(); });
    gd.addEventListener("pointerdown", function (ev) {
      down = { x: ev.clientX, y: ev.clientY, t: Date.now(), type: ev.pointerType };
    }, true);
    // Plotly covers the page while a button is down, so the pointer comes up elsewhere.
    document.addEventListener("pointerup", function (ev) {
      var d = down;
      down = null;
      if (!d || pinch || Date.now() - pinchEnded < 400) return;
      if (Math.abs(ev.clientX - d.x) > 6 || Math.abs(ev.clientY - d.y) > 6 || Date.now() - d.t > 600) return;
      var k = hit(ev.clientX, ev.clientY);
      if (d.type === "mouse" && !coarse) {
        if (k >= 0) open(k);
        return;
      }
      if (k >= 0) showTip(k, { x: ev.clientX, y: ev.clientY }, true); else hideTip();
    }, true);
    wirePinch();
    gd.on("plotly_relayouting", function () { hideTip(); });
    gd.on("plotly_relayout", function (ev) {
      if (drawing || pinch) return;
      var keys = Object.keys(ev || {});
      if (keys.some(function (key) { return key.indexOf("xaxis") === 0; })) schedule();
    });
    window.addEventListener("resize", function () { if (view) schedule(); });
    wireControls();
  }

  var pending = 0;
  function schedule() {
    if (pending) return;
    pending = window.requestAnimationFrame(function () { pending = 0; redraw(); });
  }

  function wirePinch() {
    function spread(touches) {
      var a = touches[0], b = touches[1];
      return { d: Math.max(Math.abs(a.clientX - b.clientX), 10), c: (a.clientX + b.clientX) / 2 };
    }
    gd.addEventListener("touchstart", function (ev) {
      if (ev.touches.length < 2 && !pinch) return;
      ev.stopPropagation();
      ev.preventDefault();
      if (!pinch && ev.touches.length >= 2) {
        // A second finger: end the drag Plotly began with the first one, where it is now.
        if (gd._dragging) document.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        hideTip();
        pinch = { start: spread(ev.touches), view: currentView(), frame: 0, last: null };
      }
    }, { capture: true, passive: false });
    gd.addEventListener("touchmove", function (ev) {
      if (!pinch) return;
      ev.stopPropagation();
      ev.preventDefault();
      if (ev.touches.length < 2) return;
      var now = spread(ev.touches), v = pinch.view, size = gd._fullLayout._size;
      var box = gd.getBoundingClientRect();
      var span = v[1] - v[0], ratio = pinch.start.d / now.d;
      var anchor = v[0] + span * (pinch.start.c - box.left - size.l) / size.w;
      var shift = span * ratio * (now.c - pinch.start.c) / size.w;
      var v0 = anchor - (anchor - v[0]) * ratio - shift, v1 = anchor + (v[1] - anchor) * ratio - shift;
      var state = pinch;
      state.last = [v0, v1];
      // One relayout per frame; one superseded by the next is rejected, which is fine.
      if (!state.frame) {
        state.frame = window.requestAnimationFrame(function () {
          state.frame = 0;
          var r = state.last;
          Plotly.relayout(gd, { "xaxis.range": [r[0] * DAY, r[1] * DAY] }).catch(function () {});
        });
      }
    }, { capture: true, passive: false });
    gd.addEventListener("touchend", function (ev) {
      if (!pinch) return;
      ev.stopPropagation();
      if (ev.touches.length) return;
      var last = pinch.last;
      if (pinch.frame) window.cancelAnimationFrame(pinch.frame);
      pinch = null;
      pinchEnded = Date.now();
      if (last) draw(last); else schedule();
    }, true);
  }

  // -- controls: type chips, actor filter ------------------------------------------------
  function applyFilter() {
    redraw();
    list = list || document.getElementById("event-list");
    if (list) {
      D.types.forEach(function (t) { list.classList.toggle("hide-" + t.name, !!hidden[t.name]); });
      var lis = list.getElementsByClassName("ev");
      for (var k = 0; k < lis.length; k++) {
        lis[k].classList.toggle("off", actor >= 0 && D.c[k].indexOf(actor) < 0);
      }
      var sections = list.querySelectorAll("section.month");
      for (var s = 0; s < sections.length; s++) {
        sections[s].hidden = !sections[s].querySelector("li.ev:not(.off)") ||
          (sections[s].getAttribute("data-types") || "").split(" ").every(function (t) { return hidden[t]; });
      }
    }
    var boxes = document.querySelectorAll(".type-filter input[type=checkbox]");
    for (var b = 0; b < boxes.length; b++) boxes[b].checked = !hidden[boxes[b].value];
    var count = 0;
    for (var k2 = 0; k2 < n; k2++) {
      if (!hidden[D.types[D.t[k2]].name] && (actor < 0 || D.c[k2].indexOf(actor) >= 0)) count++;
    }
    var status = document.getElementById("filter-status");
    if (status) {
      status.textContent = count === n ? "" : "Showing " + count.toLocaleString("en") + " of " +
        n.toLocaleString("en") + " events.";
    }
  }

  function wireControls() {
    var controls = document.getElementById("controls");
    if (!controls) return;
    controls.hidden = false;
    controls.addEventListener("change", function (ev) {
      var input = ev.target;
      if (input.type === "checkbox") {
        hidden[input.value] = !input.checked;
        applyFilter();
      } else if (input.id === "actor-filter") {
        actor = input.value === "" ? -1 : Number(input.value);
        applyFilter();
      }
    });
    var all = document.getElementById("show-all");
    if (all) {
      all.addEventListener("click", function () {
        hidden = {};
        actor = -1;
        var select = document.getElementById("actor-filter");
        if (select) select.value = "";
        applyFilter();
      });
    }
  }

  // The key explains the marks this timeline uses (and the overflow strip when drawn).
  function key() {
    var used = {};
    for (var k = 0; k < n; k++) {
      var kind = D.kinds[D.k[k]];
      if (kind === "open") kind = D.a[k] !== null ? "after" : "before";
      used[kind] = true;
    }
    var entries = document.querySelectorAll("#chart-key [data-kind]");
    for (var i = 0; i < entries.length; i++) {
      var kk = entries[i].getAttribute("data-kind");
      entries[i].hidden = kk === "overflow" ? !(layoutNow && layoutNow.overflow) : !used[kk];
    }
  }

  // Draw now and wire up at once: cards and clicks read the list lazily, so they work for
  // every item already parsed; the filters reach the list when it is there.
  var f = D.f;
  var start = f ? [f.start, f.end] : [first - 1, last + 1];
  draw(start).then(function () {
    gd.setAttribute("data-drawn", "1");
    mark("timeline-drawn");
    wire();
    gd.setAttribute("data-ready", "1");
    mark("timeline-ready"); // bench/build_speed.py reads these two
  });

  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }
  gd.timeline = { // for tests and the curious: what is drawn where
    layout: function () { return layoutNow; },
    view: function () { return view; },
    hit: hit
  };
  document.addEventListener("DOMContentLoaded", function () {
    if (actor >= 0 || Object.keys(hidden).some(function (t) { return hidden[t]; })) applyFilter();
  });
})();
