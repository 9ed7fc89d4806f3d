// Comparison charts: one metric of several runs overlaid, drawn with apexcharts.js 4.7.0 (wwwroot/lib/apexcharts).
// The CompareChart Razor component calls create, update and destroy through JS interop. Every series has
// its run's colour; a raw (unsmoothed) series is drawn in the same colour, faint, behind its smoothed line.
// The legend lists each run once. After every update the container's data-runs attribute contains the
// number of runs with at least one point and data-points the number of points drawn, which browser tests read.
window.labCompareCharts = (() => {
  const charts = new Map();
  let nextId = 1;

  const formatValue = (value, format) => window.labCharts.formatValue(value, format);

  function formatX(value, axis) {
    if (axis === 'epoch') {
      return Number(value).toFixed(Number.isInteger(value) ? 0 : 2);
    }
    if (axis === 'wallTime') {
      return Number(value).toFixed(value < 10 ? 1 : 0);
    }
    return Math.round(value).toString();
  }

  // '#4e79a7' with opacity 0.25 becomes 'rgba(78,121,167,0.25)'.
  function faint(color) {
    const hex = color.replace('#', '');
    const [r, g, b] = [0, 2, 4].map(i => parseInt(hex.substring(i, i + 2), 16));
    return `rgba(${r},${g},${b},0.25)`;
  }

  // options: { axis: 'step' | 'epoch' | 'wallTime', xTitle, yTitle, format, logY, markers, runs: [{ name, color }] }
  // With logY the server sends log10 of each value and the axis is linear: apexcharts 4.7.0's logarithmic
  // axis draws no line for data within one decade. Labels and tooltips show the values themselves.
  function create(element, options) {
    const id = nextId++;
    const label = options.logY ? v => formatValue(Math.pow(10, v), options.format) : v => formatValue(v, options.format);
    const chart = new ApexCharts(element, {
      chart: {
        type: 'line',
        height: 260,
        animations: { enabled: false },
        fontFamily: 'inherit',
        toolbar: { show: true, tools: { download: true, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } },
        zoom: { enabled: true, type: 'x' },
      },
      series: [],
      stroke: { width: 2, curve: 'straight' },
      markers: { size: options.markers ? 3 : 0 },
      states: { hover: { filter: { type: 'none' } }, active: { filter: { type: 'none' } } },
      xaxis: {
        type: 'numeric',
        title: { text: options.xTitle },
        labels: { formatter: v => formatX(v, options.axis) },
      },
      yaxis: {
        title: { text: options.yTitle },
        labels: { formatter: label },
        // Fractions such as accuracy and ASR keep the 0-100% range the run page uses; a log axis fits its data.
        min: options.format === 'percent' && !options.logY ? 0 : undefined,
        max: options.format === 'percent' && !options.logY ? 1 : undefined,
      },
      tooltip: { shared: false, y: { formatter: label } },
      legend: {
        show: true,
        position: 'bottom',
        showForSingleSeries: true,
        customLegendItems: options.runs.map(r => r.name),
        markers: { fillColors: options.runs.map(r => r.color) },
        onItemClick: { toggleDataSeries: false },
        onItemHover: { highlightDataSeries: false },
      },
      noData: { text: 'Waiting for data…' },
    });
    chart.render();
    charts.set(id, { chart, element, series: [], markers: options.markers ? 3 : 0 });
    element.dataset.points = '0';
    element.dataset.runs = '0';
    return id;
  }

  // changes: [{ key, name, color, raw, replace, points: [[x, y], ...] }]; y is null for a missing value.
  function update(id, changes) {
    const entry = charts.get(id);
    if (!entry) {
      return;
    }
    for (const change of changes) {
      let series = entry.series.find(s => s.key === change.key);
      if (!series) {
        series = { key: change.key, name: change.name, color: change.raw ? faint(change.color) : change.color, raw: change.raw, data: [] };
        entry.series.push(series);
      }
      if (change.replace) {
        series.data = change.points;
      } else {
        for (const point of change.points) {
          series.data.push(point);
        }
      }
    }
    // Raw series first, so each smoothed line is drawn on top of the faint ones.
    const ordered = entry.series.filter(s => s.raw).concat(entry.series.filter(s => !s.raw));
    window.labCharts.draw(entry, ordered.map(s => ({ name: s.name, data: s.data, color: s.color })), entry.markers);
    entry.element.dataset.points = String(ordered.reduce((sum, s) => sum + s.data.length, 0));
    entry.element.dataset.runs = String(entry.series.filter(s => !s.raw && s.data.length > 0).length);
  }

  function destroy(id) {
    const entry = charts.get(id);
    if (entry) {
      entry.chart.destroy();
      charts.delete(id);
    }
  }

  return { create, update, destroy };
})();
