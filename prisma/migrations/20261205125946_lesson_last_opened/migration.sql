-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "lastOpenedAt" TIMESTAMP(3);
