import { Link } from "@/components/app-link";
import { plural } from "@/lib/plural";
import type { Metadata } from "next";
import { Breadcrumbs, Container, Notice, PageHeader } from "@/components/ui";
import { formatLabel } from "@/lib/importer/input";
import type { TermKind } from "@/lib/importer/nlp";
import { formatPublished } from "@/lib/server/catalog";
import { requireInstructor } from "@/lib/server/instructor-page";
import { getImportDraft } from "@/lib/server/import-service";
import { orNotFound } from "@/lib/server/page";
import { WithdrawButton } from "./withdraw-button";
import { PublishPanel } from "./publish-panel";
import { LocalTime } from "@/components/local-time";
import { QuestionReview } from "./question-review";
import { DetailsForm } from "./details-form";
import { Markdown } from "@/lib/server/markdown";

export const metadata: Metadata = { title: "Review a draft lesson" };

const termGroups: { kind: TermKind; label: string }[] = [
  { kind: "person", label: "People" },
  { kind: "organisation", label: "Organisations" },
  { kind: "place", label: "Places" },
  { kind: "policy", label: "Policies and initiatives" },
];

export default async function DraftReviewPage({ params }: { params: Promise<{ draftId: string }> }) {
  const { draftId } = await params;
  const user = await requireInstructor(`/instructor/import/${draftId}`);
  const found = await orNotFound(getImportDraft(user, draftId));
  const { draft } = found;
  const published = found.status === "PUBLISHED";
  const counts = {
    accepted: draft.questions.filter((q) => q.status === "accepted").length,
    dropped: draft.questions.filter((q) => q.status === "dropped").length,
    draft: draft.questions.filter((q) => q.status === "draft").length,
  };
  const meta = draft.metadata;

  return (
    <Container>
      <Breadcrumbs items={[{ href: "/instructor", label: "Your classes" }, { href: "/instructor/import", label: "Import a reading" }, { label: meta.title }]} />
      <div className="mt-4" />
      <PageHeader eyebrow={<>{published ? "Published lesson" : "Draft lesson"} · from <span className="break-all">{found.fileName}</span> ({formatLabel[draft.format]})</>} title={meta.title}>
        {published ? "This lesson is published. Only the questions you accepted went with it." : "Check what was found, then accept, drop or edit each draft question. Students see nothing until you publish."}
      </PageHeader>

      {published && found.withdrawnAt && (
        <div className="mb-8">
          <Notice title="Withdrawn">
            You withdrew this lesson from students on <LocalTime iso={found.withdrawnAt.toISOString()} />. Their work on it is kept. To offer the reading again, import it again.
          </Notice>
        </div>
      )}
      {published && !found.withdrawnAt && (
        <div className="mb-8">
          <Notice tone="success" title="Published">
            {found.lessonUrl ? <>Students find it in Imported readings: <Link className="underline" href={found.lessonUrl}>open the lesson</Link>.</> : "Students find it in Imported readings."}
            <WithdrawButton draftId={found.id} />
          </Notice>
        </div>
      )}
      {draft.notes.length > 0 && (
        <div className="mb-8">
          <Notice tone="info" title="Notes on the import">
            <ul className="list-disc space-y-1 pl-5">{draft.notes.map((n, i) => <li key={i}>{n}</li>)}</ul>
          </Notice>
        </div>
      )}

      <section aria-labelledby="reading-heading" className="card mb-8">
        <h2 id="reading-heading" className="text-lg font-semibold">The reading</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div><dt className="text-stone-600">Author</dt><dd className="font-medium">{meta.author ?? <span className="text-stone-500">not found in the text</span>}</dd></div>
          <div><dt className="text-stone-600">Date</dt><dd className="font-medium">{meta.date ? <time dateTime={meta.date}>{formatPublished(meta.date)}</time> : <span className="text-stone-500">not found in the text</span>}</dd></div>
          <div><dt className="text-stone-600">Published in</dt><dd className="font-medium">{meta.outlet ?? <span className="text-stone-500">not stated</span>}</dd></div>
          <div><dt className="text-stone-600">Length</dt><dd className="font-medium">{draft.stats.words.toLocaleString("en")} {draft.stats.words === 1 ? "word" : "words"} · {plural(draft.stats.sentences, "sentence")}</dd></div>
        </dl>
        {!published && (
          <details className="mt-4 border-t border-stone-200 pt-4" open={!meta.author || !meta.date}>
            <summary className="cursor-pointer font-medium">Correct the title and citation</summary>
            <p className="mt-1 mb-3 text-sm text-stone-600">Students see them on the lesson and under every section it teaches.</p>
            <DetailsForm draftId={found.id} initial={{ title: meta.title, author: draft.source.author, outlet: draft.source.outlet, published: draft.source.published }} />
          </details>
        )}
      </section>

      <div className="mb-10 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="sections-heading" className="card">
          <h2 id="sections-heading" className="text-lg font-semibold">Sections <span className="text-sm font-normal text-stone-600">({draft.sections.length})</span></h2>
          <ol className="mt-3 list-decimal space-y-1 pl-6 text-stone-800">
            {draft.sections.map((s) => <li key={s.anchor}>{s.title} <span className="text-sm text-stone-500">· {plural(s.words, "word")}</span></li>)}
          </ol>
        </section>

        <section aria-labelledby="terms-heading" className="card">
          <h2 id="terms-heading" className="text-lg font-semibold">Key terms <span className="text-sm font-normal text-stone-600">({draft.keyTerms.length})</span></h2>
          {draft.keyTerms.length === 0 ? <p className="mt-3 text-sm text-stone-600">No named people, organisations, places or policies were found.</p> : (
            <dl className="mt-3 space-y-3">
              {termGroups.map(({ kind, label }) => {
                const terms = draft.keyTerms.filter((t) => t.kind === kind);
                return terms.length === 0 ? null : (
                  <div key={kind}>
                    <dt className="text-sm text-stone-600">{label}</dt>
                    <dd className="mt-1 flex flex-wrap gap-1.5">
                      {terms.map((t) => <span key={t.term} className="badge bg-brand-50 text-brand-800" title={t.sentence}>{t.term}{t.mentions > 1 ? ` ×${t.mentions}` : ""}</span>)}
                    </dd>
                  </div>
                );
              })}
            </dl>
          )}
        </section>

        <section aria-labelledby="events-heading" className="card">
          <h2 id="events-heading" className="text-lg font-semibold">Dated events <span className="text-sm font-normal text-stone-600">({draft.events.length})</span></h2>
          {draft.events.length === 0 ? <p className="mt-3 text-sm text-stone-600">No dates with a year were found.</p> : (
            <ol className="mt-3 space-y-2 border-l-2 border-brand-100 pl-4 text-stone-800">
              {draft.events.map((e, i) => <li key={i}><span className="font-mono text-sm text-brand-700">{e.date}</span> — {e.label}</li>)}
            </ol>
          )}
        </section>

        <section aria-labelledby="figures-heading" className="card">
          <h2 id="figures-heading" className="text-lg font-semibold">Figures <span className="text-sm font-normal text-stone-600">({draft.figures.length})</span></h2>
          {draft.figures.length === 0 ? <p className="mt-3 text-sm text-stone-600">No figures were found.</p> : (
            <ul className="mt-3 space-y-2 text-stone-800">
              {draft.figures.map((f, i) => <li key={i}><span className="font-semibold tabular-nums">{f.text}</span> <span className="text-sm text-stone-600">— {f.sentence}</span></li>)}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="questions-heading" className="mb-10">
        <h2 id="questions-heading" className="text-xl font-semibold">Draft questions</h2>
        <p className="mt-1 text-stone-700">{counts.accepted} accepted · {counts.dropped} dropped · {counts.draft} not reviewed yet</p>
        {draft.questions.length === 0 ? (
          <p className="mt-4 text-stone-700">The text gave nothing to ask about (no named terms, figures or dated events). The lesson can still be published, without a quiz.</p>
        ) : (
          <ol className="mt-4 space-y-4">
            {draft.questions.map((q, i) => <QuestionReview key={q.id} draftId={found.id} number={i + 1} question={q} locked={published} />)}
          </ol>
        )}
      </section>

      {!published && (
        <section aria-labelledby="publish-heading" className="card mb-10 border-brand-100 bg-brand-50">
          <h2 id="publish-heading" className="mb-2 text-lg font-semibold">Publish</h2>
          <PublishPanel draftId={found.id} counts={counts} />
        </section>
      )}

      <details className="card">
        <summary className="cursor-pointer font-semibold">The lesson text ({plural(draft.sections.length, "section")})</summary>
        <div className="prose prose-stone dark:prose-invert mt-4 max-w-none font-serif">
          <Markdown text={draft.body} />
        </div>
      </details>
    </Container>
  );
}
