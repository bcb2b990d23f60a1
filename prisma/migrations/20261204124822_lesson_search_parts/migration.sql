-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "searchPartsHash" TEXT;

-- CreateTable
-- "searchVector" is generated from "text" (Prisma's schema can only call it Unsupported("tsvector")?; its type and
-- nullability are what schema.prisma gives, so the two still describe the same columns).
CREATE TABLE "LessonSearchPart" (
    "lessonId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "sectionTitle" TEXT,
    "anchor" TEXT,
    "text" TEXT NOT NULL,
    "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED,

    CONSTRAINT "LessonSearchPart_pkey" PRIMARY KEY ("lessonId","position")
);

-- CreateIndex
CREATE INDEX "LessonSearchPart_searchVector_idx" ON "LessonSearchPart" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "LessonSearchPart" ADD CONSTRAINT "LessonSearchPart_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A lesson whose title, summary, meta or body change in a statement that does not also set "searchPartsHash" has
-- stale parts: its hash is cleared, and search writes its parts again before it searches (whoever wrote the text).
CREATE FUNCTION "Lesson_searchPartsStale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."searchPartsHash" IS NOT DISTINCT FROM OLD."searchPartsHash" THEN
    NEW."searchPartsHash" := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Lesson_searchPartsStale" BEFORE UPDATE OF "title", "summary", "meta", "body" ON "Lesson"
  FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."summary" IS DISTINCT FROM NEW."summary" OR OLD."meta" IS DISTINCT FROM NEW."meta" OR OLD."body" IS DISTINCT FROM NEW."body")
  EXECUTE FUNCTION "Lesson_searchPartsStale"();

-- Lessons from before have no parts ("searchPartsHash" is null): the content sync at start writes those of the
-- courses in content/, and search writes the others' (imported readings) the first time it meets them.
