// Printed links show their full URL: CSS can only print the href as written (root-relative),
// so just before printing each link in the page gets its absolute address to print instead.
addEventListener('beforeprint', () => {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main a[href]'))
    link.dataset['printHref'] = link.href;
});

// A module, so its names stay out of the global scope.
export {};
