/**
 * The script dashboard.html runs in the browser: it reads the inline JSON and draws
 * one ECharts chart into every `[data-chart]` box. Plain ES2017 (the bureau's PCs run
 * whatever browser they have), no module, no network, no animation (so that
 * printing and screenshots show the final picture). The tables beside the charts
 * are written on the server, so a page printed without scripts still has every number.
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('dashboard-data').textContent);
  var data = payload.data;
  var text = payload.text;
  var FONT = payload.font;
  var CATEGORY_COLOURS = payload.categoryColours;
  var BLUE = '#2f6fb0', GREEN = '#3b8a4a', AMBER = '#d08a1a', RED = '#b8352c', GREY = '#5b6573';
  var charts = [];

  function base() {
    return {
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 13, color: '#222' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontFamily: FONT } },
      grid: { left: 8, right: 56, top: 12, bottom: 8, containLabel: true }
    };
  }

  // Ranked horizontal bars: the first item on top, the count at the end of its bar.
  function rankedBars(items, colour) {
    var option = base();
    var reversed = items.slice().reverse();
    option.xAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    option.yAxis = {
      type: 'category',
      data: reversed.map(function (d) { return d.label; }),
      axisTick: { show: false },
      axisLabel: { width: 190, overflow: 'truncate', fontSize: 13 }
    };
    option.series = [{
      type: 'bar',
      data: reversed.map(function (d, i) {
        var c = typeof colour === 'function' ? colour(d, i) : colour;
        return { value: d.count, itemStyle: { color: c } };
      }),
      barMaxWidth: 22,
      label: { show: true, position: 'right', fontFamily: FONT, color: '#222' }
    }];
    return option;
  }

  function categoryColour(d) { return CATEGORY_COLOURS[d.key] || BLUE; }

  function population() {
    var rows = data.population.slice().reverse();
    var option = base();
    option.legend = { top: 0, textStyle: { fontFamily: FONT } };
    option.grid.top = 32;
    option.grid.right = 64;
    option.xAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    option.yAxis = { type: 'category', data: rows.map(function (r) { return r.township; }), axisTick: { show: false },
      axisLabel: { width: 190, overflow: 'truncate' } };
    // Stacked: the whole bar is the school-age population, its orange end those with no active registration.
    option.series = [
      { name: text.with_registration, type: 'bar', stack: 'people', barMaxWidth: 22, itemStyle: { color: BLUE },
        data: rows.map(function (r) { return r.with_active_registration; }) },
      { name: text.without_registration, type: 'bar', stack: 'people', barMaxWidth: 22, itemStyle: { color: AMBER },
        data: rows.map(function (r) { return Math.max(0, r.school_age - r.with_active_registration); }),
        label: { show: true, position: 'right', fontFamily: FONT, color: '#222', formatter: function (p) {
          var r = rows[p.dataIndex];
          return r.school_age === 0 ? '' : (Math.round(1000 * r.with_active_registration / r.school_age) / 10).toFixed(1) + '%';
        } } }
    ];
    return option;
  }

  function openOverTime() {
    var runs = data.history.runs;
    var option = base();
    var used = Object.keys(CATEGORY_COLOURS).filter(function (c) {
      return runs.some(function (r) { return (r.open_by_category[c] || 0) > 0; });
    });
    option.tooltip = { trigger: 'axis', textStyle: { fontFamily: FONT } };
    option.legend = { top: 0, textStyle: { fontFamily: FONT } };
    option.grid.top = 56;
    option.grid.right = 44;
    option.xAxis = { type: 'category', boundaryGap: false, data: runs.map(function (r) { return r.as_of; }) };
    option.yAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    option.series = used.map(function (c) {
      // A point per run while they can be told apart (a month of nightly runs); after that, the line.
      return { name: text.categories[c], type: 'line', symbolSize: 6, showSymbol: runs.length <= 31, itemStyle: { color: CATEGORY_COLOURS[c] },
        lineStyle: { width: 2.5 }, data: runs.map(function (r) { return r.open_by_category[c] || 0; }) };
    });
    return option;
  }

  function newVsResolved() {
    var runs = data.history.runs;
    var option = base();
    option.legend = { top: 0, textStyle: { fontFamily: FONT } };
    option.grid.top = 32;
    option.grid.right = 44;
    option.xAxis = { type: 'category', data: runs.map(function (r) { return r.as_of; }) };
    option.yAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    option.series = [
      { name: text['new'], type: 'bar', barMaxWidth: 18, itemStyle: { color: RED }, data: runs.map(function (r) { return r['new']; }) },
      { name: text.resolved, type: 'bar', barMaxWidth: 18, itemStyle: { color: GREEN }, data: runs.map(function (r) { return r.resolved; }) }
    ];
    return option;
  }

  function funnel() {
    var f = data.history.funnel;
    var stages = ['suspected', 'confirmed', 'persuaded', 'returned_or_closed'];
    var colours = [GREY, AMBER, BLUE, GREEN];
    return rankedBars(stages.map(function (s) { return { key: s, label: text.stages[s], count: f[s] }; }),
      function (d) { return colours[stages.indexOf(d.key)]; });
  }

  function openAge() {
    var a = data.history.open_age;
    var ages = ['up_to_7_days', 'days_8_to_30', 'over_30_days'];
    var colours = [GREEN, AMBER, RED];
    var option = base();
    option.grid.right = 24;
    option.grid.top = 24;
    option.xAxis = { type: 'category', data: ages.map(function (k) { return text.ages[k]; }), axisTick: { show: false } };
    option.yAxis = { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#e4e7eb' } } };
    option.series = [{ type: 'bar', barMaxWidth: 64,
      data: ages.map(function (k, i) { return { value: a[k], itemStyle: { color: colours[i] } }; }),
      label: { show: true, position: 'top', fontFamily: FONT, color: '#222' } }];
    return option;
  }

  var builders = {
    by_category: function () { return rankedBars(data.by_category, categoryColour); },
    by_township: function () { return rankedBars(data.by_township, BLUE); },
    by_reason: function () { return rankedBars(data.by_reason, GREY); },
    by_school: function () { return rankedBars(data.by_school, BLUE); },
    population: population,
    open_over_time: openOverTime,
    new_vs_resolved: newVsResolved,
    funnel: funnel,
    open_age: openAge
  };

  var boxes = document.querySelectorAll('[data-chart]');
  for (var i = 0; i < boxes.length; i++) {
    var box = boxes[i];
    var chart = echarts.init(box, null, { renderer: 'svg' });
    chart.setOption(builders[box.getAttribute('data-chart')]());
    charts.push(chart);
  }
  function resizeAll() { charts.forEach(function (c) { c.resize(); }); }
  // On paper a chart must fit on one A4 landscape page (190 mm high less its heading):
  // a taller one (many townships) is drawn shorter for printing, the table keeps every row.
  var PRINT_HEIGHT = 600;
  function limitHeight(limit) {
    charts.forEach(function (c) { c.getDom().style.maxHeight = limit; c.resize(); });
  }
  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', function () { limitHeight(PRINT_HEIGHT + 'px'); });
  window.addEventListener('afterprint', function () { limitHeight(''); });
  document.documentElement.setAttribute('data-rendered', String(charts.length));
})();
`;
