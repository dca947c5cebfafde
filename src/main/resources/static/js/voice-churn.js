// The churn page: the 12-month trend of the churn rate (line) with base and churned customers (bars), drawn with
// ECharts from /voice/churn/data/trend. The container gets data-points="<n>" once drawn (for tests).
(function () {
  'use strict';
  var el = document.getElementById('churn-trend');
  if (!el || typeof echarts === 'undefined') { return; }
  var d = el.dataset;
  fetch(d.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (points) {
      var chart = echarts.init(el);
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 50, right: 50, top: 20, bottom: 50 },
        xAxis: { type: 'category', data: points.map(function (p) { return p.month; }) },
        yAxis: [{ type: 'value', minInterval: 1 },
                { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } }],
        series: [
          { name: d.lBase, type: 'bar', data: points.map(function (p) { return p.base; }) },
          { name: d.lChurned, type: 'bar', data: points.map(function (p) { return p.churned; }) },
          { name: d.lRate, type: 'line', yAxisIndex: 1,
            data: points.map(function (p) { return p.rate === null ? null : Math.round(p.rate * 10000) / 100; }) }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
      el.dataset.points = String(points.length);
    })
    .catch(function () { el.textContent = d.lEmpty; el.dataset.points = '0'; });
}());
