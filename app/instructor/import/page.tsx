import { Link } from "@/components/app-link";
import type { Metadata } from "next";
import { Breadcrumbs, Container, PageHeader, Pager } from "@/components/ui";
import { LocalTime } from "@/components/local-time";
import { formatLabel, type ImportFormat } from "@/lib/importer/input";
import { plural } from "@/lib/plural";
import { requireInstructor } from "@/lib/server/instructor-page";
import { listImportDrafts } from "@/lib/server/import-service";
import { pageNumber } from "@/lib/server/page-params";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a reading" };

const here = "/instructor/import";

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const page = pageNumber((await searchParams).page);
  const user = await requireInstructor(page > 1 ? `${here}?page=${page}` : here);
  const { drafts, paging } = await listImportDrafts(user, { page });
  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { label: "Import a reading" }]} />
      <div className="mt-4" />
      <PageHeader title="Import a reading">
        Bring an article as plain text, Markdown or HTML. Caravan drafts a lesson from it — sections, key terms, dates and figures — and draft questions for you to review. Nothing reaches students until you publish, and only the questions you accept go with it.
      </PageHeader>
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading" className="mb-4 text-lg font-semibold">New import</h2>
          <ImportForm />
        </section>
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading" className="mb-3 text-lg font-semibold">Your imports</h2>
          {paging.pages > 1 && <p className="mb-3 text-sm text-stone-600">Showing {paging.first}–{paging.last} of {plural(paging.total, "draft")}, newest first</p>}
          {drafts.length === 0 ? (
            <p className="rounded-lg border border-dashed border-stone-300 bg-white/60 px-4 py-6 text-sm text-stone-700">No imports yet. The drafts you make appear here until you publish them, and stay listed afterwards.</p>
          ) : (
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {drafts.map((d) => (
                <li key={d.id} className="p-4">
                  <p className="font-medium"><Link className="hover:underline" href={`/instructor/import/${d.id}`}>{d.title}</Link></p>
                  <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
                    <span className={`badge ${d.status === "PUBLISHED" && !d.withdrawnAt ? "bg-emerald-100 text-emerald-900" : ""}`}>{d.withdrawnAt ? "withdrawn" : d.status === "PUBLISHED" ? "published" : "draft"}</span>
                    <span className="break-all">{d.fileName}</span>
                    <span aria-hidden="true">·</span>
                    <span>{formatLabel[d.format as ImportFormat] ?? d.format}</span>
                    <span aria-hidden="true">·</span>
                    <LocalTime iso={d.createdAt.toISOString()} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pager label="Pages of your imports" path={here} anchor="drafts-heading" paging={paging} previous="Newer" next="Older" />
        </section>
      </div>
    </Container>
  );
}
