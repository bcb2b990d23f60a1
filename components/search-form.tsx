// A plain GET form: search works before any JavaScript loads, and the results page has a shareable address.
export function SearchForm({ course, query = "", label }: { course: string | null; query?: string; label: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className="flex max-w-xl items-start gap-2">
      {course && <input type="hidden" name="course" value={course} />}
      <label htmlFor="search-q" className="sr-only">{label}</label>
      <input id="search-q" name="q" type="search" defaultValue={query} maxLength={200} placeholder="A name, place, term or date" className="field-input" />
      <button type="submit" className="btn-secondary mt-1 shrink-0 self-stretch">Search</button>
    </form>
  );
}
