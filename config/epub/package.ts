/**
 * The EPUB 3 files around the chapters: the container, the package document (metadata,
 * manifest, spine), the navigation document, the cover drawn from the site's logo, and the
 * XHTML wrapper of every content document. Text in, text out: no clock, no randomness.
 */
import { createHash } from 'node:crypto';
import { parse } from 'node-html-parser';
import type { Book } from './book-page.ts';
import { escapeXml, escapeXmlAttribute, SVG_NAMESPACE, toXhtml, XHTML_NAMESPACE } from './xhtml.ts';

/** The book's author in its metadata. */
export const AUTHOR = 'The Backend Developer Guide contributors';

/** Where the package document sits; every other publication file is beside it. */
export const PACKAGE_DIR = 'EPUB';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An EPUB identifier derived from the site's URL (a UUID version 5), so every build names the same book. */
export function bookIdentifier(siteUrl: string): string {
  const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(urlNamespace).update(siteUrl).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const CONTAINER_XML = `${XML_DECLARATION}
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${PACKAGE_DIR}/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** A content document: `body` is XHTML. */
export function xhtmlDocument(title: string, language: string, body: string): string {
  const lang = escapeXmlAttribute(language);
  return `${XML_DECLARATION}
<!DOCTYPE html>
<html xmlns="${XHTML_NAMESPACE}" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<title>${escapeXml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The package document: metadata, every file in the manifest, and the reading order. */
export function packageDocument(book: Book, identifier: string, source: string): string {
  const chapters = book.parts.flatMap((part) => part.chapters);
  const items = chapters.map(
    (chapter) =>
      `    <item id="${chapter.anchor}" href="${chapter.file}" media-type="application/xhtml+xml"${chapter.svg ? ' properties="svg"' : ''}/>`,
  );
  const spine = chapters.map((chapter) => `    <itemref idref="${chapter.anchor}"/>`);
  return `${XML_DECLARATION}
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXmlAttribute(book.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(identifier)}</dc:identifier>
    <dc:title>${escapeXml(book.title)}</dc:title>
    <dc:creator>${escapeXml(AUTHOR)}</dc:creator>
    <dc:language>${escapeXml(book.language)}</dc:language>
    <dc:date>${escapeXml(book.date)}</dc:date>
    <dc:description>${escapeXml(book.description)}</dc:description>
    <dc:source>${escapeXml(source)}</dc:source>
    <meta property="dcterms:modified">${escapeXml(book.date)}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>
    <item id="style" href="style.css" media-type="text/css"/>
${items.join('\n')}
  </manifest>
  <spine>
    <itemref idref="cover"/>
    <itemref idref="nav"/>
${spine.join('\n')}
  </spine>
</package>
`;
}

/** The navigation document: the contents, part by part, and the landmarks. */
export function navigationDocument(book: Book): string {
  const parts = book.parts.map((part) => {
    const links = part.chapters.map((chapter) => `<li><a href="${chapter.file}">${escapeXml(chapter.title)}</a></li>`);
    return `<li><span>${escapeXml(part.title)}</span><ol>${links.join('')}</ol></li>`;
  });
  const first = book.parts[0]?.chapters[0];
  const body = `<nav epub:type="toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">Contents</h1>
<ol>
${parts.join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>
<li><a epub:type="toc" href="nav.xhtml">Contents</a></li>
${first ? `<li><a epub:type="bodymatter" href="${first.file}">${escapeXml(first.title)}</a></li>` : ''}
</ol>
</nav>`;
  return xhtmlDocument('Contents', book.language, body);
}

/** Two lines of about equal length. */
function splitTitle(title: string): [string, string] {
  const words = title.split(' ');
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

/**
 * The cover: the site's logo (public/favicon.svg) drawn large, the title under it and the
 * edition's date, on a page of e-reader proportions. `edition` is the date as words.
 */
export function coverSvg(title: string, edition: string, logoSvg: string): string {
  const logo = parse(logoSvg).querySelector('svg');
  if (!logo) throw new Error('The logo is not an SVG');
  const viewBox = escapeXmlAttribute(logo.getAttribute('viewBox') ?? '0 0 32 32');
  const drawing = logo.childNodes.map((child) => toXhtml(child, true)).join('');
  const [first, second] = splitTitle(title);
  const text = (y: number, size: number, colour: string, weight: string, words: string) =>
    `<text x="800" y="${y}" text-anchor="middle" font-family="sans-serif" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(words)}</text>`;
  return `${XML_DECLARATION}
<svg xmlns="${SVG_NAMESPACE}" version="1.1" viewBox="0 0 1600 2560" width="1600" height="2560">
<title>${escapeXml(title)}</title>
<rect width="1600" height="2560" fill="#f5f7fa"/>
<svg x="480" y="520" width="640" height="640" viewBox="${viewBox}">${drawing}</svg>
${text(1500, 136, '#1b2430', 'bold', first)}
${text(1680, 136, '#1b2430', 'bold', second)}
${text(2100, 64, '#4a5565', 'normal', edition)}
<rect y="2440" width="1600" height="120" fill="#0b5cad"/>
</svg>
`;
}

/** The cover page, first in the reading order. */
export function coverDocument(book: Book): string {
  const body = `<section epub:type="cover" class="cover"><img src="cover.svg" alt="${escapeXmlAttribute(book.title)}"/></section>`;
  return xhtmlDocument(book.title, book.language, body);
}
