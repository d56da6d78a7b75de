/* snippet.js: the Data section's <iframe> snippet names the page's own address once the
   site is published (over http or https), and a Copy button puts it on the clipboard. */
(function () {
  "use strict";
  var code = document.getElementById("embed-snippet");
  var copy = document.getElementById("copy-embed");
  if (!code) return;
  if (/^https?:$/.test(window.location.protocol)) {
    var url = new URL("embed.html", window.location.href).href.replace(/"/g, "%22");
    code.textContent = code.textContent.replace(/src="[^"]*"/, 'src="' + url + '"');
  }
  if (copy && navigator.clipboard && window.isSecureContext) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        copy.textContent = "Copied";
      });
    });
  }
})();
