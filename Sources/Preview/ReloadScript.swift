/// The script the preview server adds to each HTML page it serves (never to the built files):
/// it polls the build's version and reloads the page when a build finishes, and shows the
/// last build's error over the page.
enum ReloadScript {
    static let statusPath = "/__ganbook/status"

    static func script(version: Int) -> String {
        """
        <script>/* added by ganbook serve */
        (function () {
          var seen = \(version);
          function poll() {
            fetch("\(statusPath)", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
              if (s.version !== seen) { location.reload(); return; }
              setTimeout(poll, 700);
            }).catch(function () { setTimeout(poll, 2000); });
          }
          setTimeout(poll, 700);
        })();
        </script>
        """
    }

    /// A fixed box at the top of the page holding the build error.
    static func errorBanner(_ message: String) -> String {
        "<pre id=\"ganbook-build-error\" style=\"position:fixed;top:0;left:0;right:0;z-index:99999;margin:0;"
            + "padding:1em;max-height:50vh;overflow:auto;background:#fee;color:#900;border-bottom:2px solid #900;"
            + "font:13px/1.4 monospace;white-space:pre-wrap\">ganbook build failed; the page below is the last good build.\n\n"
            + HTMLText.escape(message) + "</pre>"
    }

    /// `html` with the script (and the error banner, when the last build failed) before `</body>`.
    static func inject(into html: String, version: Int, buildError: String?) -> String {
        let addition = (buildError.map(errorBanner) ?? "") + script(version: version)
        if let range = html.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: addition)
        }
        return html + addition
    }
}
