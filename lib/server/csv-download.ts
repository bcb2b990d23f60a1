import "server-only";
/**
 * A CSV file for the browser to save, named from what it is of ("Autumn seminar", "Quiz 1", "responses" →
 * Autumn-seminar-Quiz-1-responses.csv; ASCII only, so every browser keeps the name). Never cached: it holds grades.
 */
export function csvDownload(csv: string, ...nameParts: string[]): Response {
  return fileDownload(csv, { type: "text/csv", extension: "csv" }, ...nameParts);
}

/** A text file of another kind (e.g. Markdown) for the browser to save, named and never cached as a CSV download. */
export function fileDownload(text: string, kind: { type: string; extension: string }, ...nameParts: string[]): Response {
  const slug = nameParts.map((part) => part.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")).filter(Boolean).join("-");
  return new Response(text, {
    headers: { "content-type": `${kind.type}; charset=utf-8`, "content-disposition": `attachment; filename="${slug || "download"}.${kind.extension}"`, "cache-control": "no-store" },
  });
}
