// A problem in the content files, named by file and field so an author can fix it without reading code; the
// loader, the checks across courses and the sync all report with it.
export type ContentProblem = { file: string; field: string; message: string };

export class ContentError extends Error {
  /** `notices`: files left out of the course, worth showing beside the problems (a lesson not listed, say). */
  constructor(readonly problems: ContentProblem[], readonly notices: ContentProblem[] = []) {
    super(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join("\n"));
  }
}
