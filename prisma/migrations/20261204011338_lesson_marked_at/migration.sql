-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "markedAt" TIMESTAMP(3);

-- Rows from before: the last marking is taken to be the completion time kept, as the record read it until now.
UPDATE "LessonProgress" SET "markedAt" = COALESCE("completedAt", "firstCompletedAt") WHERE COALESCE("completedAt", "firstCompletedAt") IS NOT NULL;
