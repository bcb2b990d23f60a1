-- AlterTable
ALTER TABLE "AssignmentExtension" ADD COLUMN     "extraTimePercent" INTEGER NOT NULL DEFAULT 0;
