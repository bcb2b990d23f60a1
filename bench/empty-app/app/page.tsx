// Rendered on demand, like every Caravan page, with no code, data or styles of its own.
export const dynamic = "force-dynamic";

export default function EmptyPage() {
  return (
    <main>
      <h1>An empty page</h1>
      <p>The App Router renders this on each request; it has no components, data or styles of its own.</p>
    </main>
  );
}
