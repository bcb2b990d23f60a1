-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "dropLowestDebates" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dropLowestQuizzes" INTEGER NOT NULL DEFAULT 0;
