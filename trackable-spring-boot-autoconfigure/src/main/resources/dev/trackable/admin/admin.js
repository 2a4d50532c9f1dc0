// The trackable admin: one page that renders the view its query string names from the JSON endpoints under api/.
// Everything that comes from the database is added as text nodes, never parsed as HTML.
'use strict';

(function () {
  const app = document.getElementById('app');
  const crumbs = document.getElementById('crumbs');
  const params = new URLSearchParams(location.search);
  const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null) {
        element.setAttribute(name, value);
      }
    }
    for (const child of children.flat()) {
      element.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
    }
    return element;
  }

  // Links only ever point at this page with another query string.
  function link(query, text, attributes) {
    return el('a', Object.assign({ href: '?' + new URLSearchParams(query) }, attributes), text);
  }

  async function api(path, query) {
    const response = await fetch('api/' + path + (query ? '?' + new URLSearchParams(query) : ''),
      { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.error || response.status + ' ' + response.statusText);
    }
    return body;
  }

  function show(title, trail, ...content) {
    document.title = title + ' · trackable admin';
    crumbs.replaceChildren(trail.length ? link({}, 'Datasets') : el('span', {}, 'Datasets'), ...trail);
    app.replaceChildren(el('h1', {}, title), ...content);
    app.setAttribute('data-ready', 'true');
  }

  function fail(error) {
    app.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
    app.setAttribute('data-ready', 'true');
  }

  function when(value, period) {
    if (value == null) {
      return '';
    }
    return period === 'HOUR' ? String(value).replace('T', ' ').substring(0, 16) : String(value).substring(0, 10);
  }

  function cell(value, number) {
    return el('td', number ? { class: 'number' } : {}, value);
  }

  function table(headers, rows, attributes) {
    return el('table', attributes || {}, el('thead', {}, el('tr', {}, headers)), el('tbody', {}, rows));
  }

  function filters(fields, hidden) {
    const form = el('form', { class: 'filters', method: 'get' });
    for (const [name, value] of Object.entries(hidden)) {
      form.append(el('input', { type: 'hidden', name: name, value: value }));
    }
    for (const field of fields) {
      const input = field.options
        ? el('select', { name: field.name }, field.options.map((option) =>
          el('option', option === field.value ? { value: option, selected: 'selected' } : { value: option }, option)))
        : el('input', { name: field.name, type: field.type || 'text', value: field.value || '' });
      form.append(el('label', {}, field.label, input));
    }
    form.append(el('button', { type: 'submit' }, 'Apply'));
    return form;
  }

  async function datasetsView() {
    const datasets = await api('datasets');
    const rows = datasets.map((dataset) => el('tr', {},
      el('td', {}, link({ dataset: dataset.name }, dataset.name)),
      cell(dataset.parentType),
      cell(dataset.period || 'all time'),
      cell(dataset.counters.join(', ')),
      el('td', {}, link({ dataset: dataset.name, view: 'top' }, 'Top parents'))));
    show('Datasets', [], datasets.length
      ? table(['Dataset', 'Parent', 'Period', 'Counters', ''].map((name) => el('th', {}, name)), rows,
        { id: 'datasets' })
      : el('p', { class: 'muted' }, 'No dataset is registered.'));
  }

  async function datasetView(name) {
    // The page's own parameter for the parent filter is parentId: 'parent' opens a parent's chart.
    const query = {};
    for (const key of ['parentId', 'from', 'until', 'sort', 'direction', 'page']) {
      if (params.get(key)) {
        query[key] = params.get(key);
      }
    }
    const rowsQuery = Object.assign({}, query);
    if (rowsQuery.parentId) {
      rowsQuery.parent = rowsQuery.parentId;
      delete rowsQuery.parentId;
    }
    const [datasets, page] = await Promise.all([api('datasets'),
      api('datasets/' + encodeURIComponent(name) + '/rows', rowsQuery)]);
    const dataset = datasets.find((candidate) => candidate.name === name);
    const counters = new Set(dataset.counters);
    const headers = page.columns.map((column) => {
      const sorted = page.sort === column;
      const direction = sorted && !page.descending ? 'desc' : 'asc';
      const label = column + (sorted ? (page.descending ? ' ▼' : ' ▲') : '');
      return el('th', counters.has(column) ? { class: 'number' } : {},
        link(Object.assign({}, query, { dataset: name, sort: column, direction: direction, page: 0 }), label,
          sorted ? { class: 'sorted' } : {}));
    });
    const rows = page.rows.map((row) => el('tr', {}, page.columns.map((column) => {
      if (column === 'parent') {
        return el('td', {}, link({ dataset: name, parent: row.parentId }, row.parentName));
      }
      const value = row.cells[column];
      return cell(column === 'collectedDuring' ? when(value, dataset.period) : value, counters.has(column));
    })));
    const fields = [{ name: 'parentId', label: 'Parent id', value: params.get('parentId') }];
    if (dataset.period) {
      fields.push({ name: 'from', label: 'From', type: 'date', value: params.get('from') },
        { name: 'until', label: 'Until (excluded)', type: 'date', value: params.get('until') });
    }
    const pageLink = (index, text) => link(Object.assign({}, query, { dataset: name, page: index }), text);
    const pager = el('div', { class: 'pager' },
      page.page > 0 ? pageLink(page.page - 1, '← Previous') : '',
      el('span', { class: 'muted' }, 'Page ' + (page.page + 1) + ' of ' + page.pages + ' · ' + page.total + ' rows'),
      page.page + 1 < page.pages ? pageLink(page.page + 1, 'Next →') : '');
    show(name, [el('span', {}, name)],
      el('p', { class: 'muted' }, 'Rows for ', el('span', { class: 'badge' }, dataset.parentType), ' · ',
        dataset.period ? 'one per parent and ' + dataset.period.toLowerCase() : 'all-time totals', ' · ',
        link({ dataset: name, view: 'top' }, 'top parents')),
      filters(fields, { dataset: name }),
      table(headers, rows, { id: 'rows' }), pager);
  }

  async function parentView(name, id) {
    const query = { id: id };
    for (const key of ['from', 'until']) {
      if (params.get(key)) {
        query[key] = params.get(key);
      }
    }
    const parent = await api('datasets/' + encodeURIComponent(name) + '/parent', query);
    const content = [el('p', { class: 'muted' }, el('span', { class: 'badge' }, name), ' · id ', parent.parentId)];
    if (parent.period) {
      content.push(filters([
        { name: 'from', label: 'From', type: 'date', value: when(parent.from, 'DAY') },
        { name: 'until', label: 'Until (excluded)', type: 'date', value: when(parent.until, 'DAY') }],
      { dataset: name, parent: id }));
      const canvas = el('canvas',
        { id: 'series-chart', role: 'img', 'aria-label': 'Counters of ' + parent.parentName });
      content.push(el('div', { class: 'chart' }, canvas));
      new Chart(canvas, {
        type: 'line',
        data: {
          labels: parent.points.map((point) => when(point, parent.period)),
          datasets: parent.series.map((series, index) => ({
            label: series.field, data: series.values,
            borderColor: COLORS[index % COLORS.length], backgroundColor: COLORS[index % COLORS.length],
          })),
        },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    }
    content.push(el('h2', {}, parent.period ? 'Totals from ' + when(parent.from, parent.period) + ' to '
      + when(parent.until, parent.period) + ' (excluded)' : 'All-time totals'));
    content.push(table([el('th', {}, 'Counter'), el('th', { class: 'number' }, 'Total')],
      Object.entries(parent.totals).map(([field, total]) => el('tr', {}, cell(field), cell(total, true))),
      { id: 'totals' }));
    show(parent.parentName, [link({ dataset: name }, name), el('span', {}, parent.parentName)], ...content);
  }

  async function topView(name) {
    const query = {};
    for (const key of ['field', 'limit', 'from', 'until']) {
      if (params.get(key)) {
        query[key] = params.get(key);
      }
    }
    const [datasets, top] = await Promise.all([api('datasets'),
      api('datasets/' + encodeURIComponent(name) + '/top', query)]);
    const dataset = datasets.find((candidate) => candidate.name === name);
    const fields = [
      { name: 'field', label: 'Counter', options: dataset.counters, value: top.field },
      { name: 'limit', label: 'How many', type: 'number', value: String(top.limit) }];
    if (dataset.period) {
      fields.push({ name: 'from', label: 'From', type: 'date', value: params.get('from') },
        { name: 'until', label: 'Until (excluded)', type: 'date', value: params.get('until') });
    }
    const rows = top.parents.map((parent, index) => el('tr', {}, cell(index + 1, true),
      el('td', {}, link({ dataset: name, parent: parent.parentId }, parent.parentName)), cell(parent.total, true)));
    show('Top ' + top.limit + ' by ' + top.field, [link({ dataset: name }, name), el('span', {}, 'Top')],
      filters(fields, { dataset: name, view: 'top' }),
      rows.length ? table([el('th', { class: 'number' }, '#'), el('th', {}, 'Parent'),
        el('th', { class: 'number' }, top.field)], rows, { id: 'top' })
        : el('p', { class: 'muted' }, 'Nothing counted yet.'));
  }

  function render() {
    const dataset = params.get('dataset');
    if (!dataset) {
      return datasetsView();
    }
    if (params.get('parent')) {
      return parentView(dataset, params.get('parent'));
    }
    return params.get('view') === 'top' ? topView(dataset) : datasetView(dataset);
  }

  render().catch(fail);
})();
