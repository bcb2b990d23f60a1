-- AlterTable
ALTER TABLE "DebateResponse" ADD COLUMN     "returnNote" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "returnedAt" TIMESTAMP(3);
