-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "requiresReading" BOOLEAN NOT NULL DEFAULT false;
