// Which stretch of a long list one page shows.

export type ListPage = {
  /** The 1-based page shown. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown (both 0 when the list is empty). */
  first: number;
  last: number;
  total: number;
  /** Items to skip before the page: the database's offset. */
  offset: number;
};

/**
 * The page of `total` items, `pageSize` to a page, that a request for page `requested` shows. A page past the
 * end (a link from when the list was longer, or a hand-edited URL) shows the last page instead of an empty one.
 */
export function listPage(requested: number, total: number, pageSize: number): ListPage {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  const offset = (page - 1) * pageSize;
  return { page, pages, first: total === 0 ? 0 : offset + 1, last: Math.min(offset + pageSize, total), total, offset };
}
