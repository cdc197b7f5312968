// In-page probes for the logs bench (plain JavaScript strings: tsx would wrap named functions in a
// `__name` helper the page does not have). Times are performance.now() in the page, so Playwright's
// polling latency does not count.

/** Arms a probe: the first log row painted after the Logs tab is clicked. */
export const FIRST_PAINT_PROBE = `() => {
  const probe = (window.__logsBench = {});
  const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent === 'Logs');
  if (!tab) throw new Error('no Logs tab');
  tab.addEventListener('click', (event) => {
    probe.clickedAt = event.timeStamp;
    const check = () => {
      const row = document.querySelector('[role=tabpanel]:not([hidden]) [data-testid=log-viewport] .log-row[data-seq]');
      if (row && row.getBoundingClientRect().height > 0) {
        probe.rowAt = performance.now();
        requestAnimationFrame(() => { probe.paintedAt = performance.now(); });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true, once: true });
}`;

/** Arms a probe: from the search box's next input event to the final result painted. */
export const SEARCH_PROBE = `(expected) => {
  const probe = (window.__logsBench = {});
  const input = document.querySelector('input[type=search]');
  const status = document.querySelector('[data-testid=log-search-status]');
  if (!input || !status) throw new Error('no search box');
  input.addEventListener('input', (event) => {
    probe.inputAt = event.timeStamp;
    const check = () => {
      if (status.getAttribute('data-scanning') === 'false' && status.textContent === expected) {
        probe.resultAt = performance.now();
        requestAnimationFrame(() => { probe.paintedAt = performance.now(); });
        return;
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true, once: true });
}`;

/** Jumps the log view to `count` random places; resolves each jump's time to the rows painted. */
export const SCROLL_SCRIPT = `(count) => new Promise((resolve) => {
  const view = document.querySelector('[role=tabpanel]:not([hidden]) [data-testid=log-viewport]');
  const times = [];
  let seed = 12345;
  const next = () => {
    if (times.length === count) return resolve(times);
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const target = Math.floor((seed / 2147483648) * (view.scrollHeight - view.clientHeight));
    const started = performance.now();
    view.scrollTop = target;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const rows = view.querySelectorAll('.log-row[data-seq]');
      if (!rows.length) throw new Error('no rows after scrolling');
      times.push(performance.now() - started);
      next();
    }));
  };
  next();
})`;
