import { languageName } from '@/lib/language';
import type { ArticleInfo } from '@/lib/report';
import { formatDay } from './format';

/** The article's title, source, date, language, length and excerpt. */
export function ArticleHeader({ info }: { info: ArticleInfo }) {
  const minutes = Math.max(1, Math.round(info.wordCount / 230));
  const facts = [info.siteName, info.byline].filter(Boolean).join(' · ');
  return (
    <header class="article" aria-labelledby="article-title">
      <h1 id="article-title">{info.title || 'Untitled article'}</h1>
      {facts && <p class="byline">{facts}</p>}
      <p class="facts">
        {info.published ? <time dateTime={info.published}>{formatDay(info.published)}</time> : <span>No publication date stated</span>}
        {info.lang && <span lang="en"> · {languageName(info.lang)}</span>}
        <span> · {info.wordCount.toLocaleString('en')} words · {minutes} min read</span>
      </p>
      {info.excerpt && <p class="excerpt">{info.excerpt}</p>}
    </header>
  );
}
