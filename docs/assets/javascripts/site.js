/*
 * Site-wide accessibility fixes for markup that Material for MkDocs and
 * mkdocs-jupyter create in the browser (issue 7, site quality gates; checked by
 * tests/site/test_quality_pages.py with axe-core):
 * - each code block's button bar (<nav class="md-code__nav">, added by Material's
 *   script) gets a distinct name, so landmarks stay distinguishable;
 * - notebook code cells and wide tables that scroll sideways can take
 *   keyboard focus, as Material's own code blocks can.
 * Whether a table scrolls is read in a ResizeObserver callback, after the browser
 * has laid the page out anyway: reading scrollWidth while the page loads would
 * force a layout of the whole page (Lighthouse counted it as blocking time).
 */
(function () {
  var count = 0;
  var observed = new WeakSet();
  var sized = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var wrap = entry.target;
      if (wrap.scrollWidth > wrap.clientWidth) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    });
  });
  function fix() {
    document.querySelectorAll(".md-code__nav:not([aria-label])").forEach(function (nav) {
      count += 1;
      nav.setAttribute("aria-label", "Code block " + count + " actions");
    });
    document.querySelectorAll(".highlight-ipynb:not([tabindex])").forEach(function (cell) {
      cell.setAttribute("tabindex", "0");
    });
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (!observed.has(wrap)) {
        observed.add(wrap);
        sized.observe(wrap);
      }
    });
  }
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
})();
