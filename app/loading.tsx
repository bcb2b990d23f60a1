export default function Loading() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12" role="status" aria-live="polite">
      <div className="h-8 w-2/3 animate-pulse rounded bg-stone-200" />
      <div className="mt-4 h-4 w-full animate-pulse rounded bg-stone-200" />
      <div className="mt-2 h-4 w-5/6 animate-pulse rounded bg-stone-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
