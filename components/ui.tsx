// Presentational building blocks shared by every page, so the product looks like one thing.
import { Link } from "@/components/app-link";
import { Fragment, type ReactNode } from "react";

export function PageHeader({ eyebrow, title, children }: { eyebrow?: ReactNode; title: string; children?: ReactNode }) {
  return (
    <header className="mb-8">
      {eyebrow && <div className="mb-2 text-sm text-stone-600">{eyebrow}</div>}
      <h1 className="font-serif text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">{title}</h1>
      {children && <div className="mt-3 max-w-2xl text-lg text-stone-700">{children}</div>}
    </header>
  );
}

/** The trail to this page; on a phone only the way up (the page's own name is its heading), not four lines of it. */
export function Breadcrumbs({ items }: { items: { href?: string; label: string }[] }) {
  const parent = items.findLastIndex((item) => item.href);
  return (
    <nav aria-label="Breadcrumb" className="print:hidden">
      <ol className="flex flex-wrap items-center gap-1 text-sm text-stone-600">
        {items.map((item, i) => (
          <li key={i} className={`${i === parent ? "flex" : "hidden sm:flex"} items-center gap-1`}>
            {i > 0 && <span aria-hidden="true" className="hidden sm:inline">/</span>}
            {i === parent && <span aria-hidden="true" className="sm:hidden">←</span>}
            {item.href ? <Link className="underline-offset-2 hover:underline" href={item.href}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="flex items-center gap-3">
      <div role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} className="h-2.5 flex-1 overflow-hidden rounded-full bg-stone-200">
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
      <span className="w-11 text-right text-sm tabular-nums text-stone-700">{value}%</span>
    </div>
  );
}

/** `page`: the state is the whole page (not found, an error), so its title is the page's heading. */
export function EmptyState({ title, children, action, page = false }: { title: string; children?: ReactNode; action?: ReactNode; page?: boolean }) {
  const Heading = page ? "h1" : "h2";
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white/60 px-6 py-10 text-center">
      <Heading className="text-lg font-semibold text-stone-900">{title}</Heading>
      {children && <div className="mx-auto mt-2 max-w-md text-stone-700">{children}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}

export function Notice({ tone = "info", children, title }: { tone?: "info" | "success" | "warning" | "error"; title?: string; children: ReactNode }) {
  const tones = {
    info: "border-sky-200 bg-sky-50 text-sky-950",
    success: "border-emerald-200 bg-emerald-50 text-emerald-950",
    warning: "border-amber-200 bg-amber-50 text-amber-950",
    error: "border-red-200 bg-red-50 text-red-950",
  };
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${tones[tone]}`}>
      {title && <p className="font-semibold">{title}</p>}
      <div>{children}</div>
    </div>
  );
}

export function Container({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  return <div className={`mx-auto w-full px-4 py-8 sm:px-6 sm:py-12 ${narrow ? "max-w-3xl" : "max-w-5xl"}`}>{children}</div>;
}

/**
 * Previous and next links through a long list, "Page 2 of 3" between them; each link lands on the list (`anchor`),
 * not the top of the page. The labels say which way the list runs ("Newer", "Older").
 */
export function Pager({ label, path, anchor, paging, previous = "Previous", next = "Next" }: { label: string; path: string; anchor: string; paging: { page: number; pages: number }; previous?: string; next?: string }) {
  if (paging.pages <= 1) return null;
  // `path` may carry a query of its own (a search's words), which the page number joins.
  const hrefOf = (page: number) => {
    const [base, query = ""] = path.split("?");
    const params = new URLSearchParams(query);
    if (page > 1) params.set("page", String(page));
    else params.delete("page");
    return `${base}${params.size > 0 ? `?${params}` : ""}#${anchor}`;
  };
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-3 text-sm">
      {paging.page > 1 && <Link rel="prev" className="btn-secondary" href={hrefOf(paging.page - 1)}><span aria-hidden="true">← </span>{previous}</Link>}
      <span className="text-stone-600">Page {paging.page} of {paging.pages}</span>
      {paging.page < paging.pages && <Link rel="next" className="btn-secondary" href={hrefOf(paging.page + 1)}>{next}<span aria-hidden="true"> →</span></Link>}
    </nav>
  );
}

/**
 * An email address that wraps, where it must, before its "@" or a dot, as style guides break them; mid-word only where
 * one part is wider than the line. `wrap-anywhere`, not `break-words`: in a flex row or a table cell only the first lets the
 * address's box shrink below its longest part, so a long address wraps instead of pushing the page wider than a phone.
 */
export function EmailAddress({ address, className = "" }: { address: string; className?: string }) {
  return (
    <span className={`wrap-anywhere ${className}`}>
      {address.split(/(?=[@.])/).map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}
    </span>
  );
}

/**
 * A table's box that scrolls sideways when the screen is narrower than the table: focusable, so keys scroll it too.
 * The same `table-scroll` box as a lesson's Markdown tables (lib/server/markdown-render.ts).
 */
export function TableScroller({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  // Positioned, so a visually hidden label in a cell (absolutely placed) scrolls with the table, not past the page's edge.
  return <div role="region" aria-label={label} tabIndex={0} className={`table-scroll relative ${className}`}>{children}</div>;
}
