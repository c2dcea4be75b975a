// flashpoint dashboard: draws the plotly charts whose figures the page carries in data-figure,
// makes event rows clickable and brings the evidence into view.
// (No inline scripts anywhere: the pages' Content-Security-Policy allows scripts from this server only.)
(function () {
  "use strict";

  function drawCharts() {
    if (typeof Plotly === "undefined") return;
    document.querySelectorAll("div.chart[data-figure]").forEach(function (el) {
      var figure;
      try { figure = JSON.parse(el.getAttribute("data-figure")); } catch (e) { return; }
      Plotly.newPlot(el, figure.data || [], figure.layout || {},
                     {responsive: true, displaylogo: false});
    });
  }

  function clickableRows() {
    document.querySelectorAll("tr[data-href]").forEach(function (row) {
      row.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;  // a link in the row goes where it says
        var href = row.getAttribute("data-href");
        if (href && href.charAt(0) === "/") window.location.assign(href);
      });
    });
  }

  function showEvidence() {
    // On an event's page the article text scrolls inside its box: bring the marked evidence to its middle.
    var box = document.querySelector("#evidence-section .article-text");
    var mark = box && box.querySelector("mark.evidence");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts();
    clickableRows();
    showEvidence();
  });
})();
