import { render } from 'preact';
import { warmUpAnalysis } from '@/lib/panel/analyze-client';
import { App } from './App';
import './style.css';
import '@/components/highlights.css';

// ?tabId=N pins the panel to one tab (used when it is opened as a page, e.g. by the tests).
const pinned = Number(new URLSearchParams(location.search).get('tabId'));
// The analysis worker and its model load while the panel renders and reads the page.
warmUpAnalysis();
render(<App pinnedTabId={Number.isInteger(pinned) && pinned > 0 ? pinned : null} />, document.getElementById('app')!);
