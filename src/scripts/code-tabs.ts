// Turns each CodeTabs group (stacked, labelled code blocks) into ARIA tabs: one tab per
// block, arrow keys and Home/End move between tabs, only the selected panel shows.
let count = 0;

for (const group of document.querySelectorAll<HTMLElement>('[data-code-tabs]')) {
  const panels = [...group.querySelectorAll<HTMLElement>(':scope > .code-tab-panel')];
  if (panels.length < 2) continue;
  const list = document.createElement('div');
  list.setAttribute('role', 'tablist');
  list.setAttribute('aria-label', 'Languages');
  const tabs = panels.map((panel, i) => {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `code-tab-${++count}`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    tab.textContent = panel.querySelector('.code-tab-label')?.textContent ?? `Example ${i + 1}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', () => select(i));
    list.append(tab);
    return tab;
  });

  function select(index: number, focus = false): void {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
      panels[i]!.hidden = i !== index;
    });
    if (focus) tabs[index]?.focus();
  }

  list.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(document.activeElement as HTMLButtonElement);
    const last = tabs.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined || current < 0) return;
    event.preventDefault();
    select(next > last ? 0 : next < 0 ? last : next, true);
  });

  group.prepend(list);
  group.dataset['enhanced'] = '';
  select(0);
}

// A module, so its names stay out of the global scope.
export {};
