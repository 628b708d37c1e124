import { render } from 'preact';
import { markStage } from '@/lib/panel/timing';
import { startRead } from '@/lib/panel/page';
import { App } from './App';
import './style.css';
import '@/components/highlights.css';

markStage('boot');
// ?tabId=N pins the panel to one tab (used when it is opened as a page, e.g. by the tests).
const pinned = Number(new URLSearchParams(location.search).get('tabId'));
const pinnedTabId = Number.isInteger(pinned) && pinned > 0 ? pinned : null;
// The page is read while the panel renders its first frame.
markStage('read');
const firstRead = startRead(pinnedTabId);
render(<App pinnedTabId={pinnedTabId} firstRead={firstRead} />, document.getElementById('app')!);
