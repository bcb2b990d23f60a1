-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "latePenaltyFloorPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "latePenaltyPercentPerDay" INTEGER NOT NULL DEFAULT 0;
