// What every page does with JavaScript, in one file cached for the whole guide; loader.ts, inlined
// in the page, requests it. Each part looks for its own elements and does nothing without them.
import { startOfflineSupport } from './offline-support';
import { startSearchLoader } from './search-loader';
import './copy-buttons';
import './print-urls';
import './toc-highlight';

startSearchLoader();
startOfflineSupport();
