-- AlterTable
ALTER TABLE "DebateResponse" ADD COLUMN     "returnedVersionSubmittedAt" TIMESTAMP(3);
