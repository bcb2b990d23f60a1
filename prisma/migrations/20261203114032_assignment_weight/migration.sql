-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "weight" INTEGER NOT NULL DEFAULT 1;
