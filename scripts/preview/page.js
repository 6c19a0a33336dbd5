// The preview page: draws the stand-in's sheets as tables, live. Redraws after
// every google.script.run call the panel makes (the shim posts a message) and
// every 1.5 s, so edits made behind the panel's back show too. Cells are user
// data: text only, never HTML.
(() => {
  const lang = document.documentElement.dataset.lang ?? 'ko';
  const tabs = document.getElementById('tabs');
  const wrap = document.getElementById('grid-wrap');
  const panel = document.getElementById('panel');
  const dialog = document.getElementById('dialog');
  const dialogFrame = document.getElementById('dialog-frame');

  for (const link of document.querySelectorAll('a.lang')) {
    if (link.getAttribute('href') === `/?lang=${lang}`) link.setAttribute('aria-current', 'page');
  }

  let view = null;
  let lastText = '';
  let active = null; // the deals sheet until a tab is picked
  const changed = new Map(); // sheet → Set of "r:c" that differ from the previous draw
  const unseen = new Set(); // sheets that changed while another tab was shown

  const column = (i) => {
    let s = '';
    for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const numeric = (text) => /^[-₩$€]?\s?[\d,.]+(%|원)?$/.test(text);

  function diff(before, after) {
    for (const sheet of after.sheets) {
      const old = before?.sheets.find((s) => s.name === sheet.name);
      const cells = new Set();
      sheet.rows.forEach((row, r) => {
        row.forEach((text, c) => {
          if (old && old.rows[r]?.[c] !== text) cells.add(`${r}:${c}`);
        });
      });
      changed.set(sheet.name, cells);
      if (cells.size > 0 && sheet.name !== (active ?? after.dealsSheet)) unseen.add(sheet.name);
    }
  }

  function drawTabs() {
    tabs.replaceChildren();
    for (const sheet of view.sheets) {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.role = 'tab';
      tab.id = `tab-${sheet.name.replace(/\W+/g, '-')}`;
      tab.setAttribute('aria-selected', String(sheet.name === (active ?? view.dealsSheet)));
      tab.textContent = sheet.name;
      if (unseen.has(sheet.name)) {
        const dot = document.createElement('span');
        dot.className = 'dot';
        dot.title = 'changed';
        tab.append(dot);
      }
      tab.addEventListener('click', () => {
        active = sheet.name;
        unseen.delete(sheet.name);
        draw();
      });
      tabs.append(tab);
    }
  }

  function drawGrid() {
    const sheet = view.sheets.find((s) => s.name === (active ?? view.dealsSheet)) ?? view.sheets[0];
    if (!sheet) return;
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    const table = document.createElement('table');
    const deals = sheet.name === view.dealsSheet;
    table.className = `grid${deals ? ' clickable' : ''}`;
    table.dataset.sheet = sheet.name;
    const head = table.createTHead().insertRow();
    head.append(document.createElement('th'));
    for (let c = 0; c < width; c++) {
      const th = document.createElement('th');
      th.textContent = column(c);
      head.append(th);
    }
    const body = table.createTBody();
    const cells = changed.get(sheet.name) ?? new Set();
    sheet.rows.forEach((row, r) => {
      const tr = body.insertRow();
      const rowNumber = r + 1;
      tr.dataset.row = String(rowNumber);
      if (r === 0) tr.className = 'header';
      if (view.selection.sheet === sheet.name && view.selection.row === rowNumber)
        tr.classList.add('selected');
      const th = document.createElement('th');
      th.className = 'rownum';
      th.textContent = String(rowNumber);
      tr.append(th);
      for (let c = 0; c < width; c++) {
        const td = tr.insertCell();
        const text = row[c] ?? '';
        td.textContent = text;
        if (text.length > 24) td.title = text;
        if (r > 0 && numeric(text)) td.classList.add('num');
        if (cells.has(`${r}:${c}`)) td.classList.add('changed');
      }
      if (deals && r > 0) {
        tr.tabIndex = 0;
        tr.addEventListener('click', () => select(rowNumber));
        tr.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            select(rowNumber);
          }
        });
      }
    });
    const scroll = { top: wrap.scrollTop, left: wrap.scrollLeft };
    wrap.replaceChildren(table);
    wrap.scrollTop = scroll.top;
    wrap.scrollLeft = scroll.left;
  }

  function draw() {
    drawTabs();
    drawGrid();
    changed.clear();
  }

  async function refresh() {
    const response = await fetch(`/sheets?lang=${lang}`);
    const text = await response.text();
    if (text === lastText) return;
    const next = JSON.parse(text);
    if (view) diff(view, next);
    view = next;
    lastText = text;
    draw();
    document.body.dataset.version = String(Number(document.body.dataset.version ?? '0') + 1);
  }

  async function post(path, body) {
    await fetch(`${path}?lang=${lang}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
  }

  async function select(row) {
    await post('/select', { sheet: view.dealsSheet, row });
    await refresh();
  }

  window.addEventListener('message', (event) => {
    if (event.origin !== window.location.origin) return;
    if (event.data?.type === 'preview-rpc') void refresh();
    if (event.data?.type === 'preview-close') dialog.close();
  });

  document.getElementById('reset').addEventListener('click', async () => {
    await post('/reset');
    lastText = '';
    view = null;
    panel.src = `/sidebar?lang=${lang}`;
    await refresh();
  });

  // The sizes the add-on opens them at (showModalDialog's setWidth/setHeight).
  for (const [button, path, width, height] of [
    ['open-settings', '/settings', 420, 520],
    ['open-connect', '/connect', 720, 640],
    ['open-review', '/review', 560, 640],
  ]) {
    document.getElementById(button).addEventListener('click', () => {
      dialogFrame.style.width = `${width}px`;
      dialogFrame.style.height = `${height}px`;
      dialogFrame.src = `${path}?lang=${lang}`;
      dialog.showModal();
    });
  }

  const poll = () =>
    refresh()
      .catch(() => {})
      .finally(() => setTimeout(poll, 1500));
  poll();
})();
