/**
 * URL rules for background links: which hrefs on a news page can lead to
 * another article worth reading, and how to write a URL so that two hrefs to
 * the same article compare equal.
 */

/** Why a link is not background; `null` from {@link classifyLink} means it may be. */
export type DropReason =
  | 'invalid'
  | 'scheme'
  | 'self'
  | 'share'
  | 'social'
  | 'ad'
  | 'redirect'
  | 'comments'
  | 'service'
  | 'taxonomy'
  | 'front'
  | 'file';

// Query parameters that only say where a click came from.
// Beside utm_*, the click ids of the big ad networks and the referral tags of a
// few large news sites (NYT `_r`, `smid`; CNN `iid`; French `xtor`).
const TRACKING_PARAM =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|yclid|ocid|_r|smid|smtyp|iid|cmpid|xtor|ns_campaign|ns_mchannel|ns_source|ns_linkname|ito)$/i;

const SHARE = [
  /(^|\.)facebook\.com\/(sharer|share|dialog\/(share|feed))/,
  /(^|\.)(twitter|x)\.com\/(intent|share|home\?status)/,
  /(^|\.)linkedin\.com\/(sharearticle|shareArticle|sharing|cws\/share)/i,
  /^(wa\.me|api\.whatsapp\.com|web\.whatsapp\.com)\//,
  /(^|\.)reddit\.com\/submit/,
  /(^|\.)pinterest\.[a-z.]+\/pin\/create/,
  /^(t\.me|telegram\.me)\/share/,
  /(^|\.)tumblr\.com\/(share|widgets\/share)/,
  /(^|\.)news\.ycombinator\.com\/submitlink/,
  /(^|\.)flipboard\.com\/bookmarklet/,
  /(^|\.)getpocket\.com\/(save|edit)/,
  /^[^/]+\/(share|sharer)(\.php)?(\/|\?|$)/,
];

// Profiles and posts on social networks are sources, not background reading.
const SOCIAL_HOSTS =
  /(^|\.)(facebook\.com|fb\.com|twitter\.com|x\.com|instagram\.com|tiktok\.com|threads\.net|linkedin\.com|pinterest\.[a-z.]+|t\.me|whatsapp\.com|snapchat\.com|bsky\.app|plus\.google\.com)$/;

const AD_HOSTS =
  /(^|\.)(doubleclick\.net|googleadservices\.com|googlesyndication\.com|adservice\.google\.[a-z.]+|amazon-adsystem\.com|outbrain\.com|taboola\.com|criteo\.(com|net)|adnxs\.com|zergnet\.com|revcontent\.com|mgid\.com)$/;

const REDIRECT_PATH = /^\/(r|redirect|redir|out|outbound|click|clicks|go|track|tracking|link|exit|away)(\/|$)/i;

const COMMENT_PATH = /(^|\/)(wp-comments-post\.php|comments?)(\/|$)|#(comments?|respond|disqus)/i;

// Path segments that name an account, legal or house page rather than an article:
// anywhere in the path for the unmistakable ones, only as the last segment for
// words that are also section names ("/jobs/2020/…" is an article).
const SERVICE_ANYWHERE = new Set(
  (
    'login log-in signin sign-in signup sign-up register registration logout account my-account myaccount ' +
    'subscribe subscription subscriptions newsletter newsletters privacy privacy-policy privacypolicy ' +
    'privacy-notice terms terms-of-service terms-of-use terms-and-conditions tos cookie-policy cookie-settings ' +
    'wp-admin wp-login email-protection'
  ).split(' '),
);
const SERVICE_LAST = new Set(
  (
    'subscriber membership join donate legal imprint impressum cookies contact contact-us contactus about about-us ' +
    'aboutus advertise advertising careers jobs help faq faqs feedback sitemap rss feed feeds corrections ' +
    'accessibility preferences settings apps app'
  ).split(' '),
);
const SERVICE_HOST = /^(login|signin|account|accounts|myaccount|subscribe|subscription|join|help|support|auth|id|sso)\./;

// A path segment that introduces a tag, topic, author or section listing.
const TAXONOMY_SEGMENTS = new Set(
  (
    'tag tags topic topics author authors people person profile profiles user users byline bylines contributor ' +
    'contributors writer writers staff category categories section sections search archive archives keyword keywords ' +
    'label labels series by column columns'
  ).split(' '),
);

const FILE_EXTENSION =
  /\.(pdf|zip|rar|7z|gz|tgz|tar|doc|docx|xls|xlsx|ppt|pptx|odt|ods|csv|epub|mobi|mp3|mp4|m4a|mov|avi|wav|ogg|webm|jpe?g|png|gif|webp|svg|exe|dmg|apk|msi|ics|torrent)$/i;

// Image and file servers ("vignette.wikia.nocookie.net", "static.example.com").
const ASSET_HOST = /^(vignette|static|cdn|images?|img|media|assets|upload|uploads|files|download|downloads)\d*\./;

