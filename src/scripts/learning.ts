// The learning script's loader, inlined in the pages that show progress or questions (see
// src/components/learning/): the elements come in one file of their own, cached once for every
// page and loaded after the page has parsed, so no page carries their code in its HTML.
import elementsUrl from './learning/elements.ts?worker&url';

void import(/* @vite-ignore */ elementsUrl);
