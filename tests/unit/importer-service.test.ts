// The import service's own logic, with the database and the importer stood in for: whatever the importer
// throws reaches the instructor as a sentence (a 400), never as a server error; the drafts list comes a
// page at a time and says how many there are. The database side is in tests/integration/import.test.ts.
import { afterEach, describe, expect, it, vi } from "vitest";
import { inputMessages } from "@/lib/importer/input";
import type { SessionUser } from "@/lib/server/auth";
import { UserError } from "@/lib/server/errors";

const lessonDraft = { count: vi.fn(), findMany: vi.fn(), create: vi.fn() };
vi.mock("@/lib/server/db", () => ({ db: () => ({ lessonDraft }) }));
const buildImportDraft = vi.fn();
vi.mock("@/lib/importer/draft", async (original) => ({ ...(await original<typeof import("@/lib/importer/draft")>()), buildImportDraft: (...args: unknown[]) => buildImportDraft(...args) }));

const { createImportDraft, DRAFTS_PAGE_SIZE, listImportDrafts } = await import("@/lib/server/import-service");

const teacher = { id: "00000000-0000-4000-8000-000000000001", name: "Ada Teacher", role: "INSTRUCTOR" } as SessionUser;

afterEach(() => vi.clearAllMocks());

describe("creating a draft", () => {
  it("turns an unexpected failure of the importer into a sentence for the instructor, and logs the cause", async () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'text')");
    buildImportDraft.mockImplementation(() => {
      throw cause;
    });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await createImportDraft(teacher, { fileName: "odd.html", text: "<p>An odd page.</p>" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: "INVALID", message: inputMessages.unreadable, fieldErrors: { text: [inputMessages.unreadable] } });
    expect(log).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ fileName: "odd.html", error: cause }));
    expect(lessonDraft.create).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("the drafts list", () => {
  it("shows a page of drafts with where it stands in the whole list", async () => {
    lessonDraft.count.mockResolvedValue(73);
    lessonDraft.findMany.mockResolvedValue([]);
    const second = await listImportDrafts(teacher, { page: 2 });
    expect(second.paging).toEqual({ page: 2, pages: 2, first: 51, last: 73, total: 73, offset: 50 });
    expect(lessonDraft.findMany).toHaveBeenLastCalledWith(expect.objectContaining({ where: { instructorId: teacher.id }, skip: 50, take: DRAFTS_PAGE_SIZE }));
    // A page past the end (an old link) shows the last page; no page asked for is the first.
    expect((await listImportDrafts(teacher, { page: 9 })).paging).toMatchObject({ page: 2, first: 51, last: 73 });
    expect((await listImportDrafts(teacher)).paging).toMatchObject({ page: 1, first: 1, last: 50, total: 73 });
    expect(lessonDraft.findMany).toHaveBeenLastCalledWith(expect.objectContaining({ skip: 0, take: DRAFTS_PAGE_SIZE }));
  });
});
