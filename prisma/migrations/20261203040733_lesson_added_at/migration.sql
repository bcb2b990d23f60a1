-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Lessons from before this was recorded count as there from the start: they are owed by every assignment.
UPDATE "Lesson" SET "addedAt" = '1970-01-01 00:00:00';
