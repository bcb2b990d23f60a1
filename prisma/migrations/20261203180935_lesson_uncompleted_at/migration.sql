-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "uncompletedAt" TIMESTAMP(3);
