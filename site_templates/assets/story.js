/* story.js: story.html as slides, one at a time. The page works without it (one long page
   of slides and links); with it, the slide named in the address (#event-id) is shown, the
   arrow keys, Page Up/Down, Home/End and swipes move between slides, and the address
   follows, so every slide has a permalink. Works from file://: no network, no storage. */
(function () {
  "use strict";
  var story = document.getElementById("story");
  if (!story) return;
  var slides = Array.prototype.slice.call(story.querySelectorAll(".slide"));
  var pos = document.getElementById("story-pos"), fill = document.getElementById("story-fill");
  var current = -1;
  document.documentElement.classList.add("story-js");

  function indexOf(hash) {
    var id = decodeURIComponent((hash || "").replace(/^#/, ""));
    for (var i = 0; i < slides.length; i++) if (slides[i].id === id) return i;
    return 0;
  }

  function show(i, focus) {
    i = Math.max(0, Math.min(slides.length - 1, i));
    if (i === current) return;
    if (current >= 0) slides[current].classList.remove("current");
    current = i;
    var slide = slides[i];
    slide.classList.add("current");
    var steps = slides.length - 1;
    if (fill) fill.style.width = (steps ? (100 * i) / steps : 100) + "%";
    if (pos) pos.textContent = i === 0 ? "" : i + " / " + steps;
    var hash = "#" + slide.id;
    if (window.location.hash !== hash) {
      if (window.history && history.replaceState) history.replaceState(null, "", hash);
      else window.location.hash = hash;
    }
    window.scrollTo(0, 0);
    if (focus) slide.focus({ preventScroll: true });
  }

  function step(by) { show(current + by, true); }

  document.addEventListener("keydown", function (ev) {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var keys = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
    if (ev.key in keys && !(ev.key === " " && ev.shiftKey)) {
      ev.preventDefault();
      step(keys[ev.key]);
    } else if (ev.key === "Home" || ev.key === "End") {
      ev.preventDefault();
      show(ev.key === "Home" ? 0 : slides.length - 1, true);
    }
  });

  // Links between slides (#id) move without a jump; the address keeps the permalink.
  story.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (!a) return;
    ev.preventDefault();
    show(indexOf(a.getAttribute("href")), true);
  });
  window.addEventListener("hashchange", function () { show(indexOf(window.location.hash), true); });

  var touch = null;
  story.addEventListener("touchstart", function (ev) {
    if (ev.touches.length === 1) touch = { x: ev.touches[0].clientX, y: ev.touches[0].clientY };
  }, { passive: true });
  story.addEventListener("touchend", function (ev) {
    if (!touch || !ev.changedTouches.length) return;
    var dx = ev.changedTouches[0].clientX - touch.x, dy = ev.changedTouches[0].clientY - touch.y;
    touch = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) step(dx < 0 ? 1 : -1);
  }, { passive: true });

  show(indexOf(window.location.hash), false);
  story.setAttribute("data-ready", "1");
})();