/**
 * Resolves `href` against `baseUrl` and writes it canonically: no hash, no
 * `utm_*` or click-id parameters, lower-case host. Returns `null` for hrefs
 * that do not parse. Two hrefs to the same article then compare equal.
 */
export function normaliseUrl(href: string, baseUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), baseUrl);
  } catch {
    return null;
  }
  url.hash = '';
  // forEach, not iteration: URLSearchParams is not iterable through Firefox's content-script wrappers.
  const tracking: string[] = [];
  url.searchParams.forEach((_value, key) => {
    if (TRACKING_PARAM.test(key)) tracking.push(key);
  });
  for (const key of tracking) url.searchParams.delete(key);
  // URLSearchParams.delete re-serialises the query; keep an emptied one empty.
  if (url.search === '?') url.search = '';
  return url.href;
}

/** The URL without protocol, `www.` and trailing slash, to recognise the page itself. */
function identity(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname.replace(/\/(index\.html?)?$/, '');
  return host + path + url.search;
}

/** True for a single path segment that reads like an article slug, not a section name. */
function looksLikeSlug(segment: string): boolean {
  const words = segment.replace(/\.(s?html?|php|aspx?)$/i, '').split(/[-_+]+/).filter(Boolean);
  const page = /\.(s?html?|php|aspx?)$/i.test(segment) && words.length >= 2;
  return words.length >= 3 || page || /\d{5,}/.test(segment);
}

/**
 * Decides whether `href` on the page at `pageUrl` can be a background link.
 * Returns the canonical URL (see {@link normaliseUrl}) and, when the link is
 * navigation, sharing, an ad, a comment form, a tag or author page, a house
 * page (login, privacy, newsletter…), a file or the page itself, the reason
 * it is not. Only http(s) links can pass.
 */
export function classifyLink(href: string, pageUrl: string): { url: string | null; drop: DropReason | null } {
  const raw = href.trim();
  if (!raw) return { url: null, drop: 'invalid' };
  let parsed: URL;
  try {
    parsed = new URL(raw, pageUrl);
  } catch {
    return { url: null, drop: 'invalid' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { url: null, drop: 'scheme' };
  const url = normaliseUrl(raw, pageUrl)!;
  const clean = new URL(url);
  const drop = dropReason(parsed, clean, pageUrl);
  return { url, drop };
}

function dropReason(parsed: URL, clean: URL, pageUrl: string): DropReason | null {
  const host = clean.hostname.toLowerCase();
  const hostPath = `${host}${clean.pathname}${clean.search}`;
  const path = decodePath(clean.pathname);
  // "/pages/todayspaper/index.html" is the folder "/pages/todayspaper/".
  const folder = path.replace(/\/(index|default)\.(s?html?|php|aspx?)$/i, '/');
  const segments = folder.split('/').filter(Boolean);
  let page: URL | null = null;
  try {
    page = new URL(pageUrl);
  } catch {
    page = null;
  }
  if (page && identity(clean) === identity(new URL(normaliseUrl(page.href, page.href)!))) return 'self';
  if (SHARE.some((re) => re.test(hostPath))) return 'share';
  if (SOCIAL_HOSTS.test(host)) return 'social';
  if (AD_HOSTS.test(host) || /^(ads?|adclick|adserver|track|tracking|click|clicks)\./.test(host)) return 'ad';
  let carriesUrl = false;
  clean.searchParams.forEach((value) => {
    if (/^(https?:)?\/\//i.test(value)) carriesUrl = true;
  });
  if (REDIRECT_PATH.test(path) || carriesUrl) {
    return 'redirect';
  }
  if (COMMENT_PATH.test(path + parsed.hash)) return 'comments';
  if (SERVICE_HOST.test(host)) return 'service';
  const words = segments.map((s) => s.toLowerCase().replace(/\.(s?html?|php|aspx?)$/, ''));
  if (words.some((w) => SERVICE_ANYWHERE.has(w)) || SERVICE_LAST.has(words.at(-1) ?? '')) return 'service';
  if (segments.slice(0, -1).some((s) => TAXONOMY_SEGMENTS.has(s.toLowerCase())) ||
      (segments.length === 1 && TAXONOMY_SEGMENTS.has(segments[0].toLowerCase()))) {
    return 'taxonomy';
  }
  if (FILE_EXTENSION.test(path) || ASSET_HOST.test(host)) return 'file';
  if (segments.length === 0 && !clean.search) return 'front';
  if (segments.length === 1 && !looksLikeSlug(segments[0]) && !clean.search) return 'front';
  // "/news/world/": short plain words ending in a slash are a section front.
  if (segments.length === 2 && folder.endsWith('/') && segments.every((s) => /^[\p{L}]+$/u.test(s))) return 'front';
  return null;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
