-- AlterTable
ALTER TABLE "LessonDraft" ADD COLUMN     "withdrawnAt" TIMESTAMP(3);
