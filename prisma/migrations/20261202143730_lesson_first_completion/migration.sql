-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "firstCompletedAt" TIMESTAMP(3);

-- Lessons already complete were first completed at their current completion time.
UPDATE "LessonProgress" SET "firstCompletedAt" = "completedAt" WHERE "completedAt" IS NOT NULL;
