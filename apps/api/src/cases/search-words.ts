import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A word in at least this share of cases narrows the word index's lookup too little to be worth it. */
export const COMMON_WORD_SHARE = 0.02;
/** How long the word shares read from PostgreSQL's statistics are used before they are read again. */
const SHARES_TTL_MS = 10 * 60_000;
/** English stems are fixed for a word; remembered up to this many words, then forgotten all at once. */
const STEMS_KEPT = 10_000;

/**
 * Which words of a search the word index should look up. PostgreSQL's GIN index intersects every
 * word's list of cases, and a half-typed last word beside a word in every case (a subject's
 * "request") costs milliseconds at a million cases; looked up alone, the rare words find a few
 * hundred cases, which the whole search then checks. The shares come from the column's statistics
 * (ANALYZE's most common words), so nothing is counted per search.
 */
@Injectable()
export class SearchWords {
  private shares: Promise<Map<string, number>> | null = null;
  private sharesReadAt = 0;
  private readonly stems = new Map<string, string[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The words to look up in the index (the rest are only checked), or null to look up every word: when
   * none is rare, every one is, or the statistics are not there yet. A subset finds a superset of the
   * whole search's cases: each word's term is the same or, as the last, a prefix.
   */
  async toLookUp(words: readonly string[]): Promise<string[] | null> {
    if (words.length < 2) return null;
    const [shares, stems] = await Promise.all([this.wordShares(), this.englishStems(words)]);
    if (shares.size === 0) return null;
    const rare = words.filter((word, i) => {
      const share = wordShare(shares, stems, word, i === words.length - 1);
      // An English stop word ("the") is left out of the search itself: looking it up would narrow wrongly.
      return share !== null && share < COMMON_WORD_SHARE;
    });
    return rare.length > 0 && rare.length < words.length ? rare : null;
  }

  /**
   * The share of cases that have every word, from the column's statistics, when each word is among its
   * most common (else null, for the planner to estimate). A word's share is that of its most common form
   * (as typed, or its English stem; for a half-typed last word, of any word it begins): no more than its
   * true share. Words are taken as independent, as the planner takes them.
   */
  async shareOf(words: readonly string[]): Promise<number | null> {
    const [shares, stems] = await Promise.all([this.wordShares(), this.englishStems(words)]);
    let share = 1;
    let counted = 0;
    for (const [i, word] of words.entries()) {
      const most = wordShare(shares, stems, word, i === words.length - 1);
      if (most === null) continue; // a stop word is left out of the search
      if (most === 0) return null;
      share *= most;
      counted++;
    }
    return counted > 0 ? share : null;
  }

  /** Each of the column's most common words with the share of cases it is in, read at most every ten minutes. */
  private wordShares(): Promise<Map<string, number>> {
    if (!this.shares || Date.now() - this.sharesReadAt > SHARES_TTL_MS) {
      this.sharesReadAt = Date.now();
      this.shares = this.dataSource
        .query(
          `SELECT most_common_elems::text::text[] AS words, most_common_elem_freqs AS shares
             FROM pg_stats
            WHERE schemaname = current_schema() AND tablename = 'case' AND attname = 'search_words'`,
        )
        .then(
          (rows: { words: string[] | null; shares: number[] | null }[]) => {
            const [row] = rows;
            return new Map((row?.words ?? []).map((word, i) => [word, row?.shares?.[i] ?? 0]));
          },
          // Without the statistics every word is looked up, as before; they are read again next time.
          () => {
            this.shares = null;
            return new Map<string, number>();
          },
        );
    }
    return this.shares;
  }

  /** The English stems of each word (none for a stop word), as case_search_query makes them. */
  private async englishStems(words: readonly string[]): Promise<Map<string, string[]>> {
    const unknown = [...new Set(words.filter((word) => !this.stems.has(word)))];
    if (unknown.length > 0) {
      const rows: { word: string; stems: string[] }[] = await this.dataSource.query(
        `SELECT word, tsvector_to_array(to_tsvector('english', word)) AS stems FROM unnest($1::text[]) word`,
        [unknown],
      );
      if (this.stems.size + rows.length > STEMS_KEPT) this.stems.clear();
      for (const row of rows) this.stems.set(row.word, row.stems);
    }
    return new Map(words.map((word) => [word, this.stems.get(word) ?? []]));
  }
}

/** A word's share of cases: its most common form's (as typed or an English stem); null for an English stop word. */
function wordShare(
  shares: ReadonlyMap<string, number>,
  stems: ReadonlyMap<string, string[]>,
  word: string,
  last: boolean,
): number | null {
  const english = stems.get(word) ?? [];
  if (english.length === 0) return null;
  return Math.max(...[word.toLowerCase(), ...english].map((lexeme) => shareIn(shares, lexeme, last)));
}

/** A lexeme's share of cases among the most common; for a prefix, the largest of the words it begins (0 when none). */
function shareIn(shares: ReadonlyMap<string, number>, lexeme: string, prefix: boolean): number {
  if (!prefix) return shares.get(lexeme) ?? 0;
  let most = 0;
  for (const [known, share] of shares) if (known.startsWith(lexeme) && share > most) most = share;
  return most;
}
