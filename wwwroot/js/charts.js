// Line charts for run pages, drawn with apexcharts.js 4.7.0 (wwwroot/lib/apexcharts).
// The LineChart Razor component calls create, update and destroy through JS interop. Each chart keeps its
// own copy of the series so that live updates only send new points. After every update the container's
// data-points attribute contains the number of points drawn, which browser tests read.
window.labCharts = (() => {
  const charts = new Map();
  let nextId = 1;

  function formatValue(value, format) {
    if (value === null || value === undefined || Number.isNaN(value)) {
      return '';
    }
    if (format === 'percent') {
      return (value * 100).toFixed(1) + '%';
    }
    if (format === 'integer') {
      return Math.round(value).toString();
    }
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) {
      return value.toExponential(2);
    }
    return Number(value.toPrecision(4)).toString();
  }

  function formatX(value, axis) {
    if (axis === 'epoch') {
      return Number(value).toFixed(Number.isInteger(value) ? 0 : 2);
    }
    return Math.round(value).toString();
  }

  function create(element, options) {
    const id = nextId++;
    const axis = options.axis;
    const chart = new ApexCharts(element, {
      chart: {
        type: 'line',
        height: options.height || 280,
        animations: { enabled: false },
        fontFamily: 'inherit',
        toolbar: { show: true, tools: { download: true, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } },
        zoom: { enabled: true, type: 'x' },
      },
      series: [],
      stroke: { width: 2, curve: 'straight' },
      markers: { size: axis === 'epoch' ? 4 : 0 },
      xaxis: {
        type: axis === 'wallTime' ? 'datetime' : 'numeric',
        title: { text: options.xTitle },
        labels: axis === 'wallTime' ? {} : { formatter: v => formatX(v, axis) },
      },
      yaxis: {
        title: { text: options.yTitle },
        labels: { formatter: v => formatValue(v, options.format) },
        min: options.format === 'percent' ? 0 : undefined,
        max: options.format === 'percent' ? 1 : undefined,
      },
      tooltip: { shared: false, y: { formatter: v => formatValue(v, options.format) } },
      legend: { show: true, position: 'bottom', showForSingleSeries: true },
      noData: { text: 'Waiting for data…' },
    });
    chart.render();
    charts.set(id, { chart, element, series: [], axis });
    element.dataset.points = '0';
    element.dataset.series = '0';
    return id;
  }

  // Epoch charts have one point per evaluated epoch, so their ticks fall on whole epochs: 0 to the last
  // epoch in steps of 1, 2, 5, 10, 20, ... with at most ten steps. Labels such as 2.33 never appear.
  function wholeNumberAxis(series) {
    let high = 1;
    for (const s of series) {
      for (const point of s.data) {
        high = Math.max(high, Math.ceil(point[0]));
      }
    }
    let step = 1;
    for (let factor = 0; high / step > 10; factor++) {
      step = [1, 2, 5][(factor + 1) % 3] * Math.pow(10, Math.floor((factor + 1) / 3));
    }
    const max = Math.ceil(high / step) * step;
    return { min: 0, max, tickAmount: max / step };
  }

  // apexcharts 4.7.0 draws no markers for series added by updateSeries to a chart created empty, so a
  // chart with markers passes its series and markers together through updateOptions.
  function draw(entry, series, markerSize) {
    if (!markerSize) {
      entry.chart.updateSeries(series, false);
      return;
    }
    const options = { series, markers: { size: markerSize } };
    if (entry.axis === 'epoch') {
      options.xaxis = wholeNumberAxis(series);
    }
    entry.chart.updateOptions(options, false, false);
  }

  // changes: [{ name, replace, points: [[x, y], ...] }]; y is null for a missing or non-finite value.
  function update(id, changes) {
    const entry = charts.get(id);
    if (!entry) {
      return;
    }
    for (const change of changes) {
      let series = entry.series.find(s => s.name === change.name);
      if (!series) {
        series = { name: change.name, data: [] };
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
    draw(entry, entry.series.map(s => ({ name: s.name, data: s.data })), entry.axis === 'epoch' ? 4 : 0);
    const total = entry.series.reduce((sum, s) => sum + s.data.length, 0);
    entry.element.dataset.points = String(total);
    entry.element.dataset.series = String(entry.series.length);
  }

  // A bar chart drawn once, for example a defence's score histogram: options.series is
  // [{ name, data: [count per category] }], options.categories the bin labels.
  function createBars(element, options) {
    const id = nextId++;
    const chart = new ApexCharts(element, {
      chart: { type: 'bar', height: 300, stacked: true, animations: { enabled: false }, fontFamily: 'inherit',
               toolbar: { show: true, tools: { download: true } } },
      series: options.series,
      plotOptions: { bar: { columnWidth: '95%' } },
      dataLabels: { enabled: false },
      xaxis: { categories: options.categories, title: { text: options.xTitle }, labels: { rotate: -45 } },
      yaxis: { title: { text: options.yTitle } },
      legend: { show: true, position: 'bottom' },
    });
    chart.render();
    charts.set(id, { chart, element, series: options.series });
    element.dataset.series = String(options.series.length);
    element.dataset.points = String(options.series.reduce((sum, s) => sum + s.data.length, 0));
    return id;
  }

  function destroy(id) {
    const entry = charts.get(id);
    if (entry) {
      entry.chart.destroy();
      charts.delete(id);
    }
  }

  // formatValue and draw are shared with compare-charts.js, which charts.js precedes in App.razor.
  return { create, createBars, update, destroy, formatValue, draw };
})();
