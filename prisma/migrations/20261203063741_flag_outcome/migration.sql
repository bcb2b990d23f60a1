-- CreateEnum
CREATE TYPE "FlagOutcome" AS ENUM ('REGRADED', 'KEY_STANDS');

-- AlterTable
ALTER TABLE "QuestionFlag" ADD COLUMN     "outcome" "FlagOutcome",
ADD COLUMN     "reply" TEXT;

-- Until now a flag was resolved only by a regrade.
UPDATE "QuestionFlag" SET "outcome" = 'REGRADED' WHERE "resolvedAt" IS NOT NULL;
