import { describe, expect, it } from "vitest";
import { listPage } from "@/lib/domain/paging";

describe("listPage", () => {
  it("gives the page's stretch of the list and its offset", () => {
    expect(listPage(1, 53, 20)).toEqual({ page: 1, pages: 3, first: 1, last: 20, total: 53, offset: 0 });
    expect(listPage(2, 53, 20)).toEqual({ page: 2, pages: 3, first: 21, last: 40, total: 53, offset: 20 });
    expect(listPage(3, 53, 20)).toEqual({ page: 3, pages: 3, first: 41, last: 53, total: 53, offset: 40 });
    expect(listPage(2, 40, 20)).toMatchObject({ page: 2, pages: 2, first: 21, last: 40 });
  });

  it("shows the last page for a page past the end, and the first for anything below 1", () => {
    expect(listPage(9, 53, 20)).toMatchObject({ page: 3, first: 41, last: 53, offset: 40 });
    expect(listPage(10_000, 21, 20)).toMatchObject({ page: 2, first: 21, last: 21 });
    expect(listPage(0, 53, 20)).toMatchObject({ page: 1, offset: 0 });
    expect(listPage(-3, 53, 20)).toMatchObject({ page: 1, offset: 0 });
  });

  it("an empty list is one empty page", () => {
    expect(listPage(1, 0, 20)).toEqual({ page: 1, pages: 1, first: 0, last: 0, total: 0, offset: 0 });
    expect(listPage(4, 0, 20)).toMatchObject({ page: 1, offset: 0 });
  });
});
