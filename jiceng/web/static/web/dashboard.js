// Dashboard charts: decoration over the tables (which hold every figure).
// Each chart's data sits in a json_script block named by the element's data-chart.
(function () {
  "use strict";
  if (!window.echarts) { return; }
  var PALETTE = ["#b3261e", "#0b57d0", "#146c2e", "#7a4d00"];
  var ROW = 26;

  function narrow() { return window.innerWidth < 600; }

  function valueText(unit) {
    return function (value) { return value === null || value === undefined ? "—" : value + unit; };
  }

  function categoryAxis(spec) {
    var axis = { type: "category", data: spec.categories, axisTick: { show: false } };
    if (spec.horizontal) {
      axis.inverse = true;  // first row at the top, as in the table
      axis.axisLabel = { width: narrow() ? 72 : 140, overflow: "truncate" };
    } else {
      axis.axisLabel = { hideOverlap: true };
    }
    return axis;
  }

  function valueAxis(spec) {
    var axis = { type: "value", axisLabel: { formatter: "{value}" + (spec.unit || "") } };
    if (spec.max) { axis.max = spec.max; axis.min = 0; }
    if (!spec.unit) { axis.minInterval = 1; }  // counts and scores: whole numbers
    if (spec.kind === "line") {
      // Rates sit high; start the axis a little under the lowest point so the lines separate.
      axis.min = function (extent) { return Math.max(0, Math.floor((extent.min - 5) / 10) * 10); };
    }
    return axis;
  }

  function legendHeight(spec) {
    if (spec.series.length < 2) { return 10; }
    return narrow() ? 22 * Math.ceil(spec.series.length / 2) + 14 : 40;
  }

  function option(spec) {
    var many = spec.series.length > 1;
    var labelled = spec.kind === "bar" && !many;  // a single bar series gets its figures
    var series = spec.series.map(function (s) {
      return {
        name: s.name, type: spec.kind, data: s.data, stack: spec.stacked ? "all" : undefined,
        barMaxWidth: 18, connectNulls: false, symbolSize: 6,
        label: { show: labelled, position: "right", color: "#1b1f24" }
      };
    });
    var category = categoryAxis(spec);
    var value = valueAxis(spec);
    return {
      color: spec.colors || PALETTE,
      animation: false,
      textStyle: { fontFamily: "system-ui, sans-serif" },
      legend: many ? { top: 0, left: 0, itemGap: 12 } : { show: false },
      tooltip: {
        trigger: "axis", renderMode: "richText", confine: true,
        axisPointer: { type: spec.kind === "bar" ? "shadow" : "line" },
        valueFormatter: valueText(spec.unit || "")
      },
      grid: { left: 4, right: labelled ? 40 : 16, top: legendHeight(spec), bottom: 4, containLabel: true },
      xAxis: spec.horizontal ? value : category,
      yAxis: spec.horizontal ? category : value,
      series: series
    };
  }

  // Bars across the page grow with the number of rows, so every name stays readable.
  function fit(element, spec) {
    if (spec.horizontal) {
      var height = spec.categories.length * ROW + legendHeight(spec) + 30;
      element.style.height = Math.max(160, height) + "px";
    }
  }

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-chart"));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    if (!spec.categories.length) { element.hidden = true; return; }
    fit(element, spec);
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option(spec));
    charts.push({ chart: chart, spec: spec, element: element });
  });

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { window.clearTimeout(pending); }
    pending = window.setTimeout(function () {
      charts.forEach(function (entry) {
        fit(entry.element, entry.spec);
        entry.chart.setOption(option(entry.spec));
        entry.chart.resize();
      });
    }, 150);
  });
}());
