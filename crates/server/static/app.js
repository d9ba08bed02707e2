// crosscheck web UI: a single page over the JSON API (/api/v1, docs/api.md).
//
// Views are routed by the URL fragment: #/ (articles and search), #/article/ID
// (optionally /CLAIM), #/events, #/event/ID, #/analyze. Every piece of text
// from the API is put in the page as a text node (never parsed as HTML), and every
// offset is converted from UTF-8 bytes with offsets.js.
(function () {
  'use strict';

  const Offsets = window.CrosscheckOffsets;
  const main = document.getElementById('main');

  // ---------------------------------------------------------------- helpers

  // el('a', {href: '#/', class: 'x'}, 'text', child, ...): children are
  // strings (text nodes), nodes, arrays, or null/false (skipped).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      if (Array.isArray(child)) append(node, child);
      else if (child instanceof Node) node.appendChild(child);
      else node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.error) || 'HTTP ' + status);
      this.status = status;
      this.body = body || {};
    }
  }

  async function api(path, options) {
    const response = await fetch('/api/v1' + path, options);
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = { error: 'the server answered HTTP ' + response.status + ' without JSON' };
    }
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  function showError(container, error) {
    const box = el('div', { class: 'error', role: 'alert' }, error.message || String(error));
    const candidates = error.body && error.body.candidates;
    if (candidates && candidates.length) {
      box.appendChild(el('p', {}, 'Did you mean:'));
      box.appendChild(el('ul', {}, candidates.map((id) => el('li', {}, el('a', { href: '#/article/' + encodeURIComponent(id) }, id)))));
    }
    container.appendChild(box);
  }

  function enc(s) {
    return encodeURIComponent(s);
  }

  function articleHref(id, claimId) {
    let href = '#/article/' + enc(id);
    if (claimId) href += '/' + enc(claimId.slice(claimId.lastIndexOf('/') + 1));
    return href;
  }

  function label(s) {
    return String(s || '').replace(/_/g, ' ');
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || '') ? url : null;
  }

  // Parts separated by " · ", empty ones left out.
  function joined(parts) {
    return parts.filter((p) => p !== null && p !== undefined && p !== '').flatMap((p, i) => (i ? [' · ', p] : [p]));
  }

  function truncate(s, n) {
    const chars = Array.from(s);
    return chars.length > n ? chars.slice(0, n - 1).join('') + '…' : s;
  }

  function casualties(c) {
    if (!c) return null;
    const range = c.max === null || c.max === undefined ? 'at least ' + c.min : c.max === c.min ? String(c.min) : c.min + '–' + c.max;
    const note = c.update ? ' (revised)' : c.cumulative ? ' (running total)' : c.part ? ' (part of the toll)' : '';
    return range + ' ' + label(c.category) + note;
  }

  function dateValue(d) {
    if (!d) return null;
    const when = d.value === d.last ? d.value : d.value + ' to ' + d.last;
    return when + ' (“' + d.expression + '”' + (d.relative ? ', from the publication date' : '') + ')';
  }

  function who(attribution) {
    if (!attribution || !attribution.chain || !attribution.chain.length) return 'the outlet, in its own voice';
    return attribution.chain.map((s) => s.name + ' (' + label(s.kind) + ')').join(' → ');
  }

  function statusBadge(status) {
    if (!status) return el('span', { class: 'badge unlinked' }, 'not linked');
    return el('span', { class: 'badge ' + status }, label(status));
  }

  function setTitle(text) {
    document.title = text ? text + ' · crosscheck' : 'crosscheck';
  }

  function startView(navName, title) {
    clear(main);
    setTitle(title);
    for (const a of document.querySelectorAll('[data-nav]')) {
      if (a.dataset.nav === navName) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  function focusMain() {
    main.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------- router

  function parseHash() {
    const raw = location.hash.replace(/^#/, '') || '/';
    const [path, query] = raw.split('?');
    const parts = path.split('/').filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return p;
      }
    });
    return { parts, params: new URLSearchParams(query || '') };
  }

  let renderToken = 0;

  async function route() {
    const token = ++renderToken;
    const { parts, params } = parseHash();
    const current = () => token === renderToken;
    try {
      if (parts[0] === 'article' && parts[1]) await articleView(parts[1], parts[2], current);
      else if (parts[0] === 'events') await eventsView(params, current);
      else if (parts[0] === 'event' && parts[1]) await eventView(parts[1], current);
      else if (parts[0] === 'analyze') analyzeView();
      else await articlesView(params, current);
    } catch (e) {
      if (!current()) return;
      clear(main);
      showError(main, e);
    }
  }

  async function refreshStatus() {
    const status = document.getElementById('store-status');
    try {
      const h = await api('/health');
      status.textContent = h.store.articles + ' articles · ' + h.store.documents + ' documents · ' + h.store.outlets + ' outlets';
    } catch (e) {
      status.textContent = e.message;
    }
  }

  // ---------------------------------------------------------------- articles and search

  async function articlesView(params, current) {
    const q = params.get('q') || '';
    const outlet = params.get('outlet') || '';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const limit = 50;
    startView('articles', q ? 'Search: ' + q : 'Articles');

    const form = el('form', { class: 'bar', role: 'search' },
      el('label', {}, 'Search titles and text (FTS5 syntax: "a phrase", OR, NOT, prefix*)',
        el('input', { type: 'search', name: 'q', value: q, placeholder: '"barrel bombs" AND Idlib' })),
      el('label', {}, 'Outlet (exact name)', el('input', { type: 'text', name: 'outlet', value: outlet })),
      el('button', { type: 'submit', class: 'primary' }, 'Go'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const p = new URLSearchParams();
      const fq = form.elements.q.value.trim();
      const fo = form.elements.outlet.value.trim();
      if (fq) p.set('q', fq);
      if (fo) p.set('outlet', fo);
      location.hash = '#/' + (p.toString() ? '?' + p.toString() : '');
    });
    const heading = el('h1', {}, q ? 'Search results' : 'Articles');
    const results = el('div', { 'aria-live': 'polite' }, el('p', { class: 'loading' }, 'Loading…'));
    main.append(heading, form, results);

    if (q) {
      const data = await api('/search?q=' + enc(q) + '&limit=100');
      if (!current()) return;
      clear(results);
      results.appendChild(el('p', { class: 'muted' }, data.hits.length + (data.hits.length === 1 ? ' article matches.' : ' articles match.')));
      results.appendChild(el('ol', { class: 'hits' }, data.hits.map((hit) => el('li', {},
        el('a', { href: articleHref(hit.article) }, hit.title || '(untitled)'),
        ' ', el('span', { class: 'muted' }, [hit.outlet, hit.published].filter(Boolean).join(' · ')),
        el('p', { class: 'snippet' }, highlighted(hit.snippet, hit.highlights))))));
      return;
    }

    const query = '/articles?limit=' + limit + '&offset=' + offset + (outlet ? '&outlet=' + enc(outlet) : '');
    const data = await api(query);
    if (!current()) return;
    clear(results);
    if (!data.articles.length) {
      results.appendChild(el('p', {}, offset ? 'No more articles.' : 'No articles. Run crosscheck analyze, or use Analyse above.'));
    } else {
      results.appendChild(el('table', { class: 'rows' },
        el('caption', { class: 'visually-hidden' }, 'Stored articles, by publication date'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Date'), el('th', { scope: 'col' }, 'Outlet'), el('th', { scope: 'col' }, 'Title'),
          el('th', { scope: 'col' }, 'Credibility'), el('th', { scope: 'col', class: 'num' }, 'Claims'),
          el('th', { scope: 'col', class: 'num' }, 'Contradicted'))),
        el('tbody', {}, data.articles.map((row) => el('tr', {},
          el('td', { class: 'date' }, row.published || '—'),
          el('td', {}, row.outlet ? el('a', { href: '#/?outlet=' + enc(row.outlet) }, row.outlet) : '—'),
          el('td', {}, el('a', { href: articleHref(row.id) }, row.title || '(untitled)'),
            row.label ? [' ', el('span', { class: 'badge', title: 'gold label from the dataset' }, 'label: ' + row.label)] : null),
          el('td', {}, row.credibility_label
            ? el('span', { class: 'badge ' + row.credibility_label }, label(row.credibility_label) + ' ' + Math.round((row.credibility || 0) * 100) + '%')
            : el('span', { class: 'muted' }, '—')),
          el('td', { class: 'num' }, String(row.claims)),
          el('td', { class: 'num' }, row.statuses.contradicted ? el('span', { class: 'badge contradicted' }, String(row.statuses.contradicted)) : '0'))))));
    }
    results.appendChild(pager(offset, limit, data.articles.length, (o) => {
      const p = new URLSearchParams();
      if (outlet) p.set('outlet', outlet);
      if (o) p.set('offset', String(o));
      return '#/' + (p.toString() ? '?' + p.toString() : '');
    }));
  }

  function pager(offset, limit, count, href) {
    return el('nav', { class: 'pager', 'aria-label': 'Pages' },
      offset > 0 ? el('a', { href: href(Math.max(0, offset - limit)) }, '← Previous') : null,
      el('span', { class: 'muted' }, count ? 'Rows ' + (offset + 1) + '–' + (offset + count) : ''),
      count === limit ? el('a', { href: href(offset + limit) }, 'Next →') : null);
  }

  // A string with byte ranges to <mark>.
  function highlighted(text, ranges) {
    const index = new Offsets.ByteIndex(text);
    const out = [];
    let at = 0;
    for (const r of (ranges || []).slice().sort((a, b) => a.start - b.start)) {
      const s = index.start(r.start);
      const e = index.end(r.end);
      if (s < at || e <= s) continue;
      out.push(text.slice(at, s), el('mark', {}, text.slice(s, e)));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }

  // ---------------------------------------------------------------- article view

  async function articleView(id, claimRef, current) {
    startView('articles', 'Article');
    main.appendChild(el('p', { class: 'loading' }, 'Loading…'));
    const data = await api('/articles/' + enc(id));
    if (!current()) return;
    clear(main);
    renderArticle(main, data, { claim: claimRef, stored: true });
    focusMain();
  }

  // Renders {article, text, display, events, claim_events} into container.
  function renderArticle(container, data, options) {
    const a = data.article;
    setTitle(a.title || a.id);
    const html = a.format === 'html' && data.display;
    let mode = html ? 'visible' : 'source';

    const head = el('header', { class: 'article-head' },
      el('h1', {}, a.title || '(untitled)'),
      el('p', { class: 'meta' }, joined([
        a.outlet ? el('a', { href: '#/?outlet=' + enc(a.outlet) }, a.outlet) : null,
        a.author ? 'by ' + a.author : null,
        a.published ? el('time', { datetime: a.published }, a.published) : null,
        a.format.toUpperCase(),
        safeUrl(a.url) ? el('a', { href: safeUrl(a.url), rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original') : a.url,
        'id ' + a.id,
        a.label ? 'gold label: ' + a.label : null,
      ])),
      a.credibility ? el('p', {}, 'Credibility: ', el('span', { class: 'badge ' + a.credibility.label },
        label(a.credibility.label) + ' (' + Math.round(a.credibility.score * 100) + '%)')) : null);

    const textBox = el('div', { class: 'text-box' });
    const panel = el('aside', { class: 'panel', 'aria-label': 'Claims and signals' });
    const showRemoved = el('input', { type: 'checkbox', id: 'show-removed' });
    const showSignals = el('input', { type: 'checkbox', id: 'show-signals', checked: true });
    const showMeta = el('input', { type: 'checkbox', id: 'show-meta', checked: true });
    const toolbar = el('div', { class: 'toolbar' },
      el('label', { class: 'check' }, showRemoved, 'Expand removed parts'),
      el('label', { class: 'check' }, showSignals, 'Underline signal evidence'),
      el('label', { class: 'check' }, showMeta, 'Shade metadata'),
      html ? el('fieldset', { class: 'check', style: null },
        el('legend', { class: 'visually-hidden' }, 'Show'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'mode', value: 'visible', checked: true }), 'Visible text'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'mode', value: 'source' }), 'HTML source')) : null,
      legend());
    container.append(head, toolbar, el('div', { class: 'layout' }, textBox, panel));

    let selected = null;
    let view = null;

    function draw() {
      view = drawText(textBox, data, mode, showRemoved.checked, (claimIndex) => select(claimIndex, false));
      textBox.classList.toggle('show-signals', showSignals.checked);
      textBox.classList.toggle('show-meta', showMeta.checked);
      if (selected !== null) markSelected(selected);
    }

    function markSelected(i) {
      for (const n of textBox.querySelectorAll('.seg.selected')) n.classList.remove('selected');
      for (const n of textBox.querySelectorAll('.seg[data-claims~="' + i + '"]')) n.classList.add('selected');
    }

    function select(i, fromList) {
      selected = i;
      markSelected(i);
      const items = panel.querySelectorAll('button.claim-item');
      items.forEach((b, k) => {
        b.setAttribute('aria-current', k === i ? 'true' : 'false');
        b.setAttribute('aria-expanded', k === i ? 'true' : 'false');
        b.tabIndex = k === i ? 0 : -1;
        const details = panel.querySelector('#claim-details-' + k);
        if (details) details.hidden = k !== i;
      });
      const target = textBox.querySelector('#claim-span-' + i);
      if (target) {
        // Reveal a claim inside a collapsed removal before scrolling to it.
        for (const seg of textBox.querySelectorAll('.seg[data-claims~="' + i + '"][hidden]')) seg.hidden = false;
        target.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      if (!fromList && items[i]) items[i].scrollIntoView({ block: 'nearest' });
      const claim = a.claims[i];
      if (claim && options.stored) history.replaceState(null, '', articleHref(a.id, claim.id));
    }

    draw();
    showRemoved.addEventListener('change', draw);
    showSignals.addEventListener('change', () => textBox.classList.toggle('show-signals', showSignals.checked));
    showMeta.addEventListener('change', () => textBox.classList.toggle('show-meta', showMeta.checked));
    for (const radio of toolbar.querySelectorAll('input[name="mode"]')) {
      radio.addEventListener('change', () => {
        mode = radio.value;
        draw();
      });
    }

    drawPanel(panel, data, view, select, (signalKind) => {
      let first = null;
      for (const n of textBox.querySelectorAll('.seg.signal')) {
        const on = (n.dataset.signals || '').split(' ').includes(signalKind) && !n.classList.contains('focus');
        n.classList.toggle('focus', on);
        if (on && !first) first = n;
      }
      if (first) {
        if (first.hidden) first.hidden = false;
        first.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    });

    if (options.claim) {
      const i = a.claims.findIndex((c) => c.id === a.id + '/' + options.claim || c.id === options.claim);
      if (i >= 0) setTimeout(() => select(i, false), 0);
    }
  }

  function legend() {
    const item = (cls, text) => el('li', {}, el('span', { class: 'swatch seg ' + cls, 'aria-hidden': 'true' }), text);
    return el('ul', { class: 'legend', 'aria-label': 'Legend' },
      item('claim corroborated', 'corroborated claim'),
      item('claim contradicted', 'contradicted claim'),
      item('claim single_source', 'single-source claim'),
      item('claim', 'claim not linked'),
      el('li', {}, el('span', { class: 'seg signal', style: null }, 'abc'), ' signal evidence'),
      item('removed', 'removed by cleaning'));
  }

  // The article's spans as marks on the shown text: [{start, end, kind, ...}]
  // in string indices of locator.text.
  function collectMarks(a, locator) {
    const marks = [];
    const add = (start, end, mark) => {
      const [s, e] = locator.span(start, end);
      if (e > s) marks.push(Object.assign({ start: s, end: e }, mark));
    };
    a.claims.forEach((c, i) => {
      add(c.start, c.end, { kind: 'claim', claim: i, status: c.status });
      for (const src of (c.attribution && c.attribution.chain) || []) add(src.start, src.end, { kind: 'who', title: 'source: ' + src.name });
      for (const h of (c.attribution && c.attribution.hedges) || []) add(h.start, h.end, { kind: 'hedge', title: 'hedged' });
    });
    (a.removed || []).forEach((r, i) => add(r.start, r.end, { kind: 'removed', removal: i, title: 'removed: ' + label(r.kind) }));
    for (const s of allSignals(a)) {
      for (const ev of s.evidence || []) {
        add(ev.start, ev.end, { kind: 'signal', signal: s.kind, title: label(s.kind) + (ev.label ? ': ' + label(ev.label) : '') });
      }
    }
    for (const m of a.metadata_spans || []) add(m.start, m.end, { kind: 'meta', title: m.field + ': ' + m.value });
    return marks;
  }

  // The article's signals and the credibility's reasons, once per kind.
  function allSignals(a) {
    const seen = new Map();
    for (const s of (a.signals || []).concat((a.credibility && a.credibility.signals) || [])) {
      if (!seen.has(s.kind)) seen.set(s.kind, s);
    }
    return Array.from(seen.values());
  }

  function drawText(box, data, mode, expandRemoved, onClaim) {
    clear(box);
    const a = data.article;
    const visible = mode === 'visible' && data.display;
    const locator = visible
      ? new Offsets.Locator(data.display.text, data.display.anchors)
      : new Offsets.Locator(data.text, null);
    // Only this article's part of its document (a compilation holds several).
    const [from, to] = locator.span(a.source.start, a.source.end);
    const marks = collectMarks(a, locator).map((m) => Object.assign(m, { start: Math.max(m.start, from), end: Math.min(m.end, to) })).filter((m) => m.end > m.start);

    const points = new Set([from, to]);
    for (const m of marks) {
      points.add(m.start);
      points.add(m.end);
    }
    const cuts = Array.from(points).sort((x, y) => x - y);
    const byStart = marks.slice().sort((x, y) => x.start - y.start);
    const pre = el('pre', { class: 'source' + (visible ? '' : (a.format === 'html' ? ' code' : '')), dir: 'auto', tabindex: '0', 'aria-label': 'Article text with highlights' });
    let active = [];
    let next = 0;
    const firstOfClaim = new Set();
    const firstOfRemoval = new Set();
    for (let k = 0; k + 1 < cuts.length; k++) {
      const s = cuts[k];
      const e = cuts[k + 1];
      while (next < byStart.length && byStart[next].start <= s) active.push(byStart[next++]);
      active = active.filter((m) => m.end > s);
      const here = active.filter((m) => m.start <= s && m.end >= e);
      const piece = locator.text.slice(s, e);
      if (!here.length) {
        pre.appendChild(document.createTextNode(piece));
        continue;
      }
      const classes = new Set(['seg']);
      const titles = [];
      const claims = [];
      const signals = [];
      let removal = null;
      for (const m of here) {
        classes.add(m.kind);
        if (m.title) titles.push(m.title);
        if (m.kind === 'claim') {
          claims.push(m.claim);
          classes.add(m.status || 'unlinked');
        } else if (m.kind === 'signal') signals.push(m.signal);
        else if (m.kind === 'removed' && removal === null) removal = m.removal;
      }
      if (claims.length > 1) classes.delete('unlinked');
      if (removal !== null && !firstOfRemoval.has(removal)) {
        firstOfRemoval.add(removal);
        pre.appendChild(removalToggle(pre, a.removed[removal], removal, expandRemoved, locator));
      }
      const span = el('span', {
        class: Array.from(classes).join(' '),
        title: titles.length ? Array.from(new Set(titles)).join('; ') : null,
        dataset: {
          claims: claims.join(' '),
          signals: signals.join(' '),
          removal: removal === null ? '' : String(removal),
        },
      }, piece);
      if (removal !== null && !expandRemoved) span.hidden = true;
      for (const c of claims) {
        if (!firstOfClaim.has(c)) {
          firstOfClaim.add(c);
          if (!span.id) span.id = 'claim-span-' + c;
        }
      }
      if (claims.length) span.addEventListener('click', () => onClaim(claims[claims.length - 1]));
      pre.appendChild(span);
    }
    box.appendChild(pre);
    if (visible) {
      box.appendChild(el('p', { class: 'region-note' },
        'Shown: the visible text of this article\u2019s part of the HTML page (tags stripped, character references decoded), as crosscheck read it. Spans inside invisible markup (such as the <title>) cannot be shown here: switch to \u201cHTML source\u201d.'));
    }
    return { locator };
  }

  function removalToggle(pre, removal, index, expanded, locator) {
    const segs = () => pre.querySelectorAll('.seg[data-removal="' + index + '"]');
    const [s, e] = locator.span(removal.start, removal.end);
    const size = e - s;
    const button = el('button', {
      type: 'button', class: 'removal', 'aria-expanded': expanded ? 'true' : 'false',
    }, (expanded ? '▾ ' : '▸ ') + 'removed: ' + label(removal.kind) + ' (' + size + ' characters)');
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.textContent = (open ? '▾ ' : '▸ ') + 'removed: ' + label(removal.kind) + ' (' + size + ' characters)';
      for (const n of segs()) n.hidden = !open;
    });
    return button;
  }

  function drawPanel(panel, data, view, select, focusSignal) {
    const a = data.article;
    const claims = el('ol', { class: 'claims', 'aria-label': 'Claims' });
    a.claims.forEach((c, i) => {
      const text = view.locator.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
      const eventId = data.claim_events && data.claim_events[c.id];
      const button = el('button', {
        type: 'button', class: 'claim-item ' + (c.status || 'unlinked'), tabindex: i === 0 ? '0' : '-1', 'aria-current': 'false',
      }, statusBadge(c.status), ' ', el('span', { class: 'muted' }, c.id.slice(c.id.lastIndexOf('/') + 1)),
      c.event ? ' · ' + frameSummary(c.event) : '',
      el('span', { class: 'text' }, truncate(text, 220)));
      button.addEventListener('click', () => select(i, true));
      button.addEventListener('keydown', (e) => {
        const items = claims.querySelectorAll('button.claim-item');
        let k = null;
        if (e.key === 'ArrowDown') k = Math.min(items.length - 1, i + 1);
        else if (e.key === 'ArrowUp') k = Math.max(0, i - 1);
        else if (e.key === 'Home') k = 0;
        else if (e.key === 'End') k = items.length - 1;
        if (k === null) return;
        e.preventDefault();
        items[k].focus();
        select(k, true);
      });
      const details = frameDetails(c, eventId);
      details.hidden = true;
      details.id = 'claim-details-' + i;
      button.setAttribute('aria-controls', details.id);
      claims.appendChild(el('li', {}, button, details));
    });
    panel.appendChild(el('section', {},
      el('h2', {}, 'Claims (' + a.claims.length + ')'),
      a.claims.length ? el('p', { class: 'muted' }, 'Select a claim to see its event frame and scroll the text to it; arrow keys move through the list.') : el('p', { class: 'muted' }, 'No check-worthy claim found.'),
      claims));

    const signals = allSignals(a).filter((s) => (s.evidence || []).length || s.weight);
    if (signals.length) {
      panel.appendChild(el('section', {}, el('h2', {}, 'Signals'),
        el('ul', { class: 'signals' }, signals.map((s) => el('li', {},
          el('span', {}, label(s.kind), ' ', el('span', { class: 'muted' }, '= ' + round(s.value) + (s.weight ? ', weight ' + round(s.weight) : ''))),
          (s.evidence || []).length ? el('button', { type: 'button', onclick: () => focusSignal(s.kind) }, 'show ' + s.evidence.length) : null)))));
    }
    if (a.credibility) {
      panel.appendChild(el('section', {}, el('h2', {}, 'Credibility'),
        el('p', {}, statusLikeBadge(a.credibility.label), ' score ' + round(a.credibility.score))));
    }
    if (data.events && data.events.length) {
      panel.appendChild(el('section', {}, el('h2', {}, 'Events'),
        el('ul', {}, data.events.map((id) => el('li', {}, el('a', { href: '#/event/' + enc(id) }, id))))));
    }
  }

  function statusLikeBadge(l) {
    return el('span', { class: 'badge ' + l }, label(l));
  }

  function round(x) {
    return typeof x === 'number' ? String(Math.round(x * 100) / 100) : String(x);
  }

  function frameSummary(f) {
    return [label(f.type), f.killed ? casualties(f.killed) + ' killed' : null, f.place ? f.place.name : null].filter(Boolean).join(' · ');
  }

  function frameDetails(c, eventId) {
    const f = c.event;
    const rows = [];
    const row = (name, value) => {
      if (value !== null && value !== undefined && value !== '') rows.push(el('dt', {}, name), el('dd', {}, value));
    };
    if (f) {
      row('type', label(f.type));
      row('actor', f.actor ? f.actor.name + ' (' + label(f.actor.kind) + ')' + (f.denied ? ', denies it' : '') : null);
      row('target', f.target ? f.target.name + ' (' + label(f.target.kind) + ')' : null);
      row('place', f.place ? f.place.name + (f.place.within && f.place.within.length ? ', ' + f.place.within.slice().reverse().join(', ') : '') : null);
      row('date', dateValue(f.date));
      row('killed', casualties(f.killed));
      row('injured', casualties(f.injured));
    }
    row('says who', who(c.attribution));
    row('hedged', c.attribution && c.attribution.hedged ? 'yes' : 'no');
    if (c.attribution && c.attribution.quoted) row('quoted', 'yes');
    row('check-worthy', Math.round(c.checkworthy * 100) + '%');
    if (eventId) row('event', el('a', { href: '#/event/' + enc(eventId) }, 'side by side'));
    return el('dl', { class: 'frame' }, rows);
  }

  // ---------------------------------------------------------------- events

  async function eventsView(params, current) {
    const contradicted = params.get('contradicted') === 'true';
    const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    const limit = 50;
    startView('events', 'Events');
    const toggle = el('input', { type: 'checkbox', checked: contradicted });
    toggle.addEventListener('change', () => {
      location.hash = '#/events' + (toggle.checked ? '?contradicted=true' : '');
    });
    const results = el('div', { 'aria-live': 'polite' }, el('p', { class: 'loading' }, 'Loading…'));
    main.append(el('h1', {}, 'Events'), el('p', {}, el('label', { class: 'check' }, toggle, 'Only events whose reports contradict each other')), results);
    const data = await api('/events?limit=' + limit + '&offset=' + offset + (contradicted ? '&contradicted=true' : ''));
    if (!current()) return;
    clear(results);
    if (!data.events.length) {
      results.appendChild(el('p', {}, 'No events. Linking runs with crosscheck analyze.'));
      return;
    }
    results.appendChild(el('table', { class: 'rows' },
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'Dates'), el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col' }, 'Event'),
        el('th', { scope: 'col', class: 'num' }, 'Articles'), el('th', { scope: 'col' }, 'Contradicted'))),
      el('tbody', {}, data.events.map((e) => el('tr', {},
        el('td', { class: 'date' }, dates(e)),
        el('td', {}, label(e.type)),
        el('td', {}, el('a', { href: '#/event/' + enc(e.id) }, e.description)),
        el('td', { class: 'num' }, String(e.articles.length)),
        el('td', {}, e.contradicted_fields.map((f) => [el('span', { class: 'badge field' }, '≠ ' + f), ' '])))))));
    results.appendChild(pager(offset, limit, data.events.length, (o) => '#/events?' + (contradicted ? 'contradicted=true&' : '') + 'offset=' + o));
  }

  function dates(e) {
    if (!e.date_from) return 'date unknown';
    return e.date_from === e.date_to || !e.date_to ? e.date_from : e.date_from + ' – ' + e.date_to;
  }

  const FIELDS = ['killed', 'injured', 'date', 'place', 'actor'];

  async function eventView(id, current) {
    startView('events', 'Event');
    main.appendChild(el('p', { class: 'loading' }, 'Loading…'));
    const data = await api('/events/' + enc(id));
    if (!current()) return;
    clear(main);
    const e = data.event;
    setTitle(e.description);

    // claim id → field → {value, why}
    const conflict = {};
    const agree = {};
    for (const c of data.contradictions) {
      for (const ref of c.claims) {
        (conflict[ref.claim] = conflict[ref.claim] || {})[c.field] = ref.value;
      }
    }
    for (const c of data.corroborations) {
      for (const ref of c.claims) {
        (agree[ref.claim] = agree[ref.claim] || {})[c.field] = { value: ref.value, sources: c.independent_sources };
      }
    }

    main.append(
      el('h1', {}, e.description),
      el('p', { class: 'muted' }, label(e.type), ' · ', dates(e), e.place ? ' · ' + e.place.name : '', ' · ', e.articles.length + ' articles, ' + e.claims.length + ' claims'));

    // Columns: claims grouped by outlet, outlets in order of first appearance.
    const compared = (item) => conflict[item.claim.id] || agree[item.claim.id];
    const onlyCompared = el('input', { type: 'checkbox', checked: data.claims.filter(compared).length > 0 && data.claims.length > 6 });
    const tableBox = el('div');
    main.append(
      el('h2', { id: 'sbs-title' }, 'Side by side'),
      el('p', {}, el('label', { class: 'check' }, onlyCompared, 'Only claims whose values are compared (contradicted or corroborated)')),
      tableBox);
    const draw = () => {
      clear(tableBox);
      tableBox.appendChild(sideBySide(data.claims.filter((item) => !onlyCompared.checked || compared(item)), conflict, agree));
    };
    onlyCompared.addEventListener('change', draw);
    draw();

    if (data.contradictions.length) {
      main.appendChild(el('h2', {}, 'Contradictions'));
      main.appendChild(el('ul', { class: 'summary-list' }, mergeByField(data.contradictions).map(([field, values]) => el('li', {},
        el('span', { class: 'badge field' }, '≠ ' + field), ' ',
        values.map(([value, refs], k) => [k ? el('span', { class: 'versus' }, ' ≠ ') : '',
          el('strong', {}, value), ' (',
          refs.map((ref, j) => [j ? '; ' : '',
            el('a', { href: articleHref(ref.article, ref.claim) }, ref.outlet || ref.article),
            ref.attribution.length ? ', per ' + ref.attribution.join(' citing ') : ', own voice']), ')'])))));
    }
    if (data.corroborations.length) {
      main.appendChild(el('h2', {}, 'Corroborated'));
      main.appendChild(el('ul', { class: 'summary-list' }, data.corroborations.map((c) => el('li', {},
        el('span', { class: 'badge corroborated' }, '✓ ' + c.field), ' ', el('strong', {}, c.value),
        ' by ' + c.independent_sources + ' independent sources (',
        c.claims.map((ref, j) => [j ? '; ' : '', el('a', { href: articleHref(ref.article, ref.claim) }, ref.outlet || ref.article)]), ')'))));
    }
    focusMain();
  }

  // Contradictions of one field merged: [[field, [[value, [refs...]], ...]], ...],
  // each claim listed once per value.
  function mergeByField(contradictions) {
    const fields = new Map();
    for (const c of contradictions) {
      if (!fields.has(c.field)) fields.set(c.field, new Map());
      const values = fields.get(c.field);
      for (const ref of c.claims) {
        if (!values.has(ref.value)) values.set(ref.value, new Map());
        values.get(ref.value).set(ref.claim, ref);
      }
    }
    return Array.from(fields, ([field, values]) => [field, Array.from(values, ([value, refs]) => [value, Array.from(refs.values())])]);
  }

  function sideBySide(items, conflict, agree) {
    if (!items.length) return el('p', {}, 'No claim to show.');
    const outlets = [];
    const byOutlet = new Map();
    for (const item of items) {
      const name = item.article.outlet || '(unknown outlet)';
      if (!byOutlet.has(name)) {
        byOutlet.set(name, []);
        outlets.push(name);
      }
      byOutlet.get(name).push(item);
    }
    const columns = outlets.flatMap((o) => byOutlet.get(o));
    const cell = (item, field, text) => {
      const c = conflict[item.claim.id] && conflict[item.claim.id][field];
      const g = agree[item.claim.id] && agree[item.claim.id][field];
      if (c !== undefined) {
        return el('td', { class: 'conflict' }, '≠ ', text || c, el('span', { class: 'why' }, 'contradicted by another report'));
      }
      if (g !== undefined) {
        return el('td', { class: 'agree' }, '✓ ', text || g.value, el('span', { class: 'why' }, 'agreed by ' + g.sources + ' independent sources'));
      }
      return el('td', {}, text || el('span', { class: 'muted' }, '—'));
    };
    const f = (item) => item.claim.event || {};
    const rows = [
      ['Report', (item) => el('td', {},
        el('a', { href: articleHref(item.article.id, item.claim.id) }, item.article.title || '(untitled)'),
        el('span', { class: 'why' }, [item.article.published, item.claim.id.slice(item.claim.id.lastIndexOf('/') + 1)].filter(Boolean).join(' · ')))],
      ['Sentence', (item) => el('td', { class: 'sentence', dir: 'auto' }, sentenceWithMarks(item, conflict, agree))],
      ['Type', (item) => el('td', {}, f(item).type ? label(f(item).type) : '—')],
      ['Actor', (item) => cell(item, 'actor', f(item).actor ? f(item).actor.name + (f(item).denied ? ' (denies it)' : '') : null)],
      ['Place', (item) => cell(item, 'place', f(item).place ? f(item).place.name : null)],
      ['Date', (item) => cell(item, 'date', dateValue(f(item).date))],
      ['Killed', (item) => cell(item, 'killed', casualties(f(item).killed))],
      ['Injured', (item) => cell(item, 'injured', casualties(f(item).injured))],
      ['Says who', (item) => el('td', {}, who(item.claim.attribution))],
      ['Hedged', (item) => el('td', {}, item.claim.attribution && item.claim.attribution.hedged ? 'yes (“reportedly”, “allegedly”…)' : 'no')],
      ['Status', (item) => el('td', {}, statusBadge(item.claim.status))],
    ];
    const table = el('table', { class: 'sbs', 'aria-labelledby': 'sbs-title' },
      el('thead', {}, el('tr', {}, el('td', {}),
        outlets.map((o) => el('th', { scope: 'colgroup', colspan: String(byOutlet.get(o).length), class: 'outlet' }, o)))),
      el('tbody', {}, rows.map(([name, render]) => el('tr', {}, el('th', { scope: 'row' }, name), columns.map(render)))));
    return el('div', { class: 'sbs-wrap', tabindex: '0', role: 'region', 'aria-label': 'Claims side by side, scrolls sideways' }, table);
  }

  function sentenceWithMarks(item, conflict, agree) {
    const text = item.sentence;
    const index = new Offsets.ByteIndex(text);
    const out = [];
    let at = 0;
    for (const m of item.marks) {
      const s = index.start(m.start);
      const e = index.end(m.end);
      if (s < at || e <= s) continue;
      const field = m.field === 'target' || m.field === 'trigger' ? null : m.field;
      const isConflict = field && conflict[item.claim.id] && conflict[item.claim.id][field] !== undefined;
      const isAgree = field && agree[item.claim.id] && agree[item.claim.id][field] !== undefined;
      out.push(text.slice(at, s), el('span', {
        class: 'fmark' + (isConflict ? ' conflict' : isAgree ? ' agree' : ''),
        title: m.field + (isConflict ? ' (contradicted)' : isAgree ? ' (corroborated)' : ''),
      }, text.slice(s, e)));
      at = e;
    }
    out.push(text.slice(at));
    return out;
  }

  // ---------------------------------------------------------------- analyse

  function analyzeView() {
    startView('analyze', 'Analyse');
    const type = el('select', { id: 'an-type' },
      el('option', { value: 'text/plain' }, 'Plain text'),
      el('option', { value: 'text/html' }, 'HTML page'),
      el('option', { value: 'application/json' }, 'JSON: {title, text, date, outlet, url} or an array'));
    const body = el('textarea', { id: 'an-body', required: true, spellcheck: 'false' });
    const store = el('input', { type: 'checkbox', id: 'an-store' });
    const out = el('div', { 'aria-live': 'polite' });
    const form = el('form', { class: 'analyze-form' },
      el('label', { for: 'an-body' }, 'Article (a title line, then the text; or an HTML page; or JSON)'),
      body,
      el('div', { class: 'row' },
        el('label', { class: 'check', for: 'an-type' }, 'Format '), type,
        el('label', { class: 'check' }, store, 'Store it and link it with the stored articles'),
        el('button', { type: 'submit', class: 'primary' }, 'Analyse')));
    main.append(el('h1', {}, 'Analyse an article'), form, out);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(out);
      out.appendChild(el('p', { class: 'loading' }, 'Analysing…'));
      const text = body.value;
      try {
        const result = await api('/analyze' + (store.checked ? '?store=true' : ''), {
          method: 'POST', headers: { 'Content-Type': type.value }, body: text,
        });
        clear(out);
        showAnalysis(out, result, type.value === 'text/plain' ? text : null, store.checked);
        if (store.checked) refreshStatus();
      } catch (err) {
        clear(out);
        showError(out, err);
      }
    });
    focusMain();
  }

  function showAnalysis(out, result, text, stored) {
    const s = result.summary;
    out.appendChild(el('p', {}, s.articles + ' article(s) from ' + s.documents + ' document(s)' +
      (stored ? '; ' + s.already_stored + ' already stored' : '') + '; ' + result.events.length + ' event(s), ' +
      result.contradictions.length + ' contradiction(s).'));
    if (s.skipped.length) {
      out.appendChild(el('div', { class: 'error' }, 'Skipped:', el('ul', {}, s.skipped.map((k) => el('li', {}, (k.line ? 'record ' + k.line + ': ' : '') + k.reason)))));
    }
    for (const a of result.articles) {
      if (stored) {
        out.appendChild(el('p', {}, el('a', { href: articleHref(a.id) }, a.title || a.id), ' — ' + a.claims.length + ' claims'));
      } else if (text !== null && result.articles.length === 1) {
        // The offsets index the text as posted (a plain-text body is read as is).
        renderArticle(out, { article: a, text: text, display: null, events: [], claim_events: {} }, { stored: false });
      } else {
        out.appendChild(el('p', {}, a.title || a.id, ' — ' + a.claims.length + ' claims (store it to read it with highlights)'));
      }
    }
  }

  // ---------------------------------------------------------------- start

  window.addEventListener('hashchange', route);
  refreshStatus();
  route();
})();
