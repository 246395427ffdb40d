// Marks the "On this page" link of the section being read. The observer only says when a
// heading crosses the reading line (30% down the viewport); the last heading above it wins.
const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
const headings = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));

function update(): void {
  const line = innerHeight * 0.3;
  let current = -1;
  headings.forEach((heading, i) => {
    if (heading && heading.getBoundingClientRect().top < line) current = i;
  });
  links.forEach((link, i) => {
    if (i === current) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  });
}

if (links.length > 0 && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
  for (const heading of headings) if (heading) observer.observe(heading);
}

// A module, so its names stay out of the global scope.
export {};
