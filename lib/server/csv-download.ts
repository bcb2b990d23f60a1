import "server-only";
/**
 * A CSV file for the browser to save, named from what it is of ("Autumn seminar", "Quiz 1", "responses" →
 * Autumn-seminar-Quiz-1-responses.csv; ASCII only, so every browser keeps the name). Never cached: it holds grades.
 */
export function csvDownload(csv: string, ...nameParts: string[]): Response {
  const slug = nameParts.map((part) => part.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")).filter(Boolean).join("-");
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${slug || "download"}.csv"`, "cache-control": "no-store" },
  });
}
